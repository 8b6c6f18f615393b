import { describe, expect, it } from 'vitest';
import { inverse, Matrix } from 'ml-matrix';
import { ModelUndefinedError } from '../../src/errors.ts';
import { kron, matrixPower, relativeDifference } from '../../src/linalg/dense.ts';
import { makeCase } from '../../src/models/case.ts';
import { assertExactModelDefined, exactCovariance, exactCovarianceMatrix, exactFisherMemoryCurve, exactFisherMemoryMatrixEntry, exactTotalCapacity, exactTotalCapacityByGram } from '../../src/models/exact.ts';
import { paperCovariances, paperFisherMemoryCurve } from '../../src/models/paper.ts';
import { fisherMemorySummary } from '../../src/models/summary.ts';
import { gaussianMatrix, matrixWithSpectralRadius, normalComplexSpectrum } from '../helpers/random-matrices.ts';

const toRows = (m: Matrix) => m.to2DArray();

describe('exact model, diagonal U and V solved by hand', () => {
  const u = [0.9, -0.5, 0.2];
  const v = [0.7, 0.3, -0.8];
  const w = [[1, 0.5, -0.2], [0.3, -1, 0.4], [0.6, 0.1, 0.9]];
  const c = makeCase(toRows(Matrix.diag(u)), toRows(Matrix.diag(v)), w, 0.5, 2);
  // computed inside each test, not while the suite is collected: a mutant is active only inside tests
  const covariance = () => exactCovariance(c);

  it('C is diagonal with ε₁ε₂/(1 − u_i² v_j²) at index i + 3j', () => {
    const cov = covariance();
    const cm = exactCovarianceMatrix(cov);
    for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) expect(cm.get(i + 3 * j, i + 3 * j)).toBeCloseTo(1 / (1 - u[i] ** 2 * v[j] ** 2), 13);
    expect(Math.abs(cm.get(0, 1))).toBeLessThan(1e-15);
  });

  it('J(k) = Σ w_ij² (u_i v_j)^{2k} (1 − u_i² v_j²)/(ε₁ε₂) and J_tot = ‖W‖²/(ε₁ε₂)', () => {
    const cov = covariance();
    exactFisherMemoryCurve(c, cov, 6).forEach((value, k) => {
      let s = 0;
      for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) s += w[i][j] ** 2 * (u[i] * v[j]) ** (2 * k) * (1 - (u[i] * v[j]) ** 2);
      expect(Math.abs(value - s)).toBeLessThan(1e-12 * Math.max(1, s));
    });
    const norm2 = w.flat().reduce((a, x) => a + x * x, 0);
    expect(Math.abs(exactTotalCapacity(c, cov).jtot - norm2) / norm2).toBeLessThan(1e-12);
  });
});

