/** The product kernel against ml-matrix's mmul: odd sizes (the two-row and four-term remainders), offsets. */
import { describe, expect, it } from 'vitest';

import { gemm } from '../../src/linalg/gemm.ts';
import { gaussianMatrix } from '../helpers/random-matrices.ts';

describe('gemm', () => {
  it.each([
    [1, 1, 1],
    [3, 5, 2],
    [7, 9, 11],
    [16, 16, 16],
    [33, 6, 40],
  ])('%i×%i times %i columns equals ml-matrix, at offsets', (m, k, p) => {
    const a = gaussianMatrix(m, k, m * 100 + k);
    const b = gaussianMatrix(k, p, k * 100 + p);
    const A = new Float64Array(5 + m * k);
    A.set(a.to1DArray(), 5);
    const B = new Float64Array(3 + k * p);
    B.set(b.to1DArray(), 3);
    const C = new Float64Array(2 + m * p).fill(NaN); // overwritten, never read
    gemm(A, 5, B, 3, C, 2, m, k, p);
    const ref = a.mmul(b);
    for (let i = 0; i < m; i++) for (let j = 0; j < p; j++) expect(Math.abs(C[2 + i * p + j] - ref.get(i, j))).toBeLessThan(1e-13 * Math.max(1, k));
    expect(Number.isNaN(C[0]) && Number.isNaN(C[1])).toBe(true);
  });
});
