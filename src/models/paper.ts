/**
 * The `paper` model: the quantities exactly as the paper defines them, implemented literally.
 * In it X(n) ~ MN(M, Ψ, Σ) with row covariance Ψ and column covariance Σ (Theorem 1), so the
 * covariance of vec X(n) is Σ ⊗ Ψ. (Whether that is the true law is claim theorem-1.covariance.)
 */
import { Matrix } from 'ml-matrix';
import { ModelUndefinedError } from '../errors.ts';
import { identity, spdInverse, trace, matrixPower } from '../linalg/dense.ts';
import { spectralRadius, unitaryEigendecomposition } from '../linalg/eigen.ts';
import { absSquared, complexDiagonalPower, complexMul, complexTrace, conjugateTranspose, complexFromReal, type ComplexMatrix } from '../linalg/complex.ts';
import { solveKroneckerStein, solveStein } from '../linalg/stein.ts';
import { caseSize, type MatrixCase } from './case.ts';
import { meanResponse, meanResponses, meanResponseGram } from './mean.ts';

export interface PaperCovariances {
  /** Ψ = ε₁ Σ_k U^{kᵀ} U^k (Eq. 9), from the Lyapunov form Ψ = Uᵀ Ψ U + ε₁ I (Eq. 49 with ε₁). */
  psi: Matrix;
  /** Σ = ε₂ Σ_k V^{kᵀ} V^k (Eq. 9), from Σ = Vᵀ Σ V + ε₂ I. */
  sigma: Matrix;
  psiInv: Matrix;
  sigmaInv: Matrix;
  /** Relative residuals of the two Stein solutions. */
  residuals: { psi: number; sigma: number };
}

/** The paper model exists when the sums of Eq. 9 converge: ρ(U) < 1 and ρ(V) < 1. */
export function assertPaperModelDefined(c: MatrixCase): { U: number; V: number } {
  const rU = spectralRadius(c.U);
  const rV = spectralRadius(c.V);
  if (!(rU < 1) || !(rV < 1)) {
    const which = !(rU < 1) ? `ρ(U) = ${fmt(rU)}` : `ρ(V) = ${fmt(rV)}`;
    throw new ModelUndefinedError(
      `paper model undefined: the covariance sums of Eq. 9 need ρ(U) < 1 and ρ(V) < 1, but ${which}`,
      'divergent',
      { spectralRadiusU: rU, spectralRadiusV: rV },
    );
  }
  return { U: rU, V: rV };
}

/** Ψ and Σ of Eq. 9 and their inverses. */
export function paperCovariances(c: MatrixCase): PaperCovariances {
  assertPaperModelDefined(c);
  const n = caseSize(c);
  const psiSol = solveStein(c.U.transpose(), identity(n).mul(c.e1));
  const sigmaSol = solveStein(c.V.transpose(), identity(n).mul(c.e2));
  return {
    psi: psiSol.solution,
    sigma: sigmaSol.solution,
    psiInv: spdInverse(psiSol.solution),
    sigmaInv: spdInverse(sigmaSol.solution),
    residuals: { psi: psiSol.relativeResidual, sigma: sigmaSol.relativeResidual },
  };
}

/** Eq. 8: J_{i,j} = Tr(Σ⁻¹ (∂M/∂s_i)ᵀ Ψ⁻¹ ∂M/∂s_j). */
export function paperFisherMemoryMatrixEntry(c: MatrixCase, cov: PaperCovariances, i: number, j: number): number {
  const mi = meanResponse(c, i);
  const mj = meanResponse(c, j);
  return trace(cov.sigmaInv.mmul(mi.transpose()).mmul(cov.psiInv).mmul(mj));
}

/** Eq. 13 exactly as printed: J_{i,j} = Tr(Σ⁻¹ V^{iᵀ} Wᵀ U^j Ψ⁻¹ U^{jᵀ} W V^j). */
export function paperFisherMemoryMatrixEntryEq13AsPrinted(c: MatrixCase, cov: PaperCovariances, i: number, j: number): number {
  const vi = matrixPower(c.V, i);
  const uj = matrixPower(c.U, j);
  const vj = matrixPower(c.V, j);
  return trace(cov.sigmaInv.mmul(vi.transpose()).mmul(c.W.transpose()).mmul(uj).mmul(cov.psiInv).mmul(uj.transpose()).mmul(c.W).mmul(vj));
}

/** Eq. 12: J(i) = Tr(Σ⁻¹ V^{iᵀ} Wᵀ U^i Ψ⁻¹ U^{iᵀ} W V^i), for i = 0..K−1. */
export function paperFisherMemoryCurve(c: MatrixCase, cov: PaperCovariances, count: number): number[] {
  return meanResponses(c, count).map((m) => trace(cov.sigmaInv.mmul(m.transpose()).mmul(cov.psiInv).mmul(m)));
}

