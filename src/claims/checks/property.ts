/**
 * Runs a property claim (a claims/*.ts file built with propertyClaim) in one model with fast-check and turns the cases into a
 * ClaimResult (src/core/types.ts).
 *
 * Two passes over the same generated cases (same seed ⇒ same cases):
 *  1. statistics: every one of the `runs` cases is evaluated — undefined ones included and counted —
 *     with a predicate that never fails, so nothing stops early;
 *  2. counterexample: if some case fails, fc.check is started at that run (option `path`) with the
 *     failing predicate, and shrinks it. The shrunk case, its fast-check path and the seed replay
 *     exactly: `matmem verify --claim ID --seed S --path P` (replayPropertyCase).
 * A case is classified with the semantics of src/claims/verdict.ts (which also computes the verdict
 * and the statistics from the outcomes), so property claims and the other claims mean the same thing.
 */
import fc from 'fast-check';
import { InputError } from '../../errors.ts';
import type { AnalyticModel as ModelName, ClaimResult, Verdict, WitnessResult } from '../../core/types.ts';
import type { CaseEvaluation } from './property-kit.ts';
import type { AnyPropertyClaim, ClaimKind, PropertyClaim } from './property-types.ts';
import { combineVerdicts, reportedMargin, statistics, verdictFromOutcomes, type CaseOutcome } from '../verdict.ts';
import { defineClaim, type ClaimCheck, type ClaimDefinition } from '../unit.ts';
import { classifyCase, verdictOfCases } from '../../core/verdict.ts';

export type { CaseClass } from '../../core/verdict.ts';
import type { CaseClass } from '../../core/verdict.ts';

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
}

export function replayCommand(id: string, seed: number, rest: string): string {
  return `matmem verify --claim ${id} --seed ${seed} ${rest}`.trim();
}

/** The case at a fast-check path, evaluated in one model (for `matmem verify --claim ID --seed S --path P`). */
export function replayPropertyCase<C>(
  prop: PropertyClaim<C>,
  opts: { seed: number; path: string; model: ModelName },
): { value: C; case: Record<string, unknown>; evaluation: CaseEvaluation; outcome: CaseClass } {
  const value = valueAtPath(prop, opts.seed, opts.path);
  const evaluation = prop.evaluate(opts.model, value);
  return { value, case: prop.describe(value), evaluation, outcome: classifyEvaluation(prop.kind, evaluation) };
}

function valueAtPath<C>(prop: PropertyClaim<C>, seed: number, path: string): C {
  let captured: { v: C } | null = null;
  // A predicate that fails at once makes fast-check stop on the value the path designates.
  try {
    fc.check(
      fc.property(prop.arbitrary, (v) => {
        if (captured === null) captured = { v };
        return false;
      }),
      { seed, path, endOnFailure: true },
    );
  } catch (err) {
    throw new InputError(`--path ${path}: fast-check cannot replay this path for claim ${prop.id} with seed ${seed} (${(err as Error).message}); take the path from a replay command`);
  }
  if (captured === null) throw new InputError(`--path ${path}: no case of claim ${prop.id} at this path with seed ${seed}; take the path from a replay command`);
  return (captured as { v: C }).v;
}

interface Recorded<C> {
  index: number;
  value: C;
  evaluation: CaseEvaluation;
}

