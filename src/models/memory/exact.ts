/**
 * The `exact` model of the memory-augmented system (Eq. 34 with the read of Eq. 35):
 *   X(n) = Uᵀ X(n−1) V + Σ_{t=1}^{p} α_t X(n−1−t) + W s(n) + Z(n),
 * as a first-order system on y(n) = [vec X(n); …; vec X(n−p)] (see stability.ts for F).
 *
 * Given the input history, vec X(n) is Gaussian with
 *   mean   Σ_k h_k s_k,   h_k = ∂ vec M/∂s_k, h_0 = vec W, h_k = 𝒜 h_{k−1} + Σ_t α_t h_{k−1−t} (h_{<0} = 0),
 *   cov    C = ε₁ε₂ Σ_j Φ_j Φ_jᵀ, Φ_j the same recursion started at Φ_0 = I,
 * i.e. C is the top-left block of the solution of C_y = F C_y Fᵀ + blockdiag(ε₁ε₂ I, 0, …, 0).
 * The Fisher memory of X(n) alone about s_k is J(k) = h_kᵀ C⁻¹ h_k, J_tot = Tr(C⁻¹ G), G = Σ_k h_k h_kᵀ.
 *
 * Stationary: the sums over all j, k; they exist iff ρ(F) < 1 (otherwise ModelUndefinedError).
 * Finite horizon T: state started at zero, T steps; sums over j, k < T (what `simulate` estimates).
 *
 * Two routes, cross-checked in the tests:
 *  - dense: F formed explicitly ((p+1)N² square), Stein doubling (linalg/stein.ts), for small N;
 *  - normal: for normal U and V, 𝒜 = E diag(λ) Eᴴ with E = E_V ⊗ E_U unitary, so every polynomial
 *    recursion above is diagonal: h_k = E diag(π_k(λ)) Eᴴ vec W with the scalar recursion
 *    π_0 = 1, π_k = λ π_{k−1} + Σ α_t π_{k−1−t}; then J(k) = Σ_modes |ŵ|² |π_k|² / (ε₁ε₂ Σ_j |π_j|²).
 *    Consequence (exact, for normal U, V, any α, any horizon, stable or not):
 *    J_tot = Σ_modes |ŵ|² / (ε₁ε₂) = ‖W‖_F²/(ε₁ε₂) = I(W), with or without memory.
 */
import { Matrix } from 'ml-matrix';
import { InputError, ModelUndefinedError } from '../../errors.ts';
import { choleskyLower, inverseQuadraticForm, NotPositiveDefiniteError, traceOfInverseTimes } from '../../linalg/cholesky.ts';
import { complexFromReal, complexMul, conjugateTranspose } from '../../linalg/complex.ts';
import { kron, vec } from '../../linalg/dense.ts';
import { normalityDefect, unitaryEigendecomposition } from '../../linalg/eigen.ts';
import { kroneckerOperator, solveStein } from '../../linalg/stein.ts';
import { caseSize, type MatrixCase } from '../case.ts';
import { inputFisherInformation } from '../paper.ts';
import { assertMemoryStationary, memoryStability, modeCompanionRealForm, validateAlpha, type Complex, type MemoryStability } from './stability.ts';

/** The dense route handles stacked dimensions (p+1)N² up to this size. */
export const MEMORY_DENSE_MAX_DIMENSION = 400;
/** U, V count as normal for the eigen route when ‖AAᵀ − AᵀA‖_F/‖A‖_F² is below this. */
export const NORMALITY_TOLERANCE = 1e-10;
/** Largest finite horizon accepted (values grow like ρ(F)^T when unstable). */
export const MAX_HORIZON = 100000;

export type MemoryExactMethod = 'auto' | 'dense' | 'normal';

export interface MemoryExactOptions {
  alpha: number[];
  /** Points J(0..count−1) of the curve. */
  count: number;
  /** Finite horizon T (state started at zero, T steps); omitted: the stationary law. */
  horizon?: number;
  method?: MemoryExactMethod;
}

export interface MemoryExactResult {
  fmc: number[];
  /** Σ_k J(k) over all k (stationary), or over k < T (finite horizon). */
  jtot: number;
  inputFisher: number;
  jtotRel: number;
  stability: MemoryStability;
  horizon: number | null;
  method: 'dense' | 'normal';
  /** Relative residuals / unitarity defects behind the numbers. */
  residuals: Record<string, number>;
}

