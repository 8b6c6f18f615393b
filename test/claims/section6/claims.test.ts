/**
 * The Section 6 claims decided from hand-built records: each verdict follows from numbers chosen so
 * that the exact test's answer is known, and flipping the record flips the verdict.
 */
import { describe, expect, it } from 'vitest';
import copyClaim from '../../../claims/sec6.copy-memory-helps.ts';
import recallClaim from '../../../claims/sec6.recall-memory-helps.ts';
import ntmClaim from '../../../claims/sec6.ntm-algorithm.ts';
import costClaim, { Z } from '../../../claims/sec6.cost-grows-with-length.ts';
import { ALPHA } from '../../../src/claims/section6/common.ts';
import { verdictOfEvidence } from '../../helpers/expected-verdicts.ts';
import fluctuationClaim, { excessVariation, heldOutSeries } from '../../../claims/sec6.fluctuation.ts';
import { clopperPearson } from '../../../src/claims/exact-tests.ts';
import table1Claim from '../../../claims/table-1.parameters.ts';
import { runClaim } from '../../../src/claims/registry.ts';
import type { ClaimDefinition } from '../../../src/claims/unit.ts';
import { finals, makeRecord, metrics } from './records.ts';

const input = (...records: ReturnType<typeof finals>[]) => ({ records: records.map((record, i) => ({ path: `exp${i}`, record })) });

/** The claim as verify runs it, on these records: its one (experiment) result. */
const evaluator = (claim: ClaimDefinition) => ({
  evaluate(i: ReturnType<typeof input>) {
    const results = runClaim(claim, { seed: 1, runs: 1, experiments: i.records }).results;
    expect(results).toHaveLength(1);
    return results[0];
  },
});
const copyMemoryHelps = evaluator(copyClaim);
const recallMemoryHelps = evaluator(recallClaim);
const ntmAlgorithm = evaluator(ntmClaim);
const costGrowsWithLength = evaluator(costClaim);
const fluctuation = evaluator(fluctuationClaim);
const table1Parameters = evaluator(table1Claim);

describe('sec6.copy-memory-helps', () => {
  it('holds when the MatNTM is below the Matrix RNN on all 5 seeds (sign test p = 1/32)', () => {
    const r = copyMemoryHelps.evaluate(input(finals('copy', [0.1, 0.2, 0, 0.4, 0.3], [6, 7, 6.5, 5, 8])));
    expect(r.verdict).toBe('holds');
    expect(r.cases).toBe(5);
    expect(r.detail).toContain('5 of 5 seeds (every seed)');
    expect(r.detail).toContain('p = 0.031');
    expect(r.detail).toContain('MatNTM 5/5, Matrix RNN 0/5');
    expect(r.replay).toBe('matmem verify --claim sec6.copy-memory-helps --experiment exp0');
  });

  it('flips to fails when the Matrix RNN wins on every seed, with the per-seed numbers as counterexample', () => {
    const r = copyMemoryHelps.evaluate(input(finals('copy', [6, 7, 6.5, 5, 8], [0.1, 0.2, 0, 0.4, 0.3])));
    expect(r.verdict).toBe('fails');
    expect((r.counterexample as { perSeed: unknown[] }).perSeed).toHaveLength(5);
  });

  it('is inconclusive on 4 of 5 (p = 6/32) and on 2 of 2 seeds, saying what 2 seeds can show', () => {
    expect(copyMemoryHelps.evaluate(input(finals('copy', [0.1, 0.2, 9, 0.4, 0.3], [6, 7, 6.5, 5, 8]))).verdict).toBe('inconclusive');
    const two = copyMemoryHelps.evaluate(input(finals('copy', [0.1, 0.2], [6, 7])));
    expect(two.verdict).toBe('inconclusive');
    expect(two.detail).toContain('cannot reach p ≤ 0.05 (the smallest p is 0.250)');
  });

  it('reports min / median / max of the per-seed gap, an even count’s median being the mean of the two middle gaps', () => {
    // gaps (Matrix RNN − MatNTM): 5.9, 6.8, 6.5, 4.6, 7.7 → sorted 4.6, 5.9, 6.5, 6.8, 7.7
    const five = copyMemoryHelps.evaluate(input(finals('copy', [0.1, 0.2, 0, 0.4, 0.3], [6, 7, 6.5, 5, 8]))).statistics!;
    expect([five.min, five.median, five.max].map((x) => +x.toFixed(12))).toEqual([4.6, 6.5, 7.7]);
    // the first four seeds: 4.6, 5.9, 6.5, 6.8 → median (5.9 + 6.5) / 2
    const four = copyMemoryHelps.evaluate(input(finals('copy', [0.1, 0.2, 0, 0.4], [6, 7, 6.5, 5]))).statistics!;
    expect([four.min, four.median, four.max].map((x) => +x.toFixed(12))).toEqual([4.6, 6.2, 6.8]);
  });

  it('without a copy record it is inconclusive and names the command that makes one', () => {
    const r = copyMemoryHelps.evaluate(input(finals('recall', [0.1], [6])));
    expect(r.verdict).toBe('inconclusive');
    expect(r.detail).toContain('matmem experiment copy');
  });
});

