/**
 * The numbers every property needs — J_tot in each model, with an estimate of its error — and the
 * rule for cases where a model is undefined.
 *
 * Error estimates (relative to the value). Floating point cannot confirm a gap smaller than the
 * computation's error, so each value comes with an estimate of that error, built from two parts:
 *  1. a first-order rounding floor, ROUNDING_SAFETY · n · u · κ, where u = 2⁻⁵³, n = N² is the
 *     dimension the sums run over, and κ the condition number of the covariance that is inverted
 *     (κ(Σ)·κ(Ψ) in the paper model, κ(C) in the exact one): a linear solve with a matrix of
 *     condition κ loses up to κ·n·u in relative accuracy (Higham, Accuracy and Stability, §7.1);
 *     in the paper model κ is joined by the Stein amplifications λmax(Ψ)/ε₁ + λmax(Σ)/ε₂ (in the
 *     exact model κ(C) ≥ λmax(C)/(ε₁ε₂) already contains it, since C ⪰ ε₁ε₂ I);
 *  2. the disagreement of two independent algorithms for the same quantity (paper: Tr((Σ⁻¹⊗Ψ⁻¹) G)
 *     with the Gram matrix G of the mean responses, against the adjoint wᵀ H w with
 *     H = 𝒜ᵀ H 𝒜 + Σ⁻¹⊗Ψ⁻¹; exact: the certified series Σ m_kᵀ C⁻¹ m_k against Tr(C⁻¹ G)),
 *     times DISAGREEMENT_SAFETY, plus the solvers'
 *     own residuals and series remainders.
 * This is an estimate, not a rigorous interval: the tests check it against closed forms (diagonal
 * and normal cases, near-marginal included) and require the true error to stay below it.
 */
import type { Matrix } from 'ml-matrix';
import { ModelUndefinedError } from '../../errors.ts';
import { NotPositiveDefiniteError } from '../../linalg/cholesky.ts';
import { NonConvergenceError } from '../../linalg/nonsymmetric-eigen.ts';
import { solveKroneckerStein, SteinNotConvergentError } from '../../linalg/stein.ts';
import { spdConditionNumber, symmetricEigenvalues, vec } from '../../linalg/dense.ts';
import { exactCovariance, exactCovarianceMatrix, exactTotalCapacity, exactTotalCapacityByGram, type ExactCovariance } from '../../models/exact.ts';
import type { MatrixCase } from '../../models/case.ts';
import { inputFisherInformation, paperCovariances, paperTotalCapacity, type PaperCovariances } from '../../models/paper.ts';

/** Unit roundoff of float64. */
export const UNIT_ROUNDOFF = 2 ** -53;
/** Constant of the rounding floor (covers the few O(n) summations stacked in each route). */
export const ROUNDING_SAFETY = 16;
/** Two independent routes agreeing to δ are trusted to about 10δ (their errors could partly cancel). */
export const DISAGREEMENT_SAFETY = 10;
/**
 * A case whose estimated relative error exceeds this is reported as undefined ("ill-conditioned
 * beyond repair"): with fewer than six correct digits no gap the claims care about can be resolved.
 */
export const MAX_RELATIVE_ERROR = 1e-6;

/** What one model says about one case. */
export interface CaseEvaluation {
  /** Set when the model is undefined for this case (divergent sums, ill-conditioning); the rest is then meaningless. */
  undefinedReason?: string;
  /** The quantity reported in the statistics (e.g. J_tot,rel). */
  value: number;
  /** Signed margin of the claim: ≥ 0 means it holds for this case (for an identity: −|gap|). */
  margin: number;
  /** Estimated error of the margin (same units): |margin| below it decides nothing. */
  errorBound: number;
  /** Inequalities: the size of the bound the margin is measured against (a case with margin ≤ 1% of it is near the bound). */
  bound?: number;
  /** The numbers that decide the case. */
  numbers: Record<string, number>;
}

