/**
 * The regression guard's baseline: per claim × model and per derivation step, the verdict and a
 * fingerprint of its evidence — the numbers of the worst case, the counterexample and the
 * statistics, the witnesses' worst gaps and counts, and, for steps, the two sides at pinned points
 * (exact values, hashed). A changed number is a regression even when the verdict stays the same,
 * so a typo in a claim or step that already fails is caught. The baseline also records the run
 * configuration; a comparison under another seed or number of runs is refused.
 */
import { InputError } from '../errors.ts';
import { assertSchema } from '../io/schema.ts';
import type { ClaimResult, DerivationStepReport, Report, Verdict } from '../core/types.ts';

export const BASELINE_FORMAT = 'matmem-baseline/2';

/**
 * Tolerance of a fingerprint number: |new − old| ≤ RELATIVE·max(|old|, |new|) + ABSOLUTE. The
 * numbers are float64 results of deterministic computations; between machines or Node versions
 * they move only through libm (exp, log, pow: ≤ 1 ulp each), amplified by the cases' conditioning
 * (≤ 1e3 here), i.e. by ≤ 1e-12 relative; 1e-9 leaves a 1000× margin. Below 1e-10 absolute sit
 * only round-off quantities (the gaps of identities that hold, ~1e-15), which may move by their own
 * size; a wrong formula moves the numbers it touches by far more than either bound.
 */
export const FINGERPRINT_TOLERANCE = { relative: 1e-9, absolute: 1e-10 };

/**
 * Error bounds are compared relatively only (no absolute floor): they are small by nature, and a
 * weakened or tightened tolerance formula must show. They are built from round-off residuals, which
 * are bit-for-bit the same on the same Node.js major version (V8's own libm, no FMA) but not across
 * versions, so a baseline from another Node.js major version skips them (and says so).
 */
export function isErrorBoundPath(path: string): boolean {
  return /errorBound/.test(path);
}

export interface RunConfig {
  seed: number;
  runs: number;
  /** Node.js major version the baseline was made with (round-off-level evidence is exact only within it). */
  node?: number;
  /** The --claim / --step filter the run used (null: everything). */
  claim: string | null;
  step: string | null;
  /** Experiment records used for the Section 6 claims: task and a digest of their content. */
  experiments: { task: string; digest: string }[];
}

/** path → number (compared with the tolerance) or string (an exact value's hash, compared exactly). */
export type Fingerprint = Record<string, number | string>;

export interface Baseline {
  format: typeof BASELINE_FORMAT;
  tool: { version: string };
  config: RunConfig;
  tolerance: typeof FINGERPRINT_TOLERANCE;
  verdicts: Record<string, Verdict>;
  evidence: Record<string, Fingerprint>;
}

/** Every finite number under `value`, keyed by its path ("counterexample.numbers.jtot", "worst.U.0.1"). */
export function flattenNumbers(value: unknown, prefix: string, out: Fingerprint = {}): Fingerprint {
  if (typeof value === 'number') {
    if (Number.isFinite(value)) out[prefix] = value;
  } else if (typeof value === 'string') {
    if (prefix.endsWith('Hash')) out[prefix] = value;
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => flattenNumbers(v, `${prefix}.${i}`, out));
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) flattenNumbers(v, prefix ? `${prefix}.${k}` : k, out);
  }
  return out;
}

/** The evidence numbers of a claim in one model. */
export function claimFingerprint(r: ClaimResult): Fingerprint {
  const out: Fingerprint = { cases: r.cases };
  if (r.undefinedCases !== undefined) out.undefinedCases = r.undefinedCases;
  flattenNumbers(r.statistics ? { min: r.statistics.min, median: r.statistics.median, max: r.statistics.max } : undefined, 'statistics', out);
  flattenNumbers(r.errorBounds ? { min: r.errorBounds.min, median: r.errorBounds.median, max: r.errorBounds.max } : undefined, 'errorBounds', out);
  flattenNumbers(r.nearBound, 'nearBound', out);
  flattenNumbers(r.worst, 'worst', out);
  flattenNumbers(r.counterexample, 'counterexample', out);
  (r.witnesses ?? []).forEach((w, i) => flattenNumbers({ points: w.points, cases: w.cases, skipped: w.skipped, worstGap: w.worstGap }, `witness.${i}.${w.witness}`, out));
  (r.parts ?? []).forEach((p, i) => flattenNumbers({ cases: p.cases, undefinedCases: p.undefinedCases, statistics: p.statistics && { min: p.statistics.min, median: p.statistics.median, max: p.statistics.max }, errorBounds: p.errorBounds && { min: p.errorBounds.min, median: p.errorBounds.median, max: p.errorBounds.max }, nearBound: p.nearBound, worst: p.worst, counterexample: p.counterexample }, `part.${i}`, out));
  // the parts of a claim's sentence (Section 6): each part's verdict, as +1 holds, 0 inconclusive, −1 fails
  for (const p of r.statementParts ?? []) out[`statementPart.${p.id}.verdict`] = p.verdict === 'holds' ? 1 : p.verdict === 'fails' ? -1 : 0;
  return out;
}