describe('sec6.recall-memory-helps', () => {
  it("compares the solved counts with the paper's 2 of 5 by Fisher's exact test", () => {
    const r = recallMemoryHelps.evaluate(input(finals('recall', [0.1, 0.2, 3, 4, 5], [6, 7, 6.5, 5, 8])));
    expect(r.verdict).toBe('holds');
    expect(r.detail).toContain('The paper reports 2 of 5 MatNTM runs');
    expect(r.detail).toContain('p = 1.000 (MatNTM)');
  });
});

describe('sec6.ntm-algorithm', () => {
  const rec = (following: number, final = 0.1) => makeRecord('copy', [{ model: 'matntm', seed: 1, final, algorithm: { following, sequences: 64 } }]);
  it('holds when a learned run follows the algorithm on 60 of 64 sequences (interval above ½)', () => {
    const r = ntmAlgorithm.evaluate(input(rec(60)));
    expect(r.verdict).toBe('holds');
    expect(r.cases).toBe(1);
  });
  it('fails when a learned run follows it on 5 of 64 (interval below ½): it learned another algorithm', () => {
    const r = ntmAlgorithm.evaluate(input(rec(5)));
    expect(r.verdict).toBe('fails');
    expect(r.counterexample).toMatchObject({ following: 5, sequences: 64 });
  });
  it('is inconclusive at 32 of 64, and when no run learned (the statistic is reported, not combined)', () => {
    expect(ntmAlgorithm.evaluate(input(rec(32))).verdict).toBe('inconclusive');
    const r = ntmAlgorithm.evaluate(input(rec(5, 3)));
    expect(r.verdict).toBe('inconclusive');
    expect(r.cases).toBe(0);
    expect(r.evidence?.[0].source).toContain('did not learn');
  });
});

describe('sec6.cost-grows-with-length', () => {
  const rec = (beyond: number[][]) => makeRecord('copy', beyond.map((costBeyond, i) => ({ model: 'matntm' as const, seed: i + 1, final: 0.1, costBeyond, costSe: 0.01 })));
  it('holds when the cost rises beyond the training edge in 5 of 5 runs with no significant fall', () => {
    const r = costGrowsWithLength.evaluate(input(rec(Array.from({ length: 5 }, () => [0.1, 0.3, 0.5, 0.9]))));
    expect(r.verdict).toBe('holds');
    expect(r.cases).toBe(5);
  });
  it('fails when one run falls by far more than 3 standard errors, with that step as counterexample', () => {
    const r = costGrowsWithLength.evaluate(input(rec([[0.1, 0.3, 0.5, 0.9], [0.1, 0.9, 0.2, 0.95]])));
    expect(r.verdict).toBe('fails');
    expect(r.counterexample).toMatchObject({ run: 'matntm-seed2', from: 6, to: 7 });
  });
  it('a fall within the noise is not a counterexample', () => {
    const r = costGrowsWithLength.evaluate(input(rec(Array.from({ length: 5 }, () => [0.1, 0.3, 0.29, 0.9]))));
    expect(r.verdict).toBe('holds');
  });
});

