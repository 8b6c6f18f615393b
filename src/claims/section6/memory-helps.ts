/**
 * The parts shared by the "memory helps" claims (Figs. 5 and 7): the MatNTM ends below the Matrix
 * RNN seed by seed, and how often each model learns.
 */
import type { TaskName } from '../../matntm/tasks/types.ts';
import { binomialLowerTail, fisherOneSided, signTest } from '../exact-tests.ts';
import { statistics } from '../verdict.ts';
import { ALPHA, decide, describeSignTest, evidence, finalError, fmt, fmtP, learned, LEARNED_RULE, nearlyLearned, NEARLY_BELOW, pairedRuns, recordFor, signVerdict, type Section6Input } from './common.ts';
import type { PartOutcome, PartRule } from './parts.ts';

function noRecord(task: TaskName, needs: string): PartOutcome {
  return { verdict: 'inconclusive', cases: 0, detail: `No ${task} record with both models to decide it: ${needs}.` };
}

/** (Paired by seed) the MatNTM's final held-out error below the Matrix RNN's: exact sign test. */
export function belowPerSeedPart(id: string, task: TaskName, text: string, needs: string): PartRule {
  return {
    id,
    text,
    brief: `MatNTM below Matrix RNN per seed; exact one-sided sign test at ${ALPHA}`,
    rule: `Per seed, the MatNTM's final held-out wrong bits per matrix below the Matrix RNN's; exact one-sided sign test over seeds: holds at p ≤ ${ALPHA}, fails when the opposite direction has p ≤ ${ALPHA}, inconclusive otherwise.`,
    decide(input: Section6Input): PartOutcome {
      const rec = recordFor(input, task);
      const pairs = rec ? pairedRuns(rec.record) : [];
      if (pairs.length === 0) return noRecord(task, needs);
      const d = pairs.map((p) => finalError(p.matrnn) - finalError(p.matntm));
      const t = signTest(d);
      const verdict = signVerdict(t);
      const perSeed = pairs.map((p) => ({ seed: p.seed, matntm: finalError(p.matntm), matrnn: finalError(p.matrnn) }));
      const worst = perSeed.reduce((a, b) => (b.matrnn - b.matntm < a.matrnn - a.matntm ? b : a));
      return {
        verdict,
        cases: pairs.length,
        detail: `The MatNTM ends below the Matrix RNN on ${t.agree} of ${pairs.length} seeds${t.agree === pairs.length ? ' (every seed)' : ''}; ${describeSignTest(t, 'MatNTM below')}`,
        evidence: [evidence('sign test over seeds', verdict, `per seed, MatNTM vs Matrix RNN wrong bits per matrix: ${perSeed.map((s) => `seed ${s.seed}: ${fmt(s.matntm)} vs ${fmt(s.matrnn)}`).join(', ')}`)],
        worst: { seed: worst.seed, matntmWrongBitsPerMatrix: worst.matntm, matrnnWrongBitsPerMatrix: worst.matrnn },
        counterexample: verdict === 'fails' ? { perSeed, signTest: t } : null,
        statistics: statistics('Matrix RNN − MatNTM final wrong bits per matrix, per seed', d),
      };
    },
  };
}

/** The fewest learned MatNTM runs of n1 that would make Fisher's one-sided p ≤ ALPHA against `other` of n2 (null: none would). */
function learnedNeeded(n1: number, other: number, n2: number): number | null {
  for (let k = 0; k <= n1; k++) if (fisherOneSided(k, n1 - k, other, n2 - other) <= ALPHA) return k;
  return null;
}

