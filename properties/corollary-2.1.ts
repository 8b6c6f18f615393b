/**
 * Corollary 2.1 (Eqs. 26–27): for normal, convergent U and V, J_tot < I(W) = ‖W‖_F²/(ε₁ε₂),
 * i.e. J_tot,rel < 1. Strict, as stated; the non-strict reading J_tot,rel ≤ 1 is reported beside it.
 */
import type { GeneratedCase } from '../src/arbitraries/cases.ts';
import { toMatrixCase } from '../src/arbitraries/cases.ts';
import { describeCase, MAX_N, normalConvergentCasesToTheTie } from '../src/arbitraries/case-sets.ts';
import { ALL_INPUT_FAMILIES } from '../src/arbitraries/inputs.ts';
import { NORMAL_FAMILIES } from '../src/arbitraries/matrices.ts';
import { caseDimensions, distanceBuckets } from '../src/claims/checks/case-coverage.ts';
import { defaultCapacityKit, guarded, type CapacityKit } from '../src/claims/checks/property-kit.ts';
import type { PropertyClaim } from '../src/claims/checks/property-types.ts';
import { propertyClaim } from '../src/claims/checks/property.ts';

export { defaultCapacityKit, type CapacityKit };

/** The distance to the boundary J_tot,rel = 1: |1 − J_tot,rel|, a tie within the error bound, then decades. */
const oneMinusJrel = distanceBuckets([0, 1e-9, 1e-6, 1e-3, 0.1, 0.5], 1, '|1 − J_rel|');

export function makeCorollary21Property(kit: CapacityKit = defaultCapacityKit): PropertyClaim<GeneratedCase> {
  return {
    id: 'corollary-2.1',
    source: 'Corollary 2.1, Eqs. 26-27',
    statement: 'For normal, convergent U and V: J_tot < I(W) = Tr(WᵀW)/(ε₁ε₂), i.e. J_tot,rel < 1.',
    statementTex: 'J_{tot} < \\frac{1}{\\varepsilon_1\\varepsilon_2}\\mathrm{Tr}(W^T W) \\iff J_{tot_{rel}} < 1',
    kind: 'strict',
    relaxed: { statement: 'J_tot,rel ≤ 1' },
    quantity: { paper: 'J_tot,rel (Eq. 16 / Lemma 2)', exact: 'J_tot,rel (true law / Lemma 2)' },
    models: ['paper', 'exact'],
    notes: {
      paper: 'In the paper model J_tot,rel is a g-weighted average (Eq. 18) with g < 1 unless |λ_U| = |λ_V| = 0; a tie therefore means U and V vanish on the eigenspaces that carry W (U = V = 0 is normal and convergent, but the derivation assumes 0 < |λ|).',
      exact: 'For normal U, V the vectorized 𝒜 = Vᵀ ⊗ Uᵀ is normal, and for a normal network J_tot = I(W) exactly (Ganguli et al. 2008, in N² dimensions): ties are the expected value, not rounding luck.',
    },
    arbitrary: normalConvergentCasesToTheTie(),
    evaluate: (model, g) =>
      guarded(() => {
        const r = kit[model](toMatrixCase(g));
        return { value: r.jtotRel, margin: 1 - r.jtotRel, bound: 1, errorBound: r.relativeError * Math.abs(r.jtotRel), numbers: { ...r.numbers, N: g.N } };
      }),
    describe: describeCase,
    size: (g) => g.N,
    coverage: [
      ...caseDimensions((g: GeneratedCase) => g, { uFamilies: NORMAL_FAMILIES, vFamilies: NORMAL_FAMILIES, wFamilies: ALL_INPUT_FAMILIES, maxN: MAX_N, outsideSpectra: ['non-normal', 'nearly defective non-normal'], outsideRadii: ['≥ 1 (divergent)'] }),
      {
        name: '|1 − J_rel|',
        buckets: oneMinusJrel.buckets,
        unreachable: oneMinusJrel.buckets
          .filter((b) => b !== oneMinusJrel.tie)
          .map((bucket) => ({ bucket, models: ['exact'] as const, reason: 'for normal U, V the vectorized 𝒜 = Vᵀ ⊗ Uᵀ is normal, so the true J_tot = I(W) exactly (Ganguli et al. 2008 in N² dimensions): every case of the exact model is a tie' })),
        bucket: (_g, e) => (e.undefinedReason === undefined ? oneMinusJrel.of(e.margin, e.errorBound) : undefined),
      },
    ],
  };
}

export const corollary21Property = makeCorollary21Property();

export default propertyClaim(corollary21Property, 120);