describe('sec6.cost-grows-with-length: each curve, its numbers and its evidence', () => {
  type Lm = ReturnType<typeof metrics>;
  /** One MatNTM run per curve; `beyond` = [length, cost, se] from the training edge on, in any order. */
  const recordWith = (task: 'copy' | 'recall', curves: { lengths: [number, number, number][]; items?: [number, number, number][] }[]) => {
    const record = makeRecord(task, curves.map((_, i) => ({ model: 'matntm' as const, seed: i + 1, final: 0.1 })));
    curves.forEach((curve, i) => {
      record.runs[i].generalization = {
        lengths: curve.lengths.map(([x, cost, se]): Lm => metrics(x, cost, 1, se)),
        ...(curve.items ? { itemLengths: curve.items.map(([n, cost, se]): Lm => metrics(record.config.maxLength, cost, 1, se, n)) } : {}),
      };
    });
    return record;
  };

  it('one rising curve: the points from the edge in order, the rise and its standard error, the evidence sentence', () => {
    const record = recordWith('copy', [{ lengths: [[7, 0.5, 0.01], [5, 0.1, 0.01], [4, 9, 0.01], [8, 0.9, 0.02], [6, 0.3, 0.01]] }]);
    const edge = record.config.maxLength;
    expect(edge).toBe(5);
    const r = costGrowsWithLength.evaluate(input(record));
    // length 4 is inside the training range (below the edge): left out, whatever its cost
    const riseSe = Math.hypot(0.02, 0.01);
    expect(r.worst).toEqual({ run: 'matntm-seed1', axis: 'copy: copy length l', rise: 0.9 - 0.1, riseSe });
    expect(r.counterexample).toBeNull();
    expect(r.cases).toBe(1);
    expect(r.evidence).toEqual([
      {
        source: 'matntm-seed1, copy: copy length l',
        verdict: verdictOfEvidence(0.8 > Z * riseSe, false),
        detail: 'BCE from the training edge 5: 5: 0.1000 ± 0.0100, 6: 0.3000 ± 0.0100, 7: 0.5000 ± 0.0100, 8: 0.9000 ± 0.0200; grows (0.8000 ± 0.0224)',
      },
    ]);
    expect(r.statistics!.median).toBeCloseTo(0.8 / riseSe, 12);
    // one curve cannot make a sign test significant (p = 1/2), and the detail says why
    expect(r.verdict).toBe(verdictOfEvidence(0.5 <= ALPHA, false));
    expect(r.detail).toContain('No significant decrease beyond the training range in 1 run × axis curves');
    expect(r.detail).toContain('above the training edge in 1 of 1 (by more than 3 standard errors in 1)');
  });

  it('a rise within 3 standard errors is not "grows", and the curve with the smallest standardized rise is the worst', () => {
    const r = costGrowsWithLength.evaluate(input(recordWith('copy', [
      { lengths: [[5, 0.1, 0.01], [6, 0.2, 0.01], [7, 0.9, 0.01]] },
      { lengths: [[5, 0.1, 0.01], [6, 0.11, 0.01], [7, 0.12, 0.01]] },
      { lengths: [[5, 0.1, 0.001], [6, 0.12, 0.001], [7, 0.15, 0.001]] },
    ])));
    const rises = [[0.9 - 0.1, Math.hypot(0.01, 0.01)], [0.12 - 0.1, Math.hypot(0.01, 0.01)], [0.15 - 0.1, Math.hypot(0.001, 0.001)]];
    expect(r.evidence!.map((e) => e.verdict)).toEqual(rises.map(([rise, se]) => verdictOfEvidence(rise > Z * se, false)));
    expect(r.evidence![1].detail).toContain('; no significant rise (0.0200 ± 0.0141)');
    expect(r.worst).toMatchObject({ run: 'matntm-seed2', rise: 0.12 - 0.1 });
    expect(r.detail).toContain('above the training edge in 3 of 3 (by more than 3 standard errors in 2)');
  });

  it('of several significant falls, the counterexample is the largest in standard errors, not in size', () => {
    // falls: 6→7 by 0.4 with se hypot(0.1, 0.1) (2.8 se, not significant), 7→8 by 0.3 with se hypot(0.01, 0.01) (21 se),
    // 8→9 by 0.35 with se hypot(0.01, 0.05) (6.9 se)
    const r = costGrowsWithLength.evaluate(input(recordWith('copy', [
      { lengths: [[5, 0.2, 0.01], [6, 1.0, 0.1], [7, 0.6, 0.01], [8, 0.3, 0.01], [9, -0.05, 0.05]] },
    ])));
    const se = Math.hypot(0.01, 0.01);
    const fell = 0.3 > Z * se;
    expect(r.verdict).toBe(verdictOfEvidence(false, fell));
    expect(r.counterexample).toMatchObject({ run: 'matntm-seed1', axis: 'copy: copy length l', from: 7, to: 8, se });
    expect((r.counterexample as { drop: number }).drop).toBeCloseTo(0.3, 14);
    expect((r.counterexample as { points: unknown[] }).points).toHaveLength(5);
    expect(r.worst).toMatchObject({ run: 'matntm-seed1', decrease: { from: 7, to: 8 } });
    expect(r.evidence![0].verdict).toBe(verdictOfEvidence(false, fell));
    expect(r.evidence![0].detail).toContain('; falls by 0.3000 from 7 to 8 (21.2 standard errors)');
    expect(r.detail).toContain('falls significantly (by more than 3 standard errors) beyond the training range in 1 of 1');
  });

  it('recall: the item-count axis and the item-length axis are curves of their own; Matrix RNN runs are not curves', () => {
    // item lengths from the training item length 2; item counts set below from the record's own edge
    const record = recordWith('recall', [{ lengths: [], items: [[2, 0.1, 0.01], [3, 0.05, 0.001]] }]);
    const edge = record.config.maxLength;
    record.runs[0].generalization.lengths = [metrics(edge, 0.1, 1, 0.01), metrics(edge + 1, 0.2, 1, 0.01)];
    expect(record.config.itemLength).toBe(2);
    const withRnn = makeRecord('recall', [{ model: 'matrnn', seed: 1, final: 6, costBeyond: [0.9, 0.1, 0.05] }]);
    const r = costGrowsWithLength.evaluate(input(record, withRnn));
    expect(r.cases).toBe(2);
    expect(r.evidence!.map((e) => e.source)).toEqual(['matntm-seed1, recall: item count k', 'matntm-seed1, recall: item length n']);
    // the item-length curve falls from 0.1 to 0.05 by 5 standard errors: a counterexample
    expect(r.counterexample).toMatchObject({ axis: 'recall: item length n', from: 2, to: 3 });
    expect(r.verdict).toBe(verdictOfEvidence(false, 0.1 - 0.05 > Z * Math.hypot(0.01, 0.001)));
  });

  it('a curve that does not start at the training edge, or has one point, is not a curve: without any, inconclusive', () => {
    const r = costGrowsWithLength.evaluate(input(recordWith('copy', [{ lengths: [[6, 0.1, 0.01], [7, 0.9, 0.01]] }, { lengths: [[5, 0.1, 0.01]] }])));
    expect(r.verdict).toBe(verdictOfEvidence(false, false));
    expect(r.cases).toBe(0);
    expect(r.detail).toContain("the record's evaluation lengths must reach beyond the training range");
  });

  it('five rising curves: sign test p = 1/32 ≤ 0.05 holds; four: p = 1/16, inconclusive', () => {
    const curve = { lengths: [[5, 0.1, 0.01], [6, 0.105, 0.01]] as [number, number, number][] };
    expect(costGrowsWithLength.evaluate(input(recordWith('copy', Array(5).fill(curve)))).verdict).toBe(verdictOfEvidence(0.5 ** 5 <= ALPHA, false));
    expect(costGrowsWithLength.evaluate(input(recordWith('copy', Array(4).fill(curve)))).verdict).toBe(verdictOfEvidence(0.5 ** 4 <= ALPHA, false));
  });
});

