// The two-thread kernels (the Kronecker sandwich, the Cholesky trailing update) must give the single-thread numbers bit for bit (each entry is
// computed by the same instructions whichever thread takes it), at even and odd N, and the Stein
// solution must satisfy its equation (the residual is the independent check of the numbers).
import { Matrix } from 'ml-matrix';
import { describe, expect, it } from 'vitest';
import { halfRange, PARALLEL_MIN_N } from '../../src/linalg/sandwich-phases.ts';
import { solveKroneckerStein } from '../../src/linalg/stein.ts';
import { choleskyLower, PARALLEL_MIN_ORDER } from '../../src/linalg/cholesky.ts';
import { makeRng } from '../../src/core/random.ts';

function randomMatrix(N: number, radius: number, seed: number): Matrix {
  const rng = makeRng(seed);
  const m = Matrix.from1DArray(N, N, Array.from({ length: N * N }, () => rng.next() - 0.5));
  // scale by the Frobenius norm: ρ ≤ ‖·‖_F keeps the system convergent
  return m.mul(radius / m.norm('frobenius'));
}

describe('two-thread Kronecker sandwich', () => {
  it('halves cut at even items and cover the range', () => {
    for (const count of [1, 2, 3, 7, 16, 17, 4096]) {
      const [a0, a1] = halfRange(count, 0);
      const [b0, b1] = halfRange(count, 1);
      expect([a0, a1 === b0, b1]).toEqual([0, true, count]);
      expect(a1 % 2 === 0 || a1 === count).toBe(true);
    }
  });

  for (const N of [PARALLEL_MIN_N, 17]) {
    it(`N = ${N}: two threads give the one-thread solution bit for bit, and a small residual`, () => {
      const U = randomMatrix(N, 0.9, 11);
      const V = randomMatrix(N, 0.8, 12);
      const n = N * N;
      const q = new Float64Array(n * n);
      for (let i = 0; i < n; i++) q[i * n + i] = 0.7;
      const one = solveKroneckerStein(U, V, q, { threads: 1 });
      const two = solveKroneckerStein(U, V, q, { threads: 2 });
      expect([one.threads, two.threads]).toEqual([1, 2]);
      expect(two.iterations).toBe(one.iterations);
      let differing = 0;
      for (let i = 0; i < one.solution.length; i++) if (!Object.is(one.solution[i], two.solution[i])) differing++;
      expect(differing).toBe(0);
      // float64 doubling of ~10 steps on a well-conditioned system: residual at rounding level
      expect(two.relativeResidual).toBeLessThan(1e-13);
    });
  }
});

describe('two-thread Cholesky', () => {
  for (const n of [PARALLEL_MIN_ORDER, 301]) {
    it(`n = ${n}: two threads give the one-thread factor bit for bit, and L Lᵀ = A`, () => {
      const rng = makeRng(5);
      const g = Array.from({ length: n * n }, () => rng.next() - 0.5);
      // A = G Gᵀ + n I: symmetric positive definite, condition number ≲ 5
      const a = new Float64Array(n * n);
      for (let i = 0; i < n; i++) {
        for (let j = 0; j <= i; j++) {
          let s = i === j ? n : 0;
          for (let t = 0; t < n; t++) s += g[i * n + t] * g[j * n + t];
          a[i * n + j] = s;
          a[j * n + i] = s;
        }
      }
      const used = [{ threads: 0 }, { threads: 0 }];
      const one = choleskyLower(a, n, { threads: 1, used: used[0] });
      const two = choleskyLower(a, n, { threads: 2, used: used[1] });
      expect(used.map((u) => u.threads)).toEqual([1, 2]);
      let differing = 0;
      for (let i = 0; i < one.length; i++) if (!Object.is(one[i], two[i])) differing++;
      expect(differing).toBe(0);
      let worst = 0;
      for (let i = 0; i < n; i += 37) {
        for (let j = 0; j <= i; j += 13) {
          let s = 0;
          for (let t = 0; t <= j; t++) s += two[i * n + t] * two[j * n + t];
          worst = Math.max(worst, Math.abs(s - a[i * n + j]) / a[i * n + i]);
        }
      }
      // backward-stable factorization of a well-conditioned matrix: entries of L Lᵀ − A at ~n·ε relative to the diagonal
      expect(worst).toBeLessThan(1e-12);
    });
  }
});