/** The evidence numbers of a derivation step: its witnesses' counts and gaps, its counterexample, its sides at pinned points, the sizes it covers. */
export function stepFingerprint(s: DerivationStepReport): Fingerprint {
  const out: Fingerprint = {};
  (s.witnesses ?? []).forEach((w, i) => flattenNumbers({ points: w.points, cases: w.cases, skipped: w.skipped, worstGap: w.worstGap }, `witness.${i}.${w.witness}`, out));
  flattenNumbers(s.counterexample, 'counterexample', out);
  flattenNumbers(s.pinned, 'pinned', out);
  // the sizes the verdict covers: every N (1) or the tested sizes (0), each certificate's degree, bound, sizes and normal-form digests
  if (s.sizes) {
    out['sizes.everyN'] = s.sizes.covers === 'every N' ? 1 : 0;
    s.sizes.witnesses.forEach((w) => flattenNumbers({ degree: w.degree, scalarDegree: w.scalarDegree, minimumSize: w.minimumSize, sizes: w.sizes, points: w.points, errorBound: w.errorBound, lhsFormHash: w.lhsFormHash, rhsFormHash: w.rhsFormHash }, `sizes.witness.${w.witness}`, out));
  }
  return out;
}

/** claim/model, derivation#step and check/id → fingerprint: what the baseline guards beside the verdicts. */
export function reportFingerprints(report: Report): Record<string, Fingerprint> {
  const out: Record<string, Fingerprint> = {};
  for (const c of report.claims) for (const r of c.results) out[`${c.id}/${r.model}`] = claimFingerprint(r);
  for (const d of report.derivations) for (const s of d.steps) out[`${d.id}#${s.index}`] = stepFingerprint(s);
  for (const m of report.modelChecks ?? []) out[`check/${m.id}`] = flattenNumbers(Object.fromEntries(m.cases.map((c) => [c.case, c.subject])), 'subject');
  return out;
}

export function makeBaseline(report: Report, config: RunConfig, version: string, verdicts: Record<string, Verdict>): Baseline {
  return { format: BASELINE_FORMAT, tool: { version }, config, tolerance: FINGERPRINT_TOLERANCE, verdicts, evidence: reportFingerprints(report) };
}

/**
 * A baseline file's content, checked against schemas/baseline.schema.json: the current format, or the
 * first one (verdicts only, compared without evidence). Anything else is bad input naming the field.
 */
export function parseBaseline(path: string, raw: unknown): { verdicts: Record<string, Verdict>; evidence: Record<string, Fingerprint> | null; config: RunConfig | null } {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new InputError(`${path}: a baseline is {"format": "${BASELINE_FORMAT}", "config": {...}, "verdicts": {"claim/model": "holds" | "fails" | "inconclusive", ...}, "evidence": {...}} (write one with --write-baseline)`);
  }
  assertSchema('baseline.schema.json', raw, path);
  const b = raw as Partial<Baseline> & { seed?: number; runs?: number };
  if (b.format === undefined) {
    // the first format: seed, runs and verdicts
    const config = typeof b.seed === 'number' && typeof b.runs === 'number' ? { seed: b.seed, runs: b.runs, claim: null, step: null, experiments: [] } : null;
    return { verdicts: b.verdicts as Record<string, Verdict>, evidence: null, config };
  }
  return { verdicts: b.verdicts as Record<string, Verdict>, evidence: b.evidence as Record<string, Fingerprint>, config: b.config as RunConfig };
}

