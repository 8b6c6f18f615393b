import { describe, expect, it } from 'vitest';
import { Matrix } from 'ml-matrix';
import { kron, matrixPower, relativeDifference, spdInverse, unvec, vec } from '../../src/linalg/dense.ts';
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
