import { describe, expect, it } from 'vitest';
import { EigenvalueDecomposition, LuDecomposition, Matrix } from 'ml-matrix';
import { ModelUndefinedError } from '../../../src/errors.ts';
import { kron } from '../../../src/linalg/dense.ts';
import { makeCase } from '../../../src/models/case.ts';
import { fisherMemorySummary } from '../../../src/models/summary.ts';
import {
  memoryCompanionMatrix,
  memoryExactCovarianceDense,
  memoryExactFisherMemory,
  memoryMeanResponses,
} from '../../../src/models/memory/exact.ts';
import { memoryStability, modeRoots, kroneckerEigenvalues } from '../../../src/models/memory/stability.ts';
import { gaussianMatrix, matrixWithSpectralRadius, normalComplexSpectrum, normalRealSpectrum } from '../../helpers/random-matrices.ts';

const rows = (m: Matrix) => m.to2DArray();
const nonNormal = makeCase(rows(matrixWithSpectralRadius(2, 0.8, 201)), rows(matrixWithSpectralRadius(2, 0.7, 202)), rows(gaussianMatrix(2, 2, 203)), 0.9, 1.2);
const normal = makeCase(rows(normalComplexSpectrum([{ r: 0.8, theta: 0.7 }, { r: 0.5, theta: 2.1 }], 204)), rows(normalRealSpectrum([0.9, -0.4, 0.3, 0.6], 205)), rows(gaussianMatrix(4, 4, 206)));

/** Independent stationary covariance: solve (I − F⊗F) vec C_y = vec Q by LU (no doubling). */
function stackedCovarianceByLinearSolve(c: typeof nonNormal, alpha: number[]): Matrix {
  const f = memoryCompanionMatrix(c, alpha);
  const d = f.rows;
  const n = c.U.rows ** 2;
  const big = Matrix.sub(Matrix.eye(d * d, d * d), kron(f, f));
  const q = new Matrix(d * d, 1);
  for (let i = 0; i < n; i++) q.set(i + d * i, 0, c.e1 * c.e2);
  const x = new LuDecomposition(big).solve(q);
  const out = new Matrix(n, n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) out.set(i, j, x.get(i + d * j, 0));
  return out;
}

describe('exact memory model against independent computations', () => {
  it('stationary covariance (dense doubling) equals the Kronecker linear solve, p = 1 and p = 2', () => {
    for (const alpha of [[0.3], [0.2, -0.15]]) {
      const n = 4;
      const cov = memoryExactCovarianceDense(nonNormal, alpha, null).covariance;
      const ref = stackedCovarianceByLinearSolve(nonNormal, alpha);
      let diff = 0;
      for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) diff = Math.max(diff, Math.abs(cov[i * n + j] - ref.get(i, j)));
      expect(diff / ref.norm('frobenius')).toBeLessThan(1e-11);
    }
  });

  it('with α = 0 (or no slots) it reduces to the exact model of Eq. 5', () => {
    const base = fisherMemorySummary(nonNormal, 'exact', 8);
    const r = memoryExactFisherMemory(nonNormal, { alpha: [0], count: 8 });
    r.fmc.forEach((v, k) => expect(Math.abs(v - base.fmc[k]) / base.fmc[k]).toBeLessThan(1e-10));
    expect(Math.abs(r.jtot - base.jtot) / base.jtot).toBeLessThan(1e-10);
  });

  it('J\'_tot (Stein on the Gram matrix) equals Σ_k h_kᵀ C⁻¹ h_k summed', () => {
    const r = memoryExactFisherMemory(nonNormal, { alpha: [0.3], count: 600 });
    const s = r.fmc.reduce((a, b) => a + b, 0);
    expect(Math.abs(r.jtot - s) / s).toBeLessThan(1e-9);
  });

  it('normal route (eigenmodes) equals the dense route, stationary and finite horizon, stable and unstable', () => {
    for (const [alpha, horizon] of [[[0.3], undefined], [[1], 40], [[0.5, 0.5], 25]] as const) {
      const a = memoryExactFisherMemory(normal, { alpha: [...alpha], count: 12, horizon, method: 'dense' });
      const b = memoryExactFisherMemory(normal, { alpha: [...alpha], count: 12, horizon, method: 'normal' });
      a.fmc.forEach((v, k) => expect(Math.abs(v - b.fmc[k])).toBeLessThan(1e-6 * Math.max(v, 1e-3)));
      expect(Math.abs(a.jtot - b.jtot)).toBeLessThan(1e-6);
    }
  });

  it('normal U, V: J\'_tot = ‖W‖²/(ε₁ε₂) with or without memory, at every horizon', () => {
    const iw = normal.W.norm('frobenius') ** 2;
    for (const T of [1, 5, 30, 200]) expect(memoryExactFisherMemory(normal, { alpha: [1], count: 1, horizon: T }).jtot).toBeCloseTo(iw, 10);
    expect(memoryExactFisherMemory(normal, { alpha: [0.3], count: 1 }).jtot).toBeCloseTo(iw, 10);
  });
});

