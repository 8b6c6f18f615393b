// compareValues and scalarPairs decide a step's two sides exactly (mathjs Fractions): the first differing entry and
// its difference are named, shapes and kinds are checked, log-linear values compare by their rational part and then
// by the products of their log arguments. combineWitnesses' details name what decided.
import { describe, expect, it } from 'vitest';
import { compareValues, scalarPairs, truncate } from '../../src/proof/compare.ts';
import { combineWitnesses } from '../../src/proof/combine.ts';
import { fractionField as F } from '../../src/symbolic/field.ts';
import { logLinear } from '../../src/symbolic/loglinear.ts';
import type { WitnessResult } from '../../src/core/types.ts';
import { verdictOfGaps } from '../helpers/expected-verdicts.ts';

const q = (n: number, d = 1) => F.rational(n, d);
const mat = (rows: number[][]) => rows.map((r) => r.map((x) => q(x)));

describe('compareValues', () => {
  it('scalars: equal, or the difference lhs − rhs', () => {
    expect(compareValues(F, q(1, 2), q(2, 4))).toEqual({ equal: true, where: 'scalar', lhs: '1/2', rhs: '1/2', difference: '0' });
    expect(compareValues(F, q(1, 2), q(1, 3))).toEqual({ equal: false, where: 'scalar', lhs: '1/2', rhs: '1/3', difference: '1/6' });
  });

  it('matrices: the first differing entry, 1-based, row by row', () => {
    expect(compareValues(F, mat([[1, 2], [3, 4]]), mat([[1, 2], [3, 4]]))).toEqual({ equal: true, where: 'all entries', lhs: '', rhs: '' });
    expect(compareValues(F, mat([[1, 2], [3, 4]]), mat([[1, 2], [5, 6]]))).toEqual({ equal: false, where: 'entry (2, 1)', lhs: '3', rhs: '5', difference: '-2' });
    expect(compareValues(F, mat([[1, 2], [3, 4]]), mat([[1, 7], [5, 6]])).where).toBe('entry (1, 2)');
  });

  it('matrices of different shapes, rows or columns', () => {
    expect(compareValues(F, mat([[1, 2]]), mat([[1], [2]]))).toEqual({ equal: false, where: 'shape', lhs: '1×2', rhs: '2×1' });
    expect(compareValues(F, mat([[1, 2]]), mat([[1, 2, 3]]))).toMatchObject({ equal: false, where: 'shape', rhs: '1×3' });
    expect(compareValues(F, mat([[1], [2]]), mat([[1], [2], [3]]))).toMatchObject({ equal: false, where: 'shape', rhs: '3×1' });
  });

  it('refuses to compare a matrix with a scalar, or a log-linear value with a plain one, either way round', () => {
    expect(() => compareValues(F, mat([[1]]), q(1))).toThrow(/matrix with a scalar/);
    expect(() => compareValues(F, q(1), mat([[1]]))).toThrow(/matrix with a scalar/);
    expect(() => compareValues(F, logLinear(q(1)), q(1))).toThrow(/log-linear/);
    expect(() => compareValues(F, q(1), logLinear(q(1)))).toThrow(/log-linear/);
  });

  it('log-linear: the rational part first, then the products of the log arguments', () => {
    // 1 + log 6 = 1 + log 2 + log 3
    const left = logLinear(q(1), [{ coef: [1, 1], arg: q(6) }]);
    const right = logLinear(q(1), [{ coef: [1, 1], arg: q(2) }, { coef: [1, 1], arg: q(3) }]);
    expect(compareValues(F, left, right)).toEqual({ equal: true, where: 'all', lhs: '1', rhs: '1' });
    // 1 + log 6 ≠ 2 + log 6: the rational parts differ by −1
    expect(compareValues(F, left, logLinear(q(2), [{ coef: [1, 1], arg: q(6) }]))).toEqual({ equal: false, where: 'rational part', lhs: '1', rhs: '2', difference: '-1' });
    // 1 + log 6 ≠ 1 + log 5
    expect(compareValues(F, left, logLinear(q(1), [{ coef: [1, 1], arg: q(5) }]))).toMatchObject({ equal: false, where: 'logarithmic part (products of log arguments)' });
  });
});

