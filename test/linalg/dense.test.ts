import { describe, expect, it } from 'vitest';
import { Matrix } from 'ml-matrix';
import { frobeniusNorm, identity, kron, matrixPower, relativeDifference, relativeScalarDifference, spdConditionNumber, spdInverse, symmetricEigenvalues, symmetrize, toMatrix, trace, unvec, vec } from '../../src/linalg/dense.ts';
import { gaussianMatrix } from '../helpers/random-matrices.ts';

describe('vec convention', () => {
  it('stacks columns: X[i][j] sits at i + N·j', () => {
    const x = new Matrix([[1, 2], [3, 4]]);
    expect([...vec(x)]).toEqual([1, 3, 2, 4]);
    expect(unvec(vec(x), 2, 2).to2DArray()).toEqual(x.to2DArray());
  });

  it('vec(A X B) = (Bᵀ ⊗ A) vec(X) on random matrices', () => {
    const a = gaussianMatrix(3, 4, 1);
    const x = gaussianMatrix(4, 2, 2);
    const b = gaussianMatrix(2, 5, 3);
    const lhs = vec(a.mmul(x).mmul(b));
    const rhs = kron(b.transpose(), a).mmul(Matrix.columnVector([...vec(x)])).getColumn(0);
    // both sides are sums of 8 products of O(1) Gaussians: agreement to 1e-13 is rounding level
    lhs.forEach((v, i) => expect(v).toBeCloseTo(rhs[i], 13));
  });
});

describe('matrixPower', () => {
  it('agrees with repeated multiplication and gives I for k = 0, also for the zero matrix', () => {
    const a = gaussianMatrix(4, 4, 5).mul(0.5);
    let p = Matrix.eye(4);
    for (let k = 0; k <= 7; k++) {
      // relative error of k products of O(1) matrices stays at rounding level
      expect(relativeDifference(matrixPower(a, k), p)).toBeLessThan(1e-13);
      p = p.mmul(a);
    }
    expect(matrixPower(Matrix.zeros(3, 3), 0).to2DArray()).toEqual(Matrix.eye(3).to2DArray());
  });
});

describe('spdInverse', () => {
  it('returns the inverse of an SPD matrix (A A⁻¹ = I) and refuses an indefinite one', () => {
    const g = gaussianMatrix(5, 5, 7);
    const a = g.mmul(g.transpose()).add(Matrix.eye(5));
    // condition number of this A is below 1e3, so the product is I to ~1e-13
    expect(relativeDifference(a.mmul(spdInverse(a)), Matrix.eye(5))).toBeLessThan(1e-12);
    expect(() => spdInverse(new Matrix([[1, 2], [2, 1]]))).toThrow(/positive definite/);
  });
});

describe('the small dense helpers', () => {
  it('trace sums the diagonal (of the leading square of a rectangular matrix); identity is I', () => {
    expect(trace(new Matrix([[1, 2], [3, 4]]))).toBe(5);
    expect(trace(new Matrix([[1, 2, 3], [4, 5, 6]]))).toBe(6);
    expect(identity(3).to2DArray()).toEqual([[1, 0, 0], [0, 1, 0], [0, 0, 1]]);
  });

  it('relativeScalarDifference divides by |b| except at b = 0; relativeDifference likewise for matrices', () => {
    expect(relativeScalarDifference(3, 2)).toBe(0.5);
    expect(relativeScalarDifference(1, -2)).toBe(1.5);
    expect(relativeScalarDifference(0.25, 0)).toBe(0.25);
    expect(relativeDifference(new Matrix([[3, 4]]), new Matrix([[0, 0]]))).toBe(5);
    expect(relativeDifference(new Matrix([[3, 4]]), new Matrix([[0, 5]]))).toBeCloseTo(Math.sqrt(10) / 5, 15);
  });

  it('symmetrize averages A and Aᵀ; symmetricEigenvalues are ascending; spdConditionNumber is λmax/λmin (∞ when singular)', () => {
    expect(symmetrize(new Matrix([[1, 2], [4, 3]])).to2DArray()).toEqual([[1, 3], [3, 3]]);
    // [[2, 1], [1, 2]] has eigenvalues 1 and 3
    const ev = symmetricEigenvalues(new Matrix([[2, 1], [1, 2]]));
    expect(ev[0]).toBeCloseTo(1, 14);
    expect(ev[1]).toBeCloseTo(3, 14);
    // [[5, 3], [3, 5]]: eigenvalues 2 and 8, condition 4 (not 16 = their product)
    expect(spdConditionNumber(new Matrix([[5, 3], [3, 5]]))).toBeCloseTo(4, 13);
    expect(spdConditionNumber(new Matrix([[1, 0], [0, 0]]))).toBe(Infinity);
    expect(spdConditionNumber(new Matrix([[1, 0], [0, -1]]))).toBe(Infinity);
    expect(frobeniusNorm(new Matrix([[3, 4]]))).toBe(5);
    expect(toMatrix([[1, 2]]).get(0, 1)).toBe(2);
    const m = new Matrix([[7]]);
    expect(toMatrix(m)).toBe(m);
  });

  it('spdInverse inverts an SPD matrix and refuses an indefinite one; matrixPower refuses negative and fractional k', () => {
    const i = spdInverse(new Matrix([[4, 0], [0, 0.5]])).to2DArray().flat();
    [0.25, 0, 0, 2].forEach((x, k) => expect(i[k]).toBeCloseTo(x, 14));
    expect(() => spdInverse(new Matrix([[1, 2], [2, 1]]))).toThrow(/not positive definite/);
    expect(() => matrixPower(new Matrix([[1]]), -1)).toThrow(/non-negative integer/);
    expect(() => matrixPower(new Matrix([[1]]), 1.5)).toThrow(/non-negative integer/);
    expect(matrixPower(new Matrix([[0, 0], [0, 0]]), 0).to2DArray()).toEqual([[1, 0], [0, 1]]);
    expect(matrixPower(new Matrix([[1, 1], [0, 1]]), 5).to2DArray()).toEqual([[1, 5], [0, 1]]);
    expect(() => unvec([1, 2, 3], 2, 2)).toThrow(/length 3 is not 2×2/);
  });
});
