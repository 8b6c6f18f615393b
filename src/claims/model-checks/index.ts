/** Runs the model checks on the pinned cases and turns each into a verdict with its evidence. */
import type { ModelCheckReport, Verdict } from '../../core/types.ts';
import { digestVector, VERBATIM_ENTRIES } from '../../core/digest.ts';
import { clearSharedRoutes, MODEL_CHECKS, type CheckCase, type ModelCheck } from './checks.ts';
import { PINNED_CASES, PINNED_MEMORY_CASES } from './pinned-cases.ts';

/** The largest relative difference between two lists of numbers, scaled by the largest entry. */
export function relativeGap(a: number[], b: number[]): number {
  if (a.length !== b.length) return Infinity;
  const scale = Math.max(...a.map(Math.abs), ...b.map(Math.abs), 1e-300);
  let gap = 0;
  for (let i = 0; i < a.length; i++) gap = Math.max(gap, Number.isNaN(a[i] - b[i]) ? Infinity : Math.abs(a[i] - b[i]) / scale);
  return gap;
}

/** Within the tolerance everywhere: holds; beyond 100× it anywhere: fails; in between: inconclusive. */
function verdictOf(gaps: number[], tolerance: number): Verdict {
  if (gaps.some((g) => !(g <= 100 * tolerance))) return 'fails';
  return gaps.every((g) => g <= tolerance) ? 'holds' : 'inconclusive';
}

function runCheck(check: ModelCheck): ModelCheckReport {
  let cases: CheckCase[];
  try {
    cases = check.run();
  } catch (err) {
    // a route that throws on a pinned case (both are defined on every one of them) disagrees with the other
    return { id: check.id, subject: check.subject, against: check.against, measure: check.measure, tolerance: check.tolerance, toleranceReason: check.toleranceReason, verdict: verdictOf([Infinity], check.tolerance), detail: `a route failed on a pinned case: ${(err as Error).message}`, cases: [] };
  }
  const rows = cases.map((c) => ({ ...c, gap: check.measure === 'z' ? (c.z ?? Infinity) : relativeGap(c.subject, c.reference) }));
  const verdict = verdictOf(rows.map((r) => r.gap), check.tolerance);
  const worst = rows.reduce((a, b) => (b.gap > a.gap ? b : a), rows[0]);
  const what = check.measure === 'z' ? '|z|' : 'relative gap';
  return {
    id: check.id,
    subject: check.subject,
    against: check.against,
    measure: check.measure,
    tolerance: check.tolerance,
    toleranceReason: check.toleranceReason,
    verdict,
    detail: `${rows.length} pinned case(s); largest ${what} ${worst ? worst.gap.toExponential(2) : 'n/a'} (case ${worst?.case}) against the tolerance ${check.tolerance.toExponential(2)}`,
    // long outputs (a 64×64 covariance) travel as their digest; the gap above is from every entry
    cases: rows.map((r) => ({ case: r.case, subject: digestVector(r.subject), reference: digestVector(r.reference), gap: r.gap, ...(r.subject.length > VERBATIM_ENTRIES ? { entries: r.subject.length } : {}) })),
  };
}

export function runModelChecks(onCheck?: (id: string) => void): ModelCheckReport[] {
  clearSharedRoutes();
  try {
    return MODEL_CHECKS.map((c) => {
      onCheck?.(`model check ${c.id}`);
      return runCheck(c);
    });
  } finally {
    clearSharedRoutes();
  }
}

export const MODEL_CHECK_IDS = MODEL_CHECKS.map((c) => c.id);

/** One model check by id (a unit of a verify shard). */
export function runModelCheck(id: string): ModelCheckReport {
  const check = MODEL_CHECKS.find((c) => c.id === id);
  if (!check) throw new Error(`no model check ${id}`);
  return runCheck(check);
}
export { PINNED_CASES, PINNED_MEMORY_CASES };
