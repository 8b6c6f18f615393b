/**
 * The Section 6 claims, part by part, on hand-built records: each part's verdict follows from
 * numbers chosen so that its exact test's answer is known (computed here, through the exact tests
 * and the one verdict rule, never written as a literal), the claim's verdict combines its parts,
 * and changing the record where the rule says it matters (and only there) changes the verdict.
 */
import { describe, expect, it } from 'vitest';
import copyClaim from '../../../claims/sec6.copy-memory-helps.ts';
import recallClaim, { PAPER_SOLVED } from '../../../claims/sec6.recall-memory-helps.ts';
import ntmClaim from '../../../claims/sec6.ntm-algorithm.ts';
import costClaim from '../../../claims/sec6.cost-grows-with-length.ts';
import fluctuationClaim, { excessVariation, heldOutSeries } from '../../../claims/sec6.fluctuation.ts';
import table1Claim from '../../../claims/table-1.parameters.ts';
import { ALPHA } from '../../../src/claims/section6/common.ts';
import { binomialLowerTail, clopperPearson, fisherOneSided, holmAdjust, signTest, welchGreater } from '../../../src/claims/exact-tests.ts';
import { combineVerdicts } from '../../../src/claims/verdict.ts';
import { runClaim } from '../../../src/claims/registry.ts';
import type { ClaimDefinition } from '../../../src/claims/unit.ts';
import type { ClaimResult, Verdict } from '../../../src/core/types.ts';
import type { ExperimentRecord } from '../../../src/matntm/experiment/record.ts';
import { verdictOfEvidence } from '../../helpers/expected-verdicts.ts';
import { BATCHES, finals, makeRecord, type RunShape } from './records.ts';

const input = (...records: ExperimentRecord[]) => records.map((record, i) => ({ path: `exp${i}`, record }));

/** The claim as verify runs it, on these records: its one (experiment) result. */
function run(claim: ClaimDefinition, ...records: ExperimentRecord[]): ClaimResult {
  const results = runClaim(claim, { seed: 1, runs: 1, experiments: input(...records) }).results;
  expect(results).toHaveLength(1);
  return results[0];
}
const partVerdicts = (r: ClaimResult) => r.statementParts!.map((p) => p.verdict);
const signExpected = (d: number[]): Verdict => {
  const t = signTest(d);
  return verdictOfEvidence(t.p <= ALPHA, t.pOpposite <= ALPHA);
};

describe('every Section 6 claim states the paper\'s sentence and declares its parts and rules before any record', () => {
  for (const claim of [copyClaim, recallClaim, ntmClaim, costClaim, fluctuationClaim, table1Claim]) {
    it(`${claim.id}: parts with a rule each, the same whatever the records`, () => {
      const none = run(claim);
      const some = run(claim, finals('copy', [0, 1, 2], [3, 4, 5]));
      expect(none.statementParts!.length).toBeGreaterThanOrEqual(2);
      for (const p of none.statementParts!) {
        expect(p.rule.length, `${claim.id} (${p.id})`).toBeGreaterThan(60);
        expect(claim.statement).toContain(`(${p.id}) ${p.text}`);
      }
      expect(some.statementParts!.map((p) => p.rule)).toEqual(none.statementParts!.map((p) => p.rule));
      expect(claim.statement.startsWith('“')).toBe(true);
      // the verdict is the one rule over the parts
      expect(some.verdict).toBe(combineVerdicts(partVerdicts(some)));
    });
  }
});

