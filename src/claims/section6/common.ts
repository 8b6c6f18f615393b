/**
 * What the Section 6 claims share: the experiment records they read, the thresholds, the exact
 * tests turned into verdicts, and the replay commands. The verdicts are about the records given:
 * a handful of seeds can confirm a direction only when (almost) all of them agree, and the
 * evidence says how far the test could go.
 */
import type { ExperimentRecord, RunRecord } from '../../matntm/experiment/record.ts';
import type { TaskName } from '../../matntm/tasks/types.ts';
import type { ClaimResult, EvidenceItem, Verdict } from '../../core/types.ts';
import type { SignTest } from '../exact-tests.ts';
import { customCheck, type ClaimCheck } from '../unit.ts';

export interface Section6Input {
  /** Experiment records with the path they were read from (for the replay commands). */
  records: { path: string; record: ExperimentRecord }[];
}

/** A run has learned its task when its final held-out error is below this (wrong bits per output matrix, out of 25). */
export const LEARNED_BELOW = 0.5;
/** Level of every one-sided exact test. */
export const ALPHA = 0.05;

export function recordsFor(input: Section6Input, task: TaskName): { path: string; record: ExperimentRecord }[] {
  return input.records.filter((r) => r.record.config.task === task);
}

export function finalError(run: RunRecord): number {
  return run.final.mean.bitErrorPerMatrix;
}

export function learned(run: RunRecord): boolean {
  return finalError(run) < LEARNED_BELOW;
}

/** MatNTM and Matrix RNN runs of the same seed, in seed order. */
export function pairedRuns(record: ExperimentRecord): { seed: number; matntm: RunRecord; matrnn: RunRecord }[] {
  const out: { seed: number; matntm: RunRecord; matrnn: RunRecord }[] = [];
  for (const a of record.runs.filter((r) => r.model === 'matntm')) {
    const b = record.runs.find((r) => r.model === 'matrnn' && r.seed === a.seed);
    if (b) out.push({ seed: a.seed, matntm: a, matrnn: b });
  }
  return out.sort((x, y) => x.seed - y.seed);
}

/** The verdict of two computed conditions: fails when the evidence refutes the claim, holds when it confirms it, inconclusive otherwise. */
export function decide(confirmed: boolean, refuted: boolean): Verdict {
  return refuted ? 'fails' : confirmed ? 'holds' : 'inconclusive';
}

/** holds when the claimed direction is significant at ALPHA, fails when the opposite one is, inconclusive otherwise. */
export function signVerdict(t: SignTest): Verdict {
  const n = t.agree + t.disagree;
  return decide(n > 0 && t.p <= ALPHA, n > 0 && t.pOpposite <= ALPHA);
}

/** "5 of 5 seeds (sign test p = 0.031; …)" with what the number of seeds can show. */
export function describeSignTest(t: SignTest, what: string, unit = 'seeds'): string {
  const n = t.agree + t.disagree;
  const reach = t.smallestP > ALPHA ? ` ${n} untied ${unit} cannot reach p ≤ ${ALPHA} (the smallest p is ${fmtP(t.smallestP)}).` : '';
  return `${what} in ${t.agree} of ${n} untied ${unit}${t.ties ? ` (${t.ties} tied)` : ''}; exact one-sided sign test p = ${fmtP(t.p)} (opposite direction p = ${fmtP(t.pOpposite)}).${reach}`;
}

export function fmtP(p: number): string {
  return p >= 0.001 ? p.toFixed(3) : p.toExponential(1);
}

export function fmt(x: number, digits = 3): string {
  return Number.isFinite(x) ? x.toFixed(digits) : String(x);
}

export function replayCommand(id: string, input: Section6Input): string {
  const dirs = input.records.map((r) => r.path);
  return `matmem verify --claim ${id}${dirs.map((d) => ` --experiment ${quote(d)}`).join('')}`;
}

function quote(s: string): string {
  return /^[\w./-]+$/.test(s) ? s : `'${s.replace(/'/g, "'\\''")}'`;
}

/** The result when the claim's record is missing: inconclusive, naming the command that makes one. */
export function noRecord(id: string, input: Section6Input, needs: string): ClaimResult {
  return {
    model: 'experiment',
    verdict: decide(false, false),
    cases: 0,
    worst: null,
    counterexample: null,
    replay: replayCommand(id, input),
    detail: `No experiment record to decide it: ${needs}`,
    evidence: [],
  };
}

export function evidence(source: string, verdict: Verdict, detail: string, replay?: string): EvidenceItem {
  return { source, verdict, detail, ...(replay ? { replay } : {}) };
}

export const MAKE_COPY = 'run `matmem experiment copy --models matntm,matrnn --seeds 1..5 --out DIR`, then `matmem verify --experiment DIR`';
export const MAKE_RECALL = 'run `matmem experiment recall --models matntm,matrnn --seeds 1..5 --out DIR`, then `matmem verify --experiment DIR`';

/** The check of a Section 6 claim: decided from the experiment records of the run (verify --experiment). */
export function section6Check(evaluate: (input: Section6Input) => ClaimResult): ClaimCheck {
  return customCheck('experiments (Section 6)', (ctx) => [evaluate({ records: ctx.experiments })]);
}
