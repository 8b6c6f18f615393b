/** Theorem 3 (Eqs. 31–32): for any U, V (f = id), J_tot ≤ N² Tr(WᵀW)/(ε₁ε₂), i.e. J_tot,rel ≤ N². */
import type { GeneratedCase } from '../src/arbitraries/cases.ts';
import { toMatrixCase } from '../src/arbitraries/cases.ts';
import { describeCase, generalAndShearCases } from '../src/arbitraries/case-sets.ts';
import { defaultCapacityKit, type CapacityKit } from '../src/claims/checks/property-kit.ts';
import { guarded } from '../src/claims/checks/property-kit.ts';
import type { PropertyClaim } from '../src/claims/checks/property-types.ts';
import { propertyClaim } from '../src/claims/checks/property.ts';

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
    arbitrary: generalAndShearCases(),
    evaluate: (model, g) =>
      guarded(() => {
        const r = kit[model](toMatrixCase(g));
        const n2 = g.N * g.N;
        // margin in units of J_tot,rel: N² − J_tot,rel; its error is that of J_tot,rel.
        return { value: r.jtotRel / n2, margin: n2 - r.jtotRel, bound: n2, errorBound: r.relativeError * Math.abs(r.jtotRel), numbers: { ...r.numbers, N: g.N, bound: n2 } };
      }),
    describe: describeCase,
    size: (g) => g.N,
  };
}

export const theorem3Property = makeTheorem3Property();

export default propertyClaim(theorem3Property, 140);