describe('sec6.ntm-algorithm: per-run evidence, the weakest run, the test over runs', () => {
  const run = (seed: number, following: number, final = 0.1) => ({ model: 'matntm' as const, seed, final, algorithm: { following, sequences: 64 } });

  it('three learned runs that follow it: the weakest is the lowest interval, and 3 runs cannot reach p ≤ 0.05', () => {
    const record = makeRecord('copy', [run(1, 60), run(2, 50), run(3, 62), run(4, 1, 3), { model: 'matrnn', seed: 1, final: 6, algorithm: { following: 0, sequences: 64 } }]);
    record.runs[0].algorithm!.writeAdvance = 0.95;
    const r = ntmAlgorithm.evaluate(input(record));
    // a run follows the algorithm when its exact 95% interval lies above ½, does not when below
    const runVerdict = (k: number) => {
      const [lo, hi] = clopperPearson(k, 64);
      return verdictOfEvidence(lo > 0.5, hi < 0.5);
    };
    const learnedIntervals = [60, 50, 62].map((k) => clopperPearson(k, 64));
    expect(r.verdict).toBe(verdictOfEvidence(learnedIntervals.every(([lo]) => lo > 0.5), learnedIntervals.some(([, hi]) => hi < 0.5)));
    // the unlearned run (final error 3) is reported, not combined; the Matrix RNN's trace is not a run of this claim
    expect(r.cases).toBe(3);
    expect(r.evidence!.map((e) => [e.source, e.verdict])).toEqual([
      ['copy matntm-seed1', runVerdict(60)],
      ['copy matntm-seed2', runVerdict(50)],
      ['copy matntm-seed3', runVerdict(62)],
      ['copy matntm-seed4 (did not learn: reported, not combined)', runVerdict(1)],
    ]);
    const [lo, hi] = clopperPearson(60, 64);
    expect(r.evidence![0].detail).toBe(
      `60 of 64 traced held-out sequences follow the NTM algorithm (93.8%, exact 95% interval ${(100 * lo).toFixed(1)}–${(100 * hi).toFixed(1)}%); read focus on the written slot at 90.0% of output steps, write focus advancing one slot at 95.0% of input steps; final error 0.100 wrong bits per matrix`,
    );
    expect(r.evidence![1].detail).not.toContain('write focus');
    const [lo50, hi50] = clopperPearson(50, 64);
    expect(r.worst).toEqual({ run: 'copy matntm-seed2', following: 50, sequences: 64, lower95: lo50, upper95: hi50 });
    expect(r.counterexample).toBeNull();
    expect(r.detail).toContain('3 of 3 MatNTM runs that learned their task follow the NTM algorithm');
    expect(r.detail).toContain('P(≥ 3 of 3 | ½) = 0.125 (not significant at 0.05; with 3 learned run(s) the smallest possible p is 0.125)');
    expect(r.statistics).toMatchObject({ min: 50 / 64, median: 60 / 64, max: 62 / 64 });
  });

  it('five learned runs that follow it: P(≥ 5 of 5 | ½) = 0.031, significant', () => {
    const r = ntmAlgorithm.evaluate(input(makeRecord('copy', [1, 2, 3, 4, 5].map((seed) => run(seed, 60)))));
    expect(r.detail).toContain('P(≥ 5 of 5 | ½) = 0.031.');
  });

  it('a learned run that does not follow it is the counterexample, with its interval and trace numbers', () => {
    const record = makeRecord('copy', [run(1, 60), run(2, 5)]);
    record.runs[1].algorithm!.writeAdvance = 0.2;
    const r = ntmAlgorithm.evaluate(input(record));
    expect(r.verdict).toBe(verdictOfEvidence(false, clopperPearson(5, 64)[1] < 0.5));
    expect(r.counterexample).toEqual({ run: 'copy matntm-seed2', following: 5, sequences: 64, upper95: clopperPearson(5, 64)[1], readMatch: 0.9, writeAdvance: 0.2 });
    expect(r.detail).toContain('1 of 2 MatNTM runs');
  });

  it('when no run learned: inconclusive, the statistic and the weakest over all runs', () => {
    const r = ntmAlgorithm.evaluate(input(makeRecord('copy', [run(1, 40, 3), run(2, 20, 4)])));
    expect(r.verdict).toBe(verdictOfEvidence(false, false));
    expect(r.detail).toBe('No MatNTM run learned its task (final held-out error < 0.5 wrong bits per matrix), so the learned algorithm cannot be judged; 2 unlearned run(s) reported.');
    expect(r.worst).toMatchObject({ run: 'copy matntm-seed2', following: 20 });
    expect(r.statistics).toMatchObject({ min: 20 / 64, max: 40 / 64 });
  });
});

