/**
 * sec6.cost-grows-with-length (Fig. 9): for trained MatNTMs the cost rises with the copy length l
 * (left panel) and with the recall item length n (right panel) beyond the training range. Only runs
 * that learned their task enter; the recall item count k, which Fig. 9 does not show, is reported
 * apart, outside the verdict.
 */
import type { RunRecord } from '../src/matntm/experiment/record.ts';
import type { LengthMetrics } from '../src/matntm/spec.ts';
import type { TaskName } from '../src/matntm/tasks/types.ts';
import { holmAdjust, welchGreater } from '../src/claims/exact-tests.ts';
import { statistics } from '../src/claims/verdict.ts';
import { ALPHA, decide, evidence, fmt, fmtP, learned, LEARNED_RULE, MAKE_COPY, MAKE_RECALL, recordFor, type Section6Input } from '../src/claims/section6/common.ts';
import { section6Claim, type PartOutcome, type PartRule } from '../src/claims/section6/parts.ts';

const RULE = `Only MatNTM runs that learned the task at their training lengths enter; ${LEARNED_RULE}. For each, the held-out BCE at every length beyond the training range against the BCE at its edge: Welch's one-sided t test on the batch means (their standard errors, batches − 1 degrees of freedom each), in both directions, Holm-corrected at ${ALPHA} over all the part's comparisons. Holds when every comparison shows the cost above the edge; fails when any shows it below; inconclusive otherwise, or with no learned run.`;

interface Comparison {
  run: string;
  x: number;
  edge: number;
  cost: number;
  edgeCost: number;
  t: number;
  df: number;
  pAbove: number;
  pBelow: number;
}

function batchesOf(m: LengthMetrics, run: RunRecord): number {
  return Math.max(1, Math.round(m.sequences / run.spec.batch));
}

/** Every point beyond the edge against the edge point (null when the edge was not evaluated). */
function compare(run: RunRecord, points: LengthMetrics[], at: (m: LengthMetrics) => number, edge: number): Comparison[] | null {
  const e = points.find((m) => at(m) === edge);
  if (!e) return null;
  return points
    .filter((m) => at(m) > edge)
    .sort((a, b) => at(a) - at(b))
    .map((m) => {
      const up = welchGreater(m.loss, m.lossSe, batchesOf(m, run), e.loss, e.lossSe, batchesOf(e, run));
      return { run: run.id, x: at(m), edge, cost: m.loss, edgeCost: e.loss, t: up.t, df: up.df, pAbove: up.p, pBelow: 1 - up.p };
    });
}

function decideComparisons(all: Comparison[]): { verdict: ReturnType<typeof decide>; adjAbove: number[]; adjBelow: number[] } {
  const adj = holmAdjust([...all.map((c) => c.pAbove), ...all.map((c) => c.pBelow)]);
  const adjAbove = adj.slice(0, all.length);
  const adjBelow = adj.slice(all.length);
  return { verdict: decide(all.length > 0 && adjAbove.every((p) => p <= ALPHA), adjBelow.some((p) => p <= ALPHA)), adjAbove, adjBelow };
}

