// The sizes summaries of the reports and the terminal (src/report/step-sizes.ts), and the baseline's record of
// them (src/claims/baseline.ts, stepFingerprint): counted from steps checked here, never written by hand.
import { describe, expect, it } from 'vitest';
import { determinant, Matrix } from 'ml-matrix';
import { verdictOfGaps } from '../helpers/expected-verdicts.ts';
import { checkDerivation } from '../../src/proof/check.ts';
import { derivationSizeCounts, derivationSizeLine, stepSizeLine } from '../../src/report/step-sizes.ts';
import { stepFingerprint } from '../../src/claims/baseline.ts';
import { det, eye, mul, trace } from '../../src/symbolic/matrix.ts';
import type { AlgebraicWitnessSpec, Derivation, VarSpec } from '../../src/proof/types.ts';
import { lazy } from '../helpers/lazy.ts';
import { step } from '../helpers/proof-steps.ts';

const A: VarSpec = { name: 'A', kind: 'matrix', rows: 2, cols: 2 };
const B: VarSpec = { name: 'B', kind: 'matrix', rows: 2, cols: 2 };
const alg = (lhs: AlgebraicWitnessSpec['lhs'], rhs: AlgebraicWitnessSpec['rhs']): AlgebraicWitnessSpec => ({ type: 'algebraic', variables: [A, B], degree: 4, lhs, rhs });
const derivation: Derivation = {
  id: 'sizes-demo',
  title: 'four steps',
  source: 'test',
  steps: [
    step([alg((F, v) => trace(F, mul(F, v.m('A'), v.m('B'))), (F, v) => trace(F, mul(F, v.m('B'), v.m('A'))))]),
    step([alg((F, v) => det(F, mul(F, v.m('A'), v.m('B'))), (F, v) => F.mul(det(F, v.m('A')), det(F, v.m('B'))))]),
    // Tr I = 2: holds at the tested size only
    step([alg((F, v) => trace(F, eye(F, v.m('A').length)), (F) => F.rational(2))]),
    step([alg((F, v) => trace(F, v.m('A')), (F, v) => trace(F, v.m('B')))]),
  ],
};
const report = lazy(() => checkDerivation(derivation, { seed: 1, runs: 40 }));

describe('derivation sizes', () => {
  it('counts the steps certified for every N, those that hold at the tested size only, and the others by reason', () => {
    // the verdicts from the test's own float64 evidence (ml-matrix), at 2×2 and, for Tr I = 2, at 3×3
    const [a, b] = [new Matrix([[1, 2], [3, -1]]), new Matrix([[0, 5], [-2, 4]])];
    const expected = [
      verdictOfGaps(a.mmul(b).trace() - b.mmul(a).trace()),
      verdictOfGaps(determinant(a.mmul(b)) - determinant(a) * determinant(b)),
      verdictOfGaps(Matrix.eye(2).trace() - 2, Matrix.eye(3).trace() - 2),
      verdictOfGaps(a.trace() - b.trace()),
    ];
    expect(report().steps.map((s) => s.verdict)).toEqual(expected);
    expect(derivationSizeCounts(report())).toEqual({ steps: 4, algebraic: 4, everyN: 1, smallOnly: 1, testedOnly: [{ short: 'determinants', steps: [2] }, { short: 'fails at the tested size', steps: [4] }] });
    expect(derivationSizeLine(report())).toBe('every N: 1 of 4 steps; holds at the tested size only (fails for larger N): 1; tested sizes only: #2 (determinants); #4 (fails at the tested size)');
  });

  it('one line per step: the certificate and what it covers, or the tested sizes and the reason', () => {
    const [one, two] = report().steps;
    expect(stepSizeLine(one)).toBe('every N (normal form, degree 2); covers the step as written: A, B general N×N');
    expect(stepSizeLine(two)).toMatch(/^tested sizes only \(N = 2; N = 3 \(exact, 2 points\)\): a determinant/);
  });

  it('the baseline records the sizes: every N or not, and each certificate\'s numbers and normal-form digests', () => {
    const [one, two, three] = report().steps;
    const f1 = stepFingerprint(one);
    expect(f1['sizes.everyN']).toBe(1);
    expect(f1['sizes.witness.0.degree']).toBe(2);
    expect(f1['sizes.witness.0.lhsFormHash']).toBe(f1['sizes.witness.0.rhsFormHash']);
    expect(stepFingerprint(two)).toMatchObject({ 'sizes.everyN': 0, 'sizes.witness.0.sizes.0': 3 });
    expect(stepFingerprint(three)).toMatchObject({ 'sizes.everyN': 0, 'counterexample.sizes.N': 3 });
  });
});
