/**
 * The identity check (src/claims/checks/identity.ts) with sides this test chooses, so that every gap,
 * every worst pair and every verdict is known beforehand: the cases come from the case families
 * (drawn again here from the seed), the verdicts from the project's one rule at the documented
 * 1e-9 relative bound, the simulation witness from the Monte Carlo evidence computed here.
 */
import { describe, expect, it } from 'vitest';
import { lazy } from '../../helpers/lazy.ts';
import { identityCheck, type IdentitySpec, type SidePair } from '../../../src/claims/checks/identity.ts';
import { caseFamily } from '../../../src/cases/families.ts';
import { simulationEvidence, simulationWitness } from '../../../src/claims/simulation-witness.ts';
import { agreedVerdict, classifyCase, verdictOfCases } from '../../../src/core/verdict.ts';
import { ModelUndefinedError } from '../../../src/errors.ts';
import type { MatrixCase } from '../../../src/models/case.ts';
import type { ClaimResult } from '../../../src/core/types.ts';
import { verdictOfGaps } from '../../helpers/expected-verdicts.ts';

const claim = { id: 'my.identity', source: 'x', statement: 'x' };
const BOUND = 1e-9; // the check's documented relative bound (IDENTITY_RTOL)
const runWith = (spec: IdentitySpec, seed: number, runs: number, models?: ('paper' | 'exact')[]): ClaimResult[] =>
  identityCheck(spec).run({ seed, runs, experiments: [], ...(models ? { models } : {}) }, claim);
const expectedVerdict = (gaps: number[]) => verdictOfCases(gaps.map((g) => classifyCase('identity', -g, BOUND)));
const u00 = (c: MatrixCase) => c.U.get(0, 0);

describe('cases and sides', () => {
  // runs 5 over two families: ⌈5/2⌉ = 3 cases each
  const spec: IdentitySpec = {
    families: ['scalar', 'normal-real'],
    models: {
      paper: (c) => [{ a: u00(c), b: u00(c), what: 'u00' }],
      // two pairs with one gap of 1e-3, the second one worst
      exact: (c) => [{ a: 1, b: 1, what: 'equal' }, { a: 1 + Math.abs(u00(c)), b: 1 + Math.abs(u00(c)) + 1e-3, what: 'shifted' }],
    },
  };
  const results = lazy(() => runWith(spec, 2, 5));
  const drawn = [...caseFamily('scalar', 3, 2), ...caseFamily('normal-real', 3, 2)];

  it('draws ⌈runs / families⌉ cases of each family and evaluates every model of the spec', () => {
    const [paper, exact] = results();
    expect([paper.model, exact.model]).toEqual(['paper', 'exact']);
    expect(paper.cases).toBe(6);
    expect(runWith(spec, 2, 1)[0].cases).toBe(2);
    expect(paper.undefinedCases).toBe(0);
  });

  it('an identity satisfied exactly holds; a gap of 1e-3 fails', () => {
    const [paper, exact] = results();
    expect(paper.verdict).toBe(expectedVerdict(drawn.map(() => 0)));
    const gaps = drawn.map((nc) => 1e-3 / (1 + Math.abs(u00(nc.case)) + 1e-3));
    expect(exact.verdict).toBe(expectedVerdict(gaps));
    // the worst case has the largest relative gap: the smallest |U₀₀|
    const i = gaps.indexOf(Math.max(...gaps));
    const nc = drawn[i];
    expect(exact.worst!.case).toBe(`${nc.family} #${nc.index} (N = ${nc.case.U.rows}), worst at shifted`);
    expect(exact.worst!.left).toBe(1 + Math.abs(u00(nc.case)));
    expect(exact.worst!.relativeGap).toBeCloseTo(gaps[i], 15);
    // the report's margin is the bound minus the gap
    expect(exact.worst!.margin).toBeCloseTo(BOUND - gaps[i], 15);
    expect(exact.errorBounds).toMatchObject({ min: BOUND, max: BOUND });
    expect(exact.statistics!.max).toBeCloseTo(Math.max(...gaps), 15);
    expect(exact.replay).toBe('matmem verify --claim my.identity --seed 2 --runs 5');
  });

  it('the counterexample is the smallest failing case, with its matrices', () => {
    const [, exact] = results();
    const cx = exact.counterexample as { case: string; U: number[][]; e1: number; numbers: { left: number; right: number } };
    // sizes are N·1000 + index: scalar #0 and normal-real #0 (N = 1) tie at 1000; the larger margin (smaller gap) is kept
    const firsts = [drawn[0], drawn[3]];
    const pick = Math.abs(u00(firsts[0].case)) >= Math.abs(u00(firsts[1].case)) ? firsts[0] : firsts[1];
    expect(cx.case).toMatch(new RegExp(`^${pick.family} #0 \\(N = 1\\)`));
    expect(cx.U).toEqual(pick.case.U.to2DArray());
    expect(cx.e1).toBe(pick.case.e1);
    expect(cx.numbers.right - cx.numbers.left).toBeCloseTo(1e-3, 12);
  });
});

