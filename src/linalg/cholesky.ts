/**
 * Cholesky factorization and triangular solves on row-major Float64Arrays, for the N²×N²
 * covariance of the exact model (n = 1024 at N = 32, 4096 at N = 64), where ml-matrix's
 * get/set-based decomposition is too slow. Tested against ml-matrix's CholeskyDecomposition.
 */

export class NotPositiveDefiniteError extends Error {
  override name = 'NotPositiveDefiniteError';
}

/** Lower factor L (row-major, upper part zero) with A = L Lᵀ. */
export function choleskyLower(a: Float64Array, n: number): Float64Array {
  const l = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    const ri = i * n;
    for (let j = 0; j <= i; j++) {
      const rj = j * n;
      let s = a[ri + j];
      for (let k = 0; k < j; k++) s -= l[ri + k] * l[rj + k];
      if (i === j) {
        if (!(s > 0)) throw new NotPositiveDefiniteError(`matrix is not positive definite (pivot ${i} is ${s})`);
        l[ri + i] = Math.sqrt(s);
      } else {
        l[ri + j] = s / l[rj + j];
      }
    }
  }
  return l;
}

/** y = L⁻¹ b. */
export function forwardSubstitute(l: Float64Array, n: number, b: ArrayLike<number>): Float64Array {
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const ri = i * n;
    let s = b[i];
    for (let k = 0; k < i; k++) s -= l[ri + k] * y[k];
    y[i] = s / l[ri + i];
  }
  return y;
}

/** bᵀ A⁻¹ b = ‖L⁻¹ b‖² for A = L Lᵀ. */
export function inverseQuadraticForm(l: Float64Array, n: number, b: ArrayLike<number>): number {
  const y = forwardSubstitute(l, n, b);
  let s = 0;
  for (let i = 0; i < n; i++) s += y[i] * y[i];
  return s;
}

/** Tr(A⁻¹ G) for A = L Lᵀ and symmetric G: Tr(L⁻¹ G L⁻ᵀ) = Σᵢⱼ (L⁻¹G)ᵢⱼ (L⁻¹)ᵢⱼ. */
export function traceOfInverseTimes(l: Float64Array, n: number, g: Float64Array): number {
  // Y = L⁻¹ G, row by row (contiguous axpys)
  const y = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    const ri = i * n;
    for (let c = 0; c < n; c++) y[ri + c] = g[ri + c];
    for (let k = 0; k < i; k++) {
      const lik = l[ri + k];
      if (lik === 0) continue;
      const rk = k * n;
      for (let c = 0; c < n; c++) y[ri + c] -= lik * y[rk + c];
    }
    const d = l[ri + i];
    for (let c = 0; c < n; c++) y[ri + c] /= d;
  }
  // Linv = L⁻¹ (lower), same recurrence applied to I, only the lower part is non-zero
  const linv = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    const ri = i * n;
    linv[ri + i] = 1;
    for (let k = 0; k < i; k++) {
      const lik = l[ri + k];
      if (lik === 0) continue;
      const rk = k * n;
      for (let c = 0; c <= k; c++) linv[ri + c] -= lik * linv[rk + c];
    }
    const d = l[ri + i];
    for (let c = 0; c <= i; c++) linv[ri + c] /= d;
  }
  let t = 0;
  for (let i = 0; i < n; i++) {
    const ri = i * n;
    for (let j = 0; j <= i; j++) t += y[ri + j] * linv[ri + j];
  }
  return t;
}
