import { describe, expect, it } from 'vitest';
import { Matrix } from 'ml-matrix';
import { ModelUndefinedError } from '../../src/errors.ts';
import { matrixPower, relativeDifference } from '../../src/linalg/dense.ts';
import { unitaryEigendecomposition } from '../../src/linalg/eigen.ts';
import { makeCase, type MatrixCase } from '../../src/models/case.ts';
import {
  assertPaperModelDefined,
  normalEigenData,
  paperCovariances,
  paperFisherMemoryCurve,
  paperFisherMemoryCurveEq17AsPrinted,
  paperFisherMemoryMatrixEntry,
  paperFisherMemoryMatrixEntryEq13AsPrinted,
  paperFisherMemoryMatrixEntryEq29,
  paperNormalCapacityEq18,
  paperTotalCapacity,
  eq33Chain,
  expectedSquaredStateNorm,
  meanResponseNormSum,
  noiseTraceSum,
  theorem3Bound,
} from '../../src/models/paper.ts';
import { gaussianMatrix, matrixWithSpectralRadius, normalComplexSpectrum, normalRealSpectrum } from '../helpers/random-matrices.ts';

const toRows = (m: Matrix) => m.to2DArray();

function diagonalCase(u: number[], v: number[], w: number[][], e1: number, e2: number): MatrixCase {
  return makeCase(toRows(Matrix.diag(u)), toRows(Matrix.diag(v)), w, e1, e2);
}

describe('paper model, diagonal U and V solved by hand', () => {
  const u = [0.9, -0.5, 0.2];
  const v = [0.7, 0.3, -0.8];
  const w = [[1, 0.5, -0.2], [0.3, -1, 0.4], [0.6, 0.1, 0.9]];
  const e1 = 0.5;
  const e2 = 2;
  const c = diagonalCase(u, v, w, e1, e2);
  // computed inside each test, not while the suite is collected: a mutant is active only inside tests
  const covariance = () => paperCovariances(c);

  it('Ψ and Σ of Eq. 9 are diagonal with ε/(1 − λ²)', () => {
    const cov = covariance();
    u.forEach((x, i) => expect(cov.psi.get(i, i)).toBeCloseTo(e1 / (1 - x * x), 13));
    v.forEach((x, i) => expect(cov.sigma.get(i, i)).toBeCloseTo(e2 / (1 - x * x), 13));
  });

  it('Eq. 12: J(i) = (1/ε₁ε₂) Σ_jk w_jk² (u_j v_k)^{2i} (1 − u_j²)(1 − v_k²)', () => {
    const cov = covariance();
    const fmc = paperFisherMemoryCurve(c, cov, 8);
    fmc.forEach((value, i) => {
      let s = 0;
      for (let j = 0; j < 3; j++) for (let k = 0; k < 3; k++) s += w[j][k] ** 2 * (u[j] * v[k]) ** (2 * i) * (1 - u[j] ** 2) * (1 - v[k] ** 2);
      // a handful of products of O(1) numbers: relative agreement at 1e-12
      expect(Math.abs(value - s / (e1 * e2))).toBeLessThan(1e-12 * Math.max(1, s));
    });
  });

  it('J_tot (solver, Eq. 16) equals the hand-summed geometric series Σ g(v_k, u_j) w_jk²/(ε₁ε₂)', () => {
    const cov = covariance();
    let s = 0;
    for (let j = 0; j < 3; j++) for (let k = 0; k < 3; k++) s += (w[j][k] ** 2 * (1 - u[j] ** 2) * (1 - v[k] ** 2)) / (1 - u[j] ** 2 * v[k] ** 2);
    const { jtot } = paperTotalCapacity(c, cov);
    expect(Math.abs(jtot - s / (e1 * e2)) / s).toBeLessThan(1e-12);
  });
});