describe('the worst pair of a case', () => {
  const one = (pairs: SidePair[]) => runWith({ families: ['scalar'], models: { paper: () => pairs } }, 1, 1)[0];

  it('the last of equal gaps is reported, and a pair may bring its own relative gap', () => {
    expect(one([{ a: 1, b: 1, what: 'first' }, { a: 2, b: 2, what: 'second' }]).worst!.case).toMatch(/worst at second$/);
    const r = one([{ a: 5, b: 7, what: 'precomputed', relGap: 2e-10 }, { a: 3, b: 3, what: 'plain' }]);
    expect(r.worst!.case).toMatch(/worst at precomputed$/);
    expect(r.worst!.relativeGap).toBe(2e-10);
    expect(r.verdict).toBe(expectedVerdict([2e-10]));
  });

  it('the gap is relative to the larger side in absolute value; zero sides give zero', () => {
    // |−2 − (−1)| / max(2, 1) = 0.5
    expect(one([{ a: -2, b: -1, what: 'negative' }]).worst!.relativeGap).toBe(0.5);
    expect(one([{ a: 0, b: 0, what: 'zeros' }]).worst!.relativeGap).toBe(0);
    // below 1e-300 the denominator is floored: 1e-310 against 0 is a relative gap of 1e-310 / 1e-300 (one rounding)
    expect(one([{ a: 1e-310, b: 0, what: 'subnormal' }]).worst!.relativeGap as number / 1e-10).toBeCloseTo(1, 12);
  });

  it('gaps between the bound and 1000× it decide nothing; beyond, they refute', () => {
    for (const gap of [5e-10, 1e-8, 2e-6]) {
      const r = one([{ a: 1, b: 1, what: 'x', relGap: gap }]);
      expect(r.verdict).toBe(expectedVerdict([gap]));
    }
    // the three gaps give the three verdicts of the rule
    expect(new Set([5e-10, 1e-8, 2e-6].map((g) => expectedVerdict([g]))).size).toBe(3);
  });
});

describe('undefined cases and errors', () => {
  it('a model undefined on some cases counts them and decides on the rest', () => {
    const spec: IdentitySpec = {
      families: ['normal-real'],
      models: {
        paper: (c) => {
          if (c.U.rows === 1) throw new ModelUndefinedError('no value at N = 1', 'divergent');
          return [{ a: 1, b: 1, what: 'x' }];
        },
      },
    };
    const [r] = runWith(spec, 3, 8);
    // normal-real sizes cycle 1, 2, 3, 4: two of the eight cases have N = 1
    expect(r.undefinedCases).toBe(2);
    expect(r.cases).toBe(8);
    expect(r.verdict).toBe(verdictOfGaps(0, 0, 0, 0, 0, 0));
  });

  it('any other error is a bug and propagates', () => {
    const spec: IdentitySpec = { families: ['scalar'], models: { paper: () => { throw new TypeError('typo in a model'); } } };
    expect(() => runWith(spec, 1, 2)).toThrow('typo in a model');
  });

  it('a shard runs only its models', () => {
    const spec: IdentitySpec = { families: ['scalar'], models: { paper: () => [{ a: 1, b: 1, what: 'x' }], exact: () => [{ a: 1, b: 1, what: 'x' }] } };
    expect(runWith(spec, 1, 2, ['exact']).map((r) => r.model)).toEqual(['exact']);
    expect(runWith(spec, 1, 2, ['paper', 'exact']).map((r) => r.model)).toEqual(['paper', 'exact']);
  });
});

describe('the simulation decides between the models', () => {
  const SEED = 1;
  const witness = simulationWitness(simulationEvidence(SEED), 'paper', true);
  const specOf = (exactGap: number): IdentitySpec => ({
    families: ['scalar'],
    simulation: true,
    models: { paper: () => [{ a: 1, b: 1, what: 'x' }], exact: () => [{ a: 1, b: 1, what: 'x', relGap: exactGap }] },
  });

  it('the paper result keeps its numeric witness alone; the exact result gets the simulation too', () => {
    for (const gap of [0, 1e-2]) {
      const [paper, exact] = runWith(specOf(gap), SEED, 2);
      expect(paper.witnesses!.map((w) => w.witness)).toEqual(['numeric']);
      expect(paper.verdict).toBe(expectedVerdict([0, 0]));
      const numeric = expectedVerdict([gap, gap]);
      expect(exact.witnesses!.map((w) => w.witness)).toEqual(['numeric', 'simulation']);
      expect(exact.witnesses![0].verdict).toBe(numeric);
      expect(exact.witnesses![1]).toEqual(witness);
      const agreed = agreedVerdict([numeric, witness.verdict]);
      expect(exact.verdict).toBe(agreed);
      expect(exact.detail.endsWith('The simulation disagrees with the numeric comparison: see the witnesses.')).toBe(agreed !== numeric);
    }
  });
});