describe('scalarPairs', () => {
  it('lists the scalar equalities in order', () => {
    expect(scalarPairs(F, q(1), q(2))).toEqual([{ where: 'scalar', a: q(1), b: q(2) }]);
    const pairs = scalarPairs(F, mat([[1, 2], [3, 4]]), mat([[5, 6], [7, 8]])) as { where: string; a: unknown; b: unknown }[];
    expect(pairs.map((p) => p.where)).toEqual(['entry (1, 1)', 'entry (1, 2)', 'entry (2, 1)', 'entry (2, 2)']);
    expect(pairs[2]).toEqual({ where: 'entry (2, 1)', a: q(3), b: q(7) });
    expect(scalarPairs(F, mat([[1, 2]]), mat([[1], [2]]))).toEqual({ shape: '1×2 vs 2×1' });
    expect(scalarPairs(F, mat([[1, 2]]), mat([[1, 2, 3]]))).toEqual({ shape: '1×2 vs 1×3' });
    const logs = scalarPairs(F, logLinear(q(1), [{ coef: [1, 1], arg: q(6) }]), logLinear(q(2), [{ coef: [1, 1], arg: q(6) }])) as { where: string; a: unknown; b: unknown }[];
    expect(logs.map((p) => p.where)).toEqual(['rational part', 'logarithmic part (products of log arguments)']);
    expect([logs[0].a, logs[0].b]).toEqual([q(1), q(2)]);
    expect(() => scalarPairs(F, mat([[1]]), q(1))).toThrow(/matrix with a scalar/);
    expect(() => scalarPairs(F, q(1), logLinear(q(1)))).toThrow(/log-linear/);
  });

  it('truncate keeps short strings and says how long a cut one was', () => {
    expect(truncate('abc', 3)).toBe('abc');
    expect(truncate('abcd', 3)).toBe('abc… (4 characters)');
    expect(truncate('x'.repeat(300))).toBe('x'.repeat(300));
    expect(truncate('x'.repeat(301))).toBe(`${'x'.repeat(300)}… (301 characters)`);
  });
});

describe('combineWitnesses', () => {
  // witness verdicts made from evidence: a zero gap, a non-zero gap, no evidence
  const [HOLDS, FAILS, NONE] = [verdictOfGaps(0), verdictOfGaps(1), verdictOfGaps()];
  const w = (witness: WitnessResult['witness'], verdict: WitnessResult['verdict']): WitnessResult => ({ witness, verdict, detail: `${witness} says ${verdict}` });

  it('agreement: the verdict, the highest-ranked finished method (symbolic, identity, numeric), and a summary', () => {
    expect(combineWitnesses([w('numeric', HOLDS), w('identity', HOLDS)])).toEqual({
      verdict: HOLDS, method: 'identity', detail: 'all finished witnesses agree it holds (numeric: holds, identity: holds)',
    });
    expect(combineWitnesses([w('numeric', FAILS)])).toEqual({ verdict: FAILS, method: 'numeric', detail: 'all finished witnesses agree it fails (numeric: fails)' });
  });

  it('unfinished witnesses are named after the verdict they did not take part in', () => {
    expect(combineWitnesses([w('symbolic', NONE), w('numeric', HOLDS)]).detail).toBe(
      'all finished witnesses agree it holds (symbolic: inconclusive, numeric: holds); the verdict follows the witnesses that finished (numeric); symbolic inconclusive: symbolic says inconclusive',
    );
  });

  it('none finished: inconclusive, with every detail; disagreement: inconclusive, never resolved', () => {
    expect(combineWitnesses([w('symbolic', NONE), w('identity', NONE)])).toEqual({
      verdict: NONE, method: 'symbolic', detail: 'no witness finished (symbolic: inconclusive, identity: inconclusive): symbolic says inconclusive | identity says inconclusive',
    });
    expect(combineWitnesses([w('symbolic', NONE), w('identity', HOLDS), w('numeric', FAILS)])).toEqual({
      verdict: NONE,
      method: 'identity',
      detail: 'WITNESSES DISAGREE (symbolic: inconclusive, identity: holds, numeric: fails) — reported, not resolved: identity: identity says holds | numeric: numeric says fails',
    });
    expect(combineWitnesses([w('simulation', NONE)]).method).toBe('numeric');
  });
});
