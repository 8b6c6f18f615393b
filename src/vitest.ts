/**
 * matmem/vitest: put the paper's claims, and your own, into a vitest suite.
 *
 *   import { expect } from 'vitest';
 *   import { test, arbitraries } from 'matmem/vitest';   // registers the matchers
 *   expect(myStep).toHold();                 // a ProofStep, a Derivation, or anything with a verdict
 *   expect(myClaim).toHoldIn('exact');       // a claim (defineClaim) in one model
 *   test.prop([arbitraries.normalConvergentCases()])('…', (g) => { … });
 *   expect(myProperty).toHoldIn('exact', { runs: 1000 });   // a property (PropertyClaim) of your own
 *   expect(myProperty).toCoverItsBuckets();                  // every bucket its statement covers was reached
 *   console.log(runProperty(myProperty).story);              // counts, coverage, counterexample, replay
 *
 * The matchers run matmem's own checkers (the step checker, the claim runner) with a fixed seed, so a
 * failure names the verdict, its detail and the command that replays it.
 */
import { expect } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import type { AnalyticModel, ClaimResult, ModelName, Verdict } from './core/types.ts';
import { runPropertyClaim } from './claims/checks/property.ts';
import { emptyRequiredBuckets } from './claims/checks/property-coverage.ts';
import type { PropertyClaim } from './claims/checks/property-types.ts';
import { propertyStory } from './report/property-story.ts';
import { combineVerdicts } from './core/verdict.ts';
import { runClaim } from './claims/registry.ts';
import { claimFile, isClaimDefinition, type ClaimDefinition } from './claims/unit.ts';
import { PACKAGE_ROOT } from './core/version.ts';
import { dirname, isAbsolute, relative } from 'node:path';
import { checkDerivation, checkStep } from './proof/check.ts';
import { isDerivation, type ProofStep } from './proof/types.ts';

export { fc, test };
export type { PropertyClaim, ClaimResult };
export * as arbitraries from './arbitraries/index.ts';

export interface MatcherOptions {
  /** Seed of the random points and cases (default 1). */
  seed?: number;
  /** Random cases per claim and model, scaling the witnesses' points (default 200, as verify). */
  runs?: number;
  /** A property: replay only the case at this fast-check path (from a counterexample's replay). */
  path?: string;
}

/** A property of your own run as `matmem verify --claim` runs one: its results per model, and their story (counts, coverage, counterexample, replay). */
export function runProperty<C>(prop: PropertyClaim<C>, opts: MatcherOptions & { model?: AnalyticModel } = {}): { results: ClaimResult[]; story: string } {
  const models = prop.models.filter((m) => (opts.model === undefined || m === opts.model) && prop.notDefinedIn?.[m] === undefined);
  const results = models.map((model) => runPropertyClaim(prop, { model, seed: opts.seed ?? 1, runs: opts.runs ?? 200, path: opts.path }));
  return { results, story: propertyStory({ claims: [{ id: prop.id, source: prop.source, statement: prop.statement, results }] }).trim() };
}

/** Whether x is a property (what propertyClaim takes): an arbitrary, an evaluation and a case description. */
export function isPropertyClaim(x: unknown): x is PropertyClaim<unknown> {
  const p = x as Partial<PropertyClaim<unknown>> | null;
  return typeof p === 'object' && p !== null && typeof p.id === 'string' && typeof p.evaluate === 'function' && typeof p.describe === 'function' && p.arbitrary !== undefined && Array.isArray(p.models);
}

interface Judged {
  verdict: Verdict;
  /** What decided it, for the failure message. */
  detail: string;
  replay?: string;
}

function isProofStep(x: unknown): x is ProofStep {
  return typeof x === 'object' && x !== null && Array.isArray((x as ProofStep).witnesses) && typeof (x as ProofStep).from === 'string';
}

/** The verdict of a step, derivation, claim (all its models, or one) or anything carrying a verdict. */
export function judge(x: unknown, opts: MatcherOptions = {}, model?: ModelName): Judged {
  const o = { seed: opts.seed ?? 1, runs: opts.runs ?? 200 };
  if (isClaimDefinition(x)) return judgeClaim(x, o, model);
  if (isPropertyClaim(x)) {
    if (model === 'experiment') throw new TypeError('a property is decided in the paper and exact models');
    const { results, story } = runProperty(x, { ...opts, model });
    if (results.length === 0) return { verdict: combineVerdicts([]), detail: `property ${x.id} has no result in ${model ? `the ${model} model` : 'any model'}` };
    const verdict = combineVerdicts(results.map((r) => r.verdict));
    const deciding = results.find((r) => r.verdict === verdict) ?? results[0];
    const cx = deciding.counterexample as { counterexamplePath?: string; replay?: string } | null;
    const here = cx?.counterexamplePath ? `\nreplay here: expect(property).${verdict === 'fails' ? 'toFailIn' : 'toHoldIn'}('${deciding.model}', { seed: ${o.seed}, path: '${cx.counterexamplePath}' })` : '';
    return { verdict, detail: `${story}${here}`, replay: `${deciding.replay} (with --load and the folder of a claim file built by propertyClaim)` };
  }
  if (model !== undefined) throw new TypeError('toHoldIn / toFailIn take a claim (defineClaim)');
  if (isDerivation(x)) {
    const r = checkDerivation(x, o);
    const verdict = combineVerdicts(r.steps.map((s) => s.verdict));
    const bad = r.steps.filter((s) => s.verdict !== 'holds');
    return { verdict, detail: bad.map((s) => `step ${s.index} ${s.verdict}: ${s.detail}`).join('\n') || `all ${r.steps.length} steps hold` };
  }
  if (isProofStep(x)) {
    const r = checkStep(x, 1, 'step', o);
    return { verdict: r.verdict, detail: `${r.detail}${r.counterexample ? `\ncounterexample: ${JSON.stringify(r.counterexample).slice(0, 400)}` : ''}` };
  }
  if (typeof x === 'object' && x !== null && typeof (x as { verdict?: unknown }).verdict === 'string') {
    const r = x as { verdict: Verdict; detail?: string; replay?: string };
    return { verdict: r.verdict, detail: r.detail ?? '', replay: r.replay };
  }
  throw new TypeError('expected a claim (defineClaim), a derivation (defineDerivation), a proof step, or a result with a verdict');
}