describe('paper model, general U and V', () => {
  const c = makeCase(toRows(matrixWithSpectralRadius(4, 0.85, 41)), toRows(matrixWithSpectralRadius(4, 0.7, 42)), toRows(gaussianMatrix(4, 4, 43)), 1.3, 0.6);
  // computed inside each test, not while the suite is collected: a mutant is active only inside tests
  const covariance = () => paperCovariances(c);

  it('Ψ equals its defining series ε₁ Σ U^{kᵀ}U^k (truncated where terms < 1e-18 of the sum)', () => {
    const cov = covariance();
    let s = Matrix.zeros(4, 4);
    for (let k = 0; k < 2000; k++) {
      const uk = matrixPower(c.U, k);
      const term = uk.transpose().mmul(uk).mul(c.e1);
      s = Matrix.add(s, term);
      if (term.norm('frobenius') < 1e-18 * s.norm('frobenius')) break;
    }
    // the non-normal transient of U (ρ = 0.85) costs a few digits in the series' rounding
    expect(relativeDifference(cov.psi, s)).toBeLessThan(1e-12);
  });

  it('J_tot by the solver equals Σ J(i) summed until the tail is negligible', () => {
    const cov = covariance();
    const fmc = paperFisherMemoryCurve(c, cov, 400);
    const partial = fmc.reduce((a, b) => a + b, 0);
    // terms decay like (0.85·0.7)^{2i}; after 400 terms the tail is below 1e-150
    expect(Math.abs(paperTotalCapacity(c, cov).jtot - partial) / partial).toBeLessThan(1e-12);
  });

  it('Eq. 13 as printed equals Eq. 8 on the diagonal but not off it', () => {
    const cov = covariance();
    for (let i = 0; i < 4; i++) {
      const a = paperFisherMemoryMatrixEntry(c, cov, i, i);
      expect(Math.abs(paperFisherMemoryMatrixEntryEq13AsPrinted(c, cov, i, i) - a)).toBeLessThan(1e-12 * Math.max(1, a));
    }
    const eq8 = paperFisherMemoryMatrixEntry(c, cov, 1, 3);
    const eq13 = paperFisherMemoryMatrixEntryEq13AsPrinted(c, cov, 1, 3);
    // a generic case: the two differ at order one, far beyond rounding
    expect(Math.abs(eq13 - eq8)).toBeGreaterThan(1e-3 * Math.abs(eq8) + 1e-6);
  });

  it('Eq. 29 (space-time form) equals Eq. 8 for i ≠ j (cyclicity of the trace)', () => {
    const cov = covariance();
    const a = paperFisherMemoryMatrixEntry(c, cov, 2, 1);
    expect(Math.abs(paperFisherMemoryMatrixEntryEq29(c, cov, 2, 1) - a)).toBeLessThan(1e-12 * Math.max(1, Math.abs(a)));
  });

  it('refuses ρ(U) ≥ 1 and names the condition and the offending spectral radius', () => {
    const bad = makeCase([[1.2, 0], [0, 0.1]], [[0.5, 0], [0, 0.5]], [[1, 0], [0, 1]]);
    expect(() => paperCovariances(bad)).toThrow(ModelUndefinedError);
    expect(() => paperCovariances(bad)).toThrow(/ρ\(U\) < 1.*ρ\(U\) = 1\.2/);
  });
});

describe('normal U and V: Eq. 17 as printed and Eq. 18', () => {
  const w = toRows(gaussianMatrix(4, 4, 51));
  it('real spectra: Eq. 17 as printed equals Eq. 12, and Eq. 18 equals the solver J_tot', () => {
    const c = makeCase(toRows(normalRealSpectrum([0.9, -0.4, 0.3, 0.05], 52)), toRows(normalRealSpectrum([0.6, 0.5, -0.7, 0.2], 53)), w, 0.8, 1.5);
    const cov = paperCovariances(c);
    const eig = normalEigenData(c);
    const fmc = paperFisherMemoryCurve(c, cov, 6);
    fmc.forEach((j, i) => {
      const e17 = paperFisherMemoryCurveEq17AsPrinted(c, eig, i);
      expect(Math.abs(e17.re - j)).toBeLessThan(1e-11 * Math.max(1, j));
      expect(Math.abs(e17.im)).toBeLessThan(1e-12);
    });
    const jtot = paperTotalCapacity(c, cov).jtot;
    expect(Math.abs(paperNormalCapacityEq18(c, eig) - jtot) / jtot).toBeLessThan(1e-11);
  });

  it('complex spectra: Eq. 18 still equals the solver J_tot, but Eq. 17 as printed does not equal Eq. 12', () => {
    const c = makeCase(
      toRows(normalComplexSpectrum([{ r: 0.8, theta: 0.9 }, { r: 0.4, theta: 2.2 }], 54)),
      toRows(normalComplexSpectrum([{ r: 0.7, theta: 1.3 }, { r: 0.5, theta: 0.3 }], 55)),
      w,
      1,
      1,
    );
    const cov = paperCovariances(c);
    const eig = normalEigenData(c);
    const jtot = paperTotalCapacity(c, cov).jtot;
    expect(Math.abs(paperNormalCapacityEq18(c, eig) - jtot) / jtot).toBeLessThan(1e-11);
    const j1 = paperFisherMemoryCurve(c, cov, 2)[1];
    const e17 = paperFisherMemoryCurveEq17AsPrinted(c, eig, 1);
    // order-one discrepancy (missing conjugates), far above the 1e-12 eigen residuals
    expect(Math.hypot(e17.re - j1, e17.im)).toBeGreaterThan(1e-3 * j1);
  });
});

