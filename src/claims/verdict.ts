/**
 * Turning per-case numbers into a verdict, honestly: a gap below the computation's error bound
 * cannot decide anything. For an identity, every case within its bound ⇒ holds; some case far
 * beyond (1000× its bound) ⇒ fails; otherwise inconclusive. For an inequality a ≤ b (or a < b),
 * a violation must exceed the bound to count, and a strict inequality is only confirmed when the
 * gap exceeds the bound in every case.
 */
import type { ClaimResult, ModelName, QuantityStatistics, Verdict } from '../core/types.ts';
import { classifyCase, reportedMargin, verdictOfCases, type ClaimKind } from '../core/verdict.ts';

export { combineVerdicts, reportedMargin } from '../core/verdict.ts';

export interface CaseOutcome {
  /** What the case is, for the report (family, index, N). */
  label: string;
  /** Size of the case, for picking the smallest counterexample. */
  size: number;
  /** The case itself (matrices as arrays) for a counterexample. */
  data: Record<string, unknown>;
  /** The quantity reported in the statistics (e.g. a relative gap or J_tot,rel). */
  value: number;
  /** Signed margin of the claim: ≥ 0 means the claim holds for this case (for an identity, −|gap|). */
  margin: number;
  /** Error bound on the margin (rounding, residuals, conditioning); |margin| below it decides nothing. */
  errorBound: number;
  /** Numbers that show what happened. */
  numbers: Record<string, number>;
  /** Set when the model is undefined for this case (divergent, ill-conditioned). */
  undefinedReason?: string;
}

export interface VerdictOptions {
  claimId: string;
  model: ModelName;
  quantity: string;
  /** 'identity': margin = −|gap|; 'inequality': margin = b − a; 'strict': margin = b − a must be > bound. */
  kind: ClaimKind;
  replay: string;
}

export function verdictFromOutcomes(outcomes: CaseOutcome[], opts: VerdictOptions): ClaimResult {
  const defined = outcomes.filter((o) => o.undefinedReason === undefined);
  const undefinedCases = outcomes.length - defined.length;
  const classes = defined.map((o) => classifyCase(opts.kind, o.margin, o.errorBound));
  const failing = defined.filter((_, i) => classes[i] === 'fails');
  const undecided = defined.filter((_, i) => classes[i] === 'undecided');
  const verdict: Verdict = verdictOfCases(classes);
  const worst = defined.length > 0 ? defined.reduce((a, b) => (b.margin / (b.errorBound || 1) < a.margin / (a.errorBound || 1) ? b : a)) : null;
  const smallestFailing = failing.length > 0 ? failing.reduce((a, b) => (b.size < a.size || (b.size === a.size && b.margin > a.margin) ? b : a)) : null;
  const detail = describe(opts, defined, failing, undecided, undefinedCases);
  return {
    model: opts.model,
    verdict,
    cases: outcomes.length,
    undefinedCases,
    worst: worst ? { case: worst.label, ...worst.numbers, margin: reportedMargin(worst, opts.kind), errorBound: worst.errorBound } : null,
    counterexample: smallestFailing ? { case: smallestFailing.label, ...smallestFailing.data, numbers: smallestFailing.numbers } : null,
    replay: opts.replay,
    detail,
    statistics: statistics(opts.quantity, defined.map((o) => o.value)),
    ...(defined.length ? { errorBounds: statistics('error bound of the margin', defined.map((o) => o.errorBound)) } : {}),
  };
}

function describe(opts: VerdictOptions, defined: CaseOutcome[], failing: CaseOutcome[], undecided: CaseOutcome[], undefinedCases: number): string {
  const n = defined.length;
  const parts: string[] = [];
  if (opts.kind === 'identity') {
    const maxGap = Math.max(0, ...defined.map((o) => -o.margin));
    parts.push(failing.length === 0 ? `both sides agree in all ${n} cases (largest gap ${fmt(maxGap)}, within each case's error bound)` : `the two sides differ in ${failing.length} of ${n} cases (largest gap ${fmt(maxGap)}, far beyond the error bound)`);
  } else if (opts.kind === 'strict') {
    const ties = defined.filter((o) => Math.abs(o.margin) <= o.errorBound).length;
    if (ties > 0) parts.push(`equal within the error bound in ${ties} of ${n} cases, so the strict inequality as stated is not confirmed there`);
    const viol = defined.filter((o) => o.margin < -o.errorBound).length;
    if (viol > 0) parts.push(`violated in ${viol} of ${n} cases`);
    if (ties === 0 && viol === 0) parts.push(`strictly satisfied in all ${n} cases (smallest margin ${fmt(Math.min(...defined.map((o) => o.margin)))})`);
  } else {
    parts.push(failing.length === 0 ? `satisfied in all ${n} cases (smallest margin ${fmt(Math.min(...defined.map((o) => o.margin)))})` : `violated in ${failing.length} of ${n} cases`);
  }
  if (undecided.length > 0 && opts.kind !== 'strict') parts.push(`${undecided.length} cases undecided (gap between the error bound and 1000× it)`);
  if (undefinedCases > 0) parts.push(`model undefined in ${undefinedCases} cases (counted, not used)`);
  return parts.join('; ') + '.';
}

export function statistics(quantity: string, values: number[]): QuantityStatistics | undefined {
  if (values.length === 0) return undefined;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  const median = s.length % 2 ? s[mid] : 0.5 * (s[mid - 1] + s[mid]);
  return { quantity, min: s[0], median, max: s[s.length - 1] };
}

function fmt(x: number): string {
  return Number.isFinite(x) ? x.toExponential(2) : String(x);
}
