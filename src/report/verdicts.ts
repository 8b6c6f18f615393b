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
