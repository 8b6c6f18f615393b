/**
 * The fused engine's WebAssembly kernels (kernels.wat through kernels.ts) against plain JavaScript
 * transcriptions of what each one computes, on odd and even sizes (the SIMD loops take two values
 * at a time and finish an odd one alone), and the engine's buffer layout: a pass that reads a
 * buffer before writing it would change when every buffer starts as NaN.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { Kernels } from '../../src/matntm/engines/fused/kernels.ts';
import { FusedEngine } from '../../src/matntm/engines/fused.ts';
import { copyBatch } from '../../src/matntm/tasks/copy.ts';
import { Rng } from '../../src/matntm/rng.ts';
import { tinyProblem } from './helpers.ts';

/**
 * The kernels add in another order than the loops below (lane pairs, then the two lanes), so the
 * results differ by float64 roundoff: at most about k·ε·Σ|a·b| for a sum of k terms (k ≤ 40 here,
 * entries in (−1, 1)), far below 1e-12, while an index slip changes a value by O(1).
 */
const TOL = 1e-12;

function filled(k: Kernels, sizes: Record<string, number>, rng: Rng) {
  const v = k.layout(sizes);
  for (const a of Object.values(v)) for (let i = 0; i < a.length; i++) a[i] = 2 * rng.uniform() - 1;
  return v;
}

function expectClose(got: ArrayLike<number>, want: ArrayLike<number>, what: string) {
  expect(got.length, what).toBe(want.length);
  for (let i = 0; i < want.length; i++) expect(Math.abs(got[i] - want[i]), `${what} [${i}]: ${got[i]} vs ${want[i]}`).toBeLessThan(TOL);
}

describe('matrix products', () => {
  const sizes = [1, 2, 3, 5, 8];
  it('gemm, mm, mmTA and mmTB equal the triple loops for every n, k, m in {1, 2, 3, 5, 8}', () => {
    const kern = new Kernels();
    const rng = new Rng(11);
    for (const n of sizes) {
      for (const k of sizes) {
        for (const m of sizes) {
          const v = filled(kern, { A: n * k + 3, At: k * n + 3, B: k * m + 3, Bt: m * k + 3, C0: n * m, C: n * m, D: n * m, E: n * m }, rng);
          const at = `${n}×${k}×${m}`;
          // C = A·B (overwrite) at an offset of 3 into A and B
          const want = new Float64Array(n * m);
          for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) for (let p = 0; p < k; p++) want[i * m + j] += v.A[3 + i * k + p] * v.B[3 + p * m + j];
          kern.mm(v.A, 3, v.B, 3, v.C, 0, n, k, m, false);
          expectClose(v.C, want, `mm ${at}`);
          // D += Aᵀ·B with A stored transposed [k×n]
          const d0 = Float64Array.from(v.D);
          for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) for (let p = 0; p < k; p++) d0[i * m + j] += v.At[3 + p * n + i] * v.B[3 + p * m + j];
          kern.mmTA(v.At, 3, v.B, 3, v.D, 0, n, k, m);
          expectClose(v.D, d0, `mmTA ${at}`);
          // E += A·Bᵀ with B stored [m×k]
          const e0 = Float64Array.from(v.E);
          for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) for (let p = 0; p < k; p++) e0[i * m + j] += v.A[3 + i * k + p] * v.Bt[3 + j * k + p];
          kern.mmTB(v.A, 3, v.Bt, 3, v.E, 0, n, k, m);
          expectClose(v.E, e0, `mmTB ${at}`);
          // accumulate mode keeps what C held
          const c1 = Float64Array.from(v.C0);
          for (let i = 0; i < n * m; i++) c1[i] += want[i];
          kern.gemm(v.A, 3, k, 1, v.B, 3, v.C0, 0, n, k, m, true);
          expectClose(v.C0, c1, `gemm acc ${at}`);
        }
      }
    }
  });

  it('refuses an array that is not a view of its memory', () => {
    const kern = new Kernels();
    const v = kern.layout({ A: 4, C: 4 });
    expect(() => kern.mm(v.A, 0, new Float64Array(4), 0, v.C, 0, 2, 2, 2, false)).toThrow(/outside its memory/);
  });
});

