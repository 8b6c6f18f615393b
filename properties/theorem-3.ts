/** Theorem 3 (Eqs. 31–32): for any U, V (f = id), J_tot ≤ N² Tr(WᵀW)/(ε₁ε₂), i.e. J_tot,rel ≤ N². */
import type { GeneratedCase } from '../src/arbitraries/cases.ts';
import { toMatrixCase } from '../src/arbitraries/cases.ts';
import { describeCase, MAX_N, theorem3Cases } from '../src/arbitraries/case-sets.ts';
import { ALL_INPUT_FAMILIES } from '../src/arbitraries/inputs.ts';
import { ALL_FAMILIES } from '../src/arbitraries/matrices.ts';
import { caseDimensions } from '../src/claims/checks/case-coverage.ts';
import { bucketOf, type CoverageDimension } from '../src/claims/checks/property-coverage.ts';
import { classifyCase } from '../src/core/verdict.ts';
import { defaultCapacityKit, type CapacityKit } from '../src/claims/checks/property-kit.ts';
import { guarded } from '../src/claims/checks/property-kit.ts';
import type { PropertyClaim } from '../src/claims/checks/property-types.ts';
import { propertyClaim } from '../src/claims/checks/property.ts';

/**
 * Why the paper model never comes above J_rel/N² = 1/N ≤ 1/2 for N ≥ 2. With m_i = U^{iᵀ}WV^i and Eq. 9's
 * Ψ = ε₁ Σ_k U^{kᵀ}U^k, Σ = ε₂ Σ_k V^{kᵀ}V^k: J_tot = Σ_i ‖Ψ^{-1/2} m_i Σ^{-1/2}‖_F², and
 * ‖Ψ^{-1/2}U^{iᵀ}‖₂² ≤ 1/ε₁ (Ψ ⪰ ε₁U^{iᵀ}U^i, its k = i term), so
 * J_tot ≤ (1/ε₁) Σ_i ‖W V^i Σ^{-1/2}‖_F² ≤ (‖W‖_F²/ε₁) Tr(Σ⁻¹ Σ_i V^{iᵀ}V^i) = ‖W‖_F² N/(ε₁ε₂), i.e.
 * J_rel ≤ N. The near-bound generator's delay lines reach it (J_rel → N as the weights grow, at
 * ρ = 0; 1.998 at N = 2 with weight 30); test/properties/theorem-3.test.ts checks the inequality on generated cases.
 */
const PAPER_BOUND_N = 'in the paper model J_rel ≤ N (module comment), so J_rel/N² ≤ 1/N ≤ 1/2 for N ≥ 2; its delay lines come within 0.1 % of 1/N';

/** J_rel/N², the distance to Theorem 3's bound, in buckets up to the bound; a violation beyond 1000× the error bound apart. */
const RATIO_EDGES = [0, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99];
const RATIO_BUCKETS = ['[0, 0.1)', '[0.1, 0.25)', '[0.25, 0.5)', '[0.5, 0.75)', '[0.75, 0.9)', '[0.9, 0.99)', '[0.99, 1]'];
const VIOLATED = '> 1 (violated)';

function ratioDimension(name: string, sizes: (N: number) => boolean, unreachable: CoverageDimension<GeneratedCase>['unreachable']): CoverageDimension<GeneratedCase> {
  return {
    name,
    buckets: [...RATIO_BUCKETS, VIOLATED],
    outcomes: [VIOLATED],
    unreachable,
    bucket: (g, e) => {
      if (e.undefinedReason !== undefined || !sizes(g.N)) return undefined;
      return classifyCase('inequality', e.margin, e.errorBound) === 'fails' ? VIOLATED : bucketOf(Math.min(e.value, 1), RATIO_EDGES, RATIO_BUCKETS);
    },
  };
}

export function makeTheorem3Property(kit: CapacityKit = defaultCapacityKit): PropertyClaim<GeneratedCase> {
  return {
    id: 'theorem-3',
    source: 'Theorem 3, Eqs. 31-32',
    statement: 'For general (normal or not) U, V and f = id: J_tot ≤ N² Tr(WᵀW)/(ε₁ε₂), i.e. J_tot,rel ≤ N².',
    statementTex: 'J_{tot} \\le \\frac{N^2}{\\varepsilon_1\\varepsilon_2}\\mathrm{Tr}(W^T W) \\iff J_{tot_{rel}} \\le N^2',
    kind: 'inequality',
    quantity: { paper: 'J_tot,rel / N²', exact: 'J_tot,rel / N²' },
    models: ['paper', 'exact'],
    notes: {
      paper: 'The paper model needs ρ(U) < 1 and ρ(V) < 1 (Eq. 9); cases beyond are counted as undefined.',
      exact: 'The exact model needs only ρ(U)ρ(V) < 1, so it is defined on cases where the paper model is not.',
    },
    arbitrary: theorem3Cases(),
    evaluate: (model, g) =>
      guarded(() => {
        const r = kit[model](toMatrixCase(g));
        const n2 = g.N * g.N;
        // margin in units of J_tot,rel: N² − J_tot,rel; its error is that of J_tot,rel.
        return { value: r.jtotRel / n2, margin: n2 - r.jtotRel, bound: n2, errorBound: r.relativeError * Math.abs(r.jtotRel), numbers: { ...r.numbers, N: g.N, bound: n2 } };
      }),
    describe: describeCase,
    size: (g) => g.N,
    coverage: [
      ...caseDimensions((g: GeneratedCase) => g, { uFamilies: ALL_FAMILIES, vFamilies: ALL_FAMILIES, wFamilies: [...ALL_INPUT_FAMILIES, 'corner', 'best-direction'], maxN: MAX_N }),
      ratioDimension(
        'J_rel/N² (N = 1)',
        (N) => N === 1,
        RATIO_BUCKETS.filter((b) => b !== '[0.99, 1]').map((bucket) => ({ bucket, models: ['exact'] as const, reason: 'at N = 1 the system is scalar, hence normal, and the true J_tot = I(W) exactly (Ganguli et al. 2008): J_rel = 1 = N² in every case' })),
      ),
      ratioDimension(
        'J_rel/N² (N ≥ 2)',
        (N) => N >= 2,
        ['[0.5, 0.75)', '[0.75, 0.9)', '[0.9, 0.99)', '[0.99, 1]'].map((bucket) => ({ bucket, models: ['paper'] as const, reason: PAPER_BOUND_N })),
      ),
    ],
  };
}

export const theorem3Property = makeTheorem3Property();

export default propertyClaim(theorem3Property, 140);
