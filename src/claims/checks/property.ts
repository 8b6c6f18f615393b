/**
 * Runs a property claim (a properties/*.ts file built with propertyClaim) in one model with fast-check
 * and turns its cases into a ClaimResult (src/core/types.ts).
 *
 *  1. cases: fast-check generates the run's cases from the seed (case i is the same whatever range
 *     is asked for: `path` "i" starts the stream there), and each is evaluated under the per-case time
 *     budget (case-budget.ts), labelled for coverage and written into the ledger (property-ledger.ts);
 *     undefined cases are counted, nothing stops early;
 *  2. counterexample: if some case fails, fc.check is started at that case (option `path`) with the
 *     failing predicate, and shrinks it. The shrunk case, its fast-check path and the seed replay
 *     exactly: `matmem verify --claim ID --seed S --path P`;
 *  3. the result is computed from the ledger alone (property-result.ts), so that a run cut into
 *     slices (verify --shard) and joined reports what the uncut run reports.
 * A case is classified with the semantics of src/core/verdict.ts, as every claim.
 */
import fc from 'fast-check';
import type { AnalyticModel as ModelName, ClaimResult, Verdict } from '../../core/types.ts';
import { classifyCase, verdictOfCases } from '../../core/verdict.ts';
import { combineVerdicts } from '../verdict.ts';
import { defineClaim, type ClaimCheck, type ClaimContext, type ClaimDefinition } from '../unit.ts';
import { DEFAULT_CASE_TIMEOUT_SECONDS, evaluateAllWithin, evaluateWithin } from './case-budget.ts';
import { countCase, declareCoverage, emptyCoverageCounts } from './property-coverage.ts';
import type { CaseEvaluation } from './property-kit.ts';
import type { CaseLedger, LedgerCase } from './property-ledger.ts';
import { resultFromLedger, type PropertyMeta } from './property-result.ts';
import { replayCommand, shrinkFrom, valueAtPath } from './property-shrink.ts';
import type { AnyPropertyClaim, ClaimKind, PropertyClaim } from './property-types.ts';

export type { CaseClass } from '../../core/verdict.ts';
import type { CaseClass } from '../../core/verdict.ts';
export { replayCommand } from './property-shrink.ts';

/**
 * The class of one evaluated case (mirrors verdict.ts): a strict inequality fails on a tie, an
 * identity or a non-strict inequality only beyond 1000× the error bound; between the bound and
 * 1000× it a case decides nothing.
 */
export function classifyEvaluation(kind: ClaimKind, e: CaseEvaluation): CaseClass {
  return e.undefinedReason !== undefined ? 'undefined' : classifyCase(kind, e.margin, e.errorBound);
}

export interface PropertyRunOptions {
  model: ModelName;
  runs: number;
  seed: number;
  /** Replay only the case at this fast-check path. */
  path?: string;
  /** The budget of one case, in seconds (default DEFAULT_CASE_TIMEOUT_SECONDS). */
  caseTimeoutSeconds?: number;
}

/** The property's declared words and buckets, as data (what the result and a shard's merge need). */
export function propertyMeta(prop: AnyPropertyClaim): PropertyMeta {
  return {
    id: prop.id,
    statement: prop.statement,
    kind: prop.kind,
    ...(prop.relaxed ? { relaxed: { statement: prop.relaxed.statement } } : {}),
    quantity: { ...prop.quantity },
    ...(prop.notes ? { notes: { ...prop.notes } } : {}),
    coverage: declareCoverage(prop.coverage ?? []),
  };
}

/** The case at a fast-check path, evaluated in one model (for `matmem verify --claim ID --seed S --path P`). */
export function replayPropertyCase<C>(
  prop: PropertyClaim<C>,
  opts: { seed: number; path: string; model: ModelName; caseTimeoutSeconds?: number },
): { value: C; case: Record<string, unknown>; evaluation: CaseEvaluation; outcome: CaseClass } {
  const value = valueAtPath(prop, opts.seed, opts.path);
  const evaluation = evaluateWithin(() => prop.evaluate(opts.model, value), opts.caseTimeoutSeconds ?? DEFAULT_CASE_TIMEOUT_SECONDS);
  return { value, case: prop.describe(value), evaluation, outcome: classifyEvaluation(prop.kind, evaluation) };
}

/** Cases evaluated per vm call of the budget (a batch also ends after half the budget). */
const BATCH = 256;