describe('finite horizon', () => {
  it('converges to the stationary FMC for a stable system', () => {
    const stat = memoryExactFisherMemory(nonNormal, { alpha: [0.3], count: 6 });
    const rho = stat.stability.spectralRadius;
    const T = Math.ceil(Math.log(1e-14) / Math.log(rho));
    const fin = memoryExactFisherMemory(nonNormal, { alpha: [0.3], count: 6, horizon: T });
    fin.fmc.forEach((v, k) => expect(Math.abs(v - stat.fmc[k]) / stat.fmc[k]).toBeLessThan(1e-8));
    const short = memoryExactFisherMemory(nonNormal, { alpha: [0.3], count: 6, horizon: 3 });
    expect(Math.abs(short.fmc[0] - stat.fmc[0]) / stat.fmc[0]).toBeGreaterThan(1e-3);
  });

  it('grows without bound for an unstable system: Tr C_T increases like ρ(F)^{2T}', () => {
    const alpha = [1];
    const rho = memoryStability(nonNormal, alpha).spectralRadius;
    expect(rho).toBeGreaterThan(1);
    const tr = (T: number) => {
      const c = memoryExactCovarianceDense(nonNormal, alpha, T).covariance;
      return c[0] + c[5] + c[10] + c[15];
    };
    const growth = tr(61) / tr(60);
    expect(Math.abs(growth - rho * rho) / (rho * rho)).toBeLessThan(1e-3);
    expect(() => memoryExactFisherMemory(nonNormal, { alpha, count: 3 })).toThrow(ModelUndefinedError);
  });

  it('mean responses follow h_k = 𝒜h_{k−1} + α h_{k−2}: scalar case u v = 0.4, α = 1 gives Fibonacci-like numbers', () => {
    const c = makeCase([[0.5]], [[0.8]], [[1]]);
    const h = memoryMeanResponses(c, [1], 5).map((x) => x[0]);
    const ref = [1, 0.4, 0.4 * 0.4 + 1, 0.4 * (0.16 + 1) + 0.4];
    ref.forEach((v, k) => expect(h[k]).toBeCloseTo(v, 14));
  });
});

describe('stability eigenvalue facts', () => {
  it('ρ(F) from the per-mode roots equals the eigenvalues of the dense companion matrix (p = 1, 2, 3)', () => {
    for (const alpha of [[1], [0.3], [0.5, 0.5], [0.2, -0.3, 0.4]]) {
      for (const c of [nonNormal, normal]) {
        const dense = new EigenvalueDecomposition(memoryCompanionMatrix(c, alpha));
        let rho = 0;
        dense.realEigenvalues.forEach((re, k) => (rho = Math.max(rho, Math.hypot(re, dense.imaginaryEigenvalues[k]))));
        expect(Math.abs(memoryStability(c, alpha).spectralRadius - rho)).toBeLessThan(1e-9);
      }
    }
  });

  it('p = 1: the roots are (λ ± √(λ² + 4α))/2 and |μ₁μ₂| = α; α = 1 is unstable for every case', () => {
    for (const l of kroneckerEigenvalues(normal)) {
      const [a, b] = modeRoots(l, [1]);
      expect(Math.hypot(a.re, a.im) * Math.hypot(b.re, b.im)).toBeCloseTo(1, 12);
      expect(a.re + b.re).toBeCloseTo(l.re, 12); // Vieta: μ₁ + μ₂ = λ
      expect(a.im + b.im).toBeCloseTo(l.im, 12);
    }
    expect(memoryStability(normal, [1]).stable).toBe(false);
    expect(memoryStability(nonNormal, [1]).stable).toBe(false);
    // U = V = 0.5 (N = 1): λ = 0.25, μ = (0.25 + √4.0625)/2
    expect(memoryStability(makeCase([[0.5]], [[0.5]], [[1]]), [1]).spectralRadius).toBeCloseTo((0.25 + Math.sqrt(4.0625)) / 2, 14);
  });

  it('Σα = 1: λ = 0 has the root μ = 1 (U = V = 0 with p = 3 is not stable); α₁ = 0.3 is stable here', () => {
    const zero = makeCase([[0]], [[0]], [[1]]);
    const s = memoryStability(zero, [0.2, 0.3, 0.5]);
    expect(s.spectralRadius).toBeCloseTo(1, 12);
    expect(s.stable).toBe(false);
    expect(memoryStability(nonNormal, [0.3]).stable).toBe(true);
  });
});