export function undefinedEvaluation(reason: string, numbers: Record<string, number> = {}): CaseEvaluation {
  return { undefinedReason: reason, value: NaN, margin: NaN, errorBound: NaN, numbers };
}

/**
 * Runs an evaluation, turning the models' "undefined" signals into an undefined case: ModelUndefinedError
 * (divergent sums), a Stein equation without solution, a covariance that is not numerically positive
 * definite. Any other error is a bug and propagates.
 */
export function guarded(fn: () => CaseEvaluation): CaseEvaluation {
  try {
    const e = fn();
    if (e.undefinedReason === undefined && !(Number.isFinite(e.margin) && Number.isFinite(e.errorBound))) {
      return undefinedEvaluation(`non-finite result (margin ${e.margin}, error ${e.errorBound})`, e.numbers);
    }
    return e;
  } catch (err) {
    if (err instanceof ModelUndefinedError) return undefinedEvaluation(`${err.reason}: ${err.message}`, { ...err.details });
    if (err instanceof SteinNotConvergentError) return undefinedEvaluation(`divergent: ${err.message}`);
    if (err instanceof NonConvergenceError) return undefinedEvaluation(`eigen-no-convergence: ${err.message}`);
    if (err instanceof NotPositiveDefiniteError || (err instanceof RangeError && /positive definite/.test(err.message))) {
      return undefinedEvaluation(`ill-conditioned: a covariance is not numerically positive definite (${err.message})`);
    }
    throw err;
  }
}

/** Throws ModelUndefinedError when an estimated relative error is too large to resolve anything. */
export function requireResolvable(relativeError: number, what: string, numbers: Record<string, number>): void {
  if (!(relativeError <= MAX_RELATIVE_ERROR)) {
    throw new ModelUndefinedError(
      `${what}: estimated relative error ${relativeError.toExponential(2)} exceeds ${MAX_RELATIVE_ERROR} (ill-conditioned beyond repair)`,
      'ill-conditioned',
      numbers,
    );
  }
}

export interface CapacityWithError {
  jtot: number;
  inputFisher: number;
  /** J_tot / I(W). */
  jtotRel: number;
  /** Estimated relative error of jtot (and of jtotRel). */
  relativeError: number;
  numbers: Record<string, number>;
}

export interface PaperCapacity extends CapacityWithError {
  cov: PaperCovariances;
}

/** Paper model: J_tot of Eq. 16 (Gram–Stein route), checked against the adjoint route. */
export function paperCapacity(c: MatrixCase): PaperCapacity {
  const cov = paperCovariances(c);
  const { jtot, relativeResidual } = paperTotalCapacity(c, cov);
  // Second route, the adjoint: J_tot = vec(W)ᵀ H vec(W) with H = Σ_i 𝒜^{iᵀ} (Σ⁻¹ ⊗ Ψ⁻¹) 𝒜^i, which
  // solves H = 𝒜ᵀ H 𝒜 + Σ⁻¹ ⊗ Ψ⁻¹ (𝒜ᵀ = V ⊗ U, i.e. the Kronecker solver with the factors Uᵀ, Vᵀ).
  const jtot2 = adjointRoute(c, cov);
  const { kappa, amplification, relativeError: covError } = paperCovarianceError(c, cov);
  const disagreement = Math.abs(jtot - jtot2) / Math.max(Math.abs(jtot), Number.MIN_VALUE);
  const relativeError = covError + DISAGREEMENT_SAFETY * disagreement + relativeResidual;
  const inputFisher = inputFisherInformation(c);
  const numbers = { jtot, jtotSecondRoute: jtot2, inputFisher, jtotRel: jtot / inputFisher, conditionSigmaTimesPsi: kappa, steinAmplification: amplification, relativeError };
  requireResolvable(relativeError, 'paper model', numbers);
  return { jtot, inputFisher, jtotRel: jtot / inputFisher, relativeError, numbers, cov };
}