/** The MatNTM learns and the Matrix RNN does not: learned counts against each other, Fisher's exact test. */
export function learnsWhereBaselineDoesNotPart(id: string, task: TaskName, text: string, needs: string): PartRule {
  return {
    id,
    text,
    brief: `learned (zero held-out error) runs, MatNTM against Matrix RNN; one-sided Fisher exact test at ${ALPHA}`,
    rule: `${LEARNED_RULE[0].toUpperCase()}${LEARNED_RULE.slice(1)}. Learned runs per model, MatNTM against Matrix RNN, Fisher's exact test, one-sided: holds at p ≤ ${ALPHA}; fails when the Matrix RNN learns more often at p ≤ ${ALPHA}; inconclusive otherwise, saying what the number of runs could show.`,
    decide(input: Section6Input): PartOutcome {
      const rec = recordFor(input, task);
      if (!rec) return noRecord(task, needs);
      const ntm = rec.record.runs.filter((r) => r.model === 'matntm');
      const rnn = rec.record.runs.filter((r) => r.model === 'matrnn');
      if (ntm.length === 0 || rnn.length === 0) return noRecord(task, needs);
      const a = ntm.filter(learned).length;
      const c = rnn.filter(learned).length;
      const p = fisherOneSided(a, ntm.length - a, c, rnn.length - c);
      const pOpp = fisherOneSided(c, rnn.length - c, a, ntm.length - a);
      const verdict = decide(p <= ALPHA, pOpp <= ALPHA);
      const need = learnedNeeded(ntm.length, c, rnn.length);
      const reach =
        verdict === 'inconclusive'
          ? need === null
            ? ` With ${ntm.length} MatNTM and ${rnn.length} Matrix RNN runs, no count of learned MatNTM runs could reach p ≤ ${ALPHA}.`
            : ` With ${ntm.length} runs of each, at least ${need} learned MatNTM runs (against the Matrix RNN's ${c}) are needed for p ≤ ${ALPHA}.`
          : '';
      const near = `Nearly learned (< ${NEARLY_BELOW} wrong bits per matrix, context only): MatNTM ${ntm.filter(nearlyLearned).length}/${ntm.length}, Matrix RNN ${rnn.filter(nearlyLearned).length}/${rnn.length}.`;
      return {
        verdict,
        cases: ntm.length + rnn.length,
        detail: `Learned (zero error): MatNTM ${a} of ${ntm.length}, Matrix RNN ${c} of ${rnn.length}; Fisher's exact test, one-sided, p = ${fmtP(p)} (Matrix RNN more often: p = ${fmtP(pOpp)}).${reach} ${near}`,
        evidence: [
          evidence('learned runs, MatNTM', verdict, ntm.map((r) => `seed ${r.seed}: ${fmt(finalError(r))}${learned(r) ? ' (learned)' : ''}`).join(', ')),
          evidence('learned runs, Matrix RNN', verdict, rnn.map((r) => `seed ${r.seed}: ${fmt(finalError(r))}${learned(r) ? ' (learned)' : ''}`).join(', ')),
        ],
        worst: { matntmLearned: a, matntmRuns: ntm.length, matrnnLearned: c, matrnnRuns: rnn.length, p },
        counterexample: verdict === 'fails' ? { matntmLearned: a, matrnnLearned: c, p: pOpp } : null,
      };
    },
  };
}

/**
 * The MatNTM solves the task in some runs, as the paper's k of n: holds when at least one run is
 * solved; fails when so few are that the paper's rate would make it unlikely (binomial lower tail ≤ ALPHA).
 */
export function solvesInSomeRunsPart(id: string, task: TaskName, text: string, paper: { solved: number; of: number }, needs: string): PartRule {
  const rate = paper.solved / paper.of;
  return {
    id,
    text,
    brief: `at least one MatNTM run with zero held-out error; fails only if none and P(none at the rate ${paper.solved}/${paper.of}) ≤ ${ALPHA}`,
    rule: `${LEARNED_RULE[0].toUpperCase()}${LEARNED_RULE.slice(1)}. Holds when at least one MatNTM run has learned; fails when none has and the paper's rate ${paper.solved}/${paper.of} would make that unlikely (binomial P(0 of n | ${fmt(rate, 2)}) ≤ ${ALPHA}); inconclusive otherwise, saying how many runs could tell.`,
    decide(input: Section6Input): PartOutcome {
      const rec = recordFor(input, task);
      const ntm = rec ? rec.record.runs.filter((r) => r.model === 'matntm') : [];
      if (ntm.length === 0) return noRecord(task, needs);
      const k = ntm.filter(learned).length;
      const pNone = binomialLowerTail(0, ntm.length, rate);
      const verdict = decide(k > 0, k === 0 && pNone <= ALPHA);
      let runsToTell = ntm.length;
      while (binomialLowerTail(0, runsToTell, rate) > ALPHA) runsToTell++;
      const best = ntm.reduce((x, y) => (finalError(y) < finalError(x) ? y : x));
      const detail =
        k > 0
          ? `${k} of ${ntm.length} MatNTM runs learned (zero error; the paper: ${paper.solved} of ${paper.of}).`
          : `No MatNTM run learned (best: seed ${best.seed}, ${fmt(finalError(best))} wrong bits per matrix). Were the paper's rate ${paper.solved}/${paper.of} true, 0 of ${ntm.length} would have probability ${fmtP(pNone)}${pNone > ALPHA ? `: ${ntm.length} runs cannot tell 0 of ${ntm.length} from the paper's ${paper.solved} of ${paper.of}; ${runsToTell} runs with none learned would` : ''}.`;
      return {
        verdict,
        cases: ntm.length,
        detail,
        evidence: [evidence('MatNTM runs', verdict, ntm.map((r) => `seed ${r.seed}: ${fmt(finalError(r))}${learned(r) ? ' (learned)' : ''}`).join(', '))],
        worst: { learned: k, runs: ntm.length, bestSeed: best.seed, bestWrongBitsPerMatrix: finalError(best), probabilityOfNoneAtPaperRate: pNone },
        counterexample: verdict === 'fails' ? { learned: 0, runs: ntm.length, probabilityOfNoneAtPaperRate: pNone } : null,
      };
    },
  };
}
