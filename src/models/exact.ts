/**
 * The `exact` model: the true law of the state of Eq. 5 with f = id, derived by vectorization.
 * vec X(n) = 𝒜 vec X(n−1) + vec(W) s(n) + vec Z(n), 𝒜 = Vᵀ ⊗ Uᵀ, vec Z ~ N(0, ε₁ε₂ I), so given the
 * input history vec X(n) ~ N(Σ_k 𝒜^k vec(W) s_k, C) with C the solution of C = 𝒜 C 𝒜ᵀ + ε₁ε₂ I
 * (n = N² dimensions), and the Fisher memory matrix is J_{i,j} = m_iᵀ C⁻¹ m_j with m_k = 𝒜^k vec W.
 */
import { Matrix } from 'ml-matrix';
import { ModelUndefinedError } from '../errors.ts';
import { vec } from '../linalg/dense.ts';
import { spectralRadius } from '../linalg/eigen.ts';
import { kroneckerOperator, kroneckerSteinResidual, solveKroneckerStein } from '../linalg/stein.ts';
import { kroneckerSeriesCovariance } from '../linalg/kronecker-series.ts';
import { choleskyLower, forwardSubstituteMany, inverseQuadraticForm, NotPositiveDefiniteError, traceOfInverseTimes, forwardSubstitute } from '../linalg/cholesky.ts';
import { caseSize, type MatrixCase } from './case.ts';
import { meanResponses, meanResponseGram } from './mean.ts';

export interface ExactCovariance {
  /** N (the state is N×N) and n = N². */
  N: number;
  n: number;
  /** C, row-major n×n. */
  covariance: Float64Array;
  /** Lower Cholesky factor of C. */
  cholesky: Float64Array;
  relativeResidual: number;
  /** How C was computed: its Kronecker series (terms summed) or, close to ρ(U)ρ(V) = 1, Smith's doubling (steps). */
  method: 'kronecker-series' | 'doubling';
  iterations: number;
}

/** Most terms of the Kronecker series before the doubling solver is cheaper (N⁴K/2 against ~4N⁵ per doubling step). */
export function seriesTermCap(N: number): number {
  return 64 + 64 * N;
}

/** The stationary law exists when ρ(𝒜) = ρ(U)·ρ(V) < 1. */
export function assertExactModelDefined(c: MatrixCase): { U: number; V: number; product: number } {
  const rU = spectralRadius(c.U);
  const rV = spectralRadius(c.V);
  const product = rU * rV;
  if (!(product < 1)) {
    throw new ModelUndefinedError(
      `exact model undefined: the state has a stationary law only if ρ(Vᵀ ⊗ Uᵀ) = ρ(U)·ρ(V) < 1, but ρ(U)·ρ(V) = ${product.toPrecision(6)} (ρ(U) = ${rU.toPrecision(6)}, ρ(V) = ${rV.toPrecision(6)})`,
      'divergent',
      { spectralRadiusU: rU, spectralRadiusV: rV, spectralRadiusProduct: product },
    );
  }
  return { U: rU, V: rV, product };
}

/**
 * C = 𝒜 C 𝒜ᵀ + ε₁ε₂ I and its Cholesky factor: C by its Kronecker series with a certified tail
 * (kronecker-series.ts), or by Smith's doubling when the series would need too many terms; the
 * residual of the Stein equation is computed either way (kroneckerSteinResidual).
 */
export function exactCovariance(c: MatrixCase): ExactCovariance {
  assertExactModelDefined(c);
  const N = caseSize(c);
  const n = N * N;
  const q = new Float64Array(n * n);
  for (let i = 0; i < n; i++) q[i * n + i] = c.e1 * c.e2;
  const series = kroneckerSeriesCovariance(c.U, c.V, c.e1 * c.e2, seriesTermCap(N));
  const sol = series
    ? { solution: series.solution, iterations: series.terms, method: 'kronecker-series' as const, relativeResidual: kroneckerSteinResidual(c.U, c.V, q, series.solution).relativeResidual }
    : { ...solveKroneckerStein(c.U, c.V, q), method: 'doubling' as const };
  let cholesky: Float64Array;
  try {
    cholesky = choleskyLower(sol.solution, n);
  } catch (err) {
    // C ⪰ ε₁ε₂ I in exact arithmetic: a failed factorization means the computed C lost definiteness
    if (!(err instanceof NotPositiveDefiniteError)) throw err;
    throw new ModelUndefinedError(`exact model undefined here: the computed covariance is not positive definite (${err.message}; relative residual of its Stein equation ${sol.relativeResidual.toExponential(2)})`, 'ill-conditioned');
  }
  return { N, n, covariance: sol.solution, cholesky, relativeResidual: sol.relativeResidual, method: sol.method, iterations: sol.iterations };
}

