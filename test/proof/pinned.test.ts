// The pinned sides the guard fingerprints (src/proof/pinned.ts): canonical text of exact values, their first float
// approximations, and both sides of a step at pinned points — equal hashes where the identity holds, different ones
// where a typo is, the same on every call, and no pinned point where a side divides by zero.
import { fraction } from 'mathjs';
import { describe, expect, it } from 'vitest';
import { canonical, pinnedSides, sideFloats, sidesAtPoint } from '../../src/proof/pinned.ts';
import { logLinear } from '../../src/symbolic/loglinear.ts';
import { makeRng } from '../../src/core/random.ts';
import type { AlgebraicWitnessSpec, NumericWitnessSpec, VarSpec } from '../../src/proof/types.ts';
import { step, transposeOfProduct } from '../helpers/proof-steps.ts';


describe('canonical', () => {
  it('writes exact values as text: fractions as ±n/d, object keys sorted', () => {
    expect(canonical(fraction(-3, 4))).toBe('-3/4');
    expect(canonical(fraction(6, 4))).toBe('3/2');
    expect(canonical([fraction(1, 2), [fraction(0)]])).toBe('[1/2,[0/1]]');
    expect(canonical({ b: 1, a: 'x' })).toBe('{"a":"x","b":1}');
    expect(canonical({ re: fraction(1), im: fraction(-1, 3) })).toBe('{"im":-1/3,"re":1/1}');
    expect([canonical(null), canonical(undefined), canonical(true), canonical(2.5), canonical(7n)]).toEqual(['null', 'null', 'true', '2.5', '7']);
  });
});

describe('sideFloats', () => {
  it('takes the first four float values, in order, through arrays and objects', () => {
    expect(sideFloats([[fraction(1, 2), fraction(-1, 4)], [fraction(3), fraction(5)], [fraction(7)]])).toEqual([0.5, -0.25, 3, 5]);
    expect(sideFloats({ re: fraction(1, 8), im: fraction(2) })).toEqual([0.125, 2]);
    expect(sideFloats([null, 3, undefined])).toEqual([3]);
  });

  it('a log-linear value is r + Σ (p/q)·log a', () => {
    const v = logLinear(fraction(1, 2), [{ coef: [3, 2], arg: fraction(4) }, { coef: [-1, 1], arg: fraction(2) }]);
    expect(sideFloats(v)[0]).toBeCloseTo(0.5 + 1.5 * Math.log(4) - Math.log(2), 14);
  });
});

describe('pinnedSides', () => {
  it('an algebraic witness: two points, equal hashes where the identity holds, the same on every call', () => {
    const p = pinnedSides(step([transposeOfProduct(false)]), 'test', 0);
    expect(p.map((s) => [s.witness, s.point])).toEqual([[0, 0], [0, 1]]);
    for (const s of p) {
      expect(s.lhsHash).toMatch(/^[0-9a-f]{16}$/);
      expect(s.lhsHash).toBe(s.rhsHash);
      expect(s.lhs).toEqual(s.rhs);
      expect(s.lhs).toHaveLength(4);
    }
    expect(p[0].lhsHash).not.toBe(p[1].lhsHash);
    expect(pinnedSides(step([transposeOfProduct(false)]), 'test', 0)).toEqual(p);
  });

  it('a typo changes the right side\'s hash; another derivation id or step index draws other points', () => {
    const typo = pinnedSides(step([transposeOfProduct(true)]), 'test', 0);
    const right = pinnedSides(step([transposeOfProduct(false)]), 'test', 0);
    expect(typo.map((s) => s.lhsHash)).toEqual(right.map((s) => s.lhsHash));
    for (const s of typo) expect(s.rhsHash).not.toBe(s.lhsHash);
    expect(pinnedSides(step([transposeOfProduct(false)]), 'other', 0)[0].lhsHash).not.toBe(right[0].lhsHash);
    expect(pinnedSides(step([transposeOfProduct(false)]), 'test', 1)[0].lhsHash).not.toBe(right[0].lhsHash);
  });

  it('a numeric witness: both sides on its first two inputs, skipped inputs left out', () => {
    const numeric = (skipFirst: boolean): NumericWitnessSpec<number> => ({
      type: 'numeric',
      inputs: 'k',
      generate: (_rng, k) => k + 1,
      evaluate: (x) => ({ relation: 'eq', lhs: [x, 2 * x], rhs: x * 3, tolerance: 0, toleranceReason: '', ...(skipFirst && x === 1 ? { skip: 'undefined' } : {}) }),
      describe: (x) => ({ x }),
    });
    expect(pinnedSides(step([numeric(false)]), 'test', 0)).toEqual([
      { witness: 0, point: 0, lhs: [1, 2], rhs: [3] },
      { witness: 0, point: 1, lhs: [2, 4], rhs: [6] },
    ]);
    expect(pinnedSides(step([numeric(true)]), 'test', 0)).toEqual([{ witness: 0, point: 1, lhs: [2, 4], rhs: [6] }]);
  });
});

