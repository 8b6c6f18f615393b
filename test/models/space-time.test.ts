// The space-time trace series (src/models/space-time.ts) against closed forms: a geometric series for scalars, the
// trace of the Stein solution from a Kronecker linear solve for matrices; its remainder bound is honest, and a
// series it cannot certify is refused.
import { Matrix, solve } from 'ml-matrix';
import { describe, expect, it } from 'vitest';
import { spaceTimeTraceSum, TRACE_SERIES_MAX_TERMS } from '../../src/models/space-time.ts';
import { ModelUndefinedError } from '../../src/errors.ts';
import { kron } from '../../src/linalg/dense.ts';
import { matrixWithSpectralRadius } from '../helpers/random-matrices.ts';

describe('spaceTimeTraceSum', () => {
  it('scalar: Σ aⁱ p aⁱ = p/(1 − a²), certified to 1e-15 relative', () => {
    const r = spaceTimeTraceSum(new Matrix([[0.5]]), new Matrix([[2]]), 2);
    expect(r.sum).toBeCloseTo(8 / 3, 14);
    expect(r.remainderBound).toBeLessThanOrEqual(1e-15 * r.sum);
    expect(r.remainderBound).toBeGreaterThan(0);
    // the bound must cover what was left out: 8/3 − sum ≤ bound (up to rounding of the partial sum)
    expect(8 / 3 - r.sum).toBeLessThanOrEqual(r.remainderBound + 4 * Number.EPSILON);
    // After K terms: ‖A^K‖_F² = 0.25^K, Σ_{j<1} ‖A^j‖_F² = 1 gives the block bound S = 1/(1 − 0.25) = 4/3
    // (fixed at K = 1), so the bound is pMax · 0.25^K · 4/3 and the sum 2(1 − 0.25^K)/(1 − 0.25). It stops at
    // the first K with 0.25^K ≤ 1e-15 (1 − 0.25^K): K = 25 (0.25^25 ≈ 8.9e-16; 0.25^24 ≈ 3.6e-15).
    expect(r.terms).toBe(25);
    // powers of 1/2 and a few products: the bound agrees to rounding (1e-15 relative)
    expect(Math.abs(r.remainderBound - (2 * 0.25 ** 25 * 4) / 3) / r.remainderBound).toBeLessThan(1e-15);
  });

  it('matrix: the trace of X = A X Aᵀ + P, X from the Kronecker solve (I − A⊗A) vec X = vec P', () => {
    const a = matrixWithSpectralRadius(3, 0.9, 301);
    const p = new Matrix([[2, 0.5, 0], [0.5, 1, 0.2], [0, 0.2, 1.5]]);
    const vecX = solve(Matrix.sub(Matrix.eye(9), kron(a, a)), Matrix.columnVector(p.to1DArray()));
    const trace = vecX.get(0, 0) + vecX.get(4, 0) + vecX.get(8, 0);
    const pMax = 2.5; // ≥ λmax(P) (Gershgorin: 2 + 0.5)
    const r = spaceTimeTraceSum(a, p, pMax);
    // the linear solve is accurate to κ(I − A⊗A)·ε ≈ 1e-13 here
    expect(Math.abs(r.sum - trace) / trace).toBeLessThan(1e-12);
    expect(r.remainderBound).toBeLessThanOrEqual(1e-15 * r.sum);
  });

  it('diagonal 2×2: the block bound S is fixed at K = 1, S = ‖I‖_F²/(1 − ‖A‖_F²), and the series stops at the first K it certifies', () => {
    const a = [0.5, 0.3];
    const p = [2, 1];
    const pMax = 2;
    const r = spaceTimeTraceSum(Matrix.diag(a), Matrix.diag(p), pMax);
    const fro = (k: number) => a[0] ** (2 * k) + a[1] ** (2 * k);
    const partial = (K: number) => p[0] * (1 - a[0] ** (2 * K)) / (1 - a[0] ** 2) + p[1] * (1 - a[1] ** (2 * K)) / (1 - a[1] ** 2);
    const S = fro(0) / (1 - fro(1));
    let K = 1;
    while (pMax * fro(K) * S > 1e-15 * partial(K)) K++;
    // not near the threshold at K − 1 or K, so rounding cannot move K
    expect(pMax * fro(K - 1) * S / (1e-15 * partial(K - 1))).toBeGreaterThan(1.03);
    expect(pMax * fro(K) * S / (1e-15 * partial(K))).toBeLessThan(0.97);
    expect(r.terms).toBe(K);
    // sums of a few hundred positive terms and one product: a few units of 1e-16, within 1e-14
    expect(Math.abs(r.remainderBound - pMax * fro(K) * S) / r.remainderBound).toBeLessThan(1e-14);
    expect(Math.abs(r.sum - (p[0] / (1 - a[0] ** 2) + p[1] / (1 - a[1] ** 2))) / r.sum).toBeLessThan(1e-14);
  });

  it('a zero A sums the single term Tr P', () => {
    const r = spaceTimeTraceSum(Matrix.zeros(2, 2), new Matrix([[1, 0], [0, 3]]), 3);
    expect(r.sum).toBe(4);
    expect(r.terms).toBe(1);
  });

  it('refuses a series it cannot certify: ρ = 1 within the term cap, ρ > 1 when the powers overflow', () => {
    expect(TRACE_SERIES_MAX_TERMS).toBe(400000);
    for (const a of [1, 2]) {
      let err: unknown;
      try {
        spaceTimeTraceSum(new Matrix([[a]]), new Matrix([[1]]), 1);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(ModelUndefinedError);
      expect((err as ModelUndefinedError).reason).toBe('slow-series');
      expect((err as Error).message).toBe('space-time trace series not certified within 400000 terms');
      expect((err as ModelUndefinedError).details).toEqual({ terms: 400000 });
    }
  });
});