describe('sec6.copy-memory-helps: (a) below per seed, (b) the MatNTM learns and the Matrix RNN does not', () => {
  const ntm = [0, 0, 0, 0, 0.3];
  const rnn = [6, 7, 6.5, 5, 8];

  it('holds when both parts hold: 5 of 5 seeds below, 4 learned against 0', () => {
    const r = run(copyClaim, finals('copy', ntm, rnn));
    expect(partVerdicts(r)).toEqual([signExpected(rnn.map((x, i) => x - ntm[i])), verdictOfEvidence(fisherOneSided(4, 1, 0, 5) <= ALPHA, false)]);
    expect(r.verdict).toBe(combineVerdicts(partVerdicts(r)));
    expect(r.statementParts![1].detail).toContain('MatNTM 4 of 5, Matrix RNN 0 of 5');
    expect(r.replay).toBe('matmem verify --claim sec6.copy-memory-helps --experiment exp0');
  });

  it('making every MatNTM run unlearned (3 wrong bits, still below every Matrix RNN) stops it from holding', () => {
    const r = run(copyClaim, finals('copy', [3, 3, 3, 3, 3], rnn));
    expect(r.statementParts![0].verdict).toBe(signExpected(rnn.map((x) => x - 3)));
    expect(r.statementParts![1].verdict).toBe(verdictOfEvidence(fisherOneSided(0, 5, 0, 5) <= ALPHA, false));
    expect(r.verdict).not.toBe('holds');
    expect(r.statementParts![1].detail).toContain('at least 4 learned MatNTM runs');
  });

  it('fails when the Matrix RNN ends below on every seed, the per-seed numbers as counterexample', () => {
    const r = run(copyClaim, finals('copy', rnn, ntm));
    expect(r.statementParts![0].verdict).toBe(signExpected(ntm.map((x, i) => x - rnn[i])));
    expect(r.verdict).toBe('fails');
    expect((r.counterexample as { part: string; perSeed: unknown[] }).perSeed).toHaveLength(5);
    expect((r.counterexample as { part: string }).part).toBe('a');
  });

  it('the learned threshold is the paper\'s zero error: 0.007 wrong bits per matrix is not learned', () => {
    const r = run(copyClaim, finals('copy', [0.007, 0, 0.2, 1, 2], rnn));
    expect(r.statementParts![1].detail).toContain('MatNTM 1 of 5');
    expect(r.statementParts![1].detail).toContain('Nearly learned (< 0.5 wrong bits per matrix, context only): MatNTM 3/5');
  });

  it('without a copy record every part is inconclusive and names the command that makes one', () => {
    const r = run(copyClaim, finals('recall', ntm, rnn));
    expect(partVerdicts(r)).toEqual(['inconclusive', 'inconclusive']);
    expect(r.statementParts![0].detail).toContain('matmem experiment copy');
  });
});

describe('sec6.recall-memory-helps: (a) better per seed, (b) solved in some runs (2 of 5 in the paper)', () => {
  const rnn = [9, 9.5, 9.3, 10, 9.1];

  it('holds when the MatNTM is below on every seed and 2 runs are solved', () => {
    const ntm = [0, 1, 0, 2, 1.5];
    const r = run(recallClaim, finals('recall', ntm, rnn));
    expect(partVerdicts(r)).toEqual([signExpected(rnn.map((x, i) => x - ntm[i])), verdictOfEvidence(true, false)]);
    expect(r.statementParts![1].detail).toContain('2 of 5 MatNTM runs learned');
  });

  it('with none solved in 5 runs it is inconclusive and says what 5 runs can tell (P = 0.6⁵ at the paper\'s rate)', () => {
    const r = run(recallClaim, finals('recall', [1.35, 2, 3, 4, 5], rnn));
    const p = binomialLowerTail(0, 5, PAPER_SOLVED.solved / PAPER_SOLVED.of);
    expect(Math.abs(p - 0.6 ** 5)).toBeLessThan(1e-15);
    expect(r.statementParts![1].verdict).toBe(verdictOfEvidence(false, p <= ALPHA));
    expect(r.statementParts![1].detail).toContain(`probability ${p.toFixed(3)}`);
    expect(r.statementParts![1].detail).toContain('6 runs with none learned would');
  });

  it('fails (b) with none solved in 7 runs: 0.6⁷ = 0.028 ≤ 0.05 under the paper\'s rate', () => {
    const r = run(recallClaim, finals('recall', [1, 2, 3, 4, 5, 6, 7], [9, 9, 9, 9, 9, 9, 9]));
    expect(r.statementParts![1].verdict).toBe(verdictOfEvidence(false, binomialLowerTail(0, 7, 0.4) <= ALPHA));
    expect(r.verdict).toBe('fails');
  });
});

