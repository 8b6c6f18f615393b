/**
 * A property's result in one model, computed from the ledger of its cases (property-ledger.ts) and
 * the property's declared data alone (PropertyMeta: no arbitrary, no evaluation), so that the merge
 * of a sharded run computes it as the uncut run does. The verdict and the statistics follow the one
 * rule of src/core/verdict.ts, as for every claim (src/claims/verdict.ts says it for fixed cases).
 */
import type { AnalyticModel as ModelName, CaseCounts, ClaimResult, QuantityStatistics, ReplayedCase, Verdict, WitnessResult } from '../../core/types.ts';
import { classifyCase, reportedMargin, verdictOfCases, type CaseClass, type ClaimKind } from '../../core/verdict.ts';
import { coverageReport, type CoverageDeclaration } from './property-coverage.ts';
import type { CaseLedger } from './property-ledger.ts';
import { replayCommand } from './property-shrink.ts';

/** What the result needs to know of a property: its declared words and buckets, as data. */
export interface PropertyMeta {
  id: string;
  statement: string;
  kind: ClaimKind;
  relaxed?: { statement: string };
  quantity: Record<ModelName, string>;
  notes?: Partial<Record<ModelName, string>>;
  coverage: CoverageDeclaration[];
}

export interface ResultOptions {
  model: ModelName;
  seed: number;
  runs: number;
  /** A replay of the case at this path (the ledger then holds that one case). */
  path?: string;
  /** A replay: the case itself (the ledger keeps only its numbers). */
  replayedCase?: Record<string, unknown>;
  replayedNumbers?: Record<string, number>;
  replayedReason?: string;
}

/** The class of case i of a ledger (mirrors classifyEvaluation). */
export function ledgerClass(kind: ClaimKind, l: CaseLedger, i: number): CaseClass {
  return l.defined[i] ? classifyCase(kind, l.margin[i], l.errorBound[i]) : 'undefined';
}

