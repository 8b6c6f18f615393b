/**
 * Remark 3 and the remark before Corollary 2.1: for normal convergent U, V with 0 < |λ| < 1, every
 * eigenvalue weight g(|λ_V|, |λ_U|) = (1 − |λ_V|²)(1 − |λ_U|²)/(1 − |λ_V|²|λ_U|²) lies in (0, 1).
 * paper: g over all pairs of computed eigenvalues of U and V.
 * exact: the weight the true law gives |b_jk|² for the same pair: J_tot·ε₁ε₂ of the one-mode system
 *        U = |λ_U|, V = |λ_V|, W = 1 (for normal U, V the exact J_tot decouples into such modes).
 */
import type { GeneratedCase } from '../src/arbitraries/cases.ts';
import { Matrix } from 'ml-matrix';
import { eigenvalues } from '../src/linalg/eigen.ts';
import { makeCase } from '../src/models/case.ts';
import { eigenvalueWeight } from '../src/models/paper.ts';
import { describeCase, MAX_N, normalNonzeroSpectrumCases } from '../src/arbitraries/case-sets.ts';
import { ALL_INPUT_FAMILIES } from '../src/arbitraries/inputs.ts';
import { NORMAL_FAMILIES } from '../src/arbitraries/matrices.ts';
import { caseDimensions, distanceBuckets } from '../src/claims/checks/case-coverage.ts';
import { exactCapacity, guarded, UNIT_ROUNDOFF } from '../src/claims/checks/property-kit.ts';
import type { PropertyClaim } from '../src/claims/checks/property-types.ts';
import { propertyClaim } from '../src/claims/checks/property.ts';

export interface WeightKit {
  paper: (absV: number, absU: number) => number;
  /** Returns the weight and its relative error. */
  exact: (absV: number, absU: number) => { weight: number; relativeError: number };
}

export const defaultWeightKit: WeightKit = {
  paper: eigenvalueWeight,
  exact: (absV, absU) => {
    const r = exactCapacity(makeCase([[absU]], [[absV]], [[1]]));
    return { weight: r.jtot, relativeError: r.relativeError };
  },
};

const moduli = (rows: number[][]) => {
  const { re, im } = eigenvalues(new Matrix(rows));
  return re.map((x, k) => Math.hypot(x, im[k]));
};

/** The distance of the weights to the ends of (0, 1): min(smallest g, 1 − largest g); at most 1/2. */
const toEnds = distanceBuckets([0, 1e-6, 1e-3, 0.1], 0.5, 'distance');

export function makeRemark3Property(kit: WeightKit = defaultWeightKit): PropertyClaim<GeneratedCase> {
  return {
    id: 'remark-3.weight',
    source: 'Remark 3; text before Corollary 2.1',
    statement: 'For 0 < |λ_V|, |λ_U| < 1: g(|λ_V|, |λ_U|) = (1 − |λ_V|²)(1 − |λ_U|²)/(1 − |λ_V|²|λ_U|²) ∈ (0, 1).',
    statementTex: 'g(|\\lambda_V|,|\\lambda_U|) = \\frac{(1-|\\lambda_V|^2)(1-|\\lambda_U|^2)}{1-|\\lambda_V|^2|\\lambda_U|^2} \\in (0, 1)',
    kind: 'strict',
    relaxed: { statement: 'g ∈ [0, 1]' },
    quantity: { paper: 'largest g over eigenvalue pairs', exact: 'largest exact weight of |b_jk|² over eigenvalue pairs' },
    models: ['paper', 'exact'],
    notes: {
      exact: 'In the true law of a normal system each |b_jk|² enters J_tot with weight exactly 1 (the mode is a scalar AR(1) process whose Fisher information sums to its input information), so the paper weight g < 1 is a property of the paper model only.',
    },
    arbitrary: normalNonzeroSpectrumCases(),
    evaluate: (model, g) =>
      guarded(() => {
        const mu = moduli(g.U.rows);
        const mv = moduli(g.V.rows);
        let lo = Infinity;
        let hi = -Infinity;
        let err = 0;
        for (const au of mu) {
          for (const av of mv) {
            // g's rounding: 1 − |λ|² loses u/(1 − |λ|²) relatively, and the eigenvalue moduli carry
            // ~u‖A‖ each; 16 u/(1 − |λ_U λ_V|²)² covers both (∂g/∂|λ|² ≤ 1/(1 − ab)²).
            let w: number;
            let e: number;
            if (model === 'paper') {
              w = kit.paper(av, au);
              e = (16 * UNIT_ROUNDOFF) / (1 - av * av * au * au) ** 2;
            } else {
              const r = kit.exact(av, au);
              w = r.weight;
              e = r.relativeError * Math.abs(w);
            }
            lo = Math.min(lo, w);
            hi = Math.max(hi, w);
            err = Math.max(err, e);
          }
        }
        return { value: hi, margin: Math.min(lo, 1 - hi), bound: 1, errorBound: err, numbers: { smallestWeight: lo, largestWeight: hi, N: g.N } };
      }),
    describe: describeCase,
    size: (g) => g.N,
    coverage: [
      ...caseDimensions((g: GeneratedCase) => g, { uFamilies: NORMAL_FAMILIES, vFamilies: NORMAL_FAMILIES, wFamilies: ALL_INPUT_FAMILIES, maxN: MAX_N, outsideSpectra: ['non-normal', 'nearly defective non-normal'], outsideRadii: ['0', '≥ 1 (divergent)'] }),
      {
        name: 'distance of g to {0, 1}',
        buckets: toEnds.buckets,
        unreachable: [
          { bucket: toEnds.tie, models: ['paper'] as const, reason: 'a tie needs g within its error bound (about 2e-15) of 1 or 0, i.e. |λ| below about 3e-8 or within 1e-15 of 1, where float64 no longer tells g from 1 or 0; the generators stop at |λ| = 1e-7 (1 − g ≈ 2e-14, still resolved) and 0.999' },
          ...toEnds.buckets
            .filter((b) => b !== toEnds.tie)
            .map((bucket) => ({ bucket, models: ['exact'] as const, reason: 'the true law gives every |b_jk|² the weight 1 exactly (each mode is a scalar AR(1) process whose Fisher information sums to its input information), so the distance to 1 is 0 in every case' })),
        ],
        bucket: (_g, e) => (e.undefinedReason === undefined ? toEnds.of(e.margin, e.errorBound) : undefined),
      },
    ],
  };
}

export const remark3Property = makeRemark3Property();

export default propertyClaim(remark3Property, 110);
