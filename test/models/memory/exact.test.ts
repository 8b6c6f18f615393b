import { describe, expect, it } from 'vitest';
import { EigenvalueDecomposition, LuDecomposition, Matrix } from 'ml-matrix';
import { ModelUndefinedError } from '../../../src/errors.ts';
import { kron } from '../../../src/linalg/dense.ts';
import { makeCase } from '../../../src/models/case.ts';
import { fisherMemorySummary } from '../../../src/models/summary.ts';
import {
  finiteSteinSum,
  modeResponseSquares,
  modeStationarySum,
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

describe('building blocks against direct sums', () => {
  it('finiteSteinSum(F, Q, T) = Σ_{j<T} F^j Q F^{jᵀ}, summed term by term, for T = 0..9', () => {
    const f = matrixWithSpectralRadius(3, 0.9, 211);
    const g = gaussianMatrix(3, 3, 212);
    const q = g.mmul(g.transpose());
    let direct = Matrix.zeros(3, 3);
    let power = Matrix.eye(3);
    for (let T = 0; T <= 9; T++) {
      const doubled = finiteSteinSum(f, q, T);
      // binary doubling and the plain loop add the same O(T) products in another order: 1e-13 relative
      expect(Matrix.sub(doubled, direct).norm('frobenius')).toBeLessThanOrEqual(1e-13 * Math.max(1, direct.norm('frobenius')));
      direct = Matrix.add(direct, power.mmul(q).mmul(power.transpose()));
      power = power.mmul(f);
    }
  });

  it('the companion matrix: 𝒜 = Vᵀ ⊗ Uᵀ in the top-left block, α_t·I in the top row, identities below the diagonal', () => {
    const f = memoryCompanionMatrix(nonNormal, [0.3, 0.2]);
    const n = 4;
    expect([f.rows, f.columns]).toEqual([12, 12]);
    const a = kron(nonNormal.V.transpose(), nonNormal.U.transpose());
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        expect(f.get(i, j)).toBe(a.get(i, j));
        expect(f.get(i, n + j)).toBe(i === j ? 0.3 : 0);
        expect(f.get(i, 2 * n + j)).toBe(i === j ? 0.2 : 0);
        expect(f.get(n + i, j)).toBe(i === j ? 1 : 0);
        expect(f.get(2 * n + i, n + j)).toBe(i === j ? 1 : 0);
        expect(f.get(n + i, n + j)).toBe(0);
        expect(f.get(2 * n + i, 2 * n + j)).toBe(0);
      }
    }
  });

  it('modeResponseSquares: |π_k(λ)|² of π_k = λπ_{k−1} + Σ_t α_t π_{k−1−t}, π_0 = 1, in complex arithmetic', () => {
    const lambda = { re: 0.4, im: -0.7 };
    const alpha = [0.3, -0.2];
    const { sq, logScale } = modeResponseSquares(lambda, alpha, 12);
    const pis: { re: number; im: number }[] = [];
    for (let k = 0; k < 12; k++) {
      let z = k === 0 ? { re: 1, im: 0 } : { re: lambda.re * pis[k - 1].re - lambda.im * pis[k - 1].im, im: lambda.re * pis[k - 1].im + lambda.im * pis[k - 1].re };
      for (let t = 1; t <= 2 && k > 0; t++) if (k - 1 - t >= 0) z = { re: z.re + alpha[t - 1] * pis[k - 1 - t].re, im: z.im + alpha[t - 1] * pis[k - 1 - t].im };
      pis.push(z);
      expect(sq[k]).toBeCloseTo(z.re ** 2 + z.im ** 2, 14);
    }
    expect(logScale).toBe(0);
  });

  it('modeResponseSquares rescales huge responses jointly and reports the scale: λ = 1e30 gives (1e30)^{2k}', () => {
    const { sq, logScale } = modeResponseSquares({ re: 1e30, im: 0 }, [], 9);
    // |π_k|² = 1e60k; the rescaling keeps the ratios and records ln(1e200) per rescale (the earliest squares
    // underflow to 0 on the way: negligible against the last ones, which is all J and J_tot use)
    expect(logScale / (200 * Math.LN10)).toBe(Math.round(logScale / (200 * Math.LN10)));
    expect(logScale).toBeGreaterThan(0);
    for (let k = 5; k < 9; k++) expect(Math.log10(sq[k] / sq[k - 1])).toBeCloseTo(60, 9);
    expect(Math.log10(sq[8]) + logScale / Math.LN10).toBeCloseTo(480, 9);
  });

  it('modeStationarySum = Σ_j |π_j(λ)|² (the series summed until its terms are negligible)', () => {
    for (const [lambda, alpha] of [[{ re: 0.5, im: 0.3 }, [0.2]], [{ re: -0.6, im: 0 }, [0.1, 0.15]], [{ re: 0.3, im: -0.4 }, []]] as const) {
      const { sq } = modeResponseSquares(lambda, [...alpha], 2000);
      const series = sq.reduce((s, x) => s + x, 0);
      // the modes have ρ(companion) ≤ 0.8, so 2000 terms leave a tail below 0.8^4000; Stein doubling to ~1e-14
      expect(modeStationarySum(lambda, [...alpha])).toBeCloseTo(series, 12);
    }
  });
});

