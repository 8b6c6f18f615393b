/**
 * The Section 6 claims decided from hand-built records: each verdict follows from numbers chosen so
 * that the exact test's answer is known, and flipping the record flips the verdict.
 */
import { describe, expect, it } from 'vitest';
import copyClaim from '../../../claims/sec6.copy-memory-helps.ts';
import recallClaim from '../../../claims/sec6.recall-memory-helps.ts';
import ntmClaim from '../../../claims/sec6.ntm-algorithm.ts';
import costClaim from '../../../claims/sec6.cost-grows-with-length.ts';
import fluctuationClaim, { excessVariation } from '../../../claims/sec6.fluctuation.ts';
import table1Claim from '../../../claims/table-1.parameters.ts';
import { runClaim } from '../../../src/claims/registry.ts';
import type { ClaimDefinition } from '../../../src/claims/unit.ts';
import { finals, makeRecord } from './records.ts';

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