/**
 * The ledger of cases from..from+count−1 of a run (or of the one case at `path`): each evaluated
 * under the budget, counted for coverage, the range's worst and first failing case kept (and shrunk).
 */
export function propertyLedger<C>(prop: PropertyClaim<C>, opts: PropertyRunOptions & { from: number; count: number; replayed?: { value: C; evaluation: CaseEvaluation } }): CaseLedger {
  const { model, seed } = opts;
  const seconds = opts.caseTimeoutSeconds ?? DEFAULT_CASE_TIMEOUT_SECONDS;
  const n = opts.path !== undefined ? 1 : opts.count;
  const l: CaseLedger = {
    from: opts.path !== undefined ? 0 : opts.from,
    count: n,
    value: new Float64Array(n),
    margin: new Float64Array(n),
    errorBound: new Float64Array(n),
    bound: new Float64Array(n),
    defined: new Uint8Array(n),
    undefinedReasons: {},
    coverage: emptyCoverageCounts(declareCoverage(prop.coverage ?? [])),
    worst: null,
    firstFailure: null,
    firstRelaxedFailure: null,
  };
  let worstValue: { value: C; evaluation: CaseEvaluation; index: number; score: number } | null = null;
  let firstFail = -1;
  let firstRelaxedFail = -1;
  let at = 0;
  const record = (values: C[], given?: CaseEvaluation[]) => {
    const evaluations = given ?? evaluateAllWithin(values, (v) => prop.evaluate(model, v), seconds);
    values.forEach((v, k) => {
      const e = evaluations[k];
      const i = at++;
      l.value[i] = e.value;
      l.margin[i] = e.margin;
      l.errorBound[i] = e.errorBound;
      l.bound[i] = e.bound ?? NaN;
      l.defined[i] = e.undefinedReason === undefined ? 1 : 0;
      if (e.undefinedReason !== undefined) {
        const key = e.undefinedReason.split(':')[0];
        l.undefinedReasons[key] = (l.undefinedReasons[key] ?? 0) + 1;
      } else {
        const score = e.margin / (e.errorBound || 1);
        if (worstValue === null || score < worstValue.score) worstValue = { value: v, evaluation: e, index: l.from + i, score };
        if (firstFail < 0 && classifyEvaluation(prop.kind, e) === 'fails') firstFail = l.from + i;
        if (firstRelaxedFail < 0 && classifyEvaluation('inequality', e) === 'fails') firstRelaxedFail = l.from + i;
      }
      countCase(l.coverage, prop.coverage ?? [], v, e, model);
    });
  };
  if (opts.path !== undefined) {
    if (opts.replayed) record([opts.replayed.value], [opts.replayed.evaluation]);
    else record([valueAtPath(prop, seed, opts.path)]);
  } else if (n > 0) {
    let batch: C[] = [];
    fc.check(
      fc.property(prop.arbitrary, (value) => {
        batch.push(value);
        if (batch.length === BATCH) {
          record(batch);
          batch = [];
        }
        return true;
      }),
      { seed, numRuns: n, ...(opts.from > 0 ? { path: String(opts.from) } : {}) },
    );
    if (batch.length) record(batch);
    if (at !== n) throw new Error(`property ${prop.id}: fast-check generated ${at} cases, ${n} asked for`);
  }
  if (worstValue !== null) {
    const w = worstValue as { value: C; evaluation: CaseEvaluation; index: number; score: number };
    const worst: LedgerCase = { index: w.index, score: w.score, numbers: w.evaluation.numbers, margin: w.evaluation.margin, errorBound: w.evaluation.errorBound, caseData: prop.describe(w.value) };
    l.worst = worst;
  }
  const start = (index: number) => opts.path ?? String(index);
  if (firstFail >= 0) l.firstFailure = { index: firstFail, counterexample: shrinkFrom(prop, model, seed, start(firstFail), (e) => classifyEvaluation(prop.kind, e) === 'fails', seconds) };
  if (prop.kind === 'strict' && prop.relaxed && firstRelaxedFail >= 0) {
    l.firstRelaxedFailure = { index: firstRelaxedFail, counterexample: shrinkFrom(prop, model, seed, start(firstRelaxedFail), (e) => classifyEvaluation('inequality', e) === 'fails', seconds) };
  }
  return l;
}