describe('exact memory model: options and route choice', () => {
  // both U and V with complex spectra and ε₁ ≠ ε₂, so that every factor of the normal route matters
  const complexPair = makeCase(
    rows(normalComplexSpectrum([{ r: 0.7, theta: 0.9 }], 104)),
    rows(normalComplexSpectrum([{ r: 0.6, theta: 2.0 }], 105)),
    rows(gaussianMatrix(2, 2, 106)),
    0.8,
    1.3,
  );

  it('the normal route equals the dense route for complex U and V, ε₁ ≠ ε₂, and count beyond the horizon', () => {
    for (const [alpha, horizon, count] of [[[0.3], undefined, 6], [[0.3, 0.2], 4, 7], [[1], 9, 3]] as const) {
      const a = memoryExactFisherMemory(complexPair, { alpha: [...alpha], count, horizon, method: 'dense' });
      const b = memoryExactFisherMemory(complexPair, { alpha: [...alpha], count, horizon, method: 'normal' });
      expect([a.method, b.method]).toEqual(['dense', 'normal']);
      expect(b.fmc).toHaveLength(count);
      // two independent routes (a Kronecker-space Cholesky vs per-mode scalar sums), both backward stable on
      // a 2×2 case with ρ(F) ≤ 0.9: they agree to 1e-10 relative
      a.fmc.forEach((v, k) => expect(Math.abs(v - b.fmc[k])).toBeLessThanOrEqual(1e-10 * Math.max(v, 1e-12)));
      expect(Math.abs(a.jtot - b.jtot) / a.jtot).toBeLessThan(1e-10);
      // J(k) = 0 for k ≥ T: the state holds nothing of an input older than the horizon
      if (horizon !== undefined) for (let k = horizon; k < count; k++) expect(b.fmc[k]).toBe(0);
      expect(b.jtotRel).toBeCloseTo(b.jtot / b.inputFisher, 14);
      expect(b.inputFisher).toBeCloseTo(complexPair.W.norm('frobenius') ** 2 / (0.8 * 1.3), 13);
    }
  });

  it('auto picks the normal route for normal U and V and the dense one otherwise; "normal" is refused for non-normal U or V', () => {
    expect(memoryExactFisherMemory(complexPair, { alpha: [0.3], count: 2 }).method).toBe('normal');
    expect(memoryExactFisherMemory(nonNormal, { alpha: [0.3], count: 2 }).method).toBe('dense');
    const mixed1 = makeCase(rows(complexPair.U), rows(nonNormal.V), rows(nonNormal.W));
    const mixed2 = makeCase(rows(nonNormal.U), rows(complexPair.V), rows(nonNormal.W));
    for (const mixed of [mixed1, mixed2]) {
      expect(memoryExactFisherMemory(mixed, { alpha: [0.3], count: 2 }).method).toBe('dense');
      expect(() => memoryExactFisherMemory(mixed, { alpha: [0.3], count: 2, method: 'normal' })).toThrow('the normal route of the exact memory model needs normal U and V');
    }
    expect(memoryExactFisherMemory(complexPair, { alpha: [0.3], count: 2, method: 'dense' }).method).toBe('dense');
  });

  it('the dense route refuses a stacked dimension (p+1)N² above 400 before any work', () => {
    const big = makeCase(rows(matrixWithSpectralRadius(12, 0.5, 221)), rows(matrixWithSpectralRadius(12, 0.5, 222)), rows(gaussianMatrix(12, 12, 223)));
    expect(() => memoryExactFisherMemory(big, { alpha: [0.1, 0.1], count: 2 })).toThrow(
      'the exact memory model for non-normal U, V is dense in the stacked dimension (p+1)N² = 432 > 400; use fewer slots, a smaller N, or normal U and V',
    );
  });

  it('count is a positive integer; a horizon an integer in [1, 100000] (100000 itself accepted)', () => {
    for (const count of [0, 1.5, -2]) expect(() => memoryExactFisherMemory(nonNormal, { alpha: [0.3], count })).toThrow(`count must be a positive integer, got ${count}`);
    for (const horizon of [0, 2.5, 100001]) {
      expect(() => memoryExactFisherMemory(nonNormal, { alpha: [0.3], count: 2, horizon })).toThrow(`horizon must be an integer in [1, 100000], got ${horizon}`);
    }
    const scalar = makeCase([[0.5]], [[0.5]], [[1]]);
    const longest = memoryExactFisherMemory(scalar, { alpha: [0.3], count: 2, horizon: 100000, method: 'normal' });
    // stable, so 100000 steps are the stationary law to rounding
    expect(longest.jtot).toBeCloseTo(memoryExactFisherMemory(scalar, { alpha: [0.3], count: 2 }).jtot, 10);
  });
});
