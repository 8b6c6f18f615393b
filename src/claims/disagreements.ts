/**
 * What was found when a registry source and a derivation step disagreed on a claim in a model.
 * Each entry is the result of an investigation (the numbers are in the report's evidence); a
 * disagreement without an entry is reported as open, never hidden.
 */
import type { ModelName } from '../core/types.ts';

const FINDINGS: Record<string, string> = {};

export function disagreementFinding(claim: string, model: ModelName, holds: string[], fails: string[]): string {
  const known = FINDINGS[`${claim}/${model}`];
  if (known) return known;
  return `Not yet explained: compare the failing evidence's counterexample (${fails.join(', ')}) with what the holding evidence checks (${holds.join(', ')}); the verdict follows the counterexample.`;
}