describe('sec6.ntm-algorithm: per task, decided by the runs that learned', () => {
  const learnedCopy = (following: number, sequences = 128, seed = 1): RunShape => ({ model: 'matntm', seed, final: 0, algorithm: { following, sequences } });
  const unlearned = (following: number, seed: number): RunShape => ({ model: 'matntm', seed, final: 1.2, algorithm: { following, sequences: 128 } });

  it('holds when a learned copy run and a learned recall run each follow it (interval above ½)', () => {
    const r = run(ntmClaim, makeRecord('copy', [learnedCopy(121), unlearned(0, 2)]), makeRecord('recall', [{ model: 'matntm', seed: 1, final: 0, algorithm: { following: 60, sequences: 64 } }]));
    expect(clopperPearson(121, 128, ALPHA)[0]).toBeGreaterThan(0.5);
    expect(partVerdicts(r)).toEqual(['holds', 'holds']);
    expect(r.verdict).toBe('holds');
  });

  it('other learned runs that do not follow it do not make it fail (an example is what the paper shows); the rate is reported', () => {
    const r = run(ntmClaim, makeRecord('copy', [learnedCopy(121, 128, 1), learnedCopy(0, 128, 2), learnedCopy(2, 128, 3)]));
    expect(r.statementParts![0].verdict).toBe('holds');
    expect(r.statementParts![0].detail).toContain('rate across learned runs 1/3');
  });

  it('uses a Bonferroni level over the learned runs: 77 of 128 is above ½ at 95 % but not at 1 − 0.05/3', () => {
    const [lo95] = clopperPearson(77, 128, ALPHA);
    const [lo3] = clopperPearson(77, 128, ALPHA / 3);
    expect(lo95).toBeGreaterThan(0.5);
    expect(lo3).toBeLessThan(0.5);
    expect(run(ntmClaim, makeRecord('copy', [learnedCopy(77)])).statementParts![0].verdict).toBe('holds');
    expect(run(ntmClaim, makeRecord('copy', [learnedCopy(77, 128, 1), learnedCopy(60, 128, 2), learnedCopy(60, 128, 3)])).statementParts![0].verdict).toBe('inconclusive');
  });

  it('fails when every learned run follows it on few sequences (interval below ½)', () => {
    const r = run(ntmClaim, makeRecord('copy', [learnedCopy(5), learnedCopy(3, 128, 2)]));
    expect(clopperPearson(5, 128, ALPHA / 2)[1]).toBeLessThan(0.5);
    expect(r.statementParts![0].verdict).toBe('fails');
  });

  it('a run that did not learn never decides, however well it follows; without a learned recall run, (b) is inconclusive', () => {
    const r = run(ntmClaim, makeRecord('copy', [unlearned(128, 1), unlearned(120, 2)]), makeRecord('recall', [{ model: 'matntm', seed: 1, final: 1.35, algorithm: { following: 39, sequences: 64 } }]));
    expect(partVerdicts(r)).toEqual(['inconclusive', 'inconclusive']);
    expect(r.statementParts![1].detail).toContain('No MatNTM recall run learned');
  });
});

describe('sec6.cost-grows-with-length: learned MatNTM runs, the axes of Fig. 9, Holm-corrected Welch tests', () => {
  const se = 0.002;
  const learnedRising: RunShape = { model: 'matntm', seed: 1, final: 0, costBeyond: [0.001, 0.1, 0.2, 0.3], costSe: se };

  it('holds when every length beyond the training range costs more than the edge (copy l and recall n)', () => {
    const r = run(costClaim, makeRecord('copy', [learnedRising]), makeRecord('recall', [{ model: 'matntm', seed: 1, final: 0, costBeyond: [0.01, 0.2], itemCostBeyond: [0.001, 0.1, 0.2], costSe: se }]));
    // every comparison: (cost − edge)/(se·√2) ≥ 0.099/0.0028 ≈ 35 standard errors
    const w = welchGreater(0.1, se, BATCHES, 0.001, se, BATCHES);
    expect(holmAdjust([w.p, w.p, w.p, 1 - w.p, 1 - w.p, 1 - w.p])[0]).toBeLessThanOrEqual(ALPHA);
    expect(partVerdicts(r)).toEqual(['holds', 'holds']);
    expect(r.verdict).toBe('holds');
  });

  it("making an unlearned run's curve fall does not change the verdict", () => {
    const base = run(costClaim, makeRecord('copy', [learnedRising, { model: 'matntm', seed: 2, final: 4.04, costBeyond: [0.3, 0.31, 0.32, 0.33] }]));
    const falling = run(costClaim, makeRecord('copy', [learnedRising, { model: 'matntm', seed: 2, final: 4.04, costBeyond: [0.3, 0.1, 0.05, 0.01] }]));
    expect(falling.statementParts![0].verdict).toBe(base.statementParts![0].verdict);
    expect(falling.statementParts![0].detail).toBe(base.statementParts![0].detail);
    // and the Matrix RNN's curves never enter
    const withRnn = run(costClaim, makeRecord('copy', [learnedRising, { model: 'matrnn', seed: 1, final: 6, costBeyond: [0.5, 0.1, 0.05, 0.01] }]));
    expect(withRnn.statementParts![0].verdict).toBe(base.statementParts![0].verdict);
  });

  it('fails when a learned run costs less beyond the range than at its edge, that comparison as counterexample', () => {
    const r = run(costClaim, makeRecord('copy', [{ model: 'matntm', seed: 1, final: 0, costBeyond: [0.2, 0.3, 0.05, 0.4], costSe: se }]));
    expect(r.statementParts![0].verdict).toBe('fails');
    expect(r.counterexample).toMatchObject({ part: 'a', at: 7, edge: 5 });
  });

  it('a difference within the noise is neither: inconclusive', () => {
    const r = run(costClaim, makeRecord('copy', [{ model: 'matntm', seed: 1, final: 0, costBeyond: [0.1, 0.1005, 0.0998, 0.1002], costSe: 0.01 }]));
    expect(r.statementParts![0].verdict).toBe('inconclusive');
  });

  it('with no learned run it is inconclusive; the recall item count k is reported beside (b), never decided', () => {
    expect(run(costClaim, makeRecord('copy', [{ model: 'matntm', seed: 1, final: 2, costBeyond: [0.2, 0.1, 0.05] }])).statementParts![0].verdict).toBe('inconclusive');
    const kFalls = run(costClaim, makeRecord('recall', [{ model: 'matntm', seed: 1, final: 0, costBeyond: [0.2, 0.05, 0.01], itemCostBeyond: [0.001, 0.1, 0.2], costSe: se }]));
    expect(kFalls.statementParts![1].verdict).toBe('holds');
    expect(kFalls.statementParts![1].detail).toContain('Item count k (not in Fig. 9, not decided): the cost falls below the edge at some k');
  });
});

