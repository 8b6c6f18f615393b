/**
 * The words of a claim and of its report, without the measured numbers: every string and every key of the
 * definition and of each result (statement, details, quantity names, witnesses' and evidence sources, replay
 * commands), with each non-integer number, and each decimal or exponent written inside a string, replaced by
 * '#'. Counts stay (they are integers and exact). What is left is what a reader sees when the numbers are
 * covered; test/claim-units/claim-evidence.test.ts compares it with fixtures/claim-texts.json, so that a
 * changed statement, detail sentence or label is a reviewed change, as a changed number is.
 */
import type { ClaimReport } from '../../src/core/types.ts';
import type { ClaimDefinition } from '../../src/claims/unit.ts';

const WRITTEN_FLOAT = /\d+\.\d+(?:e[+-]?\d+)?|\d+e[+-]?\d+|NaN|-?Infinity|∞/gi;

export function withoutMeasuredNumbers(value: unknown): unknown {
  if (typeof value === 'number') return Number.isInteger(value) ? value + 0 : '#'; // + 0: JSON writes −0 as 0
  if (typeof value === 'string') return value.replace(WRITTEN_FLOAT, '#');
  if (Array.isArray(value)) return value.map(withoutMeasuredNumbers);
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withoutMeasuredNumbers(v)]));
  return value;
}

/**
 * The claim's own texts as written (nothing in them is measured, so "Corollary 1.1" stays whole) and its
 * report's, where only the computed results have their numbers covered.
 */
export function claimReportText(claim: ClaimDefinition, report: ClaimReport): unknown {
  const { checks, ...definition } = claim;
  return { definition, checks: checks.map((c) => c.source), report: { ...report, results: withoutMeasuredNumbers(report.results) } };
}