/** Runs the claim in one model: verdict, statistics over all cases, shrunk counterexample. */
export function runPropertyClaim<C>(prop: PropertyClaim<C>, opts: PropertyRunOptions): ClaimResult {
  const { model, seed } = opts;
  if (!prop.models.includes(model)) {
    return {
      model,
      verdict: 'inconclusive',
      cases: 0,
      undefinedCases: 0,
      worst: null,
      counterexample: null,
      replay: replayCommand(prop.id, seed, `--runs ${opts.runs}`),
      detail: `Not defined in the ${model} model: ${prop.notDefinedIn?.[model] ?? 'the claim is about quantities this model does not have'}.`,
    };
  }
  const recorded: Recorded<C>[] = [];
  if (opts.path !== undefined) {
    const value = valueAtPath(prop, seed, opts.path);
    recorded.push({ index: 0, value, evaluation: prop.evaluate(model, value) });
  } else {
    let index = 0;
    fc.check(
      fc.property(prop.arbitrary, (value) => {
        recorded.push({ index: index++, value, evaluation: prop.evaluate(model, value) });
        return true;
      }),
      { seed, numRuns: opts.runs },
    );
  }
  const outcomes = recorded.map((r) => toOutcome(prop, r, opts.path));
  const baseReplay = opts.path !== undefined ? replayCommand(prop.id, seed, `--path ${opts.path}`) : replayCommand(prop.id, seed, `--runs ${opts.runs}`);
  const base = verdictFromOutcomes(outcomes, { claimId: prop.id, model, quantity: prop.quantity[model], kind: prop.kind, replay: baseReplay });

  const classes = recorded.map((r) => classifyEvaluation(prop.kind, r.evaluation));
  const firstFail = classes.indexOf('fails');
  let counterexample: Record<string, unknown> | null = null;
  let replay = baseReplay;
  if (firstFail >= 0) {
    const found = shrinkFrom(prop, model, seed, opts.path ?? String(firstFail), (e) => classifyEvaluation(prop.kind, e) === 'fails');
    counterexample = found;
    replay = found.replay as string;
  }

  const witnesses: WitnessResult[] = [];
  let relaxedSentence = '';
  if (prop.kind === 'strict' && prop.relaxed) {
    const relaxedClasses = recorded.map((r) => classifyEvaluation('inequality', r.evaluation));
    const relaxedVerdict = verdictOf(relaxedClasses);
    const relaxedFail = relaxedClasses.indexOf('fails');
    let relaxedCx: Record<string, unknown> | null = null;
    if (relaxedFail >= 0) relaxedCx = shrinkFrom(prop, model, seed, opts.path ?? String(relaxedFail), (e) => classifyEvaluation('inequality', e) === 'fails');
    const ties = recorded.filter((r) => r.evaluation.undefinedReason === undefined && Math.abs(r.evaluation.margin) <= r.evaluation.errorBound).length;
    relaxedSentence = ` Non-strict reading (${prop.relaxed.statement}): ${relaxedVerdict}${relaxedCx ? ` (violated; shrunk counterexample at path ${relaxedCx.counterexamplePath})` : ''}; ties within the error bound: ${ties} of ${recorded.length - base.undefinedCases!}.`;
    witnesses.push({ witness: 'numeric', verdict: base.verdict, detail: `as stated (${prop.statement})` });
    witnesses.push({ witness: 'numeric', verdict: relaxedVerdict, detail: `non-strict reading (${prop.relaxed.statement})${relaxedCx ? `: counterexample ${JSON.stringify(relaxedCx.case)}` : ''}` });
    if (counterexample && relaxedCx) counterexample = { ...counterexample, relaxedCounterexample: relaxedCx };
    else if (!counterexample && relaxedCx) counterexample = { relaxedCounterexample: relaxedCx };
  }

  const worstRecord = worstOf(recorded);
  const worst = base.worst && worstRecord ? { ...base.worst, index: worstRecord.index, caseData: prop.describe(worstRecord.value) } : base.worst;
  const defined = recorded.filter((r) => r.evaluation.undefinedReason === undefined);
  const nearBound = nearBoundCount(defined.map((r) => r.evaluation));
  const errStats = statistics('error bound', defined.map((r) => r.evaluation.errorBound));
  const undefinedReasons = summarizeReasons(recorded);
  const detail =
    `${base.detail}` +
    (base.statistics ? ` ${prop.quantity[model]}: min ${fmt(base.statistics.min)}, median ${fmt(base.statistics.median)}, max ${fmt(base.statistics.max)}` : '') +
    (errStats ? `; error bounds up to ${fmt(errStats.max)}.` : '') +
    (nearBound ? ` Within 1% of the bound: ${nearBound.cases} of ${nearBound.of} cases (smallest margin/bound ${fmt(nearBound.closest)}).` : '') +
    relaxedSentence +
    (undefinedReasons ? ` Undefined: ${undefinedReasons}.` : '') +
    (prop.notes?.[model] ? ` ${prop.notes[model]}` : '');
  return {
    ...base,
    worst,
    counterexample,
    replay,
    detail,
    ...(witnesses.length ? { witnesses } : {}),
    ...(nearBound ? { nearBound } : {}),
  };
}

/** For inequalities (evaluations that name their bound): cases with margin ≤ 1% of the bound, and the closest approach. */
export function nearBoundCount(evals: CaseEvaluation[], within = 0.01): { within: number; cases: number; of: number; closest: number } | undefined {
  const bounded = evals.filter((e) => e.bound !== undefined && e.bound !== 0 && Number.isFinite(e.margin));
  if (bounded.length === 0) return undefined;
  const rel = bounded.map((e) => e.margin / Math.abs(e.bound!));
  return { within, cases: rel.filter((x) => x <= within).length, of: bounded.length, closest: Math.min(...rel) };
}

