import { describe, expect, it } from 'vitest';
import { CholeskyDecomposition, Matrix } from 'ml-matrix';
import { choleskyLower, forwardSubstitute, forwardSubstituteMany, inverseQuadraticForm, NotPositiveDefiniteError, traceOfInverseTimes } from '../../src/linalg/cholesky.ts';
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

  it('blocked: several panels (n = 131, panels of 48, odd rows) give ml-matrix\'s factor, L Lᵀ = A, a zero upper part', () => {
    const n = 131;
    const a = spd(n, 5);
    const l = choleskyLower(flat(a), n);
    const ref = new CholeskyDecomposition(a).lowerTriangularMatrix;
    let worst = 0;
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) worst = Math.max(worst, Math.abs(l[i * n + j] - ref.get(i, j)));
    // entries are O(10); two orders of summation differ by a few ulps times n
    expect(worst).toBeLessThan(1e-11);
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) expect(l[i * n + j]).toBe(0);
    // reconstruction: ‖L Lᵀ − A‖ relative, rounding level
    const L = new Matrix(Array.from({ length: n }, (_, i) => Array.from(l.subarray(i * n, (i + 1) * n))));
    expect(Matrix.sub(L.mmul(L.transpose()), a).norm('frobenius') / a.norm('frobenius')).toBeLessThan(1e-14);
  });

  for (const n of [57, 150]) it(`many right-hand sides at once equal one at a time (n = ${n}: ${n > 64 ? 'three row blocks, the last one short' : 'one row block'})`, () => {
    const K = 7;
    const l = choleskyLower(flat(spd(n, 6)), n);
    const bs = gaussianMatrix(n, K, 7);
    const y = forwardSubstituteMany(l, n, flat(bs), K);
    for (let k = 0; k < K; k++) {
      const one = forwardSubstitute(l, n, bs.getColumn(k));
      // the same sums in another order (a block's earlier rows first, as one product): a few ulps per term
      for (let i = 0; i < n; i++) expect(Math.abs(y[i * K + k] - one[i])).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(one[i])));
    }
  });

  it('refuses an indefinite matrix', () => {
    expect(() => choleskyLower(Float64Array.from([1, 2, 2, 1]), 2)).toThrow(NotPositiveDefiniteError);
    // and one whose failing pivot lies beyond the first panel
    const n = 100;
    const a = flat(spd(n, 8));
    a[99 * n + 99] = -1;
    expect(() => choleskyLower(a, n)).toThrow(/pivot 99/);
  });
});
