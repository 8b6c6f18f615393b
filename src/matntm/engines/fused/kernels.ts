/**
 * The fused engine's working memory and the kernels that run on it. Every buffer of a pass is a
 * Float64Array view of one WebAssembly memory (laid out afresh for each pass by `layout`), so the
 * small matrix products of the bilinear maps and the passes over the MatNTM memory run as
 * WebAssembly with 128-bit SIMD (kernels.wat) on the same numbers the JavaScript side reads and
 * writes. The activations stay in JavaScript (Math.tanh, Math.exp). Kernels take an array and an
 * element offset, like the loops they replace; an array that is not a view of this memory is refused.
 */
import { KERNELS_WASM_BASE64 } from './kernels-wasm.ts';

export type F64 = Float64Array;

interface KernelExports {
  gemm(A: number, ais: number, aps: number, B: number, C: number, n: number, k: number, m: number, acc: number): void;
  mmTB(A: number, B: number, C: number, n: number, k: number, m: number): void;
  memStats(M: number, N: number, S: number, k0: number, k1: number, nM: number, d0: number, d1: number, norms: number): void;
  memWriteRead(Mp: number, Mn: number, N: number, S: number, ww: number, wr: number, A: number, E: number, R: number, nM: number): void;
  memWriteReadBackward(Mp: number, Mn: number, N: number, S: number, ww: number, wr: number, A: number, E: number, dR: number, dM: number, dw: number, dA: number, dE: number): void;
  memContentBackward(M: number, N: number, S: number, k0: number, k1: number, c0: number, c1: number, f: number, dk0: number, dk1: number, dM: number): void;
}

let compiled: WebAssembly.Module | null = null;
function kernelModule(): WebAssembly.Module {
  if (!compiled) compiled = new WebAssembly.Module(Uint8Array.from(atob(KERNELS_WASM_BASE64), (c) => c.charCodeAt(0)));
  return compiled;
}

const PAGE = 65536;
/** Byte address of the first buffer: address 0 stays free, so a kernel can take 0 for "no array". */
const FIRST = 16;

export class Kernels {
  private readonly memory: WebAssembly.Memory;
  private readonly x: KernelExports;
  /** Fill every laid-out buffer with NaN (tests: a buffer read before it is written shows up). */
  poison = false;

  constructor() {
    this.memory = new WebAssembly.Memory({ initial: 64 });
    this.x = new WebAssembly.Instance(kernelModule(), { env: { memory: this.memory } }).exports as unknown as KernelExports;
  }

  /**
   * Views of the given lengths (float64 values), laid out one after another from the start of the
   * memory (16-byte aligned), the memory grown to hold them. Contents are left as they were; the
   * views are valid until the next call.
   */
  layout<K extends string>(sizes: Record<K, number>): Record<K, F64> {
    let end = FIRST;
    const at: [K, number, number][] = [];
    for (const key of Object.keys(sizes) as K[]) {
      const n = sizes[key];
      at.push([key, end, n]);
      end += Math.ceil((8 * n) / 16) * 16;
    }
    const have = this.memory.buffer.byteLength;
    if (end > have) this.memory.grow(Math.ceil((end - have) / PAGE));
    const buf = this.memory.buffer;
    const out = {} as Record<K, F64>;
    for (const [key, byte, n] of at) {
      out[key] = new Float64Array(buf, byte, n);
      if (this.poison) out[key].fill(NaN);
    }
    return out;
  }

  private addr(a: F64, o: number): number {
    if (a.buffer !== this.memory.buffer) throw new Error('fused engine: a kernel was given an array outside its memory');
    return a.byteOffset + 8 * o;
  }

  /** C[n×m] (+)= A·B with B [k×m] row-major and A's entry (i, p) at A[ao + i·ais + p·aps]. */
  gemm(A: F64, ao: number, ais: number, aps: number, B: F64, bo: number, C: F64, co: number, n: number, k: number, m: number, acc: boolean): void {
    this.x.gemm(this.addr(A, ao), ais, aps, this.addr(B, bo), this.addr(C, co), n, k, m, acc ? 1 : 0);
  }

