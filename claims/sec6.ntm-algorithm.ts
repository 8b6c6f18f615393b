/**
 * sec6.ntm-algorithm (Figs. 6, 8): the MatNTM learns the NTM's algorithm. The paper shows one trained
 * network per task; read as "a MatNTM that has learned the task can follow the NTM algorithm", decided
 * from the runs that learned, the rate across them reported beside it.
 */
import type { TaskName } from '../src/matntm/tasks/types.ts';
import { clopperPearson } from '../src/claims/exact-tests.ts';
import { statistics } from '../src/claims/verdict.ts';
import { ALPHA, decide, evidence, finalError, fmt, learned, LEARNED_RULE, MAKE_COPY, MAKE_RECALL, recordFor, type Section6Input } from '../src/claims/section6/common.ts';
import { section6Claim, type PartOutcome, type PartRule } from '../src/claims/section6/parts.ts';

/** A run follows the algorithm when its interval of the fraction lies above ½, does not when it lies below. */
const RULE = `Only MatNTM runs that learned the task enter; ${LEARNED_RULE}. Holds when at least one of them follows the NTM algorithm on most traced held-out sequences: the exact (Clopper–Pearson) interval of its fraction of following sequences, at level 1 − ${ALPHA}/m for m learned runs (Bonferroni), lies above ½. Fails when learned runs exist and every one's interval lies below ½. Inconclusive otherwise, or with no learned run. The rate across learned runs is reported, not decided.`;

function algorithmPart(id: string, task: TaskName, text: string, needs: string): PartRule {
  return {
    id,
    text,
    brief: `a learned run whose Clopper–Pearson interval (Bonferroni over learned runs) of sequences following lies above ½`,
    rule: RULE,
    decide(input: Section6Input): PartOutcome {
      const rec = recordFor(input, task);
      const runs = rec ? rec.record.runs.filter((r) => r.model === 'matntm' && r.algorithm) : [];
      if (runs.length === 0) return { verdict: 'inconclusive', cases: 0, detail: `No traced MatNTM ${task} run: ${needs}.` };
      const used = runs.filter(learned);
      const level = ALPHA / Math.max(1, used.length);
      const rows = runs.map((run) => {
        const a = run.algorithm!;
        const [lo, hi] = clopperPearson(a.following, a.sequences, level);
        return { id: run.id, seed: run.seed, learned: learned(run), error: finalError(run), following: a.following, sequences: a.sequences, fraction: a.fraction, lo, hi, follows: lo > 0.5, doesNot: hi < 0.5 };
      });
      const learnedRows = rows.filter((r) => r.learned);
      const following = learnedRows.filter((r) => r.follows);
      const verdict = decide(following.length > 0, learnedRows.length > 0 && learnedRows.every((r) => r.doesNot));
      const best = (learnedRows.length ? learnedRows : rows).reduce((a, b) => (b.lo > a.lo ? b : a));
      const items = rows.map((r) =>
        evidence(
          `${task} ${r.id}${r.learned ? '' : ' (did not learn: reported, not used)'}`,
          r.learned ? decide(r.follows, r.doesNot) : 'inconclusive',
          `${r.following} of ${r.sequences} traced held-out sequences follow the NTM algorithm (${fmt(100 * r.fraction, 1)}%, exact ${fmt(100 * (1 - level), 1)}% interval ${fmt(100 * r.lo, 1)}–${fmt(100 * r.hi, 1)}%); final error ${fmt(r.error)} wrong bits per matrix`,
        ),
      );
      const detail =
        learnedRows.length === 0
          ? `No MatNTM ${task} run learned the task (zero error), so what a learned MatNTM does cannot be judged from this record; ${rows.length} traced run(s) reported, not used (best: ${best.id}, ${best.following} of ${best.sequences} sequences follow).`
          : `${following.length} of ${learnedRows.length} learned run(s) follow the NTM algorithm on most traced sequences (interval above ½)${following.length ? `: ${following.map((r) => `${r.id} (${r.following} of ${r.sequences})`).join(', ')}` : ''}; rate across learned runs ${following.length}/${learnedRows.length} (reported, not decided).`;
      return {
        verdict,
        cases: learnedRows.length,
        detail,
        evidence: items,
        worst: { run: best.id, following: best.following, sequences: best.sequences, lower: best.lo, upper: best.hi, level: 1 - level },
        counterexample: verdict === 'fails' ? { runs: learnedRows.map((r) => ({ run: r.id, following: r.following, sequences: r.sequences, upper: r.hi })) } : null,
        statistics: statistics('fraction of traced sequences following the NTM algorithm, per learned run', learnedRows.map((r) => r.fraction)),
      };
    },
  };
}

export default section6Claim({
  id: 'sec6.ntm-algorithm',
  source: 'Section 6, Figs. 6 and 8',
  sentence:
    'As expected, the MatNTM learns the same algorithm for a copy task similar to the NTM (Fig. 6); Figure 8 further depicts that the algorithm learned by MatNTM is identical to usual NTMs',
  reading:
    'the paper shows one trained network per task, as an example: a MatNTM that has learned the task can follow the NTM algorithm (copy: the write head advances one slot per input and the read head revisits the same slots in order; recall: the read head lands on the slots of the item after the query).',
  order: 210,
  parts: [
    algorithmPart('a', 'copy', 'on copy (Fig. 6), a MatNTM that learned the task follows the NTM algorithm', MAKE_COPY),
    algorithmPart('b', 'recall', 'on recall (Fig. 8), a MatNTM that learned the task follows the NTM algorithm', MAKE_RECALL),
  ],
});
