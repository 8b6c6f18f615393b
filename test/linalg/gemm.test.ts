/** The product kernel against ml-matrix's mmul: odd sizes (the two-row and four-term remainders), offsets. */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

import { gemm, gemmJs, gemmKernelFor, gemmWasm, WASM_MAX_BYTES } from '../../src/linalg/gemm.ts';
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

describe('the WebAssembly kernel', () => {
  const bits = (x: Float64Array) => Array.from(new Uint8Array(x.buffer, x.byteOffset, x.byteLength));

  it('gives the JavaScript kernel\'s bits on every shape with odd rows, odd columns and every k mod 4, at offsets', () => {
    let compared = 0;
    for (const m of [1, 2, 3, 8, 9]) {
      for (const k of [1, 2, 3, 4, 5, 6, 7, 12, 13]) {
        for (const p of [1, 2, 3, 10, 11]) {
          const a = gaussianMatrix(m, k, m * 1000 + k * 10 + p).to1DArray();
          const b = gaussianMatrix(k, p, p * 1000 + k * 10 + m).to1DArray();
          const A = new Float64Array(3 + m * k);
          A.set(a, 3);
          const B = new Float64Array(1 + k * p);
          B.set(b, 1);
          const js = new Float64Array(4 + m * p).fill(7);
          const wasm = new Float64Array(4 + m * p).fill(7);
          gemmJs(A, 3, B, 1, js, 4, m, k, p);
          gemmWasm(A, 3, B, 1, wasm, 4, m, k, p);
          expect(bits(wasm)).toEqual(bits(js));
          compared++;
        }
      }
    }
    expect(compared).toBe(225);
  });

  it('gives the same bits on large products, and when its memory has to grow between calls', () => {
    for (const n of [50, 144, 301]) {
      const A = Float64Array.from(gaussianMatrix(n, n, n).to1DArray());
      const B = Float64Array.from(gaussianMatrix(n, n, n + 1).to1DArray());
      const js = new Float64Array(n * n);
      const wasm = new Float64Array(n * n);
      gemmJs(A, 0, B, 0, js, 0, n, n, n);
      gemmWasm(A, 0, B, 0, wasm, 0, n, n, n);
      expect(bits(wasm)).toEqual(bits(js));
    }
  });

  it('takes the products from 2048 multiply-adds up, within its memory cap, and leaves the rest to JavaScript', () => {
    expect(gemmKernelFor(13, 13, 13)).toBe('wasm');
    expect(gemmKernelFor(12, 12, 12)).toBe('js');
    expect(gemmKernelFor(0, 100, 100)).toBe('js');
    const side = Math.ceil(Math.sqrt(WASM_MAX_BYTES / 8 / 3)) + 1;
    expect(gemmKernelFor(side, side, side)).toBe('js');
  });
});

describe('gemm-kernel-wasm.ts', () => {
  it('is the assembly of gemm-kernel.wat (scripts/build-wasm.mjs --check)', () => {
    const r = spawnSync(process.execPath, ['scripts/build-wasm.mjs', '--check'], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^gemm-kernel-wasm\.ts matches gemm-kernel\.wat \(\d+ bytes\)$/m);
  });
});
