/** One entry point per model for the Fisher memory curve and capacity of a case of Eq. 5. */
import { Matrix } from 'ml-matrix';
import { kron } from '../linalg/dense.ts';
import type { MatrixCase } from './case.ts';
import { caseSize } from './case.ts';
import { exactCovariance, exactFisherMemoryCurve, exactTotalCapacity } from './exact.ts';
import { inputFisherInformation, paperCovariances, paperFisherMemoryCurve, paperTotalCapacity } from './paper.ts';
import { vectorFisherMemory } from './vector.ts';
import { vec } from '../linalg/dense.ts';

export type FmcModel = 'paper' | 'exact' | 'vector';
export const FMC_MODELS: FmcModel[] = ['paper', 'exact', 'vector'];
/** The vector model works on dense N²×N² matrices (O(N⁶)); beyond this size use `exact`. */
export const VECTOR_MODEL_MAX_N = 12;

export interface FisherMemorySummary {
  /** J(0..K−1). */
  fmc: number[];
  /** The infinite sum Σ_k J(k) (solver, not the truncated sum of fmc). */
  jtot: number;
  /** I(W) of Lemma 2. */
  inputFisher: number;
  /** J_tot / I(W) (Eq. 27). */
  jtotRel: number;
  /** Relative residuals of the solvers behind the numbers. */
  residuals: Record<string, number>;
}

export function fisherMemorySummary(c: MatrixCase, model: FmcModel, count: number): FisherMemorySummary {
  const inputFisher = inputFisherInformation(c);
  if (model === 'paper') {
    const cov = paperCovariances(c);
    const fmc = paperFisherMemoryCurve(c, cov, count);
    const { jtot, relativeResidual } = paperTotalCapacity(c, cov);
    return { fmc, jtot, inputFisher, jtotRel: jtot / inputFisher, residuals: { psi: cov.residuals.psi, sigma: cov.residuals.sigma, gram: relativeResidual } };
  }
  if (model === 'exact') {
    const cov = exactCovariance(c);
    const fmc = exactFisherMemoryCurve(c, cov, count);
    const total = exactTotalCapacity(c, cov, fmc);
    const residuals: Record<string, number> = { covariance: cov.relativeResidual };
    if (total.method === 'certified-series') residuals.seriesRemainder = total.relativeResidual;
    else residuals.gram = total.relativeResidual;
    return { fmc, jtot: total.jtot, inputFisher, jtotRel: total.jtot / inputFisher, residuals };
  }
  // Eq. 5 vectorized is Ganguli's vector network (Eq. 2/14) with N² neurons: A = Vᵀ ⊗ Uᵀ, v = vec W, ε = ε₁ε₂.
  const net = { A: kron(c.V.transpose(), c.U.transpose()), v: [...vec(c.W)], epsilon: c.e1 * c.e2 };
  const r = vectorFisherMemory(net, count);
  return { fmc: r.fmc, jtot: r.jtot, inputFisher: r.inputFisher, jtotRel: r.jtot / r.inputFisher, residuals: {} };
}

/** The paper's covariance of vec X(n), Σ ⊗ Ψ (Theorem 1), for comparing with simulation. */
export function paperStateCovariance(c: MatrixCase): Matrix {
  const cov = paperCovariances(c);
  return kron(cov.sigma, cov.psi);
}

export function stateDimension(c: MatrixCase): number {
  return caseSize(c) ** 2;
}
