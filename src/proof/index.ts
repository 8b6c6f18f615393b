/**
 * The derivation checker's public API: every encoded derivation, a runner, and per-claim evidence
 * for the claim registry.
 */
import type { DerivationReport, Verdict } from '../report/model.ts';
import { checkDerivation, type CheckOptions } from './check.ts';
import type { Derivation } from './types.ts';
import { theorem1 } from '../../proofs/theorem-1.ts';
import { theorem2 } from '../../proofs/theorem-2.ts';

export * from './types.ts';
export { checkDerivation, checkStep, combineWitnesses, runIdentity, runNumeric, runSymbolic, type CheckOptions } from './check.ts';

export const allDerivations: Derivation[] = [theorem1, theorem2];

export function checkAllDerivations(opts: CheckOptions, derivations: Derivation[] = allDerivations): DerivationReport[] {
  return derivations.map((d) => checkDerivation(d, opts));
}

/** Verdict over some steps (1-based indexes; all steps if omitted): any `fails` → fails; all `holds` → holds; else inconclusive. */
export function derivationVerdict(report: DerivationReport, stepIndexes?: number[]): Verdict {
  const steps = stepIndexes ? report.steps.filter((s) => stepIndexes.includes(s.index)) : report.steps;
  if (steps.length === 0) return 'inconclusive';
  if (steps.some((s) => s.verdict === 'fails')) return 'fails';
  return steps.every((s) => s.verdict === 'holds') ? 'holds' : 'inconclusive';
}

/** The steps (derivation id, 1-based index, model) whose `claims` name the claim id. */
export function claimSteps(claimId: string, derivations: Derivation[] = allDerivations): { derivation: string; index: number; model?: 'paper' | 'exact' }[] {
  const out: { derivation: string; index: number; model?: 'paper' | 'exact' }[] = [];
  for (const d of derivations) d.steps.forEach((s, i) => s.claims.includes(claimId) && out.push({ derivation: d.id, index: i + 1, ...(s.model ? { model: s.model } : {}) }));
  return out;
}

/**
 * A claim's verdict from the derivation reports: the steps tagged with the claim (optionally only
 * those of one model; untagged-model steps count for both), combined as in derivationVerdict.
 */
export function claimVerdict(reports: DerivationReport[], claimId: string, model?: 'paper' | 'exact', derivations: Derivation[] = allDerivations): { verdict: Verdict; steps: { derivation: string; index: number; verdict: Verdict; detail: string }[] } {
  const refs = claimSteps(claimId, derivations).filter((r) => !model || !r.model || r.model === model);
  const steps = refs.flatMap((r) => {
    const s = reports.find((d) => d.id === r.derivation)?.steps.find((x) => x.index === r.index);
    return s ? [{ derivation: r.derivation, index: r.index, verdict: s.verdict, detail: s.detail }] : [];
  });
  let verdict: Verdict = 'inconclusive';
  if (steps.length > 0) verdict = steps.some((s) => s.verdict === 'fails') ? 'fails' : steps.every((s) => s.verdict === 'holds') ? 'holds' : 'inconclusive';
  return { verdict, steps };
}