/** Why a run cannot be compared with a baseline (another seed or number of runs), or null. */
export function configMismatch(baseline: RunConfig, now: RunConfig): string | null {
  const diffs: string[] = [];
  if (baseline.seed !== now.seed) diffs.push(`--seed ${baseline.seed} (this run: ${now.seed})`);
  if (baseline.runs !== now.runs) diffs.push(`--runs ${baseline.runs} (this run: ${now.runs})`);
  if (diffs.length === 0) return null;
  return `the baseline was made with ${diffs.join(' and ')}; verdicts and evidence depend on both, so the runs cannot be compared. Rerun with --seed ${baseline.seed} --runs ${baseline.runs}, or write a new baseline with --write-baseline`;
}

export interface EvidenceChange {
  path: string;
  baseline: number | string | null;
  now: number | string | null;
  /** |now − baseline| / max(|baseline|, |now|) for numbers. */
  relative?: number;
}

export interface BaselineChange {
  key: string;
  verdict?: { baseline: Verdict | 'missing'; now: Verdict | 'missing' };
  evidence: EvidenceChange[];
}

function numberChanged(a: number, b: number, absolute: number): boolean {
  return Math.abs(a - b) > FINGERPRINT_TOLERANCE.relative * Math.max(Math.abs(a), Math.abs(b)) + absolute;
}

/** `sameNode`: the baseline comes from the same Node.js major version (error bounds are compared then). */
export function compareFingerprints(a: Fingerprint, b: Fingerprint, sameNode = true): EvidenceChange[] {
  const out: EvidenceChange[] = [];
  for (const path of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) {
    const bound = isErrorBoundPath(path);
    if (bound && !sameNode) continue;
    const x = a[path];
    const y = b[path];
    if (x === undefined || y === undefined) {
      out.push({ path, baseline: x ?? null, now: y ?? null });
    } else if (typeof x === 'number' && typeof y === 'number') {
      if (numberChanged(x, y, bound ? 0 : FINGERPRINT_TOLERANCE.absolute)) out.push({ path, baseline: x, now: y, relative: Math.abs(y - x) / Math.max(Math.abs(x), Math.abs(y)) });
    } else if (x !== y) out.push({ path, baseline: x, now: y });
  }
  return out;
}

/**
 * Verdict and evidence changes, over the keys both runs have (a run restricted by --claim or
 * --step, or one whose Section 6 records differ from the baseline's, compares only what they share).
 */
export function compareWithBaseline(
  base: { verdicts: Record<string, Verdict>; evidence: Record<string, Fingerprint> | null },
  now: { verdicts: Record<string, Verdict>; evidence: Record<string, Fingerprint> },
  include: (key: string) => boolean,
  sameNode = true,
): BaselineChange[] {
  const keys = [...new Set([...Object.keys(base.verdicts), ...Object.keys(now.verdicts)])].filter(include).sort();
  const out: BaselineChange[] = [];
  for (const key of keys) {
    const bv = base.verdicts[key];
    const nv = now.verdicts[key];
    const change: BaselineChange = { key, evidence: [] };
    if (bv !== nv) change.verdict = { baseline: bv ?? 'missing', now: nv ?? 'missing' };
    if (base.evidence && bv !== undefined && nv !== undefined) change.evidence = compareFingerprints(base.evidence[key] ?? {}, now.evidence[key] ?? {}, sameNode);
    if (change.verdict || change.evidence.length > 0) out.push(change);
  }
  return out;
}

/** One change as lines for the terminal: the verdict, then what moved and by how much. */
export function describeChange(c: BaselineChange, replay: string | undefined, maxLines = 6): string[] {
  const head = c.verdict ? `${c.key}: ${c.verdict.baseline} → ${c.verdict.now}` : `${c.key}: verdict unchanged (${'evidence changed'})`;
  const fmt = (v: number | string | null) => (v === null ? 'absent' : typeof v === 'number' ? v.toPrecision(10) : v);
  const lines = [head];
  for (const e of c.evidence.slice(0, maxLines)) lines.push(`    ${e.path}: ${fmt(e.baseline)} → ${fmt(e.now)}${e.relative !== undefined ? ` (relative change ${e.relative.toExponential(2)})` : ''}`);
  if (c.evidence.length > maxLines) lines.push(`    … and ${c.evidence.length - maxLines} more evidence numbers`);
  if (replay) lines.push(`    replay: ${replay}`);
  return lines;
}
