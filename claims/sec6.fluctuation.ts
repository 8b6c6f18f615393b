/**
 * sec6.fluctuation (Section 7, on Figs. 5 and 7): the MatNTM's curves fluctuate more than the Matrix
 * RNN's. Three measures, declared here before any record is read, each the excess variation of one
 * curve per run, (Σ |Δ| − |net change|) / (points − 1) — 0 for a monotone curve — compared per seed
 * and task by an exact sign test; the claim holds only where all three agree.
 */
import type { RunRecord } from '../src/matntm/experiment/record.ts';
import { signTest } from '../src/claims/exact-tests.ts';
import { statistics } from '../src/claims/verdict.ts';
import { ALPHA, describeSignTest, evidence, fmt, MAKE_COPY, pairedRuns, signVerdict, type Section6Input } from '../src/claims/section6/common.ts';
import { section6Claim, type PartOutcome, type PartRule } from '../src/claims/section6/parts.ts';

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

interface Measure {
  id: string;
  text: string;
  what: string;
  series: (run: RunRecord, maxLength: number) => number[];
}

const MEASURES: Measure[] = [
  { id: 'a', text: "the training-loss curves (the curves of Figs. 5 and 7) fluctuate more for the MatNTM", what: 'the training BCE (window means over the evaluation interval)', series: (run) => run.training.loss },
  { id: 'b', text: 'the held-out curves fluctuate more for the MatNTM', what: 'the held-out BCE, mean over the training lengths, at each evaluation', series: (run) => run.heldOut.map((p) => p.mean.loss) },
  { id: 'c', text: 'the held-out curve at one fixed length fluctuates more for the MatNTM', what: 'the held-out BCE at the longest training length, at each evaluation', series: (run, L) => heldOutSeries(run, L) },
];

function measurePart(m: Measure): PartRule {
  return {
    id: m.id,
    text: m.text,
    brief: `excess variation of ${m.what}: MatNTM above Matrix RNN per seed and task, sign test at ${ALPHA}`,
    rule: `Excess variation of ${m.what}, per run; MatNTM against Matrix RNN paired by seed and task, exact one-sided sign test: holds at p ≤ ${ALPHA}, fails when the Matrix RNN's is larger at p ≤ ${ALPHA}, inconclusive otherwise.`,
    decide(input: Section6Input): PartOutcome {
      const pairs = input.records
        .flatMap(({ record }) =>
          pairedRuns(record).map((p) => ({
            task: record.config.task,
            seed: p.seed,
            matntm: excessVariation(m.series(p.matntm, record.config.maxLength)),
            matrnn: excessVariation(m.series(p.matrnn, record.config.maxLength)),
          })),
        )
        .filter((p) => Number.isFinite(p.matntm) && Number.isFinite(p.matrnn));
      if (pairs.length === 0) return { verdict: 'inconclusive', cases: 0, detail: `No seed with both models and at least two points on the curve: ${MAKE_COPY}.` };
      const t = signTest(pairs.map((p) => p.matntm - p.matrnn));
      const verdict = signVerdict(t);
      const worst = pairs.reduce((a, b) => (b.matntm - b.matrnn < a.matntm - a.matrnn ? b : a));
      return {
        verdict,
        cases: pairs.length,
        detail: describeSignTest(t, 'Larger for the MatNTM', 'seed × task pairs'),
        evidence: pairs.map((p) => evidence(`${p.task}, seed ${p.seed}`, signVerdict(signTest([p.matntm - p.matrnn])), `MatNTM ${fmt(p.matntm, 5)}, Matrix RNN ${fmt(p.matrnn, 5)}`)),
        worst: { ...worst },
        counterexample: verdict === 'fails' ? { pairs } : null,
        statistics: statistics(`MatNTM / Matrix RNN excess variation of ${m.what}, per seed and task`, pairs.map((p) => p.matntm / Math.max(p.matrnn, 1e-300))),
      };
    },
  };
}

export default section6Claim({
  id: 'sec6.fluctuation',
  source: 'Section 7 (on Figs. 5 and 7)',
  sentence: 'In Figures 5 and 7, we find that the values of MatNTM fluctuate more largely than those of Matrix RNNs.',
  reading: 'on the curves of the copy and recall experiments, measured three ways fixed in advance; the claim holds only where the three agree.',
  order: 230,
  parts: MEASURES.map(measurePart),
});
