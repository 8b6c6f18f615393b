// The two-thread Kronecker sandwich must give the single-thread numbers bit for bit (each entry is
// computed by the same instructions whichever thread takes it), at even and odd N, and the Stein
// solution must satisfy its equation (the residual is the independent check of the numbers).
import { Matrix } from 'ml-matrix';
import { describe, expect, it } from 'vitest';
import { halfRange } from '../../src/linalg/sandwich-phases.ts';
import { PARALLEL_MIN_N } from '../../src/linalg/sandwich-pool.ts';
import { solveKroneckerStein } from '../../src/linalg/stein.ts';
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
