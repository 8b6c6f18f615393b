// The float64 witness helpers: the rounding tolerance is the stated formula 1e3·N²·ε·max(1, κ)·max|value|, the
// outcomes carry it, and a case witness skips exactly the cases where a model is undefined. Expected values are
// computed by hand from the formula, not by calling it.
import { Matrix } from 'ml-matrix';
import { describe, expect, it } from 'vitest';
import { caseWitness, condProduct, eqOutcome, flat, leOutcome, roundingTolerance } from '../../src/proof/case-witness.ts';
import { makeCase } from '../../src/models/case.ts';
import { ModelUndefinedError } from '../../src/errors.ts';
import { makeRng } from '../../src/core/random.ts';

const EPS = 2 ** -52;

describe('roundingTolerance', () => {
  it('is 1e3·N²·ε·κ·max|value| for κ ≥ 1', () => {
    const t = roundingTolerance([2, -3, 0.5], 2, 5);
    expect(t.tolerance).toBe(1e3 * 4 * EPS * 5 * 3);
    expect(t.reason).toBe('1e3·N²·ε·κ·scale with N = 2, κ = 5.00e+0 (product of SPD condition numbers), scale = 3.00e+0');
  });

  it('never lets κ < 1 shrink it, and scales with N²', () => {
    expect(roundingTolerance([1], 3, 0.25).tolerance).toBe(1e3 * 9 * EPS);
    expect(roundingTolerance([1], 3, 0.25).tolerance).toBe(roundingTolerance([1], 3, 1).tolerance);
    expect(roundingTolerance([-4], 1, 2).tolerance).toBe(1e3 * EPS * 2 * 4);
  });

  it('uses 1e-300 as the scale of all-zero values, so the tolerance is positive', () => {
    const t = roundingTolerance([0, 0], 2, 1);
    expect(t.tolerance).toBe(1e3 * 4 * EPS * 1e-300);
    expect(t.tolerance).toBeGreaterThan(0);
  });
});

describe('outcomes', () => {
  it('condProduct multiplies the SPD condition numbers (diagonal: max/min)', () => {
    expect(condProduct(Matrix.diag([1, 4]), Matrix.diag([2, 3, 6]))).toBeCloseTo(4 * 3, 12);
    expect(condProduct()).toBe(1);
  });

  it('eqOutcome takes the tolerance over both sides and keeps the values; leOutcome is the same with relation le', () => {
    const e = eqOutcome([1, 2], 8, 2, 3, { k: 1 });
    expect(e).toEqual({ relation: 'eq', lhs: [1, 2], rhs: 8, tolerance: 1e3 * 4 * EPS * 3 * 8, toleranceReason: roundingTolerance([1, 2, 8], 2, 3).reason, values: { k: 1 } });
    expect('values' in eqOutcome(1, 1, 1, 1)).toBe(false);
    const l = leOutcome(-6, 1, 1, 1);
    expect(l.relation).toBe('le');
    expect(l.tolerance).toBe(1e3 * EPS * 6);
  });

  it('flat reads a matrix row by row', () => {
    expect(flat(new Matrix([[1, 2], [3, 4]]))).toEqual([1, 2, 3, 4]);
  });
});

describe('caseWitness', () => {
  const c = makeCase([[0.5]], [[0.4]], [[1]]);
  it('is a numeric witness that generates, evaluates and describes cases, with its count', () => {
    const w = caseWitness('one case', () => c, () => eqOutcome(1, 1, 1, 1), 3);
    expect([w.type, w.inputs, w.count]).toEqual(['numeric', 'one case', 3]);
    expect(w.generate(makeRng(1), 0)).toBe(c);
    expect(w.describe(c)).toEqual({ U: [[0.5]], V: [[0.4]], W: [[1]], e1: c.e1, e2: c.e2 });
    expect(w.evaluate(c).relation).toBe('eq');
    expect('count' in caseWitness('x', () => c, () => eqOutcome(1, 1, 1, 1))).toBe(false);
  });

  it('skips a case where the model is undefined, with its reason, and rethrows anything else', () => {
    const undefinedModel = caseWitness('x', () => c, () => { throw new ModelUndefinedError('not stable', 'divergent'); });
    const out = undefinedModel.evaluate(c);
    expect(out.skip).toMatch(/not stable/);
    expect([out.relation, out.lhs, out.rhs, out.tolerance]).toEqual(['eq', 0, 0, 0]);
    const broken = caseWitness('x', () => c, () => { throw new RangeError('bug'); });
    expect(() => broken.evaluate(c)).toThrow(RangeError);
  });
});
