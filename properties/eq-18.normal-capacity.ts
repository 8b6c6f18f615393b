/**
 * Theorem 2, Eq. 18: for normal U, V, J_tot = Σ_i J(i) equals the closed form
 * (1/ε₁ε₂) Σ_{j,k} g(|λ_{V_k}|, |λ_{U_j}|) |b_jk|², B = E_Uᴴ W E_V.
 * paper: Eq. 18 (unitary eigendecompositions) against Eq. 16 summed (Gram–Stein, no truncation);
 * exact: Eq. 18 against the true J_tot.
 */
import type { GeneratedCase } from '../src/arbitraries/cases.ts';
import { toMatrixCase } from '../src/arbitraries/cases.ts';
import type { MatrixCase } from '../src/models/case.ts';
import { normalEigenData, paperCovariances, paperNormalCapacityEq18, paperTotalCapacity } from '../src/models/paper.ts';
import { exactCovariance, exactTotalCapacity } from '../src/models/exact.ts';
import { describeCase, MAX_N, normalConvergentCases } from '../src/arbitraries/case-sets.ts';
import { ALL_INPUT_FAMILIES } from '../src/arbitraries/inputs.ts';
import { NORMAL_FAMILIES } from '../src/arbitraries/matrices.ts';
import { caseDimensions, errorBoundDimension, identityGapDimension } from '../src/claims/checks/case-coverage.ts';
import { defaultCapacityKit, type CapacityKit } from '../src/claims/checks/property-kit.ts';
import { guarded, UNIT_ROUNDOFF } from '../src/claims/checks/property-kit.ts';
import type { PropertyClaim } from '../src/claims/checks/property-types.ts';
import { defineClaim } from '../src/claims/unit.ts';
import { identityCheck } from '../src/claims/checks/identity.ts';
import { propertyCheck } from '../src/claims/checks/property.ts';

export interface Eq18Kit extends CapacityKit {
  /** Eq. 18 and its estimated relative error. */
  eq18: (c: MatrixCase) => { value: number; relativeError: number };
}

export const defaultEq18Kit: Eq18Kit = {
  ...defaultCapacityKit,
  eq18: (c) => {
    const eig = normalEigenData(c);
    let amp = 1;
    const mod = (l: { re: number[]; im: number[] }) => l.re.map((x, k) => Math.hypot(x, l.im[k]));
    for (const au of mod(eig.lambdaU)) for (const av of mod(eig.lambdaV)) amp = Math.max(amp, 1 / (1 - au * au * av * av));
    // the eigendecomposition residual moves |b_jk|² by ~2× it; g's rounding is ≤ 16u/(1 − |λ_Uλ_V|²)² (see remark-3)
    const n = c.U.rows ** 2;
    return { value: paperNormalCapacityEq18(c, eig), relativeError: 8 * eig.residual + 16 * n * UNIT_ROUNDOFF * amp * amp };
  },
};

export function makeEq18Property(kit: Eq18Kit = defaultEq18Kit): PropertyClaim<GeneratedCase> {
  return {
    id: 'eq-18.normal-capacity',
    source: 'Theorem 2, Eqs. 18-23',
    statement: 'For normal U, V: Σ_i J(i) = (1/ε₁ε₂) Σ_{j,k} g(|λ_{V_k}|, |λ_{U_j}|) |b_jk|² with B = E_Uᴴ W E_V.',
    statementTex: '\\sum_{i\\ge 0} J(i) = \\frac{1}{\\varepsilon_1\\varepsilon_2}\\sum_{j,k}\\frac{(1-|\\lambda_{V_k}|^2)(1-|\\lambda_{U_j}|^2)}{1-|\\lambda_{V_k}|^2|\\lambda_{U_j}|^2}|b_{jk}|^2',
    kind: 'identity',
    quantity: { paper: 'Eq. 18 / J_tot (Eq. 16 summed)', exact: 'Eq. 18 / J_tot (true law)' },
    models: ['paper', 'exact'],
    notes: { exact: 'The true J_tot of a normal system is I(W) (every |b_jk|² with weight 1), so Eq. 18 matches it only where g = 1.' },
    arbitrary: normalConvergentCases(),
    evaluate: (model, g) =>
      guarded(() => {
        const c = toMatrixCase(g);
        const total = kit[model](c);
        const eq = kit.eq18(c);
        const ratio = eq.value / total.jtot;
        return {
          value: ratio,
          margin: -Math.abs(ratio - 1),
          errorBound: (total.relativeError + eq.relativeError) * Math.abs(ratio),
          numbers: { eq18: eq.value, jtot: total.jtot, relativeGap: ratio - 1, N: g.N },
        };
      }),
    describe: describeCase,
    size: (g) => g.N,
    coverage: [
      ...caseDimensions((g: GeneratedCase) => g, { uFamilies: NORMAL_FAMILIES, vFamilies: NORMAL_FAMILIES, wFamilies: ALL_INPUT_FAMILIES, maxN: MAX_N, outsideSpectra: ['non-normal', 'nearly defective non-normal'], outsideRadii: ['≥ 1 (divergent)'] }),
      errorBoundDimension<GeneratedCase>(),
      identityGapDimension<GeneratedCase>(),
    ],
  };
}

export const eq18Property = makeEq18Property();

/** The property above, and the same identity on deterministic case families (numeric comparisons, first). */
export default defineClaim({
  id: 'eq-18.normal-capacity',
  order: 60,
  source: 'Theorem 2, Eq. 18 (= Eq. 23)',
  statement: 'For normal U and V: J_tot = (1/ε₁ε₂) Σ_{j,k} (1 − |λ_{V_k}|²)(1 − |λ_{U_j}|²)/(1 − |λ_{V_k}|²|λ_{U_j}|²) |b_jk|².',
  statementTex: 'J_{tot} = \\frac{1}{\\varepsilon_1\\varepsilon_2}\\sum_{j,k}\\frac{(1-|\\lambda_{V_k}|^2)(1-|\\lambda_{U_j}|^2)}{1-|\\lambda_{V_k}|^2|\\lambda_{U_j}|^2}|b_{jk}|^2',
  checks: [
    identityCheck({
      families: ['scalar', 'normal-real', 'normal-complex'],
      models: {
        paper: (c) => [{ a: paperNormalCapacityEq18(c, normalEigenData(c)), b: paperTotalCapacity(c, paperCovariances(c)).jtot, what: 'J_tot' }],
        exact: (c) => [{ a: paperNormalCapacityEq18(c, normalEigenData(c)), b: exactTotalCapacity(c, exactCovariance(c)).jtot, what: 'J_tot' }],
      },
    }),
    propertyCheck(eq18Property),
  ],
});
