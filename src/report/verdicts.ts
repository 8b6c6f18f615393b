/** Lookups over the report model shared by the renderers: a claim's result per model, verdict tallies. */
import type { ClaimReport, ClaimResult, ModelName, Report, Verdict, WitnessResult } from '../core/types.ts';

/** The verdict table's columns, in order. */
export const MODELS: readonly ModelName[] = ['paper', 'exact', 'experiment'];
export const VERDICTS: readonly Verdict[] = ['holds', 'fails', 'inconclusive'];

export function resultFor(claim: ClaimReport, model: ModelName): ClaimResult | undefined {
  return claim.results.find((r) => r.model === model);
}

/** How many claims have each verdict in each model. */
export function verdictTally(report: Report): Record<ModelName, Record<Verdict, number>> {
  const tally = Object.fromEntries(MODELS.map((m) => [m, Object.fromEntries(VERDICTS.map((v) => [v, 0]))])) as Record<ModelName, Record<Verdict, number>>;
  for (const c of report.claims) for (const r of c.results) if (tally[r.model]) tally[r.model][r.verdict] += 1;
  return tally;
}

/** "paper model: 10 hold, 3 fail, 1 inconclusive" */
export function tallySentence(report: Report, model: ModelName): string {
  const t = verdictTally(report)[model];
  return `${model === 'experiment' ? 'experiments (Section 6)' : `${model} model`}: ${t.holds} hold, ${t.fails} fail, ${t.inconclusive} inconclusive`;
}

/** The structured evidence of a witness in one line: points and error bound, or cases, worst gap and tolerance. */
export function witnessEvidence(w: WitnessResult): string {
  const parts: string[] = [];
  if (w.points !== undefined) parts.push(`${w.points} exact points`);
  if (w.errorBound !== undefined) parts.push(`P(a false identity passes) ≤ ${w.errorBound.toExponential(2)} (Schwartz–Zippel, degree ≤ ${w.degree}, ${w.valuesPerCoordinate} values per coordinate)`);
  if (w.cases !== undefined) parts.push(`${w.cases} cases${w.skipped ? ` (+${w.skipped} skipped)` : ''}`);
  if (w.worstGap !== undefined && Number.isFinite(w.worstGap)) parts.push(`worst gap ${w.worstGap.toExponential(2)} vs tolerance ${w.tolerance?.toExponential(2)}`);
  if (w.toleranceReason) parts.push(`tolerance: ${w.toleranceReason}`);
  return parts.join('; ');
}

/** Abbreviations whose period does not end a sentence ("Eq. 34", "Figs. 5 and 7", "e.g. this"). */
const ABBREVIATION = /\b(?:Eqs?|Figs?|e\.g|i\.e|cf|vs|resp)\.$/;

/**
 * The text up to the first '.' or ';' that ends a sentence (followed by a space or the end, not an
 * abbreviation's period). A ':' does not end it: what follows the colon is the point. A closing ';'
 * is dropped.
 */
export function firstSentence(text: string): string {
  const end = /[.;](?=\s|$)/g;
  for (let m = end.exec(text); m; m = end.exec(text)) {
    const upto = text.slice(0, m.index + 1);
    if (m[0] === '.' && ABBREVIATION.test(upto)) continue;
    return m[0] === ';' ? upto.slice(0, -1) : upto;
  }
  return text;
}

/**
 * Why a claim has its verdicts, in one line: the first sentence of the detail of the result that
 * decides the row (a failing model first, then an inconclusive one, else the exact model's).
 */
export function whyOf(claim: ClaimReport, max = 170): string {
  const pick = claim.results.find((r) => r.verdict === 'fails') ?? claim.results.find((r) => r.verdict === 'inconclusive') ?? resultFor(claim, 'exact') ?? claim.results[0];
  if (!pick) return 'no check decides it in any model';
  // a claim in parts: the part that decides the verdict (the first that fails, else the first not holding)
  const part = pick.statementParts?.find((p) => p.verdict === 'fails') ?? pick.statementParts?.find((p) => p.verdict !== 'holds');
  const text = (part ? `(${part.id}) ${part.text}: ${part.detail}` : pick.detail).replace(/\s+/g, ' ').trim();
  const first = firstSentence(text);
  const line = claim.results.length > 1 ? `${pick.model}: ${first}` : first;
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}