/**
 * Eq. 16: J_tot = Σ_{i≥0} J(i), summed without truncation: with m_i = vec(∂M/∂s_i) and the
 * paper's covariance Σ ⊗ Ψ, J_tot = Tr((Σ⁻¹ ⊗ Ψ⁻¹) G) where G = Σ_i m_i m_iᵀ solves a Stein equation.
 */
export function paperTotalCapacity(c: MatrixCase, cov: PaperCovariances): { jtot: number; relativeResidual: number } {
  const gram = meanResponseGram(c);
  const N = caseSize(c);
  const n = N * N;
  const g = gram.solution;
  let t = 0;
  // (Σ⁻¹ ⊗ Ψ⁻¹)[(a + N b), (a' + N b')] = Σ⁻¹[b, b'] Ψ⁻¹[a, a']
  for (let b = 0; b < N; b++) {
    for (let a = 0; a < N; a++) {
      const r = a + N * b;
      for (let b2 = 0; b2 < N; b2++) {
        const s = cov.sigmaInv.get(b, b2);
        for (let a2 = 0; a2 < N; a2++) t += s * cov.psiInv.get(a, a2) * g[(a2 + N * b2) * n + r];
      }
    }
  }
  return { jtot: t, relativeResidual: gram.relativeResidual };
}

/** Lemma 2, Eq. 24: I(W) = Tr(WᵀW)/(ε₁ε₂). */
export function inputFisherInformation(c: MatrixCase): number {
  return c.W.norm('frobenius') ** 2 / (c.e1 * c.e2);
}

/** Remark 3 / Corollary 2.1: g(|λ_V|, |λ_U|) = (1 − |λ_V|²)(1 − |λ_U|²) / (1 − |λ_V|²|λ_U|²). */
export function eigenvalueWeight(absLambdaV: number, absLambdaU: number): number {
  const a = absLambdaV ** 2;
  const b = absLambdaU ** 2;
  return ((1 - a) * (1 - b)) / (1 - a * b);
}

export interface NormalEigenData {
  /** U = E_U Λ_U E_Uᴴ, V = E_V Λ_V E_Vᴴ, B = E_Uᴴ W E_V (Eq. 17). */
  lambdaU: { re: number[]; im: number[] };
  lambdaV: { re: number[]; im: number[] };
  B: ComplexMatrix;
  /** Residuals of the two unitary eigendecompositions (max of unitarity and eigen residuals). */
  residual: number;
}

export function normalEigenData(c: MatrixCase): NormalEigenData {
  const eu = unitaryEigendecomposition(c.U);
  const ev = unitaryEigendecomposition(c.V);
  const B = complexMul(complexMul(conjugateTranspose(eu.vectors), complexFromReal(c.W)), ev.vectors);
  return {
    lambdaU: eu.values,
    lambdaV: ev.values,
    B,
    residual: Math.max(eu.unitarityResidual, eu.eigenResidual, ev.unitarityResidual, ev.eigenResidual),
  };
}

/**
 * Eq. 17 exactly as printed, for normal U and V:
 * J(i) = (1/ε₁ε₂) Tr((I − Λ_V²) Λ_V^i Bᴴ Λ_U^i (I − Λ_U²) Λ_U^i B Λ_V^i). Complex in general.
 */
export function paperFisherMemoryCurveEq17AsPrinted(c: MatrixCase, eig: NormalEigenData, i: number): { re: number; im: number } {
  const n = caseSize(c);
  const lv = eig.lambdaV;
  const lu = eig.lambdaU;
  const oneMinusSq = (l: { re: number[]; im: number[] }): ComplexMatrix => {
    const sq = complexDiagonalPower(l.re, l.im, 2);
    return { re: Matrix.sub(identity(n), sq.re), im: sq.im.clone().mul(-1) };
  };
  const lvi = complexDiagonalPower(lv.re, lv.im, i);
  const lui = complexDiagonalPower(lu.re, lu.im, i);
  let p = complexMul(oneMinusSq(lv), lvi);
  p = complexMul(p, conjugateTranspose(eig.B));
  p = complexMul(p, lui);
  p = complexMul(p, oneMinusSq(lu));
  p = complexMul(p, lui);
  p = complexMul(p, eig.B);
  p = complexMul(p, lvi);
  const t = complexTrace(p);
  return { re: t.re / (c.e1 * c.e2), im: t.im / (c.e1 * c.e2) };
}

