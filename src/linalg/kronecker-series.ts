/**
 * The stationary covariance of the vectorized dynamics with isotropic noise,
 *   C = 𝒜 C 𝒜ᵀ + e·I,  𝒜 = Vᵀ ⊗ Uᵀ,
 * summed as its series C = e Σ_k 𝒜^k 𝒜^kᵀ = e Σ_k S_k ⊗ T_k with S_k = (V^k)ᵀ V^k and
 * T_k = (U^k)ᵀ U^k (the Kronecker form survives the product). Entry ((b, a), (b′, a′)) of C (row
 * b·N + a: the vec convention of stein.ts) is e Σ_k S_k[b, b′] T_k[a, a′], so C is one matrix
 * product of [n × K] by [K × n] (n = N², K terms), its output rows scattered into N×N blocks; C and
 * every S_k, T_k are symmetric, so only the blocks b′ ≥ b are computed: about N⁴K/2 multiply-adds,
 * against the ≈ 4N⁵ of each of the ~log₂K doubling steps of solveKroneckerStein.
 *
 * The sum stops at the first K with a²/(1 − a²) ≤ 1e-17, a = ‖V^K‖_F·‖U^K‖_F ≥ ‖𝒜^K‖₂: the remainder
 * R = C − C_K = 𝒜^K C 𝒜^Kᵀ has ‖R‖_F ≤ a²‖C‖_F ≤ a²(‖C_K‖_F + ‖R‖_F), so ‖R‖_F ≤ a²/(1 − a²)·‖C_K‖_F:
 * below float64 resolution, the result is the infinite sum. When that would take more than
 * `maxTerms` terms (ρ(U)ρ(V) close to 1) the caller falls back to the doubling solver.
 */
import type { Matrix } from 'ml-matrix';
import { gemm } from './gemm.ts';

export interface KroneckerSeriesCovariance {
  /** C, row-major n×n. */
  solution: Float64Array;
  /** Terms summed (K). */
  terms: number;
  /** The bound on ‖C − C_K‖_F / ‖C_K‖_F when the sum stopped. */
  relativeTailBound: number;
}

const TAIL_TOLERANCE = 1e-17;

function frobenius2(x: Float64Array): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i] * x[i];
  return s;
}

/** (X)ᵀX for a row-major N×N X, into out. */
function gramOf(x: Float64Array, N: number, out: Float64Array, off: number, stride: number): void {
  // out[(p·N + q)·stride + off] = Σ_r X[r, p] X[r, q]
  for (let p = 0; p < N; p++) {
    for (let q = p; q < N; q++) {
      let s = 0;
      for (let r = 0; r < N; r++) s += x[r * N + p] * x[r * N + q];
      out[(p * N + q) * stride + off] = s;
      out[(q * N + p) * stride + off] = s;
    }
  }
}

/** The series C = e Σ_k S_k ⊗ T_k, or null when it needs more than maxTerms terms. */
export function kroneckerSeriesCovariance(u: Matrix, v: Matrix, e: number, maxTerms: number): KroneckerSeriesCovariance | null {
  const N = u.rows;
  const n = N * N;
  const U = Float64Array.from(u.to1DArray());
  const V = Float64Array.from(v.to1DArray());
  // the powers and the number of terms first (N³ per term): the stopping point decides the sizes
  let Uk = new Float64Array(n);
  let Vk = new Float64Array(n);
  for (let i = 0; i < N; i++) Uk[i * N + i] = Vk[i * N + i] = 1;
  const ups: Float64Array[] = [];
  const vps: Float64Array[] = [];
  const next = new Float64Array(n);
  let tail = Infinity;
  for (let k = 0; k <= maxTerms; k++) {
    const a2 = frobenius2(Uk) * frobenius2(Vk);
    if (k > 0 && a2 < 1 && a2 / (1 - a2) <= TAIL_TOLERANCE) {
      tail = a2 / (1 - a2);
      break;
    }
    if (k === maxTerms || !Number.isFinite(a2)) return null;
    ups.push(Uk);
    vps.push(Vk);
    gemm(Uk, 0, U, 0, next, 0, N, N, N);
    Uk = Float64Array.from(next);
    gemm(Vk, 0, V, 0, next, 0, N, N, N);
    Vk = Float64Array.from(next);
  }
  const K = ups.length;
  // S as [n × K] (row b·N + b′ holds S_k[b, b′] for every k) and T as [K × n] (row k = T_k)
  const S = new Float64Array(n * K);
  const T = new Float64Array(K * n);
  for (let k = 0; k < K; k++) {
    gramOf(vps[k], N, S, k, K);
    gramOf(ups[k], N, T, k * n, 1);
  }
  const C = new Float64Array(n * n);
  const block = new Float64Array(N * n);
  for (let b = 0; b < N; b++) {
    // rows (b, b′) for b′ = b..N−1 of S·T: block[(b′ − b)·n + a·N + a′] = Σ_k S_k[b, b′] T_k[a, a′]
    const rows = N - b;
    gemm(S, (b * N + b) * K, T, 0, block, 0, rows, K, n);
    for (let r = 0; r < rows; r++) {
      const bp = b + r;
      const src = r * n;
      for (let a = 0; a < N; a++) {
        const rowTop = (b * N + a) * n + bp * N; // block (b, b′), row a
        const rowLow = (bp * N + a) * n + b * N; // block (b′, b), row a: the same numbers (C_bb′ = C_b′b, each symmetric)
        for (let ap = 0; ap < N; ap++) {
          const x = e * block[src + a * N + ap];
          C[rowTop + ap] = x;
          C[rowLow + ap] = x;
        }
      }
    }
  }
  return { solution: C, terms: K, relativeTailBound: tail };
}
