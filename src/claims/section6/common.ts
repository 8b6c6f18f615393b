/**
 * What the Section 6 claims share: the experiment records they read, the one "learned" criterion
 * (the paper's own), the exact tests turned into verdicts, and the replay commands. The verdicts are
 * about the records given: a handful of seeds can confirm a direction only when (almost) all of them
 * agree, and every part says how far its test could go.
 */
import type { ExperimentRecord, RunRecord } from '../../matntm/experiment/record.ts';
import type { TaskName } from '../../matntm/tasks/types.ts';
import type { EvidenceItem, Verdict } from '../../core/types.ts';
import type { SignTest } from '../exact-tests.ts';

export interface Section6Input {
  /** Experiment records with the path they were read from (for the replay commands); at most one per task. */
  records: { path: string; record: ExperimentRecord }[];
}

/** Level of every test (after its correction for multiple comparisons, where it makes several). */
export const ALPHA = 0.05;

/**
 * The paper's criterion for a run that has learned (solved) its task: "the model gave zero error"
 * (Section 6.2). Here: no wrong bit in the whole final held-out evaluation.
 */
export const LEARNED_RULE = 'a run has learned its task when it makes no wrong bit on the final held-out batches (the paper\'s "zero error", Section 6.2)';

/** Context only, never a verdict: runs below half a wrong bit per output matrix ("nearly learned"). */
export const NEARLY_BELOW = 0.5;

export function finalError(run: RunRecord): number {
  return run.final.mean.bitErrorPerMatrix;
}

/** Zero error on the final held-out evaluation (LEARNED_RULE). */
export function learned(run: RunRecord): boolean {
  return finalError(run) === 0;
}

export function nearlyLearned(run: RunRecord): boolean {
  return finalError(run) < NEARLY_BELOW;
}

/** The record of a task, if one was given (verify refuses two records of one task). */
export function recordFor(input: Section6Input, task: TaskName): { path: string; record: ExperimentRecord } | undefined {
  return input.records.find((r) => r.record.config.task === task);
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

/** "… in 5 of 5 untied seeds; exact one-sided sign test p = 0.031 …" with what the number of seeds can show. */
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

export function evidence(source: string, verdict: Verdict, detail: string, replay?: string): EvidenceItem {
  return { source, verdict, detail, ...(replay ? { replay } : {}) };
}

export const MAKE_COPY = 'run `matmem experiment copy --models matntm,matrnn --seeds 1..5 --out DIR`, then `matmem verify --experiment DIR`';
export const MAKE_RECALL = 'run `matmem experiment recall --models matntm,matrnn --seeds 1..5 --out DIR`, then `matmem verify --experiment DIR`';
