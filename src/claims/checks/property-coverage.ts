/**
 * Coverage of a property run: every generated case is labelled, per model, with one bucket of each of
 * the property's coverage dimensions (its family, spectrum kind, size N, distance to the claim's
 * boundary — fast-check's `classify`/`statistics` idea, counted instead of printed), and the report
 * shows how many cases fell in each declared bucket. A bucket the statement covers that no case
 * reached shows as empty; a property declares the buckets no case can reach, with the reason.
 */
import type { AnalyticModel as ModelName, CoverageBucket, CoverageDimensionReport } from '../../core/types.ts';
import type { CaseEvaluation } from './property-kit.ts';

export interface CoverageDimension<C> {
  /** What the buckets sort by, e.g. "N", "spectrum", "J_rel/N² (N ≥ 2)". */
  name: string;
  /** Every bucket, in display order (a bucket no case reached still shows, with 0). */
  buckets: readonly string[];
  /** The case's bucket in this model; undefined when the dimension does not count the case (e.g. an undefined case has no distance to the boundary). */
  bucket(c: C, e: CaseEvaluation, model: ModelName): string | undefined;
  /** Buckets that are results rather than regions (a violation, an undecided gap): shown, never required. */
  outcomes?: readonly string[];
  /** Buckets outside the statement's hypotheses (a claim about normal U, V shows its non-normal bucket empty): never required. */
  outside?: readonly string[];
  /** Buckets the statement covers but no case can reach, in the models named, with the reason. */
  unreachable?: readonly { bucket: string; models: readonly ModelName[]; reason: string }[];
}

/** The declared dimensions as data (what a shard carries for the merge, which runs no property code). */
export interface CoverageDeclaration {
  name: string;
  buckets: string[];
  outcomes: string[];
  outside: string[];
  unreachable: { bucket: string; models: ModelName[]; reason: string }[];
}

/** dimension → bucket → cases. */
export type CoverageCounts = Record<string, Record<string, number>>;

export function declareCoverage<C>(dims: readonly CoverageDimension<C>[]): CoverageDeclaration[] {
  return dims.map((d) => ({
    name: d.name,
    buckets: [...d.buckets],
    outcomes: [...(d.outcomes ?? [])],
    outside: [...(d.outside ?? [])],
    unreachable: (d.unreachable ?? []).map((u) => ({ bucket: u.bucket, models: [...u.models], reason: u.reason })),
  }));
}

/** Every declared bucket at 0. */
export function emptyCoverageCounts(decl: readonly CoverageDeclaration[]): CoverageCounts {
  return Object.fromEntries(decl.map((d) => [d.name, Object.fromEntries(d.buckets.map((b) => [b, 0]))]));
}

/** Counts one evaluated case in each dimension; a label outside the declared buckets is a bug of the property. */
export function countCase<C>(counts: CoverageCounts, dims: readonly CoverageDimension<C>[], c: C, e: CaseEvaluation, model: ModelName): void {
  for (const d of dims) {
    const b = d.bucket(c, e, model);
    if (b === undefined) continue;
    const row = counts[d.name];
    if (!(b in row)) throw new Error(`coverage dimension "${d.name}" labelled a case "${b}", which is not one of its buckets (${d.buckets.join(', ')})`);
    row[b]++;
  }
}

/** The sum of several runs' counts (the slices of a sharded run). */
export function addCoverageCounts(into: CoverageCounts, more: CoverageCounts): CoverageCounts {
  for (const [dim, row] of Object.entries(more)) {
    const target = (into[dim] ??= {});
    for (const [b, n] of Object.entries(row)) target[b] = (target[b] ?? 0) + n;
  }
  return into;
}

/** The report's coverage table for one model: each bucket with its count and its status. */
export function coverageReport(decl: readonly CoverageDeclaration[], counts: CoverageCounts, model: ModelName): CoverageDimensionReport[] {
  return decl.map((d) => ({
    dimension: d.name,
    buckets: d.buckets.map((bucket): CoverageBucket => {
      const cases = counts[d.name]?.[bucket] ?? 0;
      const unreachable = d.unreachable.find((u) => u.bucket === bucket && u.models.includes(model));
      if (d.outcomes.includes(bucket)) return { bucket, cases, status: 'outcome' };
      if (d.outside.includes(bucket)) return { bucket, cases, status: 'outside' };
      if (unreachable) return { bucket, cases, status: 'unreachable', reason: unreachable.reason };
      return { bucket, cases, status: 'required' };
    }),
  }));
}

/** "dimension: bucket" of every required bucket no case reached. */
export function emptyRequiredBuckets(table: readonly CoverageDimensionReport[]): string[] {
  return table.flatMap((d) => d.buckets.filter((b) => b.status === 'required' && b.cases === 0).map((b) => `${d.dimension}: ${b.bucket}`));
}

/**
 * A numeric dimension from bucket edges: edges [e₀, e₁, …] give buckets [e₀, e₁), [e₁, e₂), …; `label`
 * names them. Returns the bucket of x, or undefined when x is not finite.
 */
export function bucketOf(x: number, edges: readonly number[], labels: readonly string[]): string | undefined {
  if (!Number.isFinite(x)) return undefined;
  for (let i = edges.length - 1; i >= 0; i--) if (x >= edges[i]) return labels[i];
  return labels[0];
}
