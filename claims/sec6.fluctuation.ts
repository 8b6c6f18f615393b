/**
 * sec6.fluctuation (Section 7 on Figs. 5, 7): the MatNTM's loss fluctuates more than the Matrix
 * RNN's. Measured on the held-out curve at one fixed length (the longest training length), so the
 * length drawn for each training batch does not enter: the excess variation of the held-out BCE,
 * (Σ |Δ| − |net change|) / (evaluations − 1), which is 0 for a monotone curve. Paired by seed and
 * task; exact sign test.
 */
import type { RunRecord } from '../src/matntm/experiment/record.ts';
import type { ClaimResult } from '../src/core/types.ts';
import { signTest } from '../src/claims/exact-tests.ts';
import { describeSignTest, evidence, fmt, MAKE_COPY, noRecord, pairedRuns, replayCommand, signVerdict, type Section6Input } from '../src/claims/section6/common.ts';
import { statistics } from '../src/claims/verdict.ts';
import { defineClaim } from '../src/claims/unit.ts';
import { section6Check } from '../src/claims/section6/common.ts';

const ID = 'sec6.fluctuation';

/** The held-out BCE at one length over the evaluations of a run. */
export function heldOutSeries(run: RunRecord, length: number): number[] {
  return run.heldOut.map((p) => p.byLength.find((m) => m.length === length)?.loss ?? NaN).filter(Number.isFinite);
}

/** (Σ |Δ| − |net change|) / (m − 1): the up-and-down movement beyond what a monotone path needs. */
export function excessVariation(xs: number[]): number {
  if (xs.length < 2) return NaN;
  let tv = 0;
  for (let i = 1; i < xs.length; i++) tv += Math.abs(xs[i] - xs[i - 1]);
  return (tv - Math.abs(xs[xs.length - 1] - xs[0])) / (xs.length - 1);
}

function evaluate(input: Section6Input): ClaimResult {
  const pairs = input.records.flatMap(({ record }) =>
    pairedRuns(record).map((p) => {
      const L = record.config.maxLength;
      const a = excessVariation(heldOutSeries(p.matntm, L));
      const b = excessVariation(heldOutSeries(p.matrnn, L));
      return { task: record.config.task, seed: p.seed, length: L, evaluations: p.matntm.heldOut.length, matntm: a, matrnn: b };
    }),
  ).filter((p) => Number.isFinite(p.matntm) && Number.isFinite(p.matrnn));
  if (pairs.length === 0) return noRecord(ID, input, `${MAKE_COPY} (with at least two held-out evaluations per run)`);
  const replay = replayCommand(ID, input);
  const t = signTest(pairs.map((p) => p.matntm - p.matrnn));
  const verdict = signVerdict(t);
  const ratio = pairs.map((p) => p.matntm / Math.max(p.matrnn, 1e-300));
  const worst = pairs.reduce((a, b) => (b.matntm - b.matrnn < a.matntm - a.matrnn ? b : a));
  return {
    model: 'experiment',
    verdict,
    cases: pairs.length,
    worst: { ...worst },
    counterexample: verdict === 'fails' ? { pairs } : null,
    replay,
    detail: `Excess variation of the held-out BCE at the longest training length: ${describeSignTest(t, 'larger for the MatNTM than for the Matrix RNN', 'seed × task pairs')}`,
    statistics: statistics('MatNTM / Matrix RNN excess variation, per seed and task', ratio),
    evidence: pairs.map((p) =>
      evidence(`${p.task}, seed ${p.seed}`, signVerdict(signTest([p.matntm - p.matrnn])), `at l${p.task === 'recall' ? ' (k)' : ''} = ${p.length} over ${p.evaluations} held-out evaluations: MatNTM ${fmt(p.matntm, 5)}, Matrix RNN ${fmt(p.matrnn, 5)}`),
    ),
  };
}

export default defineClaim({
  id: ID,
  source: 'Section 7 (on Figs. 5 and 7)',
  statement:
    "The MatNTM's loss fluctuates more than the Matrix RNN's. Measured as the excess variation of the held-out BCE at a fixed length (Σ|Δ| − |net change| per evaluation interval), paired by seed and task, exact one-sided sign test at 0.05.",
  order: 230,
  checks: [section6Check(evaluate)],
});