/** J(k) = m_kᵀ C⁻¹ m_k = ‖L⁻¹ m_k‖² for k = 0..K−1 (all K solves at once). */
export function exactFisherMemoryCurve(c: MatrixCase, cov: ExactCovariance, count: number): number[] {
  const n = cov.n;
  const ms = meanResponses(c, count);
  const K = ms.length;
  if (K === 0) return [];
  const b = new Float64Array(n * K);
  ms.forEach((m, k) => {
    const v = vec(m);
    for (let i = 0; i < n; i++) b[i * K + k] = v[i];
  });
  const y = forwardSubstituteMany(cov.cholesky, n, b, K);
  const out = new Array<number>(K).fill(0);
  for (let i = 0; i < n; i++) for (let k = 0; k < K; k++) out[k] += y[i * K + k] * y[i * K + k];
  return out;
}

/** J_{i,j} = m_iᵀ C⁻¹ m_j. */
export function exactFisherMemoryMatrixEntry(c: MatrixCase, cov: ExactCovariance, i: number, j: number): number {
  const ms = meanResponses(c, Math.max(i, j) + 1);
  const yi = forwardSubstitute(cov.cholesky, cov.n, vec(ms[i]));
  const yj = forwardSubstitute(cov.cholesky, cov.n, vec(ms[j]));
  let s = 0;
  for (let k = 0; k < cov.n; k++) s += yi[k] * yj[k];
  return s;
}

/** Most terms the certified series may take before J_tot falls back to the Gram Stein solver. */
const SERIES_MAX_TERMS = 20000;

/**
 * J_tot = Σ_k m_kᵀ C⁻¹ m_k, summed with a rigorous bound on the remainder: since C ⪰ ε₁ε₂ I and
 * Σ_j ‖𝒜^j‖₂² ≤ Σ_j ‖𝒜^j‖_F² = Tr C/(ε₁ε₂),
 *   Σ_{k≥K} m_kᵀ C⁻¹ m_k ≤ ‖m_K‖² · Tr C / (ε₁ε₂)²,
 * and the sum stops when that bound is below 1e-16 of the partial sum (float64 resolution), so the
 * result is the infinite sum, not a truncation. Should the bound need more than SERIES_MAX_TERMS
 * terms (ρ(U)ρ(V) very close to 1), J_tot = Tr(C⁻¹ G) with G = Σ_k m_k m_kᵀ from its Stein equation.
 * `knownTerms` are J(0), J(1), … already computed (the FMC): they are the series' first terms.
 */
export function exactTotalCapacity(c: MatrixCase, cov: ExactCovariance, knownTerms: readonly number[] = []): { jtot: number; relativeResidual: number; method: 'certified-series' | 'gram-stein'; terms?: number; remainderBound?: number } {
  const n = cov.n;
  let traceC = 0;
  for (let i = 0; i < n; i++) traceC += cov.covariance[i * n + i];
  const e = c.e1 * c.e2;
  const remainderFactor = traceC / (e * e);
  let m = vec(c.W);
  let sum = 0;
  const apply = kroneckerOperator(c.U, c.V);
  for (let k = 0; k < SERIES_MAX_TERMS; k++) {
    sum += k < knownTerms.length ? knownTerms[k] : inverseQuadraticForm(cov.cholesky, n, m);
    m = apply(m);
    let norm2 = 0;
    for (let i = 0; i < n; i++) norm2 += m[i] * m[i];
    const remainderBound = norm2 * remainderFactor;
    if (remainderBound <= 1e-16 * sum) return { jtot: sum, relativeResidual: remainderBound / (sum || 1), method: 'certified-series', terms: k + 1, remainderBound };
  }
  const gram = meanResponseGram(c);
  return { jtot: traceOfInverseTimes(cov.cholesky, n, gram.solution), relativeResidual: gram.relativeResidual, method: 'gram-stein' };
}

/** J_tot = Tr(C⁻¹ G) with G = Σ_k m_k m_kᵀ from its Stein equation (the solver path, always). */
export function exactTotalCapacityByGram(c: MatrixCase, cov: ExactCovariance): number {
  return traceOfInverseTimes(cov.cholesky, cov.n, meanResponseGram(c).solution);
}

/** C as an ml-matrix (for small N: tests, reports). */
export function exactCovarianceMatrix(cov: ExactCovariance): Matrix {
  const out = new Matrix(cov.n, cov.n);
  for (let i = 0; i < cov.n; i++) for (let j = 0; j < cov.n; j++) out.set(i, j, cov.covariance[i * cov.n + j]);
  return out;
}
