import { Matrix } from 'ml-matrix';
import { describe, expect, it } from 'vitest';
import { absSquared, complexDiagonalPower, complexFromReal, complexMul, complexTrace, conjugateTranspose } from '../../src/linalg/complex.ts';

// Small integer matrices: every product below is exact in float64, so equality is exact.
const A = { re: new Matrix([[1, 2], [3, 4]]), im: new Matrix([[0, -1], [2, 5]]) };
const B = { re: new Matrix([[2, 0], [-1, 1]]), im: new Matrix([[1, 3], [0, -2]]) };

describe('complex matrices as (re, im) pairs', () => {
  it('complexMul is (A + iB)(C + iD) = (AC − BD) + i(AD + BC), checked entry by entry by hand', () => {
    const p = complexMul(A, B);
    // entry (0,0): (1 + 0i)(2 + i) + (2 − i)(−1 + 0i) = 2 + i − 2 + i = 0 + 2i
    expect(p.re.get(0, 0)).toBe(0);
    expect(p.im.get(0, 0)).toBe(2);
    // entry (1,1): (3 + 2i)(0 + 3i) + (4 + 5i)(1 − 2i) = (−6 + 9i) + (14 − 3i) = 8 + 6i
    expect(p.re.get(1, 1)).toBe(8);
    expect(p.im.get(1, 1)).toBe(6);
    // entry (0,1): (1)(3i) + (2 − i)(1 − 2i) = 3i + (2 − 4i − i − 2) = 0 − 2i
    expect(p.re.get(0, 1)).toBe(0);
    expect(p.im.get(0, 1)).toBe(-2);
    // entry (1,0): (3 + 2i)(2 + i) + (4 + 5i)(−1) = (4 + 7i) − 4 − 5i = 0 + 2i
    expect(p.re.get(1, 0)).toBe(0);
    expect(p.im.get(1, 0)).toBe(2);
  });

  it('conjugateTranspose transposes and negates the imaginary part; (AB)ᴴ = BᴴAᴴ', () => {
    const h = conjugateTranspose(A);
    expect(h.re.to2DArray()).toEqual([[1, 3], [2, 4]]);
    expect(h.im.to2DArray()).toEqual([[-0, -2], [1, -5]]);
    const lhs = conjugateTranspose(complexMul(A, B));
    const rhs = complexMul(conjugateTranspose(B), conjugateTranspose(A));
    expect(lhs.re.to2DArray()).toEqual(rhs.re.to2DArray());
    expect(lhs.im.to2DArray().flat().map((x) => x + 0)).toEqual(rhs.im.to2DArray().flat().map((x) => x + 0));
  });

  it('absSquared is |a_jk|² entrywise, complexTrace sums the diagonal, complexFromReal copies', () => {
    expect(absSquared(A).to2DArray()).toEqual([[1, 5], [13, 41]]);
    expect(complexTrace(A)).toEqual({ re: 5, im: 5 });
    expect(complexTrace(B)).toEqual({ re: 3, im: -1 });
    const r = new Matrix([[1, 2], [3, 4]]);
    const c = complexFromReal(r);
    r.set(0, 0, 9);
    expect(c.re.get(0, 0)).toBe(1);
    expect(c.im.to2DArray()).toEqual([[0, 0], [0, 0]]);
  });

  it('complexDiagonalPower raises each eigenvalue to p in polar form: (1 + i)² = 2i, (−2)³ = −8, i⁴ = 1, λ⁰ = 1 also for λ = 0', () => {
    const d2 = complexDiagonalPower([1, -2, 0], [1, 0, 1], 2);
    expect(d2.re.get(0, 0)).toBeCloseTo(0, 14);
    expect(d2.im.get(0, 0)).toBeCloseTo(2, 14);
    expect(d2.re.get(1, 1)).toBeCloseTo(4, 14);
    expect(d2.re.get(2, 2)).toBeCloseTo(-1, 14);
    const d3 = complexDiagonalPower([-2], [0], 3);
    expect(d3.re.get(0, 0)).toBeCloseTo(-8, 13);
    expect(d3.im.get(0, 0)).toBeCloseTo(0, 13);
    const d0 = complexDiagonalPower([0, 0.5], [0, -0.5], 0);
    expect(d0.re.to2DArray()).toEqual([[1, 0], [0, 1]]);
    expect(d0.im.to2DArray().flat().map((x) => x + 0)).toEqual([0, 0, 0, 0]);
    // off-diagonal entries stay zero
    expect(d2.re.get(0, 1)).toBe(0);
    expect(d2.im.get(1, 0)).toBe(0);
  });
});