describe('Section 2.5 sums (Eq. 31 bound, Eq. 33 chain) against truncated series', () => {
  // non-normal, ρ(U) = 0.85, ρ(V) = 0.7, so the terms fall at least as 0.6^k (times a transient):
  // 400 terms leave a tail far below 1e-14 of the sums
  const c = makeCase(toRows(matrixWithSpectralRadius(3, 0.85, 71)), toRows(matrixWithSpectralRadius(3, 0.7, 72)), toRows(gaussianMatrix(3, 3, 73)), 0.8, 1.5);
  const fro2 = (m: Matrix) => m.norm('frobenius') ** 2;
  let meanSum = 0;
  let noiseSum = 0;
  for (let k = 0; k < 400; k++) {
    const uk = matrixPower(c.U, k);
    const vk = matrixPower(c.V, k);
    meanSum += fro2(uk.transpose().mmul(c.W).mmul(vk));
    noiseSum += fro2(uk) * fro2(vk); // Tr(V^{kᵀ}V^k) Tr(U^{kᵀ}U^k)
  }

  // the Stein solves and the 400-term sums agree to ≤ 5e-16 relative here (seen); 1e-13 leaves a factor 200
  it('Σ ‖U^{kᵀ} W V^k‖², Σ ‖U^k‖²‖V^k‖² and E[Tr XᵀX] = the first + ε₁ε₂ × the second, to 1e-13 relative', () => {
    expect(Math.abs(meanResponseNormSum(c) - meanSum) / meanSum).toBeLessThan(1e-13);
    expect(Math.abs(noiseTraceSum(c) - noiseSum) / noiseSum).toBeLessThan(1e-13);
    const e = meanSum + 0.8 * 1.5 * noiseSum;
    expect(Math.abs(expectedSquaredStateNorm(c) - e) / e).toBeLessThan(1e-13);
  });

  it('Theorem 3 bound N²‖W‖²/(ε₁ε₂); Eq. 33 chain J_tot ≤ Tr Σ⁻¹ Tr Ψ⁻¹ Σ‖M_k‖² ≤ Tr Σ⁻¹ Tr Ψ⁻¹ E[Tr XᵀX]', () => {
    // a closed form: equal up to the rounding of ‖W‖² (1e-14 relative is a factor 50 above it)
    const bound = (9 * fro2(c.W)) / (0.8 * 1.5);
    expect(Math.abs(theorem3Bound(c) - bound) / bound).toBeLessThan(1e-14);
    const cov = paperCovariances(c);
    const chain = eq33Chain(c, cov);
    const trInv = (m: Matrix) => Array.from({ length: m.rows }, (_, i) => m.get(i, i)).reduce((a, b) => a + b, 0);
    const factor = trInv(cov.sigmaInv) * trInv(cov.psiInv);
    expect(chain.jtot).toBe(paperTotalCapacity(c, cov).jtot);
    // the same sums as above (1e-13), times traces of the paper model's inverses summed two ways (1e-15)
    expect(Math.abs(chain.meanNormSum - meanSum) / meanSum).toBeLessThan(1e-13);
    expect(Math.abs(chain.normSumBound - factor * meanSum) / (factor * meanSum)).toBeLessThan(1e-13);
    expect(Math.abs(chain.stateNormBound - factor * chain.expectedStateNorm) / chain.stateNormBound).toBeLessThan(1e-14);
    expect(chain.jtot).toBeLessThanOrEqual(chain.normSumBound);
    expect(chain.normSumBound).toBeLessThan(chain.stateNormBound);
  });
});

