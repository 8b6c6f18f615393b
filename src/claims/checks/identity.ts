/**
 * Claims decided by direct numeric comparison of two sides on deterministic case families, per
 * model. "paper": does the claim follow within the paper's own definitions (Eqs. 9–10)? "exact": is
 * it true of the linear system of Eq. 5 (its true law, by vectorization)? For claims about the law
 * of X(n) itself, Monte Carlo is a third witness that decides between the models.
 */
import { ModelUndefinedError } from '../../errors.ts';
import { agreedVerdict } from '../../core/verdict.ts';
import { caseSize, type MatrixCase } from '../../models/case.ts';
import type { AnalyticModel, ClaimResult } from '../../core/types.ts';
import { caseFamily, caseToJson, type CaseFamily, type NamedCase } from '../../cases/families.ts';
import { verdictFromOutcomes, type CaseOutcome } from '../verdict.ts';
import { simulationEvidence, simulationWitness, type SimulationEvidence } from '../simulation-witness.ts';
import type { ClaimCheck } from '../unit.ts';

/**
 * Relative error bound for identities between two float64 computations on these cases: spectral
 * radii ≤ 0.95 keep the covariances' condition numbers below ~1e3 and the solvers' residuals are
 * ≤ 1e-14, so honest agreement is ~1e-12; 1e-9 leaves a 1000× margin, and a wrong formula is off by
 * far more (order one on generic cases).
 */
const IDENTITY_RTOL = 1e-9;

export interface IdentitySpec {
  families: CaseFamily[];
  /** Per model: compute (left, right) pairs for a case; throw ModelUndefinedError if undefined. */
  models: Partial<Record<AnalyticModel, (c: MatrixCase) => SidePair[]>>;
  /**
   * The claim is about the law of X(n): Monte Carlo decides between the models. A claim that the
   * paper model's law is the system's holds in the exact model only if the simulation matches the
   * paper model.
   */
  simulation?: boolean;
}

/** Two sides of an identity, or (relGap set) a precomputed relative difference of two matrices. */
export interface SidePair {
  a: number;
  b: number;
  what: string;
  relGap?: number;
}

function identityOutcome(nc: NamedCase, pairs: SidePair[]): CaseOutcome {
  let worst = { gap: 0, a: 0, b: 0, what: '' };
  for (const p of pairs) {
    const gap = p.relGap ?? Math.abs(p.a - p.b) / Math.max(Math.abs(p.a), Math.abs(p.b), 1e-300);
    if (gap >= worst.gap) worst = { gap, a: p.a, b: p.b, what: p.what };
  }
  return {
    label: `${nc.family} #${nc.index} (N = ${caseSize(nc.case)}), worst at ${worst.what}`,
    size: caseSize(nc.case) * 1000 + nc.index,
    data: caseToJson(nc.case),
    value: worst.gap,
    margin: -worst.gap,
    errorBound: IDENTITY_RTOL,
    numbers: { left: worst.a, right: worst.b, relativeGap: worst.gap },
  };
}

/** Monte Carlo evidence is computed once per seed and shared by the claims that use it. */
const simulations = new Map<number, SimulationEvidence>();

export function identityCheck(spec: IdentitySpec): ClaimCheck {
  return {
    source: 'numeric comparisons',
    run: (ctx, claim) => {
      const perFamily = Math.max(1, Math.ceil(ctx.runs / spec.families.length));
      const cases = spec.families.flatMap((f) => caseFamily(f, perFamily, ctx.seed));
      const models = (Object.entries(spec.models) as [AnalyticModel, NonNullable<IdentitySpec['models'][AnalyticModel]>][]).filter(([m]) => ctx.models === undefined || ctx.models.includes(m));
      const results = models.map(([model, pairsOf]) => {
        const outcomes: CaseOutcome[] = cases.map((nc) => {
          try {
            return identityOutcome(nc, pairsOf(nc.case));
          } catch (err) {
            if (!(err instanceof ModelUndefinedError)) throw err;
            return { label: `${nc.family} #${nc.index}`, size: caseSize(nc.case), data: {}, value: NaN, margin: 0, errorBound: 0, numbers: {}, undefinedReason: err.message };
          }
        });
        return verdictFromOutcomes(outcomes, {
          claimId: claim.id,
          model,
          quantity: 'relative gap between the two sides',
          kind: 'identity',
          replay: `matmem verify --claim ${claim.id} --seed ${ctx.seed} --runs ${ctx.runs}`,
        });
      });
      if (!spec.simulation) return results;
      // the simulation decides between the models: the claim "Eq. 9/12 describe X(n)" is true of the
      // system only if the simulated X(n) matches the paper model
      const evidence = () => {
        let ev = simulations.get(ctx.seed);
        if (!ev) simulations.set(ctx.seed, (ev = simulationEvidence(ctx.seed)));
        return ev;
      };
      for (const res of results) {
        const numeric = { witness: 'numeric' as const, verdict: res.verdict, detail: res.detail };
        if (res.model !== 'exact') {
          res.witnesses = [numeric];
          continue;
        }
        const w = simulationWitness(evidence(), 'paper', true);
        res.witnesses = [numeric, w];
        const agreed = agreedVerdict([res.verdict, w.verdict]);
        if (agreed !== res.verdict) {
          res.verdict = agreed;
          res.detail += ' The simulation disagrees with the numeric comparison: see the witnesses.';
        }
      }
      return results;
    },
  };
}

export type { ClaimResult };
