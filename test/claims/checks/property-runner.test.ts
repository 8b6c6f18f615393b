/**
 * The property runner (src/claims/checks/property.ts) on a property whose every case is known
 * beforehand: the cases are integers x drawn by fast-check (fc.sample with the same seed draws the
 * same ones), the claim is "x ≥ 10" (or "x > 10") with an error bound of 1e-3, and multiples of 13 are
 * undefined. So the verdicts, the counts, the shrunk counterexample (fast-check shrinks an integer
 * towards the smallest failing one), the statistics and the near-bound counts are all computed here.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lazy } from '../../helpers/lazy.ts';
import { nearBoundCount, overallVerdict, propertiesOf, propertyCheck, propertyClaim, runPropertyClaim } from '../../../src/claims/checks/property.ts';
import { undefinedEvaluation, type CaseEvaluation } from '../../../src/claims/checks/property-kit.ts';
import type { PropertyClaim } from '../../../src/claims/checks/property-types.ts';
import { classifyCase, combineVerdicts, verdictOfCases, type ClaimKind } from '../../../src/core/verdict.ts';
import { InputError } from '../../../src/errors.ts';

const BOUND = 1e-3;

function atLeastTen(kind: ClaimKind, min: number, max: number, extra: Partial<PropertyClaim<number>> = {}): PropertyClaim<number> {
  return {
    id: 'my.at-least-ten',
    source: 'a test',
    statement: kind === 'strict' ? 'x > 10' : 'x ≥ 10',
    statementTex: 'x \\ge 10',
    kind,
    quantity: { paper: 'x', exact: 'x as well' },
    models: ['paper', 'exact'],
    arbitrary: fc.integer({ min, max }),
    evaluate: (_model, x): CaseEvaluation =>
      x % 13 === 0 ? undefinedEvaluation(`divergent: ${x} is a multiple of 13`, { x }) : { value: x, margin: x - 10, errorBound: BOUND, bound: 10, numbers: { x } },
    describe: (x) => ({ x }),
    size: (x) => x,
    ...extra,
  };
}

const sample = (min: number, max: number, seed: number, runs: number) => fc.sample(fc.integer({ min, max }), { seed, numRuns: runs });
const defined = (xs: number[]) => xs.filter((x) => x % 13 !== 0);
const expectedVerdict = (kind: ClaimKind, xs: number[]) => verdictOfCases(defined(xs).map((x) => classifyCase(kind, x - 10, BOUND)));
const p4 = (x: number) => x.toPrecision(4);
function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

describe('a non-strict inequality', () => {
  const SEED = 11;
  const RUNS = 60;
  const prop = atLeastTen('inequality', 0, 100);
  const xs = sample(0, 100, SEED, RUNS);
  const result = lazy(() => runPropertyClaim(prop, { model: 'paper', runs: RUNS, seed: SEED }));

  it('evaluates every case, counts the undefined ones and decides on the rest', () => {
    const r = result();
    // the sample must contain both kinds of case for the test to mean anything
    expect(xs.some((x) => x < 9 && x % 13 !== 0)).toBe(true);
    expect(xs.some((x) => x % 13 === 0)).toBe(true);
    expect(r.cases).toBe(RUNS);
    expect(r.undefinedCases).toBe(xs.length - defined(xs).length);
    expect(r.verdict).toBe(expectedVerdict('inequality', xs));
  });

  it('states the statistics, the error bounds, the near-bound count and the undefined reasons', () => {
    const r = result();
    const d = defined(xs);
    expect(r.detail).toContain(` x: min ${p4(Math.min(...d))}, median ${p4(median(d))}, max ${p4(Math.max(...d))}; error bounds up to ${p4(BOUND)}.`);
    // near the bound: margin ≤ 1% of the bound 10, i.e. x − 10 ≤ 0.1, i.e. x ≤ 10
    const near = d.filter((x) => x <= 10).length;
    const closest = Math.min(...d.map((x) => (x - 10) / 10));
    expect(r.nearBound).toEqual({ within: 0.01, cases: near, of: d.length, closest });
    expect(r.detail).toContain(` Within 1% of the bound: ${near} of ${d.length} cases (smallest margin/bound ${p4(closest)}).`);
    expect(r.detail).toContain(` Undefined: ${xs.length - d.length} divergent.`);
  });

  it('shrinks the first failing case to the smallest failing x and replays it', () => {
    const r = result();
    const cx = r.counterexample as { seed: number; counterexamplePath: string; shrinks: number; outcome: string; case: { x: number }; margin: number; errorBound: number; numbers: { x: number }; replay: string };
    // failing: x − 10 < −1000·1e-3, i.e. x ≤ 8, and not a multiple of 13; the smallest is 1
    expect(cx.case).toEqual({ x: 1 });
    expect(cx.numbers).toEqual({ x: 1 });
    expect(cx.outcome).toBe('violated');
    expect(cx.margin).toBeCloseTo(-9 + BOUND, 15);
    expect(cx.errorBound).toBe(BOUND);
    expect(cx.seed).toBe(SEED);
    expect(cx.shrinks).toBeGreaterThan(0);
    expect(cx.replay).toBe(`matmem verify --claim my.at-least-ten --seed ${SEED} --path ${cx.counterexamplePath} --model paper`);
    expect(r.replay).toBe(cx.replay);
    // the path replays that one case
    const one = runPropertyClaim(prop, { model: 'paper', runs: RUNS, seed: SEED, path: cx.counterexamplePath });
    expect(one.cases).toBe(1);
    expect(one.worst).toMatchObject({ case: `case at path ${cx.counterexamplePath}`, x: 1, caseData: { x: 1 }, index: 0 });
    expect(one.verdict).toBe(expectedVerdict('inequality', [1]));
  });

  it('the worst case is the smallest margin in units of its bound, with its index and its case', () => {
    const r = result();
    const d = defined(xs);
    const worstX = Math.min(...d);
    expect(r.worst).toMatchObject({ x: worstX, index: xs.indexOf(worstX), caseData: { x: worstX } });
  });

  it('a model that has no notes adds none; notes are appended', () => {
    const noted = runPropertyClaim(atLeastTen('inequality', 20, 30, { notes: { exact: 'A fact of the exact model.' } }), { model: 'exact', runs: 5, seed: 1 });
    expect(noted.detail.endsWith(' A fact of the exact model.')).toBe(true);
    expect(noted.verdict).toBe(expectedVerdict('inequality', sample(20, 30, 1, 5)));
    expect(noted.counterexample).toBeNull();
    expect(noted.replay).toBe('matmem verify --claim my.at-least-ten --seed 1 --runs 5');
  });
});

describe('a strict inequality and its non-strict reading', () => {
  it('ties fail the strict reading only; the report gives both readings as witnesses', () => {
    const xs = sample(10, 12, 3, 20);
    const ties = defined(xs).filter((x) => x === 10).length;
    expect(ties).toBeGreaterThan(0);
    const prop = atLeastTen('strict', 10, 12, { relaxed: { statement: 'x ≥ 10' } });
    const r = runPropertyClaim(prop, { model: 'paper', runs: 20, seed: 3 });
    const strict = expectedVerdict('strict', xs);
    const relaxed = expectedVerdict('inequality', xs);
    expect(strict).not.toBe(relaxed);
    expect(r.verdict).toBe(strict);
    expect(r.witnesses).toEqual([
      { witness: 'numeric', verdict: strict, detail: 'as stated (x > 10)' },
      { witness: 'numeric', verdict: relaxed, detail: 'non-strict reading (x ≥ 10)' },
    ]);
    expect(r.detail).toContain(` Non-strict reading (x ≥ 10): ${relaxed}; ties within the error bound: ${ties} of ${defined(xs).length}.`);
    const cx = r.counterexample as { case: { x: number }; outcome: string; margin: number; relaxedCounterexample?: unknown };
    expect(cx.case).toEqual({ x: 10 });
    expect(cx.outcome).toBe('equal within the error bound');
    // a strict claim's reported margin is the gap minus the bound: 0 − 1e-3
    expect(cx.margin).toBe(-BOUND);
    expect(cx.relaxedCounterexample).toBeUndefined();
  });

  it('when the non-strict reading fails too, both counterexamples are reported', () => {
    const xs = sample(0, 20, 5, 40);
    expect(defined(xs).some((x) => x <= 8)).toBe(true);
    const r = runPropertyClaim(atLeastTen('strict', 0, 20, { relaxed: { statement: 'x ≥ 10' } }), { model: 'exact', runs: 40, seed: 5 });
    expect(r.witnesses!.map((w) => w.verdict)).toEqual([expectedVerdict('strict', xs), expectedVerdict('inequality', xs)]);
    const cx = r.counterexample as { case: { x: number }; relaxedCounterexample: { case: { x: number }; counterexamplePath: string; outcome: string } };
    // the strict reading fails first at the smallest x that is not > 10 + bound and not undefined: 1
    expect(cx.case).toEqual({ x: 1 });
    expect(cx.relaxedCounterexample.case).toEqual({ x: 1 });
    expect(cx.relaxedCounterexample.outcome).toBe('violated');
    expect(r.detail).toContain(`(violated; shrunk counterexample at path ${cx.relaxedCounterexample.counterexamplePath})`);
    expect(r.witnesses![1].detail).toBe('non-strict reading (x ≥ 10): counterexample {"x":1}');
  });
});

describe('errors', () => {
  it('a path fast-check cannot replay is bad input, named in the message', () => {
    const prop = atLeastTen('inequality', 0, 100);
    expect(() => runPropertyClaim(prop, { model: 'paper', runs: 10, seed: 1, path: 'not-a-path' })).toThrow(InputError);
    expect(() => runPropertyClaim(prop, { model: 'paper', runs: 10, seed: 1, path: 'not-a-path' })).toThrow(/^--path not-a-path: .*claim my\.at-least-ten with seed 1/);
  });

  it('a failing case that does not fail again means the evaluation is not deterministic', () => {
    let calls = 0;
    // fails on its first evaluation only
    const flaky = atLeastTen('inequality', 20, 30, { evaluate: () => ({ value: 0, margin: calls++ === 0 ? -100 : 1, errorBound: BOUND, numbers: {} }) });
    expect(() => runPropertyClaim(flaky, { model: 'paper', runs: 5, seed: 1 })).toThrow(/property my\.at-least-ten \(paper\): the failing case at path 0 did not fail again/);
  });

  it('a model the claim does not speak about gets an inconclusive result with the reason', () => {
    const prop = atLeastTen('inequality', 0, 100, { models: ['paper'], notDefinedIn: { exact: 'x has no exact meaning' } });
    const r = runPropertyClaim(prop, { model: 'exact', runs: 7, seed: 2 });
    expect(r.verdict).toBe(combineVerdicts([]));
    expect(r.cases).toBe(0);
    expect(r.detail).toBe('Not defined in the exact model: x has no exact meaning.');
    expect(r.replay).toBe('matmem verify --claim my.at-least-ten --seed 2 --runs 7');
    const bare = runPropertyClaim(atLeastTen('inequality', 0, 100, { models: ['paper'] }), { model: 'exact', runs: 7, seed: 2 });
    expect(bare.detail).toBe('Not defined in the exact model: the claim is about quantities this model does not have.');
  });
});

describe('nearBoundCount', () => {
  const e = (margin: number, bound?: number): CaseEvaluation => ({ value: 0, margin, errorBound: 0, numbers: {}, ...(bound === undefined ? {} : { bound }) });

  it('counts margins within 1% of |bound|, over the evaluations that name a non-zero bound and a finite margin', () => {
    const r = nearBoundCount([e(0.5, 100), e(1, 100), e(1.5, 100), e(-2, -100), e(0, 0), e(5), e(NaN, 100), e(Infinity, 100)]);
    // 0.5/100 and 1/100 ≤ 0.01, 1.5/100 is not, −2/|−100| is; three bounded finite ones plus the negative bound
    expect(r).toEqual({ within: 0.01, cases: 3, of: 4, closest: -0.02 });
    expect(nearBoundCount([e(1), e(2, 0)])).toBeUndefined();
    expect(nearBoundCount([e(3, 100)], 0.05)).toEqual({ within: 0.05, cases: 1, of: 1, closest: 0.03 });
  });
});

describe('claims built from properties', () => {
  const prop = atLeastTen('inequality', 20, 30, { models: ['paper'], notDefinedIn: { exact: 'no exact meaning' } });
  const extra = { source: 'another check', run: () => [] };
  const claim = propertyClaim(prop, 42, [extra]);

  it('take their id, place and statement from the property', () => {
    expect(claim).toMatchObject({ kind: 'claim', id: 'my.at-least-ten', order: 42, source: 'a test', statement: 'x ≥ 10', statementTex: 'x \\ge 10' });
    expect(claim.checks).toHaveLength(2);
    expect(claim.checks[1]).toBe(extra);
    expect(claim.checks[0].source).toBe('property runs (fast-check)');
    expect(propertiesOf(claim)).toEqual([prop]);
    expect(propertiesOf({ ...claim, checks: [extra] })).toEqual([]);
  });

  it('run the property in each model it is defined in, and only the models asked for', () => {
    const check = propertyCheck(atLeastTen('inequality', 20, 30));
    const ctx = { seed: 4, runs: 6, experiments: [] };
    expect(check.run(ctx, claim).map((r) => r.model)).toEqual(['paper', 'exact']);
    expect(check.run({ ...ctx, models: ['exact'] }, claim).map((r) => r.model)).toEqual(['exact']);
    expect(claim.checks[0].run(ctx, claim).map((r) => r.model)).toEqual(['paper']);
    const [paper] = check.run(ctx, claim);
    expect(paper.cases).toBe(6);
    // a path in the context replays one case
    const cx = runPropertyClaim(atLeastTen('inequality', 0, 100), { model: 'paper', runs: 60, seed: 11 }).counterexample as { counterexamplePath: string };
    expect(propertyCheck(atLeastTen('inequality', 0, 100)).run({ ...ctx, seed: 11, path: cx.counterexamplePath }, claim)[0].cases).toBe(1);
  });

  it('overallVerdict combines the models\' verdicts', () => {
    const fails = runPropertyClaim(atLeastTen('inequality', 0, 100), { model: 'paper', runs: 60, seed: 11 });
    const holds = runPropertyClaim(atLeastTen('inequality', 20, 30), { model: 'paper', runs: 5, seed: 1 });
    expect(overallVerdict([holds, fails])).toBe(combineVerdicts([expectedVerdict('inequality', sample(20, 30, 1, 5)), expectedVerdict('inequality', sample(0, 100, 11, 60))]));
    expect(overallVerdict([holds])).toBe(expectedVerdict('inequality', sample(20, 30, 1, 5)));
  });
});