describe('sec6.fluctuation: the series, the pairs and their evidence', () => {
  it('heldOutSeries reads one length across evaluations, skipping evaluations without it; two values have no excess', () => {
    const record = makeRecord('copy', [{ model: 'matntm', seed: 1, final: 0.1, heldOut: [0.6, 0.3, 0.5] }]);
    const L = record.config.maxLength;
    expect(heldOutSeries(record.runs[0], L)).toEqual([0.6, 0.3, 0.5]);
    record.runs[0].heldOut[1].byLength = record.runs[0].heldOut[1].byLength.filter((m) => m.length !== L);
    expect(heldOutSeries(record.runs[0], L)).toEqual([0.6, 0.5]);
    expect(excessVariation([0.6, 0.5])).toBe(0);
    expect(excessVariation([0.6])).toBeNaN();
  });

  it('a pair is compared only when both runs have two evaluations; without any pair, inconclusive', () => {
    const r = fluctuation.evaluate(input(makeRecord('copy', [
      { model: 'matntm', seed: 1, final: 0.1, heldOut: [0.6, 0.3, 0.5] },
      { model: 'matrnn', seed: 1, final: 6, heldOut: [0.6] },
    ])));
    expect(r.verdict).toBe(verdictOfEvidence(false, false));
    expect(r.cases).toBe(0);
    expect(r.detail).toContain('with at least two held-out evaluations per run');
  });

  it('per pair: the excess variations, the pair where the MatNTM is least ahead as worst, and the evidence sentence', () => {
    const record = makeRecord('recall', [
      { model: 'matntm', seed: 1, final: 0.1, heldOut: [0.6, 0.3, 0.5, 0.2] },
      { model: 'matrnn', seed: 1, final: 6, heldOut: [0.6, 0.5, 0.4, 0.3] },
      { model: 'matntm', seed: 2, final: 0.1, heldOut: [0.6, 0.5, 0.55, 0.3] },
      { model: 'matrnn', seed: 2, final: 6, heldOut: [0.6, 0.5, 0.4, 0.3] },
    ]);
    const r = fluctuation.evaluate(input(record));
    // seed 1: (0.3 + 0.2 + 0.3 − 0.4)/3 = 0.4/3; seed 2: (0.1 + 0.05 + 0.25 − 0.3)/3 = 0.1/3; Matrix RNN 0
    expect(r.cases).toBe(2);
    expect(r.worst).toMatchObject({ task: 'recall', seed: 2, length: record.config.maxLength, evaluations: 4, matrnn: 0 });
    expect((r.worst as { matntm: number }).matntm).toBeCloseTo(0.1 / 3, 14);
    expect(r.counterexample).toBeNull();
    // one pair alone: the sign test's p is ½ in either direction
    const single = verdictOfEvidence(0.5 <= ALPHA, 0.5 <= ALPHA);
    expect(r.evidence!.map((e) => [e.source, e.verdict])).toEqual([['recall, seed 1', single], ['recall, seed 2', single]]);
    expect(r.evidence![0].detail).toBe(`at l (k) = ${record.config.maxLength} over 4 held-out evaluations: MatNTM 0.13333, Matrix RNN 0.00000`);
  });

  it('when the Matrix RNN fluctuates more on every seed, the counterexample lists the pairs', () => {
    const record = makeRecord('copy', [1, 2, 3, 4, 5].flatMap((seed) => [
      { model: 'matntm' as const, seed, final: 0.1, heldOut: [0.6, 0.5, 0.4, 0.3] },
      { model: 'matrnn' as const, seed, final: 6, heldOut: [0.6, 0.3, 0.5, 0.2] },
    ]));
    const r = fluctuation.evaluate(input(record));
    // the Matrix RNN larger on 5 of 5: the opposite direction's p is 1/32
    expect(r.verdict).toBe(verdictOfEvidence(false, 0.5 ** 5 <= ALPHA));
    expect((r.counterexample as { pairs: { seed: number }[] }).pairs.map((p) => p.seed)).toEqual([1, 2, 3, 4, 5]);
    expect(r.evidence![0].detail).toMatch(/^at l = \d+ over 4 held-out evaluations/);
  });
});

