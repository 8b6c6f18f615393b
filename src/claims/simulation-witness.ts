/**
 * Monte Carlo as the third witness: on one fixed non-normal case, the simulated covariance and
 * Fisher memory side with one model or the other. Used as evidence for the claims about the law of
 * X(n) and its Fisher memory (theorem-1.covariance, eq-12.fmc).
 */
import { relativeDifference } from '../linalg/dense.ts';
import { makeCase } from '../models/case.ts';
import { exactCovariance, exactCovarianceMatrix, exactFisherMemoryCurve } from '../models/exact.ts';
import { paperCovariances, paperFisherMemoryCurve } from '../models/paper.ts';
import { paperStateCovariance } from '../models/summary.ts';
import { simulateFisherMemory } from '../models/simulate.ts';
import type { Verdict, WitnessResult } from '../core/types.ts';

/** The 2×2 case simulated (non-normal, ρ(U)ρ(V) ≈ 0.4: 25 steps forget the zero start). */
export const SIMULATION_CASE = makeCase([[0.6, 0.5], [-0.1, 0.3]], [[0.5, 0], [0.4, -0.6]], [[1, -0.5], [0.3, 0.8]]);

export interface SimulationEvidence {
  samples: number;
  seed: number;
  /** J(0) estimate ± standard error, and both models' values. */
  j0: { estimate: number; stderr: number; exact: number; paper: number };
  /** z-scores of the estimate against each model. */
  zExact: number;
  zPaper: number;
  covarianceRelDiffExact: number;
  covarianceRelDiffPaper: number;
}

export function simulationEvidence(seed: number, samples = 40_000): SimulationEvidence {
  const c = SIMULATION_CASE;
  const sim = simulateFisherMemory(c, { samples, steps: 25, seed });
  const exact = exactFisherMemoryCurve(c, exactCovariance(c), 1)[0];
  const paper = paperFisherMemoryCurve(c, paperCovariances(c), 1)[0];
  const j0 = sim.fmc[0];
  return {
    samples: sim.samples,
    seed,
    j0: { estimate: j0.estimate, stderr: j0.stderr, exact, paper },
    zExact: (j0.estimate - exact) / j0.stderr,
    zPaper: (j0.estimate - paper) / j0.stderr,
    covarianceRelDiffExact: relativeDifference(sim.covariance, exactCovarianceMatrix(exactCovariance(c))),
    covarianceRelDiffPaper: relativeDifference(sim.covariance, paperStateCovariance(c)),
  };
}

/**
 * Which model the simulation supports: a model is rejected when its J(0) is more than 5 standard
 * errors from the estimate (two-sided normal tail 6e-7); supported when within 5.
 */
export function simulationWitness(ev: SimulationEvidence, model: 'paper' | 'exact', claimHoldsIfModelMatches: boolean): WitnessResult {
  const z = model === 'exact' ? ev.zExact : ev.zPaper;
  const matches = Math.abs(z) <= 5;
  const verdict: Verdict = matches === claimHoldsIfModelMatches ? 'holds' : 'fails';
  return {
    witness: 'simulation',
    verdict,
    detail:
      `Monte Carlo (${ev.samples} trajectories, seed ${ev.seed}) on a 2×2 non-normal case: J(0) = ${ev.j0.estimate.toPrecision(5)} ± ${ev.j0.stderr.toPrecision(2)}; ` +
      `exact model ${ev.j0.exact.toPrecision(5)} (z = ${ev.zExact.toFixed(1)}), paper model ${ev.j0.paper.toPrecision(5)} (z = ${ev.zPaper.toFixed(1)}); ` +
      `simulated covariance differs by ${(100 * ev.covarianceRelDiffExact).toFixed(1)}% from the exact C and ${(100 * ev.covarianceRelDiffPaper).toFixed(1)}% from the paper's Σ ⊗ Ψ.`,
  };
}
