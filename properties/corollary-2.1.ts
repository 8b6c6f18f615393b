/**
 * Corollary 2.1 (Eqs. 26–27): for normal, convergent U and V, J_tot < I(W) = ‖W‖_F²/(ε₁ε₂),
 * i.e. J_tot,rel < 1. Strict, as stated; the non-strict reading J_tot,rel ≤ 1 is reported beside it.
 */
import type { GeneratedCase } from '../src/arbitraries/cases.ts';
import { toMatrixCase } from '../src/arbitraries/cases.ts';
import { describeCase, normalConvergentCases } from '../src/arbitraries/case-sets.ts';
import { defaultCapacityKit, guarded, type CapacityKit } from '../src/claims/checks/property-kit.ts';
import type { PropertyClaim } from '../src/claims/checks/property-types.ts';
import { propertyClaim } from '../src/claims/checks/property.ts';

export { defaultCapacityKit, type CapacityKit };

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
    arbitrary: normalConvergentCases(),
    evaluate: (model, g) =>
      guarded(() => {
        const r = kit[model](toMatrixCase(g));
        return { value: r.jtotRel, margin: 1 - r.jtotRel, bound: 1, errorBound: r.relativeError * Math.abs(r.jtotRel), numbers: { ...r.numbers, N: g.N } };
      }),
    describe: describeCase,
    size: (g) => g.N,
  };
}

export const corollary21Property = makeCorollary21Property();

export default propertyClaim(corollary21Property, 120);