export function memoryExactFisherMemory(c: MatrixCase, opts: MemoryExactOptions): MemoryExactResult {
  const alpha = validateAlpha(opts.alpha);
  if (!Number.isInteger(opts.count) || opts.count < 1) throw new InputError(`count must be a positive integer, got ${opts.count}`);
  const horizon = opts.horizon ?? null;
  if (horizon !== null && (!Number.isInteger(horizon) || horizon < 1 || horizon > MAX_HORIZON)) {
    throw new InputError(`horizon must be an integer in [1, ${MAX_HORIZON}], got ${horizon}`);
  }
  const stability = horizon === null ? assertMemoryStationary(c, alpha) : memoryStability(c, alpha);
  const method = chooseMethod(c, alpha, opts.method ?? 'auto');
  const r = method === 'normal' ? normalRoute(c, alpha, opts.count, horizon) : denseRoute(c, alpha, opts.count, horizon);
  const inputFisher = inputFisherInformation(c);
  return { fmc: r.fmc, jtot: r.jtot, inputFisher, jtotRel: r.jtot / inputFisher, stability, horizon, method, residuals: r.residuals };
}

export function isNormalCase(c: MatrixCase): boolean {
  return normalityDefect(c.U) < NORMALITY_TOLERANCE && normalityDefect(c.V) < NORMALITY_TOLERANCE;
}

function chooseMethod(c: MatrixCase, alpha: number[], requested: MemoryExactMethod): 'dense' | 'normal' {
  const N = caseSize(c);
  const dim = (alpha.length + 1) * N * N;
  const normal = isNormalCase(c);
  if (requested === 'normal') {
    if (!normal) throw new InputError('the normal route of the exact memory model needs normal U and V');
    return 'normal';
  }
  if (requested === 'dense' || !normal) {
    if (dim > MEMORY_DENSE_MAX_DIMENSION) {
      throw new InputError(
        `the exact memory model for non-normal U, V is dense in the stacked dimension (p+1)N² = ${dim} > ${MEMORY_DENSE_MAX_DIMENSION}; ` +
          'use fewer slots, a smaller N, or normal U and V',
      );
    }
    return 'dense';
  }
  return 'normal';
}

// ---------------------------------------------------------------- mean responses (both routes)

/** h_k = ∂ vec M/∂s_k for k = 0..count−1 (the impulse response of X to the input). */
export function memoryMeanResponses(c: MatrixCase, alpha: number[], count: number): Float64Array[] {
  const out: Float64Array[] = [];
  const p = alpha.length;
  const apply = kroneckerOperator(c.U, c.V);
  for (let k = 0; k < count; k++) {
    let h: Float64Array;
    if (k === 0) h = vec(c.W);
    else {
      h = apply(out[k - 1]);
      for (let t = 1; t <= p; t++) {
        const prev = k - 1 - t;
        if (prev < 0 || alpha[t - 1] === 0) continue;
        const a = alpha[t - 1];
        const hp = out[prev];
        for (let i = 0; i < h.length; i++) h[i] += a * hp[i];
      }
    }
    out.push(h);
  }
  return out;
}

// ---------------------------------------------------------------- dense route

/** The stacked companion matrix F of dimension (p+1)N². */
export function memoryCompanionMatrix(c: MatrixCase, alpha: number[]): Matrix {
  const N = caseSize(c);
  const n = N * N;
  const p = alpha.length;
  const d = (p + 1) * n;
  const f = Matrix.zeros(d, d);
  const a = kron(c.V.transpose(), c.U.transpose());
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) f.set(i, j, a.get(i, j));
  for (let t = 1; t <= p; t++) for (let i = 0; i < n; i++) f.set(i, t * n + i, alpha[t - 1]);
  for (let b = 1; b <= p; b++) for (let i = 0; i < n; i++) f.set(b * n + i, (b - 1) * n + i, 1);
  return f;
}

/** Covariance of vec X(n): stationary (Stein) or after T steps from zero; top-left n×n block, row-major. */
export function memoryExactCovarianceDense(c: MatrixCase, alpha: number[], horizon: number | null): { covariance: Float64Array; relativeResidual: number } {
  const N = caseSize(c);
  const n = N * N;
  const d = (alpha.length + 1) * n;
  const f = memoryCompanionMatrix(c, alpha);
  const q = Matrix.zeros(d, d);
  for (let i = 0; i < n; i++) q.set(i, i, c.e1 * c.e2);
  let cy: Matrix;
  let relativeResidual: number;
  if (horizon === null) {
    const sol = solveStein(f, q);
    cy = sol.solution;
    relativeResidual = sol.relativeResidual;
  } else {
    cy = finiteSteinSum(f, q, horizon);
    relativeResidual = 0;
  }
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) out[i * n + j] = 0.5 * (cy.get(i, j) + cy.get(j, i));
  return { covariance: out, relativeResidual };
}