/** Why a property has no result in a model it is not evaluated in. */
export function notDefinedResult(prop: AnyPropertyClaim, opts: Pick<PropertyRunOptions, "model" | "seed" | "runs">): ClaimResult {
  return {
    model: opts.model,
    // no case is evaluated in this model: the verdict of no cases, by the one rule
    verdict: verdictOfCases([]),
    cases: 0,
    undefinedCases: 0,
    worst: null,
    counterexample: null,
    replay: replayCommand(prop.id, opts.seed, `--runs ${opts.runs}`),
    detail: `Not defined in the ${opts.model} model: ${prop.notDefinedIn?.[opts.model] ?? 'the claim is about quantities this model does not have'}.`,
  };
}

/** Runs the claim in one model: verdict, statistics, coverage over all cases, shrunk counterexample. */
export function runPropertyClaim<C>(prop: PropertyClaim<C>, opts: PropertyRunOptions): ClaimResult {
  if (!prop.models.includes(opts.model)) return notDefinedResult(prop, opts);
  if (opts.path === undefined) return resultFromLedger(propertyMeta(prop), propertyLedger(prop, { ...opts, from: 0, count: opts.runs }), { model: opts.model, seed: opts.seed, runs: opts.runs });
  const r = replayPropertyCase(prop, { seed: opts.seed, path: opts.path, model: opts.model, caseTimeoutSeconds: opts.caseTimeoutSeconds });
  const ledger = propertyLedger(prop, { ...opts, from: 0, count: 1, replayed: { value: r.value, evaluation: r.evaluation } });
  return resultFromLedger(propertyMeta(prop), ledger, {
    model: opts.model,
    seed: opts.seed,
    runs: opts.runs,
    path: opts.path,
    replayedCase: r.case,
    replayedNumbers: r.evaluation.numbers,
    ...(r.evaluation.undefinedReason !== undefined ? { replayedReason: r.evaluation.undefinedReason } : {}),
  });
}

/**
 * The check a property claim runs: fast-check in each model it is evaluated in; a model where it has
 * no meaning gets no result.
 */
export interface PropertyCheck extends ClaimCheck {
  /** The property itself, for callers that run it directly (tests, replays, the slices of a sharded run). */
  property: AnyPropertyClaim;
}

export function propertyCheck(prop: AnyPropertyClaim): PropertyCheck {
  return {
    property: prop,
    source: 'property runs (fast-check)',
    run: (ctx: ClaimContext) =>
      (['paper', 'exact'] as const)
        .filter((model) => prop.notDefinedIn?.[model] === undefined && (ctx.models === undefined || ctx.models.includes(model)))
        .map((model) => runPropertyClaim(prop, { model, runs: ctx.runs, seed: ctx.seed, path: ctx.path, caseTimeoutSeconds: ctx.caseTimeoutSeconds })),
  };
}

/** A claim decided by a property (its id, source and statement declared once, in the property), and any further checks. */
export function propertyClaim(prop: AnyPropertyClaim, order: number, more: ClaimCheck[] = []): ClaimDefinition {
  return defineClaim({ id: prop.id, order, source: prop.source, statement: prop.statement, statementTex: prop.statementTex, checks: [propertyCheck(prop), ...more] });
}

/** Whether a check is a property check (it carries its property). */
export function isPropertyCheck(c: ClaimCheck): c is PropertyCheck {
  return (c as Partial<PropertyCheck>).property !== undefined;
}

/** The properties among a claim's checks. */
export function propertiesOf(claim: ClaimDefinition): AnyPropertyClaim[] {
  return claim.checks.flatMap((c) => (isPropertyCheck(c) ? [c.property] : []));
}

/** For inequalities (evaluations that name their bound): cases with margin ≤ 1% of the bound, and the closest approach. */
export function nearBoundCount(evals: CaseEvaluation[], within = 0.01): { within: number; cases: number; of: number; closest: number } | undefined {
  const bounded = evals.filter((e) => e.bound !== undefined && e.bound !== 0 && Number.isFinite(e.margin));
  if (bounded.length === 0) return undefined;
  const rel = bounded.map((e) => e.margin / Math.abs(e.bound!));
  return { within, cases: rel.filter((x) => x <= within).length, of: bounded.length, closest: rel.reduce((a, b) => Math.min(a, b), Infinity) };
}

/** A verdict for a list of results (e.g. all models), for callers that want one word. */
export function overallVerdict(results: ClaimResult[]): Verdict {
  return combineVerdicts(results.map((r) => r.verdict));
}
