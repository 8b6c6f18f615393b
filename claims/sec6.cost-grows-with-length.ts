/**
 * sec6.cost-grows-with-length (Fig. 9): for a trained MatNTM the cost (held-out BCE) does not fall
 * as the sequences grow beyond the training range — copy length l, recall item count k, and recall
 * item length n. Per run and axis: a step from one length to the next beyond the training range is
 * a significant decrease when it falls by more than Z standard errors of the difference; the run
 * grows when the cost at the longest length exceeds the one at the training edge by Z standard errors.
 */
import type { LengthMetrics } from '../src/matntm/spec.ts';
import type { ClaimResult, Verdict } from '../src/core/types.ts';
import { signTest } from '../src/claims/exact-tests.ts';
import { ALPHA, decide, describeSignTest, evidence, fmt, MAKE_COPY, noRecord, replayCommand, type Section6Input } from '../src/claims/section6/common.ts';
import { statistics } from '../src/claims/verdict.ts';
import { defineClaim } from '../src/claims/unit.ts';
import { section6Check } from '../src/claims/section6/common.ts';

const ID = 'sec6.cost-grows-with-length';
/**
 * Standard errors a change must exceed. The standard errors come from the spread of a few batch
 * means (8 by default); 3 keeps a false "decrease" rare (one-sided normal tail 0.13%, a t tail with
 * 3–7 degrees of freedom below 3%) at the few steps per run tested.
 */
export const Z = 3;

interface AxisOutcome {
  run: string;
  axis: string;
  edge: number;
  points: { x: number; cost: number; se: number }[];
  decrease: { from: number; to: number; drop: number; se: number } | null;
  grows: boolean;
  rise: number;
  riseSe: number;
}

function axisOutcome(run: string, axis: string, ms: LengthMetrics[], x: (m: LengthMetrics) => number, edge: number): AxisOutcome | null {
  const pts = ms.map((m) => ({ x: x(m), cost: m.loss, se: m.lossSe })).filter((p) => p.x >= edge).sort((a, b) => a.x - b.x);
  if (pts.length < 2 || pts[0].x !== edge) return null;
  let decrease: AxisOutcome['decrease'] = null;
  for (let i = 1; i < pts.length; i++) {
    const drop = pts[i - 1].cost - pts[i].cost;
    const se = Math.hypot(pts[i - 1].se, pts[i].se);
    if (drop > Z * se && (!decrease || drop / se > decrease.drop / decrease.se)) decrease = { from: pts[i - 1].x, to: pts[i].x, drop, se };
  }
  const last = pts[pts.length - 1];
  const rise = last.cost - pts[0].cost;
  const riseSe = Math.hypot(last.se, pts[0].se);
  return { run, axis, edge, points: pts, decrease, grows: rise > Z * riseSe, rise, riseSe };
}

function evaluate(input: Section6Input): ClaimResult {
  const outcomes: AxisOutcome[] = [];
  for (const { record } of input.records) {
    const c = record.config;
    for (const run of record.runs.filter((r) => r.model === 'matntm')) {
      const lengthAxis = c.task === 'copy' ? 'copy length l' : 'item count k';
      const a = axisOutcome(run.id, `${c.task}: ${lengthAxis}`, run.generalization.lengths, (m) => m.length, c.maxLength);
      if (a) outcomes.push(a);
      if (run.generalization.itemLengths && c.itemLength !== undefined) {
        const b = axisOutcome(run.id, 'recall: item length n', run.generalization.itemLengths, (m) => m.itemLength ?? 0, c.itemLength);
        if (b) outcomes.push(b);
      }
    }
  }
  if (outcomes.length === 0) return noRecord(ID, input, `${MAKE_COPY} (the record's evaluation lengths must reach beyond the training range)`);
  const replay = replayCommand(ID, input);
  const decreases = outcomes.filter((o) => o.decrease);
  // a significant decrease anywhere is a counterexample; otherwise the signs of the rises over runs and axes decide
  const t = signTest(outcomes.map((o) => o.rise));
  const grow = outcomes.filter((o) => o.grows).length;
  const verdict: Verdict = decide(t.p <= ALPHA, decreases.length > 0);
  const worst = decreases[0] ?? outcomes.reduce((a, b) => (b.rise / (b.riseSe || 1) < a.rise / (a.riseSe || 1) ? b : a));
  const items = outcomes.map((o) =>
    evidence(
      `${o.run}, ${o.axis}`,
      decide(o.grows, o.decrease !== null),
      `BCE from the training edge ${o.edge}: ${o.points.map((p) => `${p.x}: ${fmt(p.cost, 4)} ± ${fmt(p.se, 4)}`).join(', ')}${o.decrease ? `; falls by ${fmt(o.decrease.drop, 4)} from ${o.decrease.from} to ${o.decrease.to} (${fmt(o.decrease.drop / o.decrease.se, 1)} standard errors)` : ''}; ${o.grows ? 'grows' : 'no significant rise'} (${fmt(o.rise, 4)} ± ${fmt(o.riseSe, 4)})`,
    ),
  );
  return {
    model: 'experiment',
    verdict,
    cases: outcomes.length,
    worst: { run: worst.run, axis: worst.axis, rise: worst.rise, riseSe: worst.riseSe, ...(worst.decrease ? { decrease: worst.decrease } : {}) },
    counterexample: decreases.length ? { run: decreases[0].run, axis: decreases[0].axis, ...decreases[0].decrease!, points: decreases[0].points } : null,
    replay,
    detail:
      (decreases.length > 0
        ? `The cost falls significantly (by more than ${Z} standard errors) beyond the training range in ${decreases.length} of ${outcomes.length} run × axis curves. `
        : `No significant decrease beyond the training range in ${outcomes.length} run × axis curves (MatNTM runs; ${Z} standard errors). `) +
      `Cost at the longest length above the training edge in ${t.agree} of ${outcomes.length} (by more than ${Z} standard errors in ${grow}); ${describeSignTest(t, 'higher at the longest length', 'curves')}`,
    statistics: statistics('rise of the BCE from the training edge to the longest length, in standard errors', outcomes.map((o) => o.rise / (o.riseSe || 1))),
    evidence: items,
  };
}

export default defineClaim({
  id: ID,
  source: 'Section 6, Fig. 9',
  statement:
    'For a trained MatNTM the cost does not decrease as the copy length l, the recall item count k or the recall item length n grows beyond the training range, and it rises (Fig. 9). Per run and axis: no step falls by more than 3 standard errors, and the cost at the longest length exceeds the training edge; over curves, an exact sign test at 0.05.',
  order: 220,
  checks: [section6Check(evaluate)],
});
