/**
 * The four mode products of the Kronecker sandwich 𝒜X𝒜ᵀ (𝒜 = Vᵀ ⊗ Uᵀ, X n×n row-major, n = N²),
 * each cut into two halves that the calling thread and a worker thread compute side by side
 * (two-threads.ts). A half is a range of whole GEMM calls, or of row pairs of one GEMM, so every
 * entry is computed by the same instructions whichever thread takes it: the results are
 * bit-identical to the single-thread product.
 */
import { gemm } from './gemm.ts';

export interface SandwichBuffers {
  N: number;
  x: Float64Array;
  y1: Float64Array;
  y2: Float64Array;
  /** U, Uᵀ, Vᵀ row-major, N² each, one after another. */
  factors: Float64Array;
}

/** The part [from, to) of a range of `count` items that half `h` (0 or 1) of a split takes; cuts at even items. */
export function halfRange(count: number, h: 0 | 1): [number, number] {
  const cut = Math.min(count, 2 * Math.ceil(count / 4));
  return h === 0 ? [0, cut] : [cut, count];
}

/** Rows [r0, r1) of C = A·B (m×k by k×p), through gemm on the sub-block (r0 even: gemm pairs rows from its first). */
function gemmRows(A: Float64Array, aOff: number, B: Float64Array, bOff: number, C: Float64Array, cOff: number, r0: number, r1: number, k: number, p: number): void {
  if (r1 > r0) gemm(A, aOff + r0 * k, B, bOff, C, cOff + r0 * p, r1 - r0, k, p);
}

/** Phase 0..3 of the sandwich, half h. Phase p reads what phase p − 1 wrote (both halves). */
export function sandwichPhase(b: SandwichBuffers, phase: number, h: 0 | 1): void {
  const N = b.N;
  const n = N * N;
  const N3 = N * n;
  const um = b.factors.subarray(0, n);
  const utm = b.factors.subarray(n, 2 * n);
  const vtm = b.factors.subarray(2 * n, 3 * n);
  switch (phase) {
    case 0: {
      // k: Y1[j,i,l,a] = Σ_k X[j,i,l,k] U[k,a]      (N³×N)·(N×N)
      const [r0, r1] = halfRange(N3, h);
      gemmRows(b.x, 0, um, 0, b.y1, 0, r0, r1, N, N);
      break;
    }
    case 1: {
      // l: Y2[j,i,b,a] = Σ_l V[l,b] Y1[j,i,l,a]     N² products Vᵀ·(N×N)
      const [k0, k1] = halfRange(n, h);
      for (let blk = k0; blk < k1; blk++) gemm(vtm, 0, b.y1, blk * n, b.y2, blk * n, N, N, N);
      break;
    }
    case 2: {
      // i: Y1[j,c,b,a] = Σ_i U[i,c] Y2[j,i,b,a]     N products Uᵀ·(N×N²)
      const [j0, j1] = halfRange(N, h);
      for (let j = j0; j < j1; j++) gemm(utm, 0, b.y2, j * N3, b.y1, j * N3, N, N, n);
      break;
    }
    case 3: {
      // j: Y2[d,c,b,a] = Σ_j V[j,d] Y1[j,c,b,a]     Vᵀ·(N×N³), rows of the result split
      const [r0, r1] = halfRange(N, h);
      gemmRows(vtm, 0, b.y1, 0, b.y2, 0, r0, r1, N, N3);
      break;
    }
    default:
      throw new RangeError(`no sandwich phase ${phase}`);
  }
}

export const SANDWICH_PHASES = 4;

/** Below this N the sandwich takes milliseconds and a thread hand-off costs more than it saves. */
export const PARALLEL_MIN_N = 16;
