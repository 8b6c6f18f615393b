/**
 * The derivation checker's public API: every encoded derivation, a runner, and per-claim evidence
 * for the claim registry.
 */
import type { DerivationReport, Verdict } from '../report/model.ts';
import { checkDerivation, type CheckOptions } from './check.ts';
import type { Derivation, ProofStep } from './types.ts';
import { theorem1 } from '../../proofs/theorem-1.ts';
import { theorem2 } from '../../proofs/theorem-2.ts';
import { lemma1 } from '../../proofs/lemma-1.ts';
import { lemma2 } from '../../proofs/lemma-2.ts';
import { eq49 } from '../../proofs/eq-49.ts';
import { theorem3 } from '../../proofs/theorem-3.ts';
import { eq33 } from '../../proofs/eq-33.ts';
import { theorem4Woodbury } from '../../proofs/theorem-4-woodbury.ts';
import { memoryStabilityDerivation } from '../../proofs/memory-stability.ts';

export * from './types.ts';
export { checkDerivation, checkStep, combineWitnesses, runIdentity, runNumeric, runSymbolic, stepReplay, type CheckOptions } from './check.ts';

export const allDerivations: Derivation[] = [theorem1, theorem2, lemma1, lemma2, eq49, theorem3, eq33, theorem4Woodbury, memoryStabilityDerivation];

export interface DerivationRunOptions extends CheckOptions {
  /** Only the steps whose `claims` or `supports` name this claim id. */
  claim?: string;
  /** Only this step, "derivation-id#index". */
  step?: string;
  /** Called before each step (progress). */
  onStep?: (label: string) => void;
}

/** Whether a step is selected by --claim / --step. */
export function stepSelected(derivationId: string, step: ProofStep, index: number, opts: Pick<DerivationRunOptions, 'claim' | 'step'>): boolean {
  if (opts.step !== undefined && opts.step !== `${derivationId}#${index}`) return false;
  if (opts.claim !== undefined && !step.claims.includes(opts.claim) && !(step.supports ?? []).includes(opts.claim)) return false;
  return true;
}

/** How many steps a run will check (for progress bars). */
export function selectedStepCount(opts: Pick<DerivationRunOptions, 'claim' | 'step'>, derivations: Derivation[] = allDerivations): number {
  return derivations.reduce((n, d) => n + d.steps.filter((s, i) => stepSelected(d.id, s, i + 1, opts)).length, 0);
}

/** Runs the selected steps of every derivation; derivations with no selected step are left out. */
export function checkAllDerivations(opts: DerivationRunOptions, derivations: Derivation[] = allDerivations): DerivationReport[] {
  const check = { seed: opts.seed, runs: opts.runs };
  return derivations
    .filter((d) => d.steps.some((s, i) => stepSelected(d.id, s, i + 1, opts)))
    .map((d) => checkDerivation(d, check, (s, i) => stepSelected(d.id, s, i, opts), opts.onStep));
}

/** Every claim id named by a step (as statement or as derivation), in order of first appearance. */
export function derivationClaimIds(derivations: Derivation[] = allDerivations): string[] {
  return [...new Set(derivations.flatMap((d) => d.steps.flatMap((s) => [...s.claims, ...(s.supports ?? [])])))];
}

/** "derivation-id#index" of every step. */
export function stepIds(derivations: Derivation[] = allDerivations): string[] {
  return derivations.flatMap((d) => d.steps.map((_, i) => `${d.id}#${i + 1}`));
}

/** Verdict over some steps (1-based indexes; all steps if omitted): any `fails` → fails; all `holds` → holds; else inconclusive. */
export function derivationVerdict(report: DerivationReport, stepIndexes?: number[]): Verdict {
  const steps = stepIndexes ? report.steps.filter((s) => stepIndexes.includes(s.index)) : report.steps;
  if (steps.length === 0) return 'inconclusive';
  if (steps.some((s) => s.verdict === 'fails')) return 'fails';
  return steps.every((s) => s.verdict === 'holds') ? 'holds' : 'inconclusive';
}

/** The steps (derivation id, 1-based index, model) whose `claims` name the claim id (its statement steps). */
export function claimSteps(claimId: string, derivations: Derivation[] = allDerivations): { derivation: string; index: number; model?: 'paper' | 'exact' }[] {
  const out: { derivation: string; index: number; model?: 'paper' | 'exact' }[] = [];
  for (const d of derivations) d.steps.forEach((s, i) => s.claims.includes(claimId) && out.push({ derivation: d.id, index: i + 1, ...(s.model ? { model: s.model } : {}) }));
  return out;
}

/**
 * A claim's verdict from the derivation reports alone: its statement steps (`claims`), optionally
 * only those of one model (steps without a model count for every model), combined as in
 * derivationVerdict. The verify command combines these with the registry (claims/verify.ts).
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