function axisPart(id: string, task: TaskName, text: string, axis: 'l' | 'n', needs: string): PartRule {
  return {
    id,
    text,
    brief: `learned runs only: cost beyond the training range above its edge, Welch t tests, Holm at ${ALPHA}`,
    rule: RULE,
    decide(input: Section6Input): PartOutcome {
      const rec = recordFor(input, task);
      const runs = rec ? rec.record.runs.filter((r) => r.model === 'matntm') : [];
      if (!rec || runs.length === 0) return { verdict: 'inconclusive', cases: 0, detail: `No MatNTM ${task} record: ${needs}.` };
      const c = rec.record.config;
      const edge = axis === 'l' ? c.maxLength : (c.itemLength ?? 2);
      const used = runs.filter(learned);
      const perRun = used.map((run) => ({ run, cmp: compare(run, axis === 'l' ? run.generalization.lengths : (run.generalization.itemLengths ?? []), (m) => (axis === 'l' ? m.length : (m.itemLength ?? 0)), edge) ?? [] }));
      const all = perRun.flatMap((r) => r.cmp);
      const name = axis === 'l' ? 'copy length l' : 'item length n';
      if (used.length === 0) {
        return { verdict: 'inconclusive', cases: 0, detail: `No MatNTM ${task} run learned the task (zero error), so the cost of trained models against ${name} cannot be read from this record (${runs.length} run(s) left out).` };
      }
      if (all.length === 0) return { verdict: 'inconclusive', cases: used.length, detail: `The learned runs were not evaluated beyond the training ${name} ${edge}.` };
      const { verdict, adjAbove, adjBelow } = decideComparisons(all);
      const below = all.map((cmp, i) => ({ cmp, p: adjBelow[i] })).filter((x) => x.p <= ALPHA);
      const notAbove = all.filter((_, i) => adjAbove[i] > ALPHA);
      const items = perRun.map(({ run, cmp }) => {
        const v = decideComparisons(cmp).verdict;
        return evidence(`${run.id}, against ${name} (edge ${edge})`, v, cmp.map((x) => `${x.x}: ${fmt(x.cost, 4)} (t = ${fmt(x.t, 1)})`).join(', ') + ` against ${fmt(cmp[0]?.edgeCost ?? NaN, 4)} at ${edge}`);
      });
      const weakest = all.reduce((a, b) => (b.t < a.t ? b : a));
      return {
        verdict,
        cases: used.length,
        detail:
          `${used.length} learned run(s), ${all.length} comparison(s) beyond the training ${name} ${edge}: ` +
          (below.length
            ? `the cost falls below the edge in ${below.length} (e.g. ${below[0].cmp.run} at ${below[0].cmp.x}: ${fmt(below[0].cmp.cost, 4)} against ${fmt(below[0].cmp.edgeCost, 4)}, Holm p = ${fmtP(below[0].p)}).`
            : notAbove.length
              ? `above the edge in ${all.length - notAbove.length}, not significantly in ${notAbove.length} (weakest: ${weakest.run} at ${weakest.x}, t = ${fmt(weakest.t, 2)}).`
              : `the cost is above the edge in every one (Holm-corrected; weakest t = ${fmt(weakest.t, 1)} at ${weakest.run}, ${name} ${weakest.x}).`),
        evidence: items,
        worst: { run: weakest.run, at: weakest.x, edge: weakest.edge, cost: weakest.cost, edgeCost: weakest.edgeCost, t: weakest.t, df: weakest.df },
        counterexample: below.length ? { run: below[0].cmp.run, at: below[0].cmp.x, edge, cost: below[0].cmp.cost, edgeCost: below[0].cmp.edgeCost, holmP: below[0].p } : null,
        statistics: statistics('t statistic of the cost beyond the training range against its edge', all.map((x) => x.t)),
      };
    },
  };
}

/** The recall item count k (not in Fig. 9): the same comparisons, reported, never decided. */
export function itemCountComparisons(input: Section6Input): Comparison[] {
  const rec = recordFor(input, 'recall');
  if (!rec) return [];
  return rec.record.runs.filter((r) => r.model === 'matntm' && learned(r)).flatMap((run) => compare(run, run.generalization.lengths, (m) => m.length, rec.record.config.maxLength) ?? []);
}

const copyPart = axisPart('a', 'copy', 'the cost grows with the copy length l beyond the training range (left panel)', 'l', MAKE_COPY);
const recallPart = axisPart('b', 'recall', 'the cost grows with the recall item length n beyond the training item length (right panel)', 'n', MAKE_RECALL);
// the k axis rides with part (b) as evidence outside the verdict
const recallWithItemCount: PartRule = {
  ...recallPart,
  decide(input) {
    const out = recallPart.decide(input);
    const k = itemCountComparisons(input);
    if (k.length === 0) return out;
    const { verdict } = decideComparisons(k);
    return { ...out, detail: `${out.detail} Item count k (not in Fig. 9, not decided): ${verdict === 'holds' ? 'the cost is above the edge at every k beyond it' : verdict === 'fails' ? 'the cost falls below the edge at some k' : 'not significantly above the edge at every k'} (${k.length} comparisons).` };
  },
};

export default section6Claim({
  id: 'sec6.cost-grows-with-length',
  source: 'Section 6, Fig. 9',
  sentence:
    'Results for trained models of MatNTM on respective tasks. The left figure shows the increase in cost with an increase in the length l of the sequence of matrices in the copy task. The right figure shows the increase in cost with an increase in the length of an item n.',
  reading: 'for MatNTMs that learned their task, the held-out cost beyond the training range is above the cost at its edge.',
  order: 220,
  parts: [copyPart, recallWithItemCount],
});
