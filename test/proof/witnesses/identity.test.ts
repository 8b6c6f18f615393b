// The identity witness (src/proof/witnesses/identity.ts): exact evaluation at random rational points, the
// Schwartz–Zippel bound (d/|S|)^n with |S| the smallest domain among the variables, singular points resampled up
// to n + 20 attempts, and a failing point reported with where the sides differ.
import { describe, expect, it } from 'vitest';
import { runIdentity } from '../../../src/proof/witnesses/identity.ts';
import { DivisionByZeroError } from '../../../src/symbolic/field.ts';
import { makeRng } from '../../../src/core/random.ts';
import type { AlgebraicWitnessSpec, VarSpec } from '../../../src/proof/types.ts';
import { transposeOfProduct, transposeOfProductGap } from '../../helpers/proof-steps.ts';
import { verdictOfGaps } from '../../helpers/expected-verdicts.ts';

const x: VarSpec = { name: 'x', kind: 'scalar', domain: 'positive' };

// expected verdicts from plain-number evidence: the transpose identity's gap with and without the typo,
// x·1 − x = 0, and no evidence at all
const [TRUE, FALSE, NONE] = [verdictOfGaps(transposeOfProductGap(false)), verdictOfGaps(transposeOfProductGap(true)), verdictOfGaps()];

describe('runIdentity', () => {
  it('holds: n points, the bound (d/|S|)^n with |S| = 997 for small matrix entries', () => {
    const r = runIdentity(transposeOfProduct(false), makeRng(1), 3).result;
    expect(r).toMatchObject({ witness: 'identity', verdict: TRUE, points: 3, degree: 2, valuesPerCoordinate: 997, errorBound: (2 / 997) ** 3 });
    expect(r.detail).toBe(`equal exactly at 3 random rational points (denominator 997, 997 values per coordinate); Schwartz–Zippel: a false identity of degree ≤ 2 passes with probability ≤ (2/997)^3 = ${((2 / 997) ** 3).toExponential(2)}`);
  });

  it('|S| is the smallest domain among the variables; the witness\'s own point count wins', () => {
    const positive: AlgebraicWitnessSpec = { type: 'algebraic', variables: [x], degree: 1, lhs: (F, v) => F.mul(v.s('x'), F.one()), rhs: (_F, v) => v.s('x'), identity: { points: 2 } };
    expect(runIdentity(positive, makeRng(1), 9).result).toMatchObject({ verdict: TRUE, points: 2, valuesPerCoordinate: 1994 });
    const any: AlgebraicWitnessSpec = { ...positive, variables: [{ name: 'x', kind: 'scalar' }] };
    expect(runIdentity(any, makeRng(1), 9).result.valuesPerCoordinate).toBe(3989);
    const withSpd: AlgebraicWitnessSpec = { ...positive, variables: [{ name: 'x', kind: 'scalar' }, { name: 'P', kind: 'matrix', rows: 1, cols: 1, structure: 'spd', domain: 'any' }] };
    expect(runIdentity(withSpd, makeRng(1), 9).result.valuesPerCoordinate).toBe(997);
    const unitMatrix: AlgebraicWitnessSpec = { ...positive, variables: [{ name: 'M', kind: 'matrix', rows: 1, cols: 1, domain: 'unit' }], lhs: (_F, v) => v.m('M'), rhs: (_F, v) => v.m('M') };
    expect(runIdentity(unitMatrix, makeRng(1), 9).result.valuesPerCoordinate).toBe(1993);
  });

  it('fails at the first point for a transposition typo, with the entry and the difference', () => {
    const o = runIdentity(transposeOfProduct(true), makeRng(1), 3);
    expect(o.result).toMatchObject({ witness: 'identity', verdict: FALSE, points: 1 });
    expect(o.result.detail).toMatch(/^exact rational evaluation at point 1: the sides differ at entry \(\d, \d\) \(lhs -?\d+\/\d+, rhs -?\d+\/\d+\)$/);
    expect(o.counterexample).toMatchObject({ witness: 'identity', where: expect.stringMatching(/^entry/), difference: expect.any(String) });
    expect(Object.keys((o.counterexample as { point: object }).point)).toEqual(['A', 'B']);
  });

  it('singular points are resampled and counted; never enough regular points is inconclusive', () => {
    let calls = 0;
    const onceSingular: AlgebraicWitnessSpec = {
      type: 'algebraic', variables: [x], degree: 1,
      lhs: (_F, v) => { if (calls++ === 0) throw new DivisionByZeroError('first point singular'); return v.s('x'); },
      rhs: (_F, v) => v.s('x'),
    };
    const r = runIdentity(onceSingular, makeRng(1), 2).result;
    expect(r).toMatchObject({ verdict: TRUE, points: 2 });
    expect(r.detail).toContain('1994 values per coordinate, 1 singular points resampled)');
    const alwaysSingular: AlgebraicWitnessSpec = { ...onceSingular, lhs: (F, v) => F.div(F.one(), F.sub(v.s('x'), v.s('x'))) };
    expect(runIdentity(alwaysSingular, makeRng(1), 3).result).toEqual({ witness: 'identity', verdict: NONE, detail: 'only 0 of 3 points avoided singular denominators (23 singular)' });
  });

  it('skipped, or an evaluation error: inconclusive, saying why', () => {
    expect(runIdentity({ ...transposeOfProduct(false), identity: { skip: 'too large' } }, makeRng(1), 3)).toEqual({ result: { witness: 'identity', verdict: NONE, detail: 'not run: too large' }, counterexample: null });
    const broken: AlgebraicWitnessSpec = { ...transposeOfProduct(false), lhs: () => { throw new RangeError('bad side'); } };
    expect(runIdentity(broken, makeRng(1), 3).result).toEqual({ witness: 'identity', verdict: NONE, detail: 'exact evaluation error: bad side' });
  });

  it('a complex witness compares over the complex numbers: conj(z)·z is real, z·z is not', () => {
    const z: VarSpec = { name: 'z', kind: 'scalar', domain: 'complex' };
    const holds: AlgebraicWitnessSpec = { type: 'algebraic', complex: true, variables: [z], degree: 2, lhs: (F, v) => F.mul(F.conj(v.s('z')), v.s('z')), rhs: (F, v) => F.conj(F.mul(F.conj(v.s('z')), v.s('z'))) };
    expect(runIdentity(holds, makeRng(2), 3).result.verdict).toBe(TRUE);
    const fails: AlgebraicWitnessSpec = { ...holds, lhs: (F, v) => F.mul(v.s('z'), v.s('z')), rhs: (F, v) => F.conj(F.mul(v.s('z'), v.s('z'))) };
    expect(runIdentity(fails, makeRng(2), 3).result.verdict).toBe(FALSE);
  });
});
