/**
 * The one rule that turns evidence into verdicts, used by the claims, the derivation checker and
 * the report alike.
 *
 * A case of a claim has a signed margin (≥ 0: the claim holds for it; an identity's margin is
 * −|gap|) and an error bound (|margin| below it decides nothing):
 *   identity    holds within the bound, fails beyond 1000× it, undecided between;
 *   inequality  (a ≤ b, margin b − a) fails below −1000× the bound, holds above −bound, undecided between;
 *   strict      (a < b, margin b − a) holds only above the bound: a tie does not confirm it.
 * Cases combine into a verdict, and verdicts into one: any fails → fails (each comes with a
 * counterexample); otherwise any undecided or inconclusive, or nothing at all → inconclusive; else holds.
 */
import type { Verdict } from './types.ts';

export type ClaimKind = 'identity' | 'inequality' | 'strict';
export type CaseClass = 'holds' | 'fails' | 'undecided' | 'undefined';

/** The class of one defined case from its margin and error bound. */
export function classifyCase(kind: ClaimKind, margin: number, errorBound: number): Exclude<CaseClass, 'undefined'> {
  const b = errorBound;
  if (kind === 'identity') return -margin > 1000 * b ? 'fails' : -margin <= b ? 'holds' : 'undecided';
  if (kind === 'strict') return margin > b ? 'holds' : 'fails';
  return margin < -1000 * b ? 'fails' : margin >= -b ? 'holds' : 'undecided';
}

/** The verdict of a set of classified cases (undefined ones are counted elsewhere, not used). */
export function verdictOfCases(classes: CaseClass[]): Verdict {
  const defined = classes.filter((c) => c !== 'undefined');
  return combineVerdicts(defined.map((c) => (c === 'undecided' ? 'inconclusive' : c)));
}

/**
 * Independent witnesses of one result (a numeric comparison and a simulation): their common verdict
 * when they all agree; when they disagree, or there are none, inconclusive (reported, not resolved).
 */
export function agreedVerdict(verdicts: Verdict[]): Verdict {
  return verdicts.length > 0 && verdicts.every((v) => v === verdicts[0]) ? verdicts[0] : combineVerdicts([]);
}

export function combineVerdicts(verdicts: Verdict[]): Verdict {
  if (verdicts.includes('fails')) return 'fails';
  if (verdicts.length === 0 || verdicts.includes('inconclusive')) return 'inconclusive';
  return 'holds';
}

/**
 * The margin as reported (ClaimResult.worst): the room a case leaves after its error bound, ≥ 0
 * exactly when the case confirms the claim (identity: bound − |gap|; ≤: b − a + bound; <: b − a − bound).
 */
export function reportedMargin(o: { margin: number; errorBound: number }, kind: ClaimKind): number {
  if (kind === 'identity') return o.errorBound + o.margin;
  if (kind === 'strict') return o.margin - o.errorBound;
  return o.margin + o.errorBound;
}