/** Σ_{j<T} F^j Q F^{jᵀ} by binary doubling: S(a + b) = S(a) + F^a S(b) F^{aᵀ}. */
export function finiteSteinSum(f: Matrix, q: Matrix, T: number): Matrix {
  const d = f.rows;
  let res = Matrix.zeros(d, d);
  let resPow = Matrix.eye(d, d);
  let blk = q.clone();
  let blkPow = f.clone();
  let t = T;
  while (t > 0) {
    if (t & 1) {
      res = Matrix.add(res, resPow.mmul(blk).mmul(resPow.transpose()));
      resPow = resPow.mmul(blkPow);
    }
    t >>>= 1;
    if (t > 0) {
      blk = Matrix.add(blk, blkPow.mmul(blk).mmul(blkPow.transpose()));
      blkPow = blkPow.mmul(blkPow);
    }
  }
  return res;
}

function denseRoute(c: MatrixCase, alpha: number[], count: number, horizon: number | null) {
  const N = caseSize(c);
  const n = N * N;
  const cov = memoryExactCovarianceDense(c, alpha, horizon);
  const chol = choleskyOrExplain(cov.covariance, n);
  const kMax = horizon === null ? count : Math.min(count, horizon);
  const hs = memoryMeanResponses(c, alpha, Math.max(kMax, horizon ?? 0));
  const fmc = new Array<number>(count).fill(0);
  for (let k = 0; k < kMax; k++) fmc[k] = inverseQuadraticForm(chol, n, hs[k]);
  // Gram matrix G of the mean responses
  let g: Float64Array;
  let gramResidual = 0;
  if (horizon === null) {
    const d = (alpha.length + 1) * n;
    const f = memoryCompanionMatrix(c, alpha);
    const bb = Matrix.zeros(d, d);
    const w = vec(c.W);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) bb.set(i, j, w[i] * w[j]);
    const sol = solveStein(f, bb);
    gramResidual = sol.relativeResidual;
    g = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) g[i * n + j] = 0.5 * (sol.solution.get(i, j) + sol.solution.get(j, i));
  } else {
    g = new Float64Array(n * n);
    for (let k = 0; k < horizon; k++) {
      const h = hs[k];
      for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) g[i * n + j] += h[i] * h[j];
    }
  }
  const jtot = traceOfInverseTimes(chol, n, g);
  return { fmc, jtot, residuals: { covariance: cov.relativeResidual, gram: gramResidual } };
}

function choleskyOrExplain(a: Float64Array, n: number): Float64Array {
  try {
    return choleskyLower(a, n);
  } catch (err) {
    if (err instanceof NotPositiveDefiniteError) {
      throw new ModelUndefinedError('exact memory model: the state covariance is numerically singular (Cholesky failed)', 'singular', {});
    }
    throw err;
  }
}

// ---------------------------------------------------------------- normal route

export interface NormalModes {
  /** λ of each mode (eigenvalue of 𝒜 up to conjugation; only |π_k(λ)| is used, and π has real coefficients). */
  lambda: Complex[];
  /** |ŵ|² of each mode, ŵ = (E_V ⊗ E_U)ᴴ vec W = vec(E_Uᴴ W conj(E_V)). Σ weights = ‖W‖_F². */
  weight: number[];
  /** Unitarity / eigen residuals of the two decompositions. */
  residual: number;
}

