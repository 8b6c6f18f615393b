/**
 * What report.md and report.html show of a property run beside its verdict: what became of the
 * generated cases (held, failed, undecided, undefined and why), the smallest margin, and the coverage
 * table (cases per bucket of each dimension; an empty bucket the statement covers marked, an
 * unreachable one with its reason).
 */
import type { ClaimResult, CoverageBucket } from '../core/types.ts';

/** "2000 tried: 1940 held, 60 failed (60 ties), 0 undecided, 0 undefined (…)". */
export function caseCountsText(r: ClaimResult): string | undefined {
  const k = r.caseCounts;
  if (!k) return undefined;
  const reasons = Object.entries(k.undefinedReasons).map(([why, n]) => `${n} ${why}`).join(', ');
  return `${k.tried} tried: ${k.held} held, ${k.failed} failed${k.ties !== undefined ? ` (${k.ties} ties within the error bound)` : ''}, ${k.undecided} undecided, ${k.undefined} undefined${reasons ? ` (${reasons})` : ''}`;
}

export function smallestMarginText(r: ClaimResult): string | undefined {
  const s = r.smallestMargin;
  return s ? `smallest margin ${s.margin.toPrecision(4)} (room after its error bound ${s.errorBound.toPrecision(4)}), case ${s.index}` : undefined;
}

/** What a bucket's status means, in a few words. */
export function bucketNote(b: CoverageBucket): string {
  if (b.status === 'required') return b.cases === 0 ? 'EMPTY: the statement covers it' : '';
  if (b.status === 'unreachable') return `unreachable: ${b.reason ?? ''}`;
  if (b.status === 'outside') return "outside the statement's hypotheses";
  return 'a result, not a region';
}

/** The coverage table as rows: dimension (on its first bucket only), bucket, cases, note. */
export function coverageRows(r: ClaimResult): { dimension: string; bucket: string; cases: number; note: string }[] {
  return (r.coverage ?? []).flatMap((d) => d.buckets.map((b, i) => ({ dimension: i === 0 ? d.dimension : '', bucket: b.bucket, cases: b.cases, note: bucketNote(b) })));
}