export function resultFromLedger(meta: PropertyMeta, l: CaseLedger, o: ResultOptions): ClaimResult {
  const { model, seed } = o;
  const n = l.count;
  const classes: CaseClass[] = Array.from({ length: n }, (_, i) => ledgerClass(meta.kind, l, i));
  const definedIdx: number[] = [];
  for (let i = 0; i < n; i++) if (l.defined[i]) definedIdx.push(i);
  const verdict: Verdict = verdictOfCases(classes);
  const undefinedCases = n - definedIdx.length;
  const label = (i: number) => (o.path !== undefined ? `case at path ${o.path}` : `case ${l.from + i}`);
  const baseReplay = o.path !== undefined ? replayCommand(meta.id, seed, `--path ${o.path}`) : replayCommand(meta.id, seed, `--runs ${o.runs}`);

  const worst = l.worst ? { case: label(l.worst.index - l.from), ...l.worst.numbers, margin: reportedMargin(l.worst, meta.kind), errorBound: l.worst.errorBound, index: l.worst.index, caseData: l.worst.caseData } : null;
  const counterexampleAsStated = l.firstFailure?.counterexample ?? null;
  let counterexample: Record<string, unknown> | null = counterexampleAsStated;
  const replay = counterexampleAsStated ? (counterexampleAsStated.replay as string) : baseReplay;

  const values = definedIdx.map((i) => l.value[i]);
  const bounds = definedIdx.map((i) => l.errorBound[i]);
  const stats = statistics(meta.quantity[model], values);
  const errStats = statistics('error bound', bounds);
  const nearBound = nearBoundOfLedger(l, definedIdx);

  const witnesses: WitnessResult[] = [];
  let relaxedSentence = '';
  if (meta.kind === 'strict' && meta.relaxed) {
    const relaxedVerdict = verdictOfCases(Array.from({ length: n }, (_, i) => ledgerClass('inequality', l, i)));
    const relaxedCx = l.firstRelaxedFailure?.counterexample ?? null;
    const ties = countTies(l, definedIdx);
    relaxedSentence = ` Non-strict reading (${meta.relaxed.statement}): ${relaxedVerdict}${relaxedCx ? ` (violated; shrunk counterexample at path ${relaxedCx.counterexamplePath})` : ''}; ties within the error bound: ${ties} of ${n - undefinedCases}.`;
    witnesses.push({ witness: 'numeric', verdict, detail: `as stated (${meta.statement})` });
    witnesses.push({ witness: 'numeric', verdict: relaxedVerdict, detail: `non-strict reading (${meta.relaxed.statement})${relaxedCx ? `: counterexample ${sortedJson(relaxedCx.case)}` : ''}` });
    if (counterexample && relaxedCx) counterexample = { ...counterexample, relaxedCounterexample: relaxedCx };
    else if (!counterexample && relaxedCx) counterexample = { relaxedCounterexample: relaxedCx };
  }

  const reasons = Object.entries(byKey(l.undefinedReasons)).map(([k, c]) => `${c} ${k}`).join(', ');
  const detail =
    describeCases(meta.kind, l, definedIdx, classes, undefinedCases) +
    (stats ? ` ${meta.quantity[model]}: min ${fmt4(stats.min)}, median ${fmt4(stats.median)}, max ${fmt4(stats.max)}` : '') +
    (errStats ? `; error bounds up to ${fmt4(errStats.max)}.` : '') +
    (nearBound ? ` Within 1% of the bound: ${nearBound.cases} of ${nearBound.of} cases (smallest margin/bound ${fmt4(nearBound.closest)}).` : '') +
    relaxedSentence +
    (reasons ? ` Undefined: ${reasons}.` : '') +
    (meta.notes?.[model] ? ` ${meta.notes[model]}` : '');

  const smallest = smallestMargin(meta.kind, l, definedIdx);
  return {
    model,
    verdict,
    cases: n,
    undefinedCases,
    worst,
    counterexample,
    replay,
    detail,
    statistics: stats,
    ...(definedIdx.length ? { errorBounds: statistics('error bound of the margin', bounds) } : {}),
    ...(witnesses.length ? { witnesses } : {}),
    ...(nearBound ? { nearBound } : {}),
    caseCounts: caseCounts(meta.kind, l, classes, definedIdx),
    ...(smallest ? { smallestMargin: smallest } : {}),
    coverage: coverageReport(meta.coverage, l.coverage, model),
    ...(o.path !== undefined ? { replayed: replayedCase(meta.kind, l, o, classes[0]) } : {}),
  };
}

function replayedCase(kind: ClaimKind, l: CaseLedger, o: ResultOptions, outcome: CaseClass): ReplayedCase {
  const e = { margin: l.margin[0], errorBound: l.errorBound[0] };
  return {
    path: o.path!,
    outcome,
    case: o.replayedCase ?? {},
    value: l.value[0],
    margin: l.defined[0] ? reportedMargin(e, kind) : NaN,
    errorBound: e.errorBound,
    numbers: o.replayedNumbers ?? {},
    ...(o.replayedReason !== undefined ? { undefinedReason: o.replayedReason } : {}),
  };
}

function caseCounts(kind: ClaimKind, l: CaseLedger, classes: CaseClass[], definedIdx: number[]): CaseCounts {
  const count = (c: CaseClass) => classes.reduce((s, x) => s + (x === c ? 1 : 0), 0);
  return {
    tried: l.count,
    held: count('holds'),
    failed: count('fails'),
    undecided: count('undecided'),
    undefined: count('undefined'),
    ...(kind === 'strict' ? { ties: countTies(l, definedIdx) } : {}),
    undefinedReasons: byKey(l.undefinedReasons),
  };
}