/** Eq. 18 (= Eq. 23), Theorem 2: J_tot = (1/ε₁ε₂) Σ_{j,k} g(|λ_{V_k}|, |λ_{U_j}|) |b_jk|². */
export function paperNormalCapacityEq18(c: MatrixCase, eig: NormalEigenData): number {
  const b2 = absSquared(eig.B);
  const n = caseSize(c);
  let s = 0;
  for (let j = 0; j < n; j++) {
    const au = Math.hypot(eig.lambdaU.re[j], eig.lambdaU.im[j]);
    for (let k = 0; k < n; k++) {
      const av = Math.hypot(eig.lambdaV.re[k], eig.lambdaV.im[k]);
      s += eigenvalueWeight(av, au) * b2.get(j, k);
    }
  }
  return s / (c.e1 * c.e2);
}

/** Eq. 28: J^st_V(i,j) = V^j Σ⁻¹ V^{iᵀ}, J^st_U(i,j) = U^i Ψ⁻¹ U^{jᵀ}. */
export function spaceTimeMatrices(c: MatrixCase, cov: PaperCovariances, i: number, j: number): { jV: Matrix; jU: Matrix } {
  const vi = matrixPower(c.V, i);
  const vj = matrixPower(c.V, j);
  const ui = matrixPower(c.U, i);
  const uj = matrixPower(c.U, j);
  return { jV: vj.mmul(cov.sigmaInv).mmul(vi.transpose()), jU: ui.mmul(cov.psiInv).mmul(uj.transpose()) };
}

/** Eq. 29: J_{i,j} = Tr(W J^st_V(i,j) Wᵀ J^st_U(i,j)). */
export function paperFisherMemoryMatrixEntryEq29(c: MatrixCase, cov: PaperCovariances, i: number, j: number): number {
  const { jV, jU } = spaceTimeMatrices(c, cov, i, j);
  return trace(c.W.mmul(jV).mmul(c.W.transpose()).mmul(jU));
}

/** Theorem 3, Eq. 31 right-hand side: N² Tr(WᵀW)/(ε₁ε₂). */
export function theorem3Bound(c: MatrixCase): number {
  return caseSize(c) ** 2 * inputFisherInformation(c);
}

/**
 * Eq. 33's chain for the linear system: returns J_tot and the successive right-hand sides
 * Tr(Σ⁻¹)Tr(Ψ⁻¹) Σ_i ‖U^{iᵀ} W V^i‖_F² and Tr(Σ⁻¹)Tr(Ψ⁻¹) E[Tr(XᵀX)] (unit-variance input).
 */
export function eq33Chain(c: MatrixCase, cov: PaperCovariances): { jtot: number; normSumBound: number; stateNormBound: number; meanNormSum: number; expectedStateNorm: number } {
  const { jtot } = paperTotalCapacity(c, cov);
  const meanNormSum = meanResponseNormSum(c);
  const expectedStateNorm = expectedSquaredStateNorm(c);
  const factor = trace(cov.sigmaInv) * trace(cov.psiInv);
  return { jtot, meanNormSum, expectedStateNorm, normSumBound: factor * meanNormSum, stateNormBound: factor * expectedStateNorm };
}

/** Σ_i ‖U^{iᵀ} W V^i‖_F² = Tr(G), the trace of the mean-response Gram matrix. */
export function meanResponseNormSum(c: MatrixCase): number {
  const g = meanResponseGram(c).solution;
  const n = caseSize(c) ** 2;
  let t = 0;
  for (let i = 0; i < n; i++) t += g[i * n + i];
  return t;
}

/**
 * Section 2.5.1: E[Tr(XᵀX)] = Σ_k ‖U^{kᵀ} W V^k‖_F² + ε₁ε₂ Σ_k Tr(V^{kᵀ}V^k) Tr(U^{kᵀ}U^k), for an
 * i.i.d. input with E[s²] = 1 (an assumption the paper leaves implicit).
 */
export function expectedSquaredStateNorm(c: MatrixCase): number {
  return meanResponseNormSum(c) + c.e1 * c.e2 * noiseTraceSum(c);
}

/**
 * Σ_k Tr(V^{kᵀ}V^k) Tr(U^{kᵀ}U^k) = Σ_k ‖𝒜^k‖_F² = Tr(Σ_k 𝒜^k 𝒜^{kᵀ}), the trace of the
 * vectorized Stein solution with Q = I (Tr(A ⊗ B) = Tr A · Tr B).
 */
export function noiseTraceSum(c: MatrixCase): number {
  const n = caseSize(c) ** 2;
  const q = new Float64Array(n * n);
  for (let i = 0; i < n; i++) q[i * n + i] = 1;
  const x = solveKroneckerStein(c.U, c.V, q).solution;
  let t = 0;
  for (let i = 0; i < n; i++) t += x[i * n + i];
  return t;
}

function fmt(x: number): string {
  return Number.isFinite(x) ? x.toPrecision(6) : String(x);
}