describe('exact model, non-normal U and V', () => {
  const c = makeCase(toRows(matrixWithSpectralRadius(3, 0.9, 61)), toRows(matrixWithSpectralRadius(3, 0.8, 62)), toRows(gaussianMatrix(3, 3, 63)), 0.7, 1.4);
  // computed inside each test, not while the suite is collected: a mutant is active only inside tests
  const covariance = () => exactCovariance(c);

  it('C equals the truncated series ε₁ε₂ Σ (V^{kᵀ}V^k) ⊗ (U^{kᵀ}U^k)', () => {
    const cov = covariance();
    let s = Matrix.zeros(9, 9);
    for (let k = 0; k < 3000; k++) {
      const uk = matrixPower(c.U, k);
      const vk = matrixPower(c.V, k);
      const term = kron(vk.transpose().mmul(vk), uk.transpose().mmul(uk)).mul(c.e1 * c.e2);
      s = Matrix.add(s, term);
      if (term.norm('frobenius') < 1e-18 * s.norm('frobenius')) break;
    }
    expect(relativeDifference(exactCovarianceMatrix(cov), s)).toBeLessThan(1e-12);
  });

  it('J(i, j) = m_iᵀ C⁻¹ m_j, with m_k = (Vᵀ⊗Uᵀ)^k vec W and C dense: symmetric, its diagonal the FMC', () => {
    const cov = covariance();
    // vec stacks columns, so vec(Uᵀ M V) = (Vᵀ ⊗ Uᵀ) vec M; C⁻¹ by a dense solve, not the model's Cholesky
    const A = kron(c.V.transpose(), c.U.transpose());
    const w0 = Matrix.columnVector(Array.from({ length: 9 }, (_, k) => c.W.get(k % 3, Math.floor(k / 3))));
    const m = (k: number) => matrixPower(A, k).mmul(w0);
    const cInv = inverse(exactCovarianceMatrix(cov));
    const dense = (i: number, j: number) => m(i).transpose().mmul(cInv).mmul(m(j)).get(0, 0);
    const fmc = exactFisherMemoryCurve(c, cov, 6);
    for (const [i, j] of [[0, 0], [0, 3], [3, 0], [2, 5], [5, 5], [1, 4]]) {
      const e = exactFisherMemoryMatrixEntry(c, cov, i, j);
      // κ(C) ≈ 8 here, so a dense inverse and a Cholesky solve differ by a few κ·ε of the scale J(0,0) ≈ 27.5
      // (seen: 1.4e-14 absolute); 1e-13 of the scale leaves a factor 200
      expect(Math.abs(e - dense(i, j))).toBeLessThan(1e-13 * Math.abs(dense(0, 0)));
      // the same two solves, the dot product taken in the other order: bit-for-bit equal
      expect(exactFisherMemoryMatrixEntry(c, cov, j, i)).toBe(e);
      if (i === j) expect(Math.abs(e - fmc[i])).toBeLessThan(1e-13 * Math.max(1, fmc[i]));
    }
    // the off-diagonal entries are not all zero (J(0, 3) ≈ 1.22): the responses are not C-orthogonal for non-normal U, V
    expect(Math.abs(exactFisherMemoryMatrixEntry(c, cov, 0, 3))).toBeGreaterThan(0.1);
  });

  it('FMC and J_tot equal the dense vector-network computation (Eq. 14 on the vectorized system)', () => {
    const exact = fisherMemorySummary(c, 'exact', 30);
    const vector = fisherMemorySummary(c, 'vector', 30);
    exact.fmc.forEach((j, k) => expect(Math.abs(j - vector.fmc[k])).toBeLessThan(1e-10 * Math.max(1, j)));
    expect(Math.abs(exact.jtot - vector.jtot) / exact.jtot).toBeLessThan(1e-10);
  });

  it('J_tot equals Σ J(k) summed until the tail is negligible', () => {
    const cov = covariance();
    const sum = exactFisherMemoryCurve(c, cov, 600).reduce((a, b) => a + b, 0);
    expect(Math.abs(exactTotalCapacity(c, cov).jtot - sum) / sum).toBeLessThan(1e-12);
  });

  it('the paper covariance Σ ⊗ Ψ dominates C, so J_paper(k) ≤ J_exact(k)', () => {
    const cov = covariance();
    const pc = paperCovariances(c);
    const p = paperFisherMemoryCurve(c, pc, 10);
    exactFisherMemoryCurve(c, cov, 10).forEach((j, k) => expect(p[k]).toBeLessThanOrEqual(j * (1 + 1e-12)));
  });
});

