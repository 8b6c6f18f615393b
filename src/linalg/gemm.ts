/**
 * C = A·B on row-major Float64Arrays (with offsets), the kernel behind the Kronecker products of the
 * exact model. Two rows of C and four terms of the sum per pass over a row of B: six loads and two
 * stores per eight multiply-adds, which is what makes these products fast in V8 (a plain triple
 * loop does one multiply-add per two loads). Tested against ml-matrix's mmul.
 *
 * From about 13×13×13 up (2048 multiply-adds; below, the copies and the call cost more than they
 * save), the same loops run as WebAssembly with 128-bit SIMD (gemm-kernel.wat: two columns per
 * instruction, no bounds checks), about five times faster from 50×50×50 on this project's machine
 * (bench/gemm.ts). WebAssembly has no fused multiply-add and the kernel keeps every sum in the
 * JavaScript order, so both give the same bits (tested); the operands are copied into the module's
 * memory and C back out, which costs O(n²) beside the O(n³) product.
 */
import { GEMM_KERNEL_WASM_BASE64 } from './gemm-kernel-wasm.ts';

/** Multiply-adds from which a product runs in WebAssembly (below it, the copies and the call cost more than they save). */
export const WASM_MIN_WORK = 2048;
/** The most bytes of A, B and C together copied into WebAssembly memory (larger products stay in JavaScript). */
export const WASM_MAX_BYTES = 64 * 2 ** 20;

const PAGE = 65536;
let kernel: { memory: WebAssembly.Memory; gemm: (a: number, b: number, c: number, m: number, k: number, p: number) => void } | null = null;

/** The module, instantiated on first use in each thread (worker threads have their own). */
function wasmKernel(): NonNullable<typeof kernel> {
  if (!kernel) {
    const memory = new WebAssembly.Memory({ initial: 16 });
    const module = new WebAssembly.Module(Uint8Array.from(atob(GEMM_KERNEL_WASM_BASE64), (c) => c.charCodeAt(0)));
    const exports = new WebAssembly.Instance(module, { env: { memory } }).exports as { gemm: NonNullable<typeof kernel>['gemm'] };
    kernel = { memory, gemm: exports.gemm };
  }
  return kernel;
}

/** Which kernel a product of this shape runs on. */
export function gemmKernelFor(m: number, k: number, p: number): 'wasm' | 'js' {
  return m * k * p >= WASM_MIN_WORK && 8 * (m * k + k * p + m * p) <= WASM_MAX_BYTES ? 'wasm' : 'js';
}

/**
 * C[m×p] = A[m×k]·B[k×p] (overwrites C), A's rows at aOff + i·k, B's at bOff + r·p, C's at cOff + i·p.
 */
export function gemm(A: Float64Array, aOff: number, B: Float64Array, bOff: number, C: Float64Array, cOff: number, m: number, k: number, p: number): void {
  if (gemmKernelFor(m, k, p) === 'wasm') gemmWasm(A, aOff, B, bOff, C, cOff, m, k, p);
  else gemmJs(A, aOff, B, bOff, C, cOff, m, k, p);
}

/** The WebAssembly kernel: A and B copied in, C copied out (16-byte aligned blocks). */
export function gemmWasm(A: Float64Array, aOff: number, B: Float64Array, bOff: number, C: Float64Array, cOff: number, m: number, k: number, p: number): void {
  const w = wasmKernel();
  const align = (n: number) => n + (n & 1);
  const a = 0;
  const b = align(m * k);
  const c = b + align(k * p);
  const bytes = 8 * (c + m * p);
  if (bytes > w.memory.buffer.byteLength) w.memory.grow(Math.ceil((bytes - w.memory.buffer.byteLength) / PAGE));
  const mem = new Float64Array(w.memory.buffer);
  mem.set(A.subarray(aOff, aOff + m * k), a);
  mem.set(B.subarray(bOff, bOff + k * p), b);
  w.gemm(8 * a, 8 * b, 8 * c, m, k, p);
  C.set(mem.subarray(c, c + m * p), cOff);
}

/** The JavaScript kernel (the reference the WebAssembly one follows). */
export function gemmJs(A: Float64Array, aOff: number, B: Float64Array, bOff: number, C: Float64Array, cOff: number, m: number, k: number, p: number): void {
  const k4 = k - (k & 3);
  let i = 0;
  for (; i + 1 < m; i += 2) {
    const a0 = aOff + i * k;
    const a1 = a0 + k;
    const c0 = cOff + i * p;
    const c1 = c0 + p;
    C.fill(0, c0, c1 + p);
    let r = 0;
    for (; r < k4; r += 4) {
      const x0 = A[a0 + r], x1 = A[a0 + r + 1], x2 = A[a0 + r + 2], x3 = A[a0 + r + 3];
      const y0 = A[a1 + r], y1 = A[a1 + r + 1], y2 = A[a1 + r + 2], y3 = A[a1 + r + 3];
      const b0 = bOff + r * p;
      const b1 = b0 + p;
      const b2 = b1 + p;
      const b3 = b2 + p;
      for (let j = 0; j < p; j++) {
        const u0 = B[b0 + j], u1 = B[b1 + j], u2 = B[b2 + j], u3 = B[b3 + j];
        C[c0 + j] += x0 * u0 + x1 * u1 + x2 * u2 + x3 * u3;
        C[c1 + j] += y0 * u0 + y1 * u1 + y2 * u2 + y3 * u3;
      }
    }
    for (; r < k; r++) {
      const x = A[a0 + r];
      const y = A[a1 + r];
      const b = bOff + r * p;
      for (let j = 0; j < p; j++) {
        const u = B[b + j];
        C[c0 + j] += x * u;
        C[c1 + j] += y * u;
      }
    }
  }
  if (i < m) {
    const a0 = aOff + i * k;
    const c0 = cOff + i * p;
    C.fill(0, c0, c0 + p);
    for (let r = 0; r < k; r++) {
      const x = A[a0 + r];
      const b = bOff + r * p;
      for (let j = 0; j < p; j++) C[c0 + j] += x * B[b + j];
    }
  }
}
