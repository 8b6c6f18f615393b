/**
 * The derivation checker's public API: a runner over derivations given as data (the registry,
 * src/claims/registry.ts, finds them in proofs/ and in a user's folders), and per-claim evidence.
 */
import type { DerivationReport, Verdict } from '../core/types.ts';
import { combineVerdicts } from '../core/verdict.ts';
import { checkDerivation, type CheckOptions } from './check.ts';
import type { Derivation, ProofStep } from './types.ts';

export * from './types.ts';
export { checkDerivation, checkStep, combineWitnesses, runIdentity, runNumeric, runSymbolic, stepReplay, type CheckOptions } from './check.ts';

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
export function selectedStepCount(opts: Pick<DerivationRunOptions, 'claim' | 'step'>, derivations: Derivation[]): number {
  return derivations.reduce((n, d) => n + d.steps.filter((s, i) => stepSelected(d.id, s, i + 1, opts)).length, 0);
}

/** Runs the selected steps of every derivation; derivations with no selected step are left out. */
export function checkAllDerivations(opts: DerivationRunOptions, derivations: Derivation[]): DerivationReport[] {
  const check = { seed: opts.seed, runs: opts.runs };
  return derivations
    .filter((d) => d.steps.some((s, i) => stepSelected(d.id, s, i + 1, opts)))
    .map((d) => checkDerivation(d, check, (s, i) => stepSelected(d.id, s, i, opts), opts.onStep));
}

/** Every claim id named by a step (as statement or as derivation), in order of first appearance. */
export function derivationClaimIds(derivations: Derivation[]): string[] {
  return [...new Set(derivations.flatMap((d) => d.steps.flatMap((s) => [...s.claims, ...(s.supports ?? [])])))];
}

/** "derivation-id#index" of every step. */
export function stepIds(derivations: Derivation[]): string[] {
  return derivations.flatMap((d) => d.steps.map((_, i) => `${d.id}#${i + 1}`));
}

/** Verdict over some steps (1-based indexes; all steps if omitted): any `fails` → fails; all `holds` → holds; else inconclusive. */
export function derivationVerdict(report: DerivationReport, stepIndexes?: number[]): Verdict {
  const steps = stepIndexes ? report.steps.filter((s) => stepIndexes.includes(s.index)) : report.steps;
  return combineVerdicts(steps.map((s) => s.verdict));
}

/** The steps (derivation id, 1-based index, model) whose `claims` name the claim id (its statement steps). */
export function claimSteps(claimId: string, derivations: Derivation[]): { derivation: string; index: number; model?: 'paper' | 'exact' }[] {
  const out: { derivation: string; index: number; model?: 'paper' | 'exact' }[] = [];
  for (const d of derivations) d.steps.forEach((s, i) => s.claims.includes(claimId) && out.push({ derivation: d.id, index: i + 1, ...(s.model ? { model: s.model } : {}) }));
  return out;
}

/**
 * A claim's verdict from the derivation reports alone: its statement steps (`claims`), optionally
 * only those of one model (steps without a model count for every model), combined as in
 * derivationVerdict. The verify command combines these with the registry (claims/verify.ts).
 */
export function claimVerdict(reports: DerivationReport[], claimId: string, model: 'paper' | 'exact' | undefined, derivations: Derivation[]): { verdict: Verdict; steps: { derivation: string; index: number; verdict: Verdict; detail: string }[] } {
  const refs = claimSteps(claimId, derivations).filter((r) => !model || !r.model || r.model === model);
  const steps = refs.flatMap((r) => {
    const s = reports.find((d) => d.id === r.derivation)?.steps.find((x) => x.index === r.index);
    return s ? [{ derivation: r.derivation, index: r.index, verdict: s.verdict, detail: s.detail }] : [];
  });
  return { verdict: combineVerdicts(steps.map((s) => s.verdict)), steps };
}