const verdictOf = verdictOfCases;

function shrinkFrom<C>(prop: PropertyClaim<C>, model: ModelName, seed: number, path: string, failing: (e: CaseEvaluation) => boolean): Record<string, unknown> {
  let last: { value: C; evaluation: CaseEvaluation } | null = null;
  const result = fc.check(
    fc.property(prop.arbitrary, (value) => {
      const evaluation = prop.evaluate(model, value);
      if (failing(evaluation)) {
        last = { value, evaluation };
        return false;
      }
      return true;
    }),
    { seed, path },
  );
  if (!result.failed || result.counterexample === null || result.counterexamplePath === null) {
    throw new Error(`property ${prop.id} (${model}): the failing case at path ${path} did not fail again — evaluation is not deterministic`);
  }
  const value = result.counterexample[0] as C;
  const evaluation = last !== null && (last as { value: C }).value === value ? (last as { evaluation: CaseEvaluation }).evaluation : prop.evaluate(model, value);
  const p = result.counterexamplePath;
  return {
    seed,
    counterexamplePath: p,
    shrinks: result.numShrinks,
    outcome: evaluation.margin < -evaluation.errorBound ? 'violated' : 'equal within the error bound',
    case: prop.describe(value),
    margin: reportedMargin(evaluation, prop.kind),
    errorBound: evaluation.errorBound,
    numbers: evaluation.numbers,
    replay: replayCommand(prop.id, seed, `--path ${p} --model ${model}`),
  };
}

function toOutcome<C>(prop: PropertyClaim<C>, r: Recorded<C>, path?: string): CaseOutcome {
  const e = r.evaluation;
  return {
    label: path !== undefined ? `case at path ${path}` : `case ${r.index}`,
    size: prop.size(r.value),
    data: { case: prop.describe(r.value) },
    value: e.value,
    margin: e.margin,
    errorBound: e.errorBound,
    numbers: e.numbers,
    ...(e.undefinedReason !== undefined ? { undefinedReason: e.undefinedReason } : {}),
  };
}

function worstOf<C>(recorded: Recorded<C>[]): Recorded<C> | null {
  const defined = recorded.filter((r) => r.evaluation.undefinedReason === undefined);
  if (defined.length === 0) return null;
  const score = (r: Recorded<C>) => r.evaluation.margin / (r.evaluation.errorBound || 1);
  return defined.reduce((a, b) => (score(b) < score(a) ? b : a));
}

function summarizeReasons<C>(recorded: Recorded<C>[]): string {
  const counts = new Map<string, number>();
  for (const r of recorded) {
    const reason = r.evaluation.undefinedReason;
    if (reason === undefined) continue;
    const key = reason.split(':')[0];
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([k, n]) => `${n} ${k}`).join(', ');
}

function fmt(x: number): string {
  return Number.isFinite(x) ? x.toPrecision(4) : String(x);
}

/**
 * The check a property claim runs: fast-check in each model it is evaluated in; a model where it has
 * no meaning gets no result.
 */
export interface PropertyCheck extends ClaimCheck {
  /** The property itself, for callers that run it directly (tests, replays). */
  property: AnyPropertyClaim;
}

export function propertyCheck(prop: AnyPropertyClaim): PropertyCheck {
  return {
    property: prop,
    source: 'property runs (fast-check)',
    run: (ctx) =>
      (['paper', 'exact'] as const)
        .filter((model) => prop.notDefinedIn?.[model] === undefined && (ctx.models === undefined || ctx.models.includes(model)))
        .map((model) => runPropertyClaim(prop, { model, runs: ctx.runs, seed: ctx.seed, path: ctx.path })),
  };
}

/** A claim decided by a property (its id, source and statement declared once, in the property), and any further checks. */
export function propertyClaim(prop: AnyPropertyClaim, order: number, more: ClaimCheck[] = []): ClaimDefinition {
  return defineClaim({ id: prop.id, order, source: prop.source, statement: prop.statement, statementTex: prop.statementTex, checks: [propertyCheck(prop), ...more] });
}

/** The properties among a claim's checks. */
export function propertiesOf(claim: ClaimDefinition): AnyPropertyClaim[] {
  return claim.checks.flatMap((c) => ((c as Partial<PropertyCheck>).property ? [(c as PropertyCheck).property] : []));
}

/** A verdict for a list of results (e.g. all models), for callers that want one word. */
export function overallVerdict(results: ClaimResult[]): Verdict {
  return combineVerdicts(results.map((r) => r.verdict));
}
