/**
 * Cholesky factorization and triangular solves on row-major Float64Arrays, for the N²×N²
 * covariance of the exact model (n = 1024 at N = 32, 4096 at N = 64), where ml-matrix's
 * get/set-based decomposition is too slow. Tested against ml-matrix's CholeskyDecomposition.
 */

import { gemm } from './gemm.ts';
import { sharedFloat64, TwoThreadRunner, twoThreadsWanted } from './two-threads.ts';

export class NotPositiveDefiniteError extends Error {
  override name = 'NotPositiveDefiniteError';
}

/** Columns per panel of the blocked factorization (a panel's rows stay in L1/L2 while the trailing update streams). */
const PANEL = 48;

/**
 * Lower factor L (row-major, upper part zero) with A = L Lᵀ: right-looking and blocked. For each
 * panel of PANEL columns, the diagonal block is factored, the rows below are solved against it, and
 * the trailing lower triangle is updated, A₂₂ −= L₂₁ L₂₁ᵀ, by a kernel that takes two rows and four
 * panel columns per pass (the n³/6 multiply-adds of the factorization happen there).
 */
export function choleskyLower(a: Float64Array, n: number, options: { threads?: number; used?: { threads: number } } = {}): Float64Array {
  // from n = PARALLEL_MIN_ORDER the trailing updates run on two threads over shared memory
  const parallel = n >= PARALLEL_MIN_ORDER && twoThreadsWanted(options.threads);
  const l = parallel ? sharedFloat64(n * n) : new Float64Array(n * n);
  l.set(a);
  const panelT = parallel ? sharedFloat64(PANEL * n) : new Float64Array(PANEL * n); // Lᵀ of the panel's rows below it: panelT[t·n + j] = L[j, k0 + t]
  const buffers: CholeskyBuffers = { l, panelT, n };
  const runner = parallel ? new TwoThreadRunner('cholesky', buffers as unknown as Record<string, unknown>, options.threads) : null;
  for (let k0 = 0; k0 < n; k0 += PANEL) {
    const k1 = Math.min(k0 + PANEL, n);
    // diagonal block, unblocked (its columns before k0 are already subtracted)
    for (let i = k0; i < k1; i++) {
      const ri = i * n;
      for (let j = k0; j <= i; j++) {
        const rj = j * n;
        let s = l[ri + j];
        for (let t = k0; t < j; t++) s -= l[ri + t] * l[rj + t];
        if (i === j) {
          if (!(s > 0)) throw new NotPositiveDefiniteError(`matrix is not positive definite (pivot ${i} is ${s})`);
          l[ri + i] = Math.sqrt(s);
        } else {
          l[ri + j] = s / l[rj + j];
        }
      }
    }
    // the rows below: L[i, k0:k1] = A[i, k0:k1] · L_kkᵀ⁻¹
    for (let i = k1; i < n; i++) {
      const ri = i * n;
      for (let c = k0; c < k1; c++) {
        const rc = c * n;
        let s = l[ri + c];
        for (let t = k0; t < c; t++) s -= l[ri + t] * l[rc + t];
        l[ri + c] = s / l[rc + c];
      }
    }
    if (k1 >= n) break;
    const w = k1 - k0;
    for (let t = 0; t < w; t++) {
      const pt = t * n;
      for (let j = k1; j < n; j++) panelT[pt + j] = l[j * n + k0 + t];
    }
    if (runner) runner.run(k0, () => choleskyTrailingHalf(buffers, k0, 0), () => choleskyTrailingHalf(buffers, k0, 1));
    else trailingUpdate(l, n, panelT, k0, k1, k1, n);
  }
  for (let i = 0; i < n; i++) l.fill(0, i * n + i + 1, (i + 1) * n);
  if (options.used) options.used.threads = runner?.threads ?? 1;
  return l;
}

/** Below this order the factorization takes milliseconds and a thread hand-off costs more than it saves. */
export const PARALLEL_MIN_ORDER = 256;

export interface CholeskyBuffers {
  l: Float64Array;
  panelT: Float64Array;
  n: number;
}

/**
 * Half h of the trailing update after the panel starting at column k0: rows [k1, cut) and [cut, n),
 * cut an even number of rows after k1 (rows go in pairs from k1, so the pairs are those of one
 * thread) where the two triangles' work is equal, cut² − k1² ≈ n² − cut².
 */
export function choleskyTrailingHalf(b: CholeskyBuffers, k0: number, h: 0 | 1): void {
  const { l, panelT, n } = b;
  const k1 = Math.min(k0 + PANEL, n);
  const even = Math.sqrt((n * n + k1 * k1) / 2);
  const cut = Math.min(n, k1 + 2 * Math.floor((even - k1) / 2));
  if (h === 0) trailingUpdate(l, n, panelT, k0, k1, k1, cut);
  else trailingUpdate(l, n, panelT, k0, k1, cut, n);
}

/**
 * A[i, j] −= Σ_t L[i, k0 + t]·L[j, k0 + t] for k1 ≤ j ≤ i, rows rowStart ≤ i < rowEnd (the lower
 * triangle of the trailing block when rowStart = k1, rowEnd = n). Rows go in pairs from rowStart.
 */
