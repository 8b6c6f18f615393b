import { describe, expect, it } from 'vitest';
import { CholeskyDecomposition, Matrix } from 'ml-matrix';
import { choleskyLower, inverseQuadraticForm, NotPositiveDefiniteError, traceOfInverseTimes } from '../../src/linalg/cholesky.ts';
import { gaussianMatrix } from '../helpers/random-matrices.ts';

function spd(n: number, seed: number): Matrix {
  const g = gaussianMatrix(n, n, seed);
  return g.mmul(g.transpose()).add(Matrix.eye(n).mul(0.5));
}
const flat = (m: Matrix) => Float64Array.from(m.to2DArray().flat());

describe('typed-array Cholesky', () => {
  it('matches ml-matrix CholeskyDecomposition', () => {
    const a = spd(12, 1);
    const l = choleskyLower(flat(a), 12);
    const ref = new CholeskyDecomposition(a).lowerTriangularMatrix;
    for (let i = 0; i < 12; i++) for (let j = 0; j < 12; j++) expect(l[i * 12 + j]).toBeCloseTo(ref.get(i, j), 12);
  });

  it('bᵀA⁻¹b and Tr(A⁻¹G) match explicit inverses', () => {
    const n = 10;
    const a = spd(n, 2);
    const g = spd(n, 3);
    const b = gaussianMatrix(n, 1, 4).getColumn(0);
    const l = choleskyLower(flat(a), n);
    const inv = new CholeskyDecomposition(a).solve(Matrix.eye(n));
    const quad = Matrix.rowVector(b).mmul(inv).mmul(Matrix.columnVector(b)).get(0, 0);
    // κ(A) < 1e3 here, so relative agreement to 1e-11 is well above rounding
    expect(Math.abs(inverseQuadraticForm(l, n, b) - quad) / quad).toBeLessThan(1e-11);
    const tr = inv.mmul(g).trace();
    expect(Math.abs(traceOfInverseTimes(l, n, flat(g)) - tr) / tr).toBeLessThan(1e-11);
  });

  it('refuses an indefinite matrix', () => {
    expect(() => choleskyLower(Float64Array.from([1, 2, 2, 1]), 2)).toThrow(NotPositiveDefiniteError);
  });
});