export interface ExactCapacity extends CapacityWithError {
  cov: ExactCovariance;
}

/** Exact model: J_tot = Σ_k m_kᵀ C⁻¹ m_k (certified series), checked against Tr(C⁻¹ G). */
export function exactCapacity(c: MatrixCase): ExactCapacity {
  const cov = exactCovariance(c);
  const tot = exactTotalCapacity(c, cov);
  const jtot2 = exactTotalCapacityByGram(c, cov);
  const kappa = spdConditionNumber(exactCovarianceMatrix(cov));
  const disagreement = Math.abs(tot.jtot - jtot2) / Math.max(Math.abs(tot.jtot), Number.MIN_VALUE);
  const relativeError = ROUNDING_SAFETY * cov.n * UNIT_ROUNDOFF * kappa + DISAGREEMENT_SAFETY * disagreement + tot.relativeResidual + cov.relativeResidual;
  const inputFisher = inputFisherInformation(c);
  const numbers = { jtot: tot.jtot, jtotSecondRoute: jtot2, inputFisher, jtotRel: tot.jtot / inputFisher, conditionC: kappa, relativeError };
  requireResolvable(relativeError, 'exact model', numbers);
  return { jtot: tot.jtot, inputFisher, jtotRel: tot.jtot / inputFisher, relativeError, numbers, cov };
}

/**
 * Estimated relative error of anything computed from Σ⁻¹ and Ψ⁻¹ of Eq. 9 (the rounding floor of the
 * module comment, part 1, with the solvers' residuals).
 */
export function paperCovarianceError(c: MatrixCase, cov: PaperCovariances): { kappa: number; amplification: number; relativeError: number } {
  const n = c.U.rows ** 2;
  const kappa = spdConditionNumber(cov.psi) * spdConditionNumber(cov.sigma);
  // Stein amplification λmax(Ψ)/ε₁ = ‖Σ_k U^{kᵀ}U^k‖₂ ≈ 1/(1 − ρ(U)²) for normal U: rounding of the
  // sums of Eq. 9 (and of 1 − |λ|² in any closed form) is magnified by it even when κ(Ψ) = 1.
  const amplification = maxEigenvalue(cov.psi) / c.e1 + maxEigenvalue(cov.sigma) / c.e2;
  const relativeError = ROUNDING_SAFETY * n * UNIT_ROUNDOFF * (kappa + amplification) + cov.residuals.psi + cov.residuals.sigma;
  return { kappa, amplification, relativeError };
}

function maxEigenvalue(a: Matrix): number {
  const ev = symmetricEigenvalues(a);
  return ev[ev.length - 1];
}

function adjointRoute(c: MatrixCase, cov: PaperCovariances): number {
  const N = c.U.rows;
  const n = N * N;
  const k = new Float64Array(n * n);
  // (Σ⁻¹ ⊗ Ψ⁻¹)[a + N b, a' + N b'] = Σ⁻¹[b, b'] Ψ⁻¹[a, a'] (column-stacking vec)
  for (let b = 0; b < N; b++) for (let a = 0; a < N; a++) for (let b2 = 0; b2 < N; b2++) for (let a2 = 0; a2 < N; a2++) k[(a + N * b) * n + a2 + N * b2] = cov.sigmaInv.get(b, b2) * cov.psiInv.get(a, a2);
  const h = solveKroneckerStein(c.U.transpose(), c.V.transpose(), k).solution;
  const w = vec(c.W);
  let s = 0;
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) s += w[i] * h[i * n + j] * w[j];
  return s;
}

/** J_tot with its error estimate in each model: what the capacity properties evaluate (tests inject faulty kits). */
export interface CapacityKit {
  paper: (c: MatrixCase) => CapacityWithError;
  exact: (c: MatrixCase) => CapacityWithError;
}

export const defaultCapacityKit: CapacityKit = { paper: paperCapacity, exact: exactCapacity };