  /** C[n×m] (+)= A[n×k]·B[k×m]. */
  mm(A: F64, ao: number, B: F64, bo: number, C: F64, co: number, n: number, k: number, m: number, acc: boolean): void {
    this.gemm(A, ao, k, 1, B, bo, C, co, n, k, m, acc);
  }

  /** C[n×m] += Aᵀ·B with A [k×n], B [k×m]. */
  mmTA(A: F64, ao: number, B: F64, bo: number, C: F64, co: number, n: number, k: number, m: number): void {
    this.gemm(A, ao, 1, n, B, bo, C, co, n, k, m, true);
  }

  /** C[n×m] += A·Bᵀ with A [n×k], B [m×k]. */
  mmTB(A: F64, ao: number, B: F64, bo: number, C: F64, co: number, n: number, k: number, m: number): void {
    this.x.mmTB(this.addr(A, ao), this.addr(B, bo), this.addr(C, co), n, k, m);
  }

  /** Over the memory M (N slots of MS values at mo): d0_j = ⟨M_j, k0⟩, d1_j = ⟨M_j, k1⟩, and the slot norms ‖M_j‖ into nM when `norms`. */
  memStats(M: F64, mo: number, N: number, MS: number, k0: F64, k0o: number, k1: F64, k1o: number, nM: F64, no: number, d0: F64, d0o: number, d1: F64, d1o: number, norms: boolean): void {
    this.x.memStats(this.addr(M, mo), N, MS, this.addr(k0, k0o), this.addr(k1, k1o), this.addr(nM, no), this.addr(d0, d0o), this.addr(d1, d1o), norms ? 1 : 0);
  }

  /** M_t,j = M_{t−1},j ⊙ (1 − ww_j·E) + ww_j·A and R_t = Σ_j wr_j·M_t,j; the slot norms ‖M_t,j‖ go to nM at no when no ≥ 0. */
  memWriteRead(M: F64, mp: number, mn: number, N: number, MS: number, W: F64, wwo: number, wro: number, A: F64, E: F64, ao: number, R: F64, ro: number, nM: F64, no: number): void {
    this.x.memWriteRead(this.addr(M, mp), this.addr(M, mn), N, MS, this.addr(W, wwo), this.addr(W, wro), this.addr(A, ao), this.addr(E, ao), this.addr(R, ro), no >= 0 ? this.addr(nM, no) : 0);
  }

  /**
   * Backward of memWriteRead: dM holds dLoss/dM_t on entry and dLoss/dM_{t−1} on exit; dw[j] += ⟨dR, M_t,j⟩
   * (read weights), dw[N + j] += ⟨dM_t,j, A − M_{t−1},j ⊙ E⟩ (write weights); dA and dE accumulated.
   */
  memWriteReadBackward(M: F64, mp: number, mn: number, N: number, MS: number, W: F64, wwo: number, wro: number, A: F64, E: F64, ao: number, dR: F64, dM: F64, dw: F64, dA: F64, dE: F64): void {
    this.x.memWriteReadBackward(this.addr(M, mp), this.addr(M, mn), N, MS, this.addr(W, wwo), this.addr(W, wro), this.addr(A, ao), this.addr(E, ao), this.addr(dR, 0), this.addr(dM, 0), this.addr(dw, 0), this.addr(dA, 0), this.addr(dE, 0));
  }

  /** Content addressing backward over the memory: dk_h += Σ_j c_h,j·M_j; dM_j += c0_j·k0 + c1_j·k1 + f_j·M_j. */
  memContentBackward(M: F64, mp: number, N: number, MS: number, k0: F64, k0o: number, k1: F64, k1o: number, c0: F64, c1: F64, f: F64, dk0: F64, dk1: F64, dM: F64): void {
    this.x.memContentBackward(this.addr(M, mp), N, MS, this.addr(k0, k0o), this.addr(k1, k1o), this.addr(c0, 0), this.addr(c1, 0), this.addr(f, 0), this.addr(dk0, 0), this.addr(dk1, 0), this.addr(dM, 0));
  }
}

export const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));
/** torch.nn.Softplus(threshold = 20). */
export const softplus = (x: number): number => (x > 20 ? x : Math.log1p(Math.exp(x)));
export const softplusGrad = (x: number): number => (x > 20 ? 1 : sigmoid(x));
