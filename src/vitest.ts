/**
 * matmem/vitest: put the paper's claims, and your own, into a vitest suite.
 *
 *   import { expect } from 'vitest';
 *   import { test, arbitraries } from 'matmem/vitest';   // registers the matchers
 *   expect(myStep).toHold();                 // a ProofStep, a Derivation, or anything with a verdict
 *   expect(myClaim).toHoldIn('exact');       // a claim (defineClaim) in one model
 *   test.prop([arbitraries.normalConvergentCases()])('…', (g) => { … });
 *
 * The matchers run matmem's own checkers (the step checker, the claim runner) with a fixed seed, so a
 * failure names the verdict, its detail and the command that replays it.
 */
import { expect } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import type { ModelName, Verdict } from './core/types.ts';
import { combineVerdicts } from './core/verdict.ts';
import { runClaim } from './claims/registry.ts';
import { claimFile, isClaimDefinition, type ClaimDefinition } from './claims/unit.ts';
import { PACKAGE_ROOT } from './core/version.ts';
import { dirname, isAbsolute, relative } from 'node:path';
import { checkDerivation, checkStep } from './proof/check.ts';
import { isDerivation, type ProofStep } from './proof/types.ts';

export { fc, test };
export * as arbitraries from './arbitraries/index.ts';

export interface MatcherOptions {
  /** Seed of the random points and cases (default 1). */
  seed?: number;
  /** Random cases per claim and model, scaling the witnesses' points (default 200, as verify). */
  runs?: number;
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

export const matchers = {
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
