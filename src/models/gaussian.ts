/**
 * Gaussian matrices (Lemmas 1 and 2): the KL divergence of two matrix normals, computed on the
 * vectorized multivariate normal (vec X ~ N(vec M, B ⊗ A) for X ~ MN(M, A, B), row covariance A
 * n×n, column covariance B p×p) and in the forms the paper prints; the Fisher information of
 * X = W s₀ + Z about s₀.
 */
import { CholeskyDecomposition, Matrix } from 'ml-matrix';
import { kron, spdInverse, trace, vec } from '../linalg/dense.ts';
import type { MatrixCase } from './case.ts';
import { inputFisherInformation } from './paper.ts';

export function logDet(a: Matrix): number {
  const l = new CholeskyDecomposition(a).lowerTriangularMatrix;
  let s = 0;
  for (let i = 0; i < a.rows; i++) s += 2 * Math.log(l.get(i, i));
  return s;
}

/** KL(N(vec M₁, B₁⊗A₁) ‖ N(vec M₂, B₂⊗A₂)) computed on the vectorized normal. */
export function vectorizedKl(m1: Matrix, a1: Matrix, b1: Matrix, m2: Matrix, a2: Matrix, b2: Matrix): number {
  const s1 = kron(b1, a1);
  const s2 = kron(b2, a2);
  const s2inv = spdInverse(s2);
  const d = Matrix.columnVector([...vec(Matrix.sub(m2, m1))]);
  const k = s1.rows;
  return 0.5 * (logDet(s2) - logDet(s1) - k + trace(s2inv.mmul(s1)) + d.transpose().mmul(s2inv).mmul(d).get(0, 0));
}

/**
 * Lemma 1 as stated in the main text, with Ψ the row (n×n) and Σ the column (p×p) covariance as the
 * trace term requires (and as Theorem 1 uses them):
 * ½[log(|Σ₂|^p |Ψ₂|^n / (|Σ₁|^p |Ψ₁|^n)) − np + Tr(Ψ₂⁻¹Ψ₁)Tr(Σ₂⁻¹Σ₁) + Tr(Σ₂⁻¹ ΔMᵀ Ψ₂⁻¹ ΔM)].
 */
export function lemma1MainText(m1: Matrix, psi1: Matrix, sigma1: Matrix, m2: Matrix, psi2: Matrix, sigma2: Matrix): number {
  const n = m1.rows;
  const p = m1.columns;
  const dm = Matrix.sub(m2, m1);
  const logRatio = p * logDet(sigma2) + n * logDet(psi2) - p * logDet(sigma1) - n * logDet(psi1);
  return 0.5 * (logRatio - n * p + trace(spdInverse(psi2).mmul(psi1)) * trace(spdInverse(sigma2).mmul(sigma1)) + trace(spdInverse(sigma2).mmul(dm.transpose()).mmul(spdInverse(psi2)).mmul(dm)));
}

/** Appendix A's final form, with A the row (n×n) and B the column (p×p) covariance. */
export function lemma1AppendixA(m1: Matrix, a1: Matrix, b1: Matrix, m2: Matrix, a2: Matrix, b2: Matrix): number {
  const n = m1.rows;
  const p = m1.columns;
  const dm = Matrix.sub(m2, m1);
  const logRatio = (p / 2) * logDet(a2) + (n / 2) * logDet(b2) - (p / 2) * logDet(a1) - (n / 2) * logDet(b1);
  return logRatio - (n * p) / 2 + 0.5 * trace(spdInverse(a2).mmul(a1)) * trace(spdInverse(b2).mmul(b1)) + 0.5 * trace(spdInverse(b2).mmul(dm.transpose()).mmul(spdInverse(a2)).mmul(dm));
}

/** Lemma 2: the Fisher information of X = W s₀ + Z about s₀, by a second difference of the log-density (and by the formula). */
export function inputFisherCheck(c: MatrixCase): { formula: number; secondDifference: number } {
  const formula = inputFisherInformation(c);
  // −E[∂²/∂s² log p] for X ~ N(W s, ε₁ε₂ I): the log-density is quadratic in s, so its second
  // difference with step h is exact up to rounding, for any X; evaluate at X = W s₀ + 0.
  const w = vec(c.W);
  const e = c.e1 * c.e2;
  const logp = (s: number, x: Float64Array) => -0.5 * x.reduce((acc, xi, i) => acc + (xi - w[i] * s) ** 2, 0) / e;
  const x = Float64Array.from(w, (wi) => wi * 0.3);
  const h = 1e-2;
  const secondDifference = -(logp(0.3 + h, x) - 2 * logp(0.3, x) + logp(0.3 - h, x)) / (h * h);
  return { formula, secondDifference };
}
