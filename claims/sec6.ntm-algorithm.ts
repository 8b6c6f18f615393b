/**
 * sec6.ntm-algorithm (Figs. 6, 8): the MatNTM that learns a task does it with the NTM's algorithm.
 * Per MatNTM run that learned its task, the fraction of traced held-out sequences that follow the
 * algorithm (trace.ts), with its exact (Clopper–Pearson) 95% interval: a run follows it when the
 * interval lies above ½, does not when it lies below ½.
 */
import type { ClaimResult, Verdict } from '../src/core/types.ts';
import { binomialUpperTail, clopperPearson } from '../src/claims/exact-tests.ts';
import { combineVerdicts, statistics } from '../src/claims/verdict.ts';
import { ALPHA, evidence, finalError, fmt, fmtP, learned, LEARNED_BELOW, MAKE_COPY, noRecord, replayCommand, type Section6Input } from '../src/claims/section6/common.ts';
import { defineClaim } from '../src/claims/unit.ts';
import { section6Check } from '../src/claims/section6/common.ts';

const ID = 'sec6.ntm-algorithm';

/** A run follows the algorithm when the interval of its fraction lies above ½, does not when it lies below. */
function runVerdict(lo: number, hi: number): Verdict {
  return lo > 0.5 ? 'holds' : hi < 0.5 ? 'fails' : 'inconclusive';
}

function evaluate(input: Section6Input): ClaimResult {
  const runs = input.records.flatMap((r) => r.record.runs.filter((x) => x.model === 'matntm' && x.algorithm).map((run) => ({ task: r.record.config.task, run })));
  if (runs.length === 0) return noRecord(ID, input, MAKE_COPY.replace('--models matntm,matrnn', '--models matntm'));
  const replay = replayCommand(ID, input);
  const rows = runs.map(({ task, run }) => {
    const a = run.algorithm!;
    const [lo, hi] = clopperPearson(a.following, a.sequences);
    return { task, id: run.id, learned: learned(run), error: finalError(run), following: a.following, sequences: a.sequences, fraction: a.fraction, lo, hi, readMatch: a.readMatch, writeAdvance: a.writeAdvance, verdict: runVerdict(lo, hi) };
  });
  const used = rows.filter((r) => r.learned);
  const items = rows.map((r) =>
    evidence(
      `${r.task} ${r.id}${r.learned ? '' : ' (did not learn: reported, not combined)'}`,
      r.verdict,
      `${r.following} of ${r.sequences} traced held-out sequences follow the NTM algorithm (${fmt(100 * r.fraction, 1)}%, exact 95% interval ${fmt(100 * r.lo, 1)}–${fmt(100 * r.hi, 1)}%); read focus on the written slot at ${fmt(100 * r.readMatch, 1)}% of output steps${r.writeAdvance !== undefined ? `, write focus advancing one slot at ${fmt(100 * r.writeAdvance, 1)}% of input steps` : ''}; final error ${fmt(r.error)} wrong bits per matrix`,
    ),
  );
  const verdict = used.length === 0 ? combineVerdicts([]) : combineVerdicts(used.map((r) => r.verdict));
  const following = used.filter((r) => r.verdict === 'holds').length;
  // over runs: the chance that this many of the learned runs follow the algorithm if each did so with probability ½
  const pRuns = used.length ? binomialUpperTail(following, used.length) : 1;
  const failing = used.find((r) => r.verdict === 'fails');
  const weakest = used.length ? used.reduce((a, b) => (b.lo < a.lo ? b : a)) : rows.reduce((a, b) => (b.lo < a.lo ? b : a));
  return {
    model: 'experiment',
    verdict,
    cases: used.length,
    worst: { run: `${weakest.task} ${weakest.id}`, following: weakest.following, sequences: weakest.sequences, lower95: weakest.lo, upper95: weakest.hi },
    counterexample: failing ? { run: `${failing.task} ${failing.id}`, following: failing.following, sequences: failing.sequences, upper95: failing.hi, readMatch: failing.readMatch, ...(failing.writeAdvance !== undefined ? { writeAdvance: failing.writeAdvance } : {}) } : null,
    replay,
    detail:
      used.length === 0
        ? `No MatNTM run learned its task (final held-out error < ${LEARNED_BELOW} wrong bits per matrix), so the learned algorithm cannot be judged; ${rows.length} unlearned run(s) reported.`
        : `${following} of ${used.length} MatNTM runs that learned their task follow the NTM algorithm on most traced held-out sequences (each run: exact 95% interval of the fraction above ½); over runs, P(≥ ${following} of ${used.length} | ½) = ${fmtP(pRuns)}${pRuns <= ALPHA ? '' : ` (not significant at ${ALPHA}; with ${used.length} learned run(s) the smallest possible p is ${fmtP(0.5 ** used.length)})`}.`,
    statistics: statistics('fraction of traced sequences following the NTM algorithm, per learned run', (used.length ? used : rows).map((r) => r.fraction)),
    evidence: items,
  };
}

export default defineClaim({
  id: ID,
  source: 'Section 6, Figs. 6 and 8',
  statement:
    'A MatNTM that learns a task uses the NTM algorithm: on copy the write head advances one slot per input and the read head revisits the same slots in order; on recall the read head lands on the slot after the queried item. Judged per learned run from traced held-out sequences (exact 95% interval of the fraction that follow, against ½).',
  order: 210,
  checks: [section6Check(evaluate)],
});