describe('sec6.fluctuation', () => {
  it('excess variation: 0 for a monotone series, the back-and-forth beyond the net change otherwise', () => {
    expect(excessVariation([0.5, 0.4, 0.3, 0.1])).toBe(0);
    // |Δ| = 0.2, 0.2, 0.3 (sum 0.7), net 0.3 → (0.7 − 0.3)/3
    expect(excessVariation([0.5, 0.3, 0.5, 0.2])).toBeCloseTo(0.4 / 3, 15);
  });
  const rec = (ntmZigzag: boolean) =>
    makeRecord('copy', [1, 2, 3, 4, 5].flatMap((seed) => [
      { model: 'matntm' as const, seed, final: 0.1, heldOut: ntmZigzag ? [0.6, 0.3, 0.5, 0.2, 0.4, 0.1] : [0.6, 0.5, 0.4, 0.3, 0.2, 0.15] },
      { model: 'matrnn' as const, seed, final: 6, heldOut: ntmZigzag ? [0.6, 0.58, 0.57, 0.56, 0.55, 0.55] : [0.6, 0.3, 0.5, 0.2, 0.4, 0.1] },
    ]));
  it('holds when the MatNTM zigzags and the Matrix RNN does not, on 5 of 5 seeds; fails the other way round', () => {
    expect(fluctuation.evaluate(input(rec(true))).verdict).toBe('holds');
    expect(fluctuation.evaluate(input(rec(false))).verdict).toBe('fails');
  });
  it('reports the MatNTM / Matrix RNN ratio per seed; over 4 seeds the median is the mean of the middle two', () => {
    // Matrix RNN 0.6, 0.4, 0.5, 0.3: (0.2 + 0.1 + 0.2 − 0.3) / 3 = 0.2/3 on every seed; the MatNTM's
    // third value 0.6, 0.7, 0.8, 0.9 gives (0.4, 0.6, 0.8, 1.0) / 3, so the ratios are 2, 3, 4, 5
    const r = fluctuation.evaluate(input(makeRecord('copy', [0.6, 0.7, 0.8, 0.9].flatMap((third, i) => [
      { model: 'matntm' as const, seed: i + 1, final: 0.1, heldOut: [0.6, 0.4, third, 0.3] },
      { model: 'matrnn' as const, seed: i + 1, final: 6, heldOut: [0.6, 0.4, 0.5, 0.3] },
    ]))));
    expect(r.cases).toBe(4);
    const s = r.statistics!;
    expect([s.min, s.median, s.max].map((x) => +x.toFixed(10))).toEqual([2, 3.5, 5]);
  });
});

describe('table-1.parameters', () => {
  it('reproduces the MatNTM counts 4121 and 7946 and says why the Matrix RNN counts cannot be', () => {
    const r = table1Parameters.evaluate({ records: [] });
    const items = Object.fromEntries((r.evidence ?? []).map((e) => [e.source, e.verdict]));
    expect(items).toEqual({ 'MatNTM, copy': 'holds', 'MatNTM, recall': 'holds', 'Matrix RNN, copy': 'inconclusive', 'Matrix RNN, recall': 'inconclusive' });
    expect(r.verdict).toBe('inconclusive');
    expect(r.detail).toContain('printed 4121, computed 4121');
    expect(r.detail).toContain('printed 2175, computed 2650');
  });
});