describe('existence conditions', () => {
  it('the exact model exists when ρ(U) > 1 but ρ(U)ρ(V) < 1, where the paper model does not', () => {
    const c = makeCase([[1.5, 0], [0, 0.2]], [[0.5, 0], [0, 0.1]], [[1, 1], [0, 1]]);
    expect(exactTotalCapacity(c, exactCovariance(c)).jtot).toBeCloseTo(3, 12); // normal ⇒ ‖W‖² = 3
    expect(() => paperCovariances(c)).toThrow(ModelUndefinedError);
  });

  it('refuses ρ(U)ρ(V) ≥ 1 with the product in the message', () => {
    const c = makeCase([[1.5, 0], [0, 0.2]], [[0.9, 0], [0, 0.1]], [[1, 1], [0, 1]]);
    expect(() => exactCovariance(c)).toThrow(/ρ\(U\)·ρ\(V\) = 1\.35/);
  });

  it('normal U, V with complex spectra: J_tot = I(W) exactly (the vectorized system is normal)', () => {
    const c = makeCase(
      toRows(normalComplexSpectrum([{ r: 0.8, theta: 0.9 }, { r: 0.4, theta: 2.2 }], 71)),
      toRows(normalComplexSpectrum([{ r: 0.7, theta: 1.3 }, { r: 0.5, theta: 0.3 }], 72)),
      toRows(gaussianMatrix(4, 4, 73)),
      0.5,
      3,
    );
    const s = fisherMemorySummary(c, 'exact', 1);
    expect(Math.abs(s.jtotRel - 1)).toBeLessThan(1e-12);
  });
});

describe('exact J_tot: certified series and Gram solver agree', () => {
  it.each([0.5, 0.9, 0.99])('ρ(U) = ρ(V) = %s', (rho) => {
    const c = makeCase(toRows(matrixWithSpectralRadius(3, rho, 81)), toRows(matrixWithSpectralRadius(3, rho, 82)), toRows(gaussianMatrix(3, 3, 83)));
    const cov = exactCovariance(c);
    const series = exactTotalCapacity(c, cov);
    expect(series.method).toBe('certified-series');
    // the series stops when its remainder bound is below 1e-16 of the sum; the Gram path has its
    // own rounding (κ(C) grows like 1/(1 − ρ⁴)), hence 1e-10 for ρ = 0.99
    expect(Math.abs(series.jtot - exactTotalCapacityByGram(c, cov)) / series.jtot).toBeLessThan(1e-10);
    expect(series.remainderBound).toBeLessThanOrEqual(1e-16 * series.jtot);
  });
});

describe('existence: ρ(U)·ρ(V) < 1, strictly', () => {
  it('returns both spectral radii and their product', () => {
    const c = makeCase([[0.5, 0], [0, 0.1]], [[0.4, 0], [0, -0.2]], [[1, 0], [0, 1]]);
    expect(assertExactModelDefined(c)).toEqual({ U: 0.5, V: 0.4, product: 0.5 * 0.4 });
  });

  it('refuses a product of exactly 1, with the reason and the three radii', () => {
    const c = makeCase([[0.5, 0], [0, 0.1]], [[2, 0], [0, 0.3]], [[1, 0], [0, 1]]);
    let error: unknown;
    try {
      assertExactModelDefined(c);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ModelUndefinedError);
    const e = error as ModelUndefinedError;
    expect(e.reason).toBe('divergent');
    expect(e.details).toEqual({ spectralRadiusU: 0.5, spectralRadiusV: 2, spectralRadiusProduct: 1 });
  });
});

describe('exact J_tot, diagonal 2×2: the reported remainder bound is ‖m_K‖² Tr C/(ε₁ε₂)² at the K it stopped', () => {
  it('with Tr C = Σ_ij ε₁ε₂/(1 − u_i² v_j²) and m_K = vec(w_ij (u_i v_j)^K)', () => {
    const u = [0.7, -0.4];
    const v = [0.6, 0.9];
    const w = [[1, -0.5], [0.3, 2]];
    const c = makeCase(toRows(Matrix.diag(u)), toRows(Matrix.diag(v)), w, 0.7, 1.4);
    const eps = 0.7 * 1.4;
    const result = exactTotalCapacity(c, exactCovariance(c));
    const K = result.terms as number;
    let traceC = 0;
    let norm2 = 0;
    for (let i = 0; i < 2; i++) for (let j = 0; j < 2; j++) {
      traceC += eps / (1 - (u[i] * v[j]) ** 2);
      norm2 += (w[i][j] * (u[i] * v[j]) ** K) ** 2;
    }
    // a few products of O(1) numbers and K-th powers: 1e-12 relative
    expect(Math.abs((result.remainderBound as number) - (norm2 * traceC) / (eps * eps)) / (result.remainderBound as number)).toBeLessThan(1e-12);
    // J_tot sums positive terms to ≈ 4.4 with ε₁ε₂ ≈ 1: 1e-14 relative is ~50 roundings
    expect(Math.abs(result.jtot - (1 + 0.25 + 0.09 + 4) / eps) / result.jtot).toBeLessThan(1e-14);
  });
});