/** Modes of 𝒜 = Vᵀ ⊗ Uᵀ for normal U, V: Uᵀ = E_U Λ̄_U E_Uᴴ, so 𝒜 = (E_V⊗E_U)(Λ̄_V⊗Λ̄_U)(E_V⊗E_U)ᴴ. */
export function normalModes(c: MatrixCase): NormalModes {
  const eu = unitaryEigendecomposition(c.U);
  const ev = unitaryEigendecomposition(c.V);
  const conjEv = { re: ev.vectors.re, im: ev.vectors.im.clone().mul(-1) };
  const what = complexMul(complexMul(conjugateTranspose(eu.vectors), complexFromReal(c.W)), conjEv);
  const N = caseSize(c);
  const lambda: Complex[] = [];
  const weight: number[] = [];
  for (let j = 0; j < N; j++) {
    for (let i = 0; i < N; i++) {
      const ur = eu.values.re[i];
      const ui = eu.values.im[i];
      const vr = ev.values.re[j];
      const vi = ev.values.im[j];
      lambda.push({ re: ur * vr - ui * vi, im: ur * vi + ui * vr });
      weight.push(what.re.get(i, j) ** 2 + what.im.get(i, j) ** 2);
    }
  }
  const residual = Math.max(eu.unitarityResidual, eu.eigenResidual, ev.unitarityResidual, ev.eigenResidual);
  return { lambda, weight, residual };
}

/** |π_k(λ)|² for k = 0..count−1, rescaled jointly by a common factor if they grow huge (ratios are kept). */
export function modeResponseSquares(lambda: Complex, alpha: number[], count: number): { sq: Float64Array; logScale: number } {
  const p = alpha.length;
  const re = new Float64Array(count);
  const im = new Float64Array(count);
  const sq = new Float64Array(count);
  let logScale = 0;
  for (let k = 0; k < count; k++) {
    let r: number;
    let i: number;
    if (k === 0) {
      r = 1;
      i = 0;
    } else {
      r = lambda.re * re[k - 1] - lambda.im * im[k - 1];
      i = lambda.re * im[k - 1] + lambda.im * re[k - 1];
      for (let t = 1; t <= p; t++) {
        const prev = k - 1 - t;
        if (prev < 0) continue;
        r += alpha[t - 1] * re[prev];
        i += alpha[t - 1] * im[prev];
      }
    }
    re[k] = r;
    im[k] = i;
    sq[k] = r * r + i * i;
    if (sq[k] > 1e200) {
      // rescale everything so far by 1e-100 (squares by 1e-200)
      for (let j = 0; j <= k; j++) {
        re[j] *= 1e-100;
        im[j] *= 1e-100;
        sq[j] *= 1e-200;
      }
      logScale += 200 * Math.LN10;
    }
  }
  return { sq, logScale };
}

/**
 * Σ_{j≥0} |π_j(λ)|² for a stable mode, from the (p+1)×(p+1) complex Stein equation K = M K Mᴴ + e₁e₁ᵀ
 * of the mode's companion M, solved in its real 2(p+1) representation. Returns K₀₀.
 */
export function modeStationarySum(lambda: Complex, alpha: number[]): number {
  const p = alpha.length;
  const d = p + 1;
  const r = modeCompanionRealForm(lambda, alpha);
  const q = Matrix.zeros(2 * d, 2 * d);
  q.set(0, 0, 1);
  q.set(d, d, 1);
  // The real representation of a Hermitian K is [[Re K, −Im K], [Im K, Re K]]; K₀₀ is real.
  return solveStein(r, q).solution.get(0, 0);
}

function normalRoute(c: MatrixCase, alpha: number[], count: number, horizon: number | null) {
  const modes = normalModes(c);
  const eps = c.e1 * c.e2;
  const fmc = new Array<number>(count).fill(0);
  let jtot = 0;
  for (let m = 0; m < modes.lambda.length; m++) {
    const w = modes.weight[m];
    if (w === 0) continue;
    const lambda = modes.lambda[m];
    if (horizon === null) {
      const total = modeStationarySum(lambda, alpha);
      const { sq } = modeResponseSquares(lambda, alpha, count);
      for (let k = 0; k < count; k++) fmc[k] += (w * sq[k]) / (eps * total);
      // Σ_k |π_k|² = the same K₀₀: the mode contributes w/ε to J_tot
      jtot += w / eps;
    } else {
      const len = Math.max(count, horizon);
      const { sq } = modeResponseSquares(lambda, alpha, len);
      let total = 0;
      for (let j = 0; j < horizon; j++) total += sq[j];
      const kMax = Math.min(count, horizon);
      for (let k = 0; k < kMax; k++) fmc[k] += (w * sq[k]) / (eps * total);
      let num = 0;
      for (let k = 0; k < horizon; k++) num += sq[k];
      jtot += (w * num) / (eps * total);
    }
  }
  return { fmc, jtot, residuals: { eigendecomposition: modes.residual } };
}