function judgeClaim(claim: ClaimDefinition, o: { seed: number; runs: number }, model?: ModelName): Judged {
  const report = runClaim(claim, { ...o, experiments: [] });
  const results = model === undefined ? report.results : report.results.filter((r) => r.model === model);
  if (results.length === 0) {
    // no result in that model: no evidence, which the one rule makes inconclusive
    return { verdict: combineVerdicts([]), detail: `claim ${claim.id} has no result in ${model ? `the ${model} model` : 'any model'} (its checks cover: ${report.results.map((r) => r.model).join(', ') || 'none'})` };
  }
  const verdict = combineVerdicts(results.map((r) => r.verdict));
  const deciding = results.find((r) => r.verdict === verdict) ?? results[0];
  return { verdict, detail: results.map((r) => `${r.model}: ${r.verdict} — ${r.detail}`).join('\n'), replay: withLoad(deciding.replay, claim) };
}

/**
 * A replay of one of your own claims needs the folder it lives in (verify --load DIR): the command
 * names it, relative to where the tests run, unless the claim is one of matmem's.
 */
function withLoad(replay: string, claim: ClaimDefinition): string {
  const file = claimFile(claim);
  if (!file || !replay.startsWith('matmem verify') || !isAbsolute(file) || !relative(PACKAGE_ROOT, file).startsWith('..')) return replay;
  const dir = relative(process.cwd(), dirname(file)) || '.';
  return `${replay} --load ${/^[\w./@+-]+$/.test(dir) ? dir : JSON.stringify(dir)}`;
}

function verdictMatcher(wanted: Verdict, received: unknown, opts: MatcherOptions | undefined, model: ModelName | undefined, isNot: boolean) {
  const j = judge(received, opts, model);
  const where = model ? ` in the ${model} model` : '';
  return {
    pass: j.verdict === wanted,
    message: () =>
      `expected the verdict${where} ${isNot ? 'not ' : ''}to be "${wanted}", got "${j.verdict}"\n${j.detail}${j.replay ? `\nreplay: ${j.replay}` : ''}`,
    actual: j.verdict,
    expected: wanted,
  };
}

/** Every bucket a property's statement covers was reached by its cases (in every model it is evaluated in). */
function coverageMatcher(received: unknown, opts: MatcherOptions | undefined, isNot: boolean) {
  if (!isPropertyClaim(received)) throw new TypeError('toCoverItsBuckets takes a property (the object propertyClaim takes)');
  const { results, story } = runProperty(received, opts);
  const empty = results.flatMap((r) => emptyRequiredBuckets(r.coverage ?? []).map((b) => `${r.model}: ${b}`));
  return {
    pass: empty.length === 0,
    message: () => (isNot ? `expected some bucket of ${received.id} to stay empty; every one was reached\n${story}` : `${empty.length} bucket(s) the statement covers were not reached: ${empty.join('; ')}\n${story}`),
  };
}

export const matchers = {
  /** A property's cases reached every bucket of its coverage that its statement covers. */
  toCoverItsBuckets(this: { isNot: boolean }, received: unknown, opts?: MatcherOptions) {
    return coverageMatcher(received, opts, this.isNot);
  },
  /** The step, derivation or claim holds (every model of a claim). */
  toHold(this: { isNot: boolean }, received: unknown, opts?: MatcherOptions) {
    return verdictMatcher('holds', received, opts, undefined, this.isNot);
  },
  /** A claim holds in this model. */
  toHoldIn(this: { isNot: boolean }, received: unknown, model: ModelName, opts?: MatcherOptions) {
    return verdictMatcher('holds', received, opts, model, this.isNot);
  },
  /** It fails, with a counterexample (inconclusive is neither). */
  toFail(this: { isNot: boolean }, received: unknown, opts?: MatcherOptions) {
    return verdictMatcher('fails', received, opts, undefined, this.isNot);
  },
  /** A claim fails in this model. */
  toFailIn(this: { isNot: boolean }, received: unknown, model: ModelName, opts?: MatcherOptions) {
    return verdictMatcher('fails', received, opts, model, this.isNot);
  },
};

expect.extend(matchers);

interface MatmemMatchers<R = unknown> {
  toCoverItsBuckets(opts?: MatcherOptions): R;
  toHold(opts?: MatcherOptions): R;
  toHoldIn(model: ModelName, opts?: MatcherOptions): R;
  toFail(opts?: MatcherOptions): R;
  toFailIn(model: ModelName, opts?: MatcherOptions): R;
}

declare module 'vitest' {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any, @typescript-eslint/no-empty-object-type
  interface Assertion<T = any> extends MatmemMatchers<T> {}
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AsymmetricMatchersContaining extends MatmemMatchers {}
}
