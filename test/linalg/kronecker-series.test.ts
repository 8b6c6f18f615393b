/**
 * The Kronecker series of the isotropic vectorized Stein equation (kronecker-series.ts) against
 * Smith's doubling (solveKroneckerStein), an analytic diagonal case, its own certified tail, and the
 * Stein residual's two ways (exact sandwich, Gaussian probes).
 */
import { describe, expect, it } from 'vitest';
import { Matrix } from 'ml-matrix';
import { kroneckerSeriesCovariance } from '../../src/linalg/kronecker-series.ts';
import { kroneckerSteinResidual, solveKroneckerStein } from '../../src/linalg/stein.ts';
import { matrixWithSpectralRadius } from '../helpers/random-matrices.ts';

const identityTimes = (n: number, e: number) => {
  const q = new Float64Array(n * n);
  for (let i = 0; i < n; i++) q[i * n + i] = e;
  return q;
};

describe('kroneckerSeriesCovariance', () => {
  for (const [N, seed] of [[2, 1], [3, 2], [5, 3], [6, 4]] as const) {
    it(`equals the doubling solution on a random non-normal ${N}×${N} case (ρ = 0.85, 0.7)`, () => {
      const u = matrixWithSpectralRadius(N, 0.85, 100 + seed);
      const v = matrixWithSpectralRadius(N, 0.7, 200 + seed);
      const e = 1.7;
      const series = kroneckerSeriesCovariance(u, v, e, 10_000)!;
      const doubling = solveKroneckerStein(u, v, identityTimes(N * N, e));
      let diff = 0;
      let size = 0;
      for (let i = 0; i < series.solution.length; i++) {
        diff = Math.max(diff, Math.abs(series.solution[i] - doubling.solution[i]));
        size = Math.max(size, Math.abs(doubling.solution[i]));
      }
      // both sum the same positive semidefinite terms to below float64 resolution, in other orders:
      // a few hundred roundings of ε relative to the largest entry at most
      expect(diff / size, `N = ${N}, seed ${seed}`).toBeLessThan(1e-13);
      expect(series.relativeTailBound).toBeLessThanOrEqual(1e-17);
      // C is exactly symmetric by construction
      const n = N * N;
      for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) expect(series.solution[i * n + j]).toBe(series.solution[j * n + i]);
    });
  }

  it('diagonal U, V: C is diagonal with C[(b, a), (b, a)] = e / (1 − v_b² u_a²)', () => {
    const u = Matrix.diag([0.5, -0.9, 0.2]);
    const v = Matrix.diag([0.3, 0.8, -0.6]);
    const e = 2;
    const c = kroneckerSeriesCovariance(u, v, e, 10_000)!;
    const n = 9;
    for (let b = 0; b < 3; b++) {
      for (let a = 0; a < 3; a++) {
        const r = b * 3 + a;
        const want = e / (1 - v.get(b, b) ** 2 * u.get(a, a) ** 2);
        // the series' tail is below 1e-17 of the sum; the sum itself rounds at ~K·ε
        expect(Math.abs(c.solution[r * n + r] - want) / want).toBeLessThan(1e-14);
        for (let s = 0; s < n; s++) if (s !== r) expect(c.solution[r * n + s]).toBe(0);
      }
    }
  });

  it('stops where its tail bound a²/(1 − a²) first drops below 1e-17 (a = ‖V^K‖_F‖U^K‖_F), and gives up past maxTerms', () => {
    const u = Matrix.diag([0.5]);
    const v = Matrix.diag([0.5]);
    // a² = 0.25^(2K)·… = 16^(−K): below 1e-17/(1 + 1e-17) first at K = 15 (16^−14 = 1.4e-17)
    const c = kroneckerSeriesCovariance(u, v, 1, 1000)!;
    expect(c.terms).toBe(15);
    expect(c.relativeTailBound).toBeCloseTo(16 ** -15 / (1 - 16 ** -15), 30);
    expect(kroneckerSeriesCovariance(u, v, 1, 14)).toBeNull();
    expect(kroneckerSeriesCovariance(Matrix.diag([0.999]), Matrix.diag([0.999]), 1, 500)).toBeNull();
  });
});

describe('kroneckerSteinResidual', () => {
  it('the probe estimate follows the exact residual of a perturbed solution within 40 %', () => {
    const N = 5;
    const n = N * N;
    const u = matrixWithSpectralRadius(N, 0.8, 309);
    const v = matrixWithSpectralRadius(N, 0.6, 409);
    const q = identityTimes(n, 1);
    const x = Float64Array.from(kroneckerSeriesCovariance(u, v, 1, 10_000)!.solution);
    const exactOk = kroneckerSteinResidual(u, v, q, x, { estimate: false });
    expect(exactOk.estimated).toBe(false);
    expect(exactOk.relativeResidual).toBeLessThan(1e-14);
    // a symmetric perturbation of size 1e-6 on a few entries
    for (let i = 0; i < n; i += 4) x[i * n + i] += 1e-6;
    const exact = kroneckerSteinResidual(u, v, q, x, { estimate: false }).relativeResidual;
    const est = kroneckerSteinResidual(u, v, q, x, { estimate: true, probes: 8 });
    expect(est.estimated).toBe(true);
    // E‖Rz‖² = ‖R‖_F²: with 8 probes the ratio's spread is a few tens of percent; 40 % leaves room
    // while a wrong estimate (a missing term, a transposed product) is off by orders of magnitude
    expect(est.relativeResidual / exact).toBeGreaterThan(0.6);
    expect(est.relativeResidual / exact).toBeLessThan(1.4);
  });
});