describe('memory passes', () => {
  for (const [N, MS] of [[5, 9], [4, 6], [3, 1]] as const) {
    it(`write/read, statistics and both backward passes on ${N} slots of ${MS} values`, () => {
      const kern = new Kernels();
      const rng = new Rng(20 + MS);
      const v = filled(kern, { M: 2 * N * MS, W: 2 * N, A: MS, E: MS, R: MS, nM: N, d0: N, d1: N, k0: MS, k1: MS, dR: MS, dM: N * MS, dw: 2 * N, dA: MS, dE: MS, c0: N, c1: N, f: N, dk0: MS, dk1: MS }, rng);
      for (let e = 0; e < MS; e++) v.E[e] = 0.5 * (v.E[e] + 1); // erase values in (0, 1), as after the sigmoid
      const M = Float64Array.from(v.M);
      // forward: M_t from M_{t−1} (slots at 0 and N·MS), then the read and the norms of M_t
      const Mn = new Float64Array(N * MS);
      const R = new Float64Array(MS);
      const norms = new Float64Array(N);
      for (let j = 0; j < N; j++) {
        let s = 0;
        for (let e = 0; e < MS; e++) {
          const x = M[j * MS + e] * (1 - v.W[N + j] * v.E[e]) + v.W[N + j] * v.A[e];
          Mn[j * MS + e] = x;
          R[e] += v.W[j] * x;
          s += x * x;
        }
        norms[j] = Math.sqrt(s);
      }
      kern.memWriteRead(v.M, 0, N * MS, N, MS, v.W, N, 0, v.A, v.E, 0, v.R, 0, v.nM, 0);
      expectClose(v.M.subarray(N * MS), Mn, 'memory after the write');
      expectClose(v.R, R, 'read');
      expectClose(v.nM, norms, 'slot norms');
      // statistics of M_{t−1}
      const d0 = new Float64Array(N);
      const d1 = new Float64Array(N);
      const n0 = new Float64Array(N);
      for (let j = 0; j < N; j++) {
        for (let e = 0; e < MS; e++) {
          d0[j] += M[j * MS + e] * v.k0[e];
          d1[j] += M[j * MS + e] * v.k1[e];
          n0[j] += M[j * MS + e] ** 2;
        }
        n0[j] = Math.sqrt(n0[j]);
      }
      kern.memStats(v.M, 0, N, MS, v.k0, 0, v.k1, 0, v.nM, 0, v.d0, 0, v.d1, 0, true);
      expectClose(v.d0, d0, 'dots with key 0');
      expectClose(v.d1, d1, 'dots with key 1');
      expectClose(v.nM, n0, 'norms of M_{t−1}');
      const before = Float64Array.from(v.nM);
      kern.memStats(v.M, 0, N, MS, v.k1, 0, v.k0, 0, v.nM, 0, v.d0, 0, v.d1, 0, false);
      expect(Array.from(v.nM)).toEqual(Array.from(before)); // norms: false leaves them
      expectClose(v.d0, d1, 'swapped keys');
      // backward of the write/read
      const dM = Float64Array.from(v.dM);
      const dw = Float64Array.from(v.dw);
      const dA = Float64Array.from(v.dA);
      const dE = Float64Array.from(v.dE);
      for (let j = 0; j < N; j++) {
        const wj = v.W[N + j];
        const rj = v.W[j];
        let sr = 0;
        let sw = 0;
        for (let e = 0; e < MS; e++) {
          const d = v.dR[e];
          sr += d * Mn[j * MS + e];
          const dm = dM[j * MS + e] + rj * d;
          dM[j * MS + e] = dm * (1 - wj * v.E[e]);
          sw += dm * (v.A[e] - M[j * MS + e] * v.E[e]);
          dE[e] -= wj * dm * M[j * MS + e];
          dA[e] += wj * dm;
        }
        dw[j] += sr;
        dw[N + j] += sw;
      }
      kern.memWriteReadBackward(v.M, 0, N * MS, N, MS, v.W, N, 0, v.A, v.E, 0, v.dR, v.dM, v.dw, v.dA, v.dE);
      expectClose(v.dM, dM, 'dLoss/dM_{t−1}');
      expectClose(v.dw, dw, 'weight gradients');
      expectClose(v.dA, dA, 'add gradient');
      expectClose(v.dE, dE, 'erase gradient');
      // content backward; slot 1 has all three coefficients 0 and is skipped
      v.c0[1] = v.c1[1] = v.f[1] = 0;
      const dk0 = Float64Array.from(v.dk0);
      const dk1 = Float64Array.from(v.dk1);
      for (let j = 0; j < N; j++) {
        for (let e = 0; e < MS; e++) {
          const m = M[j * MS + e];
          dk0[e] += v.c0[j] * m;
          dk1[e] += v.c1[j] * m;
          dM[j * MS + e] += v.c0[j] * v.k0[e] + v.c1[j] * v.k1[e] + v.f[j] * m;
        }
      }
      kern.memContentBackward(v.M, 0, N, MS, v.k0, 0, v.k1, 0, v.c0, v.c1, v.f, v.dk0, v.dk1, v.dM);
      expectClose(v.dk0, dk0, 'key 0 gradient');
      expectClose(v.dk1, dk1, 'key 1 gradient');
      expectClose(v.dM, dM, 'dLoss/dM_{t−1} with the content term');
    });
  }
});

describe('buffer layout of a pass', () => {
  for (const model of ['matntm', 'matrnn'] as const) {
    it(`${model}: every buffer NaN before each pass gives the same numbers, after a longer and a shorter batch`, () => {
      const p = tinyProblem(model, 41, 'clamped', 4, 3);
      const clean = new FusedEngine(p.layout);
      const poisoned = new FusedEngine(p.layout);
      poisoned.kernels.poison = true;
      const rng = new Rng(5);
      for (const length of [6, 2, 4]) {
        const batch = copyBatch(rng, { batch: 3, minLength: length, maxLength: length });
        const a = clean.runSync(p.theta, batch, p.w0, true);
        const b = poisoned.runSync(p.theta, batch, p.w0, true);
        expect(Number.isFinite(a.loss)).toBe(true);
        expect(b.loss, `length ${length}`).toBe(a.loss);
        expect(Array.from(b.grad!), `length ${length}`).toEqual(Array.from(a.grad!));
        expect(Array.from(b.outputs), `length ${length}`).toEqual(Array.from(a.outputs));
      }
    });
  }
});

describe('kernels-wasm.ts', () => {
  it('is the assembly of kernels.wat (scripts/build-wasm.mjs --check)', () => {
    const r = spawnSync(process.execPath, ['scripts/build-wasm.mjs', '--check'], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
  });
});