function trailingUpdate(l: Float64Array, n: number, panelT: Float64Array, k0: number, k1: number, rowStart: number, rowEnd: number): void {
  const w = k1 - k0;
  const w4 = w - (w & 3);
  let i = rowStart;
  for (; i + 1 < rowEnd; i += 2) {
    const r0 = i * n;
    const r1 = r0 + n;
    const jEnd = i + 1; // row i needs j ≤ i, row i + 1 needs j ≤ i + 1 (its diagonal is done below)
    let t = 0;
    for (; t < w4; t += 4) {
      const x0 = l[r0 + k0 + t], x1 = l[r0 + k0 + t + 1], x2 = l[r0 + k0 + t + 2], x3 = l[r0 + k0 + t + 3];
      const y0 = l[r1 + k0 + t], y1 = l[r1 + k0 + t + 1], y2 = l[r1 + k0 + t + 2], y3 = l[r1 + k0 + t + 3];
      const p0 = t * n;
      const p1 = p0 + n;
      const p2 = p1 + n;
      const p3 = p2 + n;
      for (let j = k1; j < jEnd; j++) {
        const u0 = panelT[p0 + j], u1 = panelT[p1 + j], u2 = panelT[p2 + j], u3 = panelT[p3 + j];
        l[r0 + j] -= x0 * u0 + x1 * u1 + x2 * u2 + x3 * u3;
        l[r1 + j] -= y0 * u0 + y1 * u1 + y2 * u2 + y3 * u3;
      }
      l[r1 + i + 1] -= y0 * panelT[p0 + i + 1] + y1 * panelT[p1 + i + 1] + y2 * panelT[p2 + i + 1] + y3 * panelT[p3 + i + 1];
    }
    for (; t < w; t++) {
      const x = l[r0 + k0 + t];
      const y = l[r1 + k0 + t];
      const p = t * n;
      for (let j = k1; j < jEnd; j++) {
        const u = panelT[p + j];
        l[r0 + j] -= x * u;
        l[r1 + j] -= y * u;
      }
      l[r1 + i + 1] -= y * panelT[p + i + 1];
    }
  }
  if (i < rowEnd) {
    const r0 = i * n;
    for (let t = 0; t < w; t++) {
      const x = l[r0 + k0 + t];
      const p = t * n;
      for (let j = k1; j <= i; j++) l[r0 + j] -= x * panelT[p + j];
    }
  }
}

/** Rows per block of forwardSubstituteMany: Y's earlier rows are read once per block, not once per row. */
const SUBSTITUTION_BLOCK = 64;

/**
 * Y = L⁻¹ B for many right-hand sides at once: B is n×K row-major (column k is one vector). Blocked by
 * rows: a block first takes off what all earlier rows contribute, L[block, earlier]·Y[earlier], as one
 * matrix product (so Y's earlier rows stream through the cache once per block of 64 rows instead of
 * once per row), then solves its own triangle row by row, four earlier rows at a time, contiguous in K.
 * Returns Y (n×K).
 */
export function forwardSubstituteMany(l: Float64Array, n: number, b: Float64Array, K: number): Float64Array {
  const y = Float64Array.from(b);
  const lBlock = new Float64Array(SUBSTITUTION_BLOCK * n);
  const prod = new Float64Array(SUBSTITUTION_BLOCK * K);
  for (let i0 = 0; i0 < n; i0 += SUBSTITUTION_BLOCK) {
    const rows = Math.min(SUBSTITUTION_BLOCK, n - i0);
    if (i0 > 0) {
      // Y[block] −= L[block, 0..i0) · Y[0..i0)
      for (let r = 0; r < rows; r++) lBlock.set(l.subarray((i0 + r) * n, (i0 + r) * n + i0), r * i0);
      gemm(lBlock, 0, y, 0, prod, 0, rows, i0, K);
      const base = i0 * K;
      for (let j = 0; j < rows * K; j++) y[base + j] -= prod[j];
    }
    for (let i = i0; i < i0 + rows; i++) {
      const ri = i * n;
      const yi = i * K;
      const span = i - i0;
      const t4 = i0 + (span - (span & 3));
      let t = i0;
      for (; t < t4; t += 4) {
        const a0 = l[ri + t], a1 = l[ri + t + 1], a2 = l[ri + t + 2], a3 = l[ri + t + 3];
        const y0 = t * K;
        const y1 = y0 + K;
        const y2 = y1 + K;
        const y3 = y2 + K;
        for (let k = 0; k < K; k++) y[yi + k] -= a0 * y[y0 + k] + a1 * y[y1 + k] + a2 * y[y2 + k] + a3 * y[y3 + k];
      }
      for (; t < i; t++) {
        const a = l[ri + t];
        const yt = t * K;
        for (let k = 0; k < K; k++) y[yi + k] -= a * y[yt + k];
      }
      const d = 1 / l[ri + i];
      for (let k = 0; k < K; k++) y[yi + k] *= d;
    }
  }
  return y;
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