describe('existence of the paper model: ρ(U) < 1 and ρ(V) < 1, each strictly', () => {
  const failure = (c: MatrixCase): ModelUndefinedError => {
    try {
      assertPaperModelDefined(c);
    } catch (e) {
      if (e instanceof ModelUndefinedError) return e;
      throw e;
    }
    throw new Error('accepted a divergent case');
  };

  it('returns both spectral radii, and refuses either radius at exactly 1, naming that one', () => {
    expect(assertPaperModelDefined(makeCase([[0.5, 0], [0, 0.1]], [[0.4, 0], [0, -0.2]], [[1, 0], [0, 1]]))).toEqual({ U: 0.5, V: 0.4 });
    const uAtOne = failure(makeCase([[1, 0], [0, 0.1]], [[0.4, 0], [0, 0.2]], [[1, 0], [0, 1]]));
    expect(uAtOne.message).toMatch(/but ρ\(U\) = 1(\.0+)?$/);
    expect(uAtOne.reason).toBe('divergent');
    expect(uAtOne.details).toEqual({ spectralRadiusU: 1, spectralRadiusV: 0.4 });
    const vAtOne = failure(makeCase([[0.5, 0], [0, 0.1]], [[1, 0], [0, -0.2]], [[1, 0], [0, 1]]));
    expect(vAtOne.message).toMatch(/but ρ\(V\) = 1(\.0+)?$/);
    expect(vAtOne.details).toEqual({ spectralRadiusU: 0.5, spectralRadiusV: 1 });
  });

  it('reports the relative residuals of its two Stein solutions', () => {
    const c = makeCase(toRows(matrixWithSpectralRadius(3, 0.8, 91)), toRows(matrixWithSpectralRadius(3, 0.6, 92)), toRows(gaussianMatrix(3, 3, 93)));
    const { residuals } = paperCovariances(c);
    // Stein solutions of 3×3 systems with ρ ≤ 0.8: residuals at rounding level, non-negative
    for (const r of [residuals.psi, residuals.sigma]) {
      expect(r).toBeGreaterThanOrEqual(0);
      expect(r).toBeLessThan(1e-14);
    }
  });
});

describe('Eq. 17 as printed, complex spectra, against its scalar double sum', () => {
  // With diagonal Λ's, Tr((I − Λ_V²)Λ_V^i Bᴴ Λ_U^i (I − Λ_U²) Λ_U^i B Λ_V^i)
  //   = Σ_{j,k} (1 − v_k²) v_k^{2i} (1 − u_j²) u_j^{2i} |b_jk|²  (u_j, v_k complex eigenvalues, no conjugates).
  const c = makeCase(
    toRows(normalComplexSpectrum([{ r: 0.8, theta: 0.9 }, { r: 0.4, theta: 2.2 }], 94)),
    toRows(normalComplexSpectrum([{ r: 0.7, theta: 1.3 }, { r: 0.5, theta: 0.3 }], 95)),
    toRows(gaussianMatrix(4, 4, 96)),
    0.8,
    1.5,
  );
  type C = [number, number];
  const mul = (a: C, b: C): C => [a[0] * b[0] - a[1] * b[1], a[0] * b[1] + a[1] * b[0]];
  const pow = (a: C, k: number): C => (k === 0 ? [1, 0] : mul(a, pow(a, k - 1)));

  it.each([0, 1, 2])('i = %s', (i) => {
    const eig = normalEigenData(c);
    let sum: C = [0, 0];
    for (let j = 0; j < 4; j++) {
      const u: C = [eig.lambdaU.re[j], eig.lambdaU.im[j]];
      const fu = mul([1 - mul(u, u)[0], -mul(u, u)[1]], pow(u, 2 * i));
      for (let k = 0; k < 4; k++) {
        const v: C = [eig.lambdaV.re[k], eig.lambdaV.im[k]];
        const fv = mul([1 - mul(v, v)[0], -mul(v, v)[1]], pow(v, 2 * i));
        const b2 = eig.B.re.get(j, k) ** 2 + eig.B.im.get(j, k) ** 2;
        const term = mul(fu, fv);
        sum = [sum[0] + term[0] * b2, sum[1] + term[1] * b2];
      }
    }
    const e = c.e1 * c.e2;
    const printed = paperFisherMemoryCurveEq17AsPrinted(c, eig, i);
    // sixteen terms of O(‖W‖²) ≈ 16 and 4×4 complex products: 1e-13 of the scale
    const scale = Math.hypot(sum[0], sum[1]) / e;
    expect(Math.abs(printed.re - sum[0] / e)).toBeLessThan(1e-13 * Math.max(1, scale));
    expect(Math.abs(printed.im - sum[1] / e)).toBeLessThan(1e-13 * Math.max(1, scale));
    // the eigenvalues come in conjugate pairs and W is real, so the sum is real; its terms are not
    // (a missing sign in an imaginary part moves the real part of the sum)
  });

  it('its residual is the worst of the two eigendecompositions\' unitarity and eigen residuals', () => {
    const eu = unitaryEigendecomposition(c.U);
    const ev = unitaryEigendecomposition(c.V);
    expect(normalEigenData(c).residual).toBe(Math.max(eu.unitarityResidual, eu.eigenResidual, ev.unitarityResidual, ev.eigenResidual));
  });
});