/** The reasons in key order, whatever order the cases (or a shard's slices) met them in. */
function byKey(reasons: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(reasons).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function countTies(l: CaseLedger, definedIdx: number[]): number {
  let ties = 0;
  for (const i of definedIdx) if (Math.abs(l.margin[i]) <= l.errorBound[i]) ties++;
  return ties;
}

/** The defined case with the smallest reported margin (the earliest of equals). */
function smallestMargin(kind: ClaimKind, l: CaseLedger, definedIdx: number[]): ClaimResult['smallestMargin'] {
  let best: ClaimResult['smallestMargin'];
  for (const i of definedIdx) {
    const m = reportedMargin({ margin: l.margin[i], errorBound: l.errorBound[i] }, kind);
    if (best === undefined || m < best.margin) best = { margin: m, errorBound: l.errorBound[i], index: l.from + i };
  }
  return best;
}

/** The sentence of src/claims/verdict.ts's `describe`, from the ledger's columns (loops: a million cases do not fit a spread). */
function describeCases(kind: ClaimKind, l: CaseLedger, definedIdx: number[], classes: CaseClass[], undefinedCases: number): string {
  const n = definedIdx.length;
  const failing = definedIdx.filter((i) => classes[i] === 'fails').length;
  const undecided = definedIdx.filter((i) => classes[i] === 'undecided').length;
  let minMargin = Infinity;
  let maxGap = 0;
  for (const i of definedIdx) {
    minMargin = Math.min(minMargin, l.margin[i]);
    maxGap = Math.max(maxGap, -l.margin[i]);
  }
  const parts: string[] = [];
  if (kind === 'identity') {
    parts.push(failing === 0 ? `both sides agree in all ${n} cases (largest gap ${fmt2(maxGap)}, within each case's error bound)` : `the two sides differ in ${failing} of ${n} cases (largest gap ${fmt2(maxGap)}, far beyond the error bound)`);
  } else if (kind === 'strict') {
    const ties = countTies(l, definedIdx);
    if (ties > 0) parts.push(`equal within the error bound in ${ties} of ${n} cases, so the strict inequality as stated is not confirmed there`);
    const viol = definedIdx.filter((i) => l.margin[i] < -l.errorBound[i]).length;
    if (viol > 0) parts.push(`violated in ${viol} of ${n} cases`);
    if (ties === 0 && viol === 0) parts.push(`strictly satisfied in all ${n} cases (smallest margin ${fmt2(minMargin)})`);
  } else {
    parts.push(failing === 0 ? `satisfied in all ${n} cases (smallest margin ${fmt2(minMargin)})` : `violated in ${failing} of ${n} cases`);
  }
  if (undecided > 0 && kind !== 'strict') parts.push(`${undecided} cases undecided (gap between the error bound and 1000× it)`);
  if (undefinedCases > 0) parts.push(`model undefined in ${undefinedCases} cases (counted, not used)`);
  return parts.join('; ') + '.';
}

/** For inequalities (cases that name their bound): cases with margin ≤ 1% of the bound, and the closest approach. */
function nearBoundOfLedger(l: CaseLedger, definedIdx: number[], within = 0.01): ClaimResult['nearBound'] {
  let of = 0;
  let cases = 0;
  let closest = Infinity;
  for (const i of definedIdx) {
    const b = l.bound[i];
    if (Number.isNaN(b) || b === 0 || !Number.isFinite(l.margin[i])) continue;
    const rel = l.margin[i] / Math.abs(b);
    of++;
    if (rel <= within) cases++;
    closest = Math.min(closest, rel);
  }
  return of === 0 ? undefined : { within, cases, of, closest };
}

export function statistics(quantity: string, values: number[]): QuantityStatistics | undefined {
  if (values.length === 0) return undefined;
  const s = Float64Array.from(values).sort();
  const mid = Math.floor(s.length / 2);
  const median = s.length % 2 ? s[mid] : 0.5 * (s[mid - 1] + s[mid]);
  return { quantity, min: s[0], median, max: s[s.length - 1] };
}

function fmt4(x: number): string {
  return Number.isFinite(x) ? x.toPrecision(4) : String(x);
}

function fmt2(x: number): string {
  return Number.isFinite(x) ? x.toExponential(2) : String(x);
}

/** JSON with every object's keys in order (a case read back from a shard's JSON prints as the uncut run's). */
function sortedJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => (v !== null && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v));
}
