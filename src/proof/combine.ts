/** The combination of a step's witnesses into its verdict: the witnesses that finished decide; disagreement is reported, not resolved. */
import type { StepMethod, Verdict, WitnessResult } from '../core/types.ts';

const METHOD_RANK: StepMethod[] = ['symbolic', 'identity', 'numeric'];

export function combineWitnesses(results: WitnessResult[]): { verdict: Verdict; method: StepMethod; detail: string } {
  const finished = results.filter((r) => r.verdict !== 'inconclusive');
  const summary = results.map((r) => `${r.witness}: ${r.verdict}`).join(', ');
  const methodOf = (rs: WitnessResult[]): StepMethod => METHOD_RANK.find((m) => rs.some((r) => r.witness === m)) ?? 'numeric';
  if (finished.length === 0) {
    return { verdict: 'inconclusive', method: methodOf(results), detail: `no witness finished (${summary}): ${results.map((r) => r.detail).join(' | ')}` };
  }
  const verdicts = new Set(finished.map((r) => r.verdict));
  if (verdicts.size > 1) {
    return {
      verdict: 'inconclusive',
      method: methodOf(finished),
      detail: `WITNESSES DISAGREE (${summary}) — reported, not resolved: ${finished.map((r) => `${r.witness}: ${r.detail}`).join(' | ')}`,
    };
  }
  const verdict = finished[0].verdict;
  const unfinished = results.filter((r) => r.verdict === 'inconclusive');
  const tail = unfinished.length ? `; the verdict follows the witnesses that finished (${finished.map((r) => r.witness).join(', ')}); ${unfinished.map((r) => `${r.witness} inconclusive: ${r.detail}`).join('; ')}` : '';
  return { verdict, method: methodOf(finished), detail: `${verdict === 'holds' ? 'all finished witnesses agree it holds' : 'all finished witnesses agree it fails'} (${summary})${tail}` };
}
