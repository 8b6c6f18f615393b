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

/**
 * Tr(A⁻¹ G) for A = L Lᵀ and symmetric G. With Z = L⁻¹, A⁻¹ = ZᵀZ, so Tr(A⁻¹G) = Σᵢⱼ (ZᵀZ)ᵢⱼ Gᵢⱼ.
 * The columns of Z are kept as contiguous rows (zt[j] = Z e_j) so that every inner loop is a
 * contiguous dot product: n³/3 multiply-adds that stay in cache, instead of strided row updates.
 */
export function traceOfInverseTimes(l: Float64Array, n: number, g: Float64Array): number {
  const zt = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    // column j of L⁻¹: forward substitution for L z = e_j; z_i = 0 for i < j
    const rj = j * n;
    zt[rj + j] = 1 / l[j * n + j];
    for (let i = j + 1; i < n; i++) {
      const ri = i * n;
      let s = 0;
      for (let k = j; k < i; k++) s += l[ri + k] * zt[rj + k];
      zt[rj + i] = -s / l[ri + i];
    }
  }
  let t = 0;
  for (let i = 0; i < n; i++) {
    const ri = i * n;
    // diagonal term
    let d = 0;
    for (let k = i; k < n; k++) d += zt[ri + k] * zt[ri + k];
    t += d * g[ri + i];
    for (let j = i + 1; j < n; j++) {
      const rj = j * n;
      let s = 0;
      for (let k = j; k < n; k++) s += zt[ri + k] * zt[rj + k];
      t += 2 * s * g[ri + j];
    }
  }
  return t;
}