describe('sidesAtPoint', () => {
  const x: VarSpec = { name: 'x', kind: 'scalar' };
  it('gives both sides and the point; null where a side divides by zero', () => {
    const w: AlgebraicWitnessSpec = { type: 'algebraic', variables: [x], degree: 1, lhs: (F, v) => F.add(v.s('x'), v.s('x')), rhs: (F, v) => F.mul(F.rational(2), v.s('x')) };
    const s = sidesAtPoint(w, makeRng(3))!;
    expect(canonical(s.lhs)).toBe(canonical(s.rhs));
    expect(Object.keys(s.point)).toEqual(['x']);
    const singular: AlgebraicWitnessSpec = { ...w, lhs: (F, v) => F.div(F.one(), F.sub(v.s('x'), v.s('x'))) };
    expect(sidesAtPoint(singular, makeRng(3))).toBeNull();
  });

  it('a complex witness evaluates over the complex numbers (a real point has zero imaginary part)', () => {
    const w: AlgebraicWitnessSpec = { type: 'algebraic', complex: true, variables: [x], degree: 1, lhs: (F, v) => F.conj(v.s('x')), rhs: (_F, v) => v.s('x') };
    const s = sidesAtPoint(w, makeRng(4))! as { lhs: { re: unknown; im: { n: bigint } } };
    expect(s.lhs.im.n).toBe(0n);
  });
});

describe('pinned values: the edges of their inputs', () => {
  const x: VarSpec = { name: 'x', kind: 'scalar' };

  it('canonical: only an object with bigint n, d and s is a fraction; others are written as objects', () => {
    expect(canonical({ n: 1, d: 2n, s: 1n })).toBe('{"d":2,"n":1,"s":1}');
    expect(canonical({ n: 1n, d: 2, s: 1n })).toBe('{"d":2,"n":1,"s":1}');
    expect(canonical({ n: 1n, d: 2n, s: 1 })).toBe('{"d":2,"n":1,"s":1}');
  });

  it('sideFloats: strings and booleans carry no float; a fraction needs n, d and s; other objects are walked', () => {
    expect(sideFloats(['x', true, 2])).toEqual([2]);
    expect(sideFloats({ s: 3 })).toEqual([3]);
    expect(sideFloats({ n: 1, s: 2 })).toEqual([1, 2]);
    expect(sideFloats({ a: 5, b: [6] })).toEqual([5, 6]);
  });

  it('pinnedSides: a witness singular at every point gives no pinned point (after a bounded number of draws)', () => {
    const alwaysSingular: AlgebraicWitnessSpec = {
      type: 'algebraic',
      variables: [x],
      degree: 1,
      lhs: (F, v) => F.div(F.one(), F.sub(v.s('x'), v.s('x'))),
      rhs: (F, v) => v.s('x'),
    };
    expect(pinnedSides(step([alwaysSingular]), 'test', 0)).toEqual([]);
  });

  it('pinnedSides: a numeric scalar side is kept as a one-element list; long sides keep their first eight values', () => {
    const numeric: NumericWitnessSpec<number> = {
      type: 'numeric',
      inputs: 'k',
      generate: (_rng, k) => k,
      evaluate: (k) => ({ relation: 'eq', lhs: 10 + k, rhs: Array.from({ length: 10 }, (_, i) => i + k), tolerance: 0, toleranceReason: '' }),
      describe: (k) => ({ k }),
    };
    expect(pinnedSides(step([numeric]), 'test', 0)).toEqual([
      { witness: 0, point: 0, lhs: [10], rhs: [0, 1, 2, 3, 4, 5, 6, 7] },
      { witness: 0, point: 1, lhs: [11], rhs: [1, 2, 3, 4, 5, 6, 7, 8] },
    ]);
  });

  it('sidesAtPoint: a real witness stays real (a fraction, not a complex pair); errors other than division by zero propagate', () => {
    const w: AlgebraicWitnessSpec = { type: 'algebraic', variables: [x], degree: 1, lhs: (_F, v) => v.s('x'), rhs: (_F, v) => v.s('x') };
    const s = sidesAtPoint(w, makeRng(5))! as { lhs: Record<string, unknown> };
    expect(typeof s.lhs.n).toBe('bigint');
    expect('re' in s.lhs).toBe(false);
    const broken: AlgebraicWitnessSpec = { ...w, lhs: () => { throw new Error('not a division by zero'); } };
    expect(() => sidesAtPoint(broken, makeRng(5))).toThrow('not a division by zero');
  });
});
