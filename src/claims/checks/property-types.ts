/**
 * A property claim: one claim of the paper, a fast-check arbitrary of cases, and an evaluation of
 * each case in each model. The same generated cases serve every model (same seed ⇒ same cases), so
 * the report can put the models side by side. `src/claims/checks/property.ts` runs them.
 */
import type fc from 'fast-check';
import type { AnalyticModel as ModelName } from '../../core/types.ts';
import type { CaseEvaluation } from './property-kit.ts';
import type { CoverageDimension } from './property-coverage.ts';

/**
 * identity    margin = −|gap|: holds within the error bound, fails beyond 1000× it;
 * inequality  a ≤ b, margin = b − a: fails when below −1000× the bound;
 * strict      a < b, margin = b − a: must exceed the bound; a tie (|margin| ≤ bound) does not confirm it
 * (the semantics of src/claims/verdict.ts, which the registry uses for every claim).
 */
export type { ClaimKind } from '../../core/verdict.ts';
import type { ClaimKind } from '../../core/verdict.ts';

export interface PropertyClaim<C> {
  id: string;
  /** Paper location, e.g. "Corollary 2.1, Eqs. 26-27". */
  source: string;
  statement: string;
  statementTex: string;
  kind: ClaimKind;
  /** For a strict claim: the non-strict reading (≤), evaluated from the same margins and reported beside it. */
  relaxed?: { statement: string };
  /** What `value` is, per model (the statistics' quantity). */
  quantity: Record<ModelName, string>;
  /** Models the claim is evaluated in. */
  models: readonly ModelName[];
  /** Why the claim has no meaning in a model it is not evaluated in. */
  notDefinedIn?: Partial<Record<ModelName, string>>;
  /** Explanations of what the model's values mean (facts of the model, shown next to the computed verdict). */
  notes?: Partial<Record<ModelName, string>>;
  arbitrary: fc.Arbitrary<C>;
  evaluate(model: ModelName, c: C): CaseEvaluation;
  /** The case as JSON: matrices as number[][], noise levels, families. */
  describe(c: C): Record<string, unknown>;
  /** Size of the case (N), for reports. */
  size(c: C): number;
  /**
   * What the cases covered: each dimension labels every case with one of its buckets (family, spectrum
   * kind, N, distance to the claim's boundary), counted per model in the report and on the terminal.
   */
  coverage?: readonly CoverageDimension<C>[];
}

/** Any property, whatever its case type (for lists of properties). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyPropertyClaim = PropertyClaim<any>;