describe('sec6.fluctuation: three measures declared in advance, holds only where they agree', () => {
  const zig = [0.5, 0.2, 0.45, 0.15, 0.4, 0.1];
  const smooth = [0.6, 0.58, 0.56, 0.55, 0.54, 0.53];
  const shapes = (ntmCurve: number[], rnnCurve: number[], seeds = 5): RunShape[] =>
    Array.from({ length: seeds }, (_, i) => [
      { model: 'matntm' as const, seed: i + 1, final: 0, training: ntmCurve, heldOut: ntmCurve, heldOutMean: ntmCurve },
      { model: 'matrnn' as const, seed: i + 1, final: 5, training: rnnCurve, heldOut: rnnCurve, heldOutMean: rnnCurve },
    ]).flat();

  it('excess variation is 0 for a monotone series and the back-and-forth beyond the net change otherwise', () => {
    expect(excessVariation(smooth)).toBe(0);
    expect(excessVariation([0, 1, 0])).toBe(1);
    expect(excessVariation([1])).toBeNaN();
  });

  it('holds when the MatNTM zigzags on every measure and seed; fails the other way round', () => {
    const d = Array.from({ length: 5 }, () => excessVariation(zig) - excessVariation(smooth));
    const r = run(fluctuationClaim, makeRecord('copy', shapes(zig, smooth)));
    expect(partVerdicts(r)).toEqual([signExpected(d), signExpected(d), signExpected(d)]);
    expect(r.verdict).toBe('holds');
    expect(run(fluctuationClaim, makeRecord('copy', shapes(smooth, zig))).verdict).toBe('fails');
  });

  it('is not holds when the training curves disagree with the held-out ones', () => {
    const rec = makeRecord('copy', shapes(zig, smooth));
    for (const r of rec.runs) r.training.loss = r.model === 'matntm' ? smooth : zig;
    const r = run(fluctuationClaim, rec);
    expect(partVerdicts(r)).toEqual(['fails', 'holds', 'holds']);
    expect(r.verdict).toBe('fails');
  });

  it('heldOutSeries reads one length across evaluations', () => {
    const rec = makeRecord('copy', shapes(zig, smooth, 1));
    expect(heldOutSeries(rec.runs[0], rec.config.maxLength)).toEqual(zig);
  });
});

describe('table-1.parameters: (a) the MatNTM counts, (b) the Matrix RNN counts', () => {
  it('(a) holds on 4121 and 7946; (b) cannot be decided, and the why says so', () => {
    const r = run(table1Claim);
    expect(partVerdicts(r)).toEqual(['holds', 'inconclusive']);
    expect(r.statementParts![0].detail).toContain('copy: printed 4121, computed 4121 (equal); recall: printed 7946, computed 7946 (equal)');
    expect(r.statementParts![1].detail).toContain('cannot decide the printed counts');
    expect(r.verdict).toBe('inconclusive');
  });
});