describe('exact J_tot of a scalar system a = uv, where every term is known', () => {
  // N = 1: C = ε/(1 − a²), m_k = a^k w, J(k) = a^{2k} w² (1 − a²)/ε, J_tot = w²/ε (ε = ε₁ε₂).
  // After K terms the series' remainder bound is ‖m_K‖² Tr C/ε² = a^{2K} w²/(ε(1 − a²)).
  const u = 0.8;
  const v = 0.75;
  const w = 1.3;
  const e1 = 0.7;
  const e2 = 1.4;
  const a = u * v;
  const eps = e1 * e2;
  const bound = (K: number) => (a ** (2 * K) * w * w) / (eps * (1 - a * a));
  const partial = (K: number) => (w * w * (1 - a ** (2 * K))) / eps;

  it('stops at the first K whose remainder bound is ≤ 1e-16 of the partial sum, and reports that bound', () => {
    const c = makeCase([[u]], [[v]], [[w]], e1, e2);
    const result = exactTotalCapacity(c, exactCovariance(c));
    let K = 1;
    while (bound(K) > 1e-16 * partial(K)) K++;
    // the stopping ratio is not near the threshold at K − 1 or K (≥ 3 % away), so rounding cannot move K
    expect(bound(K - 1) / (1e-16 * partial(K - 1))).toBeGreaterThan(1.03);
    expect(bound(K) / (1e-16 * partial(K))).toBeLessThan(0.97);
    expect(result.method).toBe('certified-series');
    expect(result.terms).toBe(K);
    // a few dozen products and sums of O(1) numbers: 1e-13 relative
    expect(Math.abs((result.remainderBound as number) - bound(K)) / bound(K)).toBeLessThan(1e-13);
    expect(Math.abs(result.relativeResidual - bound(K) / partial(K)) / (bound(K) / partial(K))).toBeLessThan(1e-13);
    // a sum of ~90 positive terms: 1e-14 relative allows ~50 roundings of the total
    expect(Math.abs(result.jtot - (w * w) / eps) / ((w * w) / eps)).toBeLessThan(1e-14);
  });

  it('takes the first terms from the FMC it is given', () => {
    const c = makeCase([[u]], [[v]], [[w]], e1, e2);
    const cov = exactCovariance(c);
    const plain = exactTotalCapacity(c, cov).jtot;
    // J(0) replaced by J(0) + 1: the sum moves by exactly 1 (up to the rounding of a sum of ≈ 1.7)
    const shifted = exactTotalCapacity(c, cov, [exactFisherMemoryCurve(c, cov, 1)[0] + 1]).jtot;
    expect(Math.abs(shifted - plain - 1)).toBeLessThan(1e-14);
  });

  it('falls back to the Gram solver when the bound would need more than 20 000 terms (a = 0.9999)', () => {
    // a^{2K} ≤ 1e-16 (1 − a²) needs K ≈ 2.3e5 terms
    const c = makeCase([[0.9999]], [[1]], [[w]], e1, e2);
    const result = exactTotalCapacity(c, exactCovariance(c));
    expect(result.method).toBe('gram-stein');
    expect(result.terms).toBeUndefined();
    // C and G are both ∝ 1/(1 − a²) ≈ 5000; their ratio loses a few digits to that scale
    expect(Math.abs(result.jtot - (w * w) / eps) / ((w * w) / eps)).toBeLessThan(1e-10);
    expect(result.relativeResidual).toBeLessThan(1e-12);
  });

  it('an FMC of no lags is empty', () => {
    const c = makeCase([[u]], [[v]], [[w]], e1, e2);
    expect(exactFisherMemoryCurve(c, exactCovariance(c), 0)).toEqual([]);
  });
});
