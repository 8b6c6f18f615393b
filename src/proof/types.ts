/**
 * The derivation model: a derivation is data — steps with from/to, justification, assumptions, the
 * paper's location, the claim ids it bears on, and executable witnesses. Each witness decides the
 * step independently; checkDerivation (check.ts) runs them and reports which agreed.
 */
import type { Field } from '../symbolic/field.ts';
import type { Mat } from '../symbolic/matrix.ts';
import type { LogLinear } from '../symbolic/loglinear.ts';
import type { Rng } from '../core/random.ts';

/** What a side evaluates to: a scalar, a matrix, or r + Σ c·log(a). */
export type SideValue<T> = T | Mat<T> | LogLinear<T>;

/** The variables of a witness, evaluated in a field. */
export interface Env<T> {
  /** A scalar variable. */
  s(name: string): T;
  /** A matrix variable. */
  m(name: string): Mat<T>;
}

/** An equation side, written once for every field. */
export type Side = <T>(F: Field<T>, v: Env<T>) => SideValue<T>;

/**
 * Domains of sampled scalars. 'any': p/Q with |p| ≤ 2Q; 'small': |p| ≤ Q/2 (keeps spectral radii of
 * 2×2 matrices below 1); 'positive': 1 ≤ p ≤ 2Q; 'unit': |p| < Q (|x| < 1). Q = 997 (a prime).
 * 'complex' scalars are re + i·im with re, im sampled as 'small'.
 */
export type ScalarDomain = 'any' | 'small' | 'positive' | 'unit' | 'complex';

export type VarSpec =
  | {
      name: string;
      kind: 'scalar';
      domain?: ScalarDomain;
      /** A fixed rational num/den instead of a free symbol or a sample (used to specialise the symbolic witness). */
      value?: [number, number];
    }
  | {
      name: string;
      kind: 'matrix';
      rows: number;
      cols: number;
      /** 'spd': L Lᵀ + I with L sampled (exact); symbolically a symmetric matrix of symbols. */
      structure?: 'general' | 'symmetric' | 'spd' | 'diagonal';
      domain?: ScalarDomain;
    };

/** Symbolic + exact-identity witnesses of an algebraic identity lhs = rhs. */
export interface AlgebraicWitnessSpec {
  type: 'algebraic';
  variables: VarSpec[];
  lhs: Side;
  rhs: Side;
  /** Evaluate over the complex numbers (conjugation meaningful; 'complex' scalars allowed). */
  complex?: boolean;
  /**
   * An upper bound on the total degree, in the sampled coordinates, of the numerator of lhs − rhs
   * (after clearing denominators; for log-linear values, of the product comparison). Used for the
   * Schwartz–Zippel error bound of the identity test.
   */
  degree: number;
  /**
   * Symbolic witness options: smaller variable sizes, a reason to skip it, or its deterministic size
   * budget (terms per polynomial). `timeBudgetMs` is accepted for compatibility and ignored: the
   * symbolic witness has no wall-clock budget, so its verdict does not depend on the machine.
   */
  symbolic?: { variables?: VarSpec[]; skip?: string; maxTerms?: number; timeBudgetMs?: number };
  identity?: { skip?: string; points?: number };
}

/** One float64 evaluation of a step on a generated input. */
export interface NumericOutcome {
  relation: 'eq' | 'le';
  lhs: number | number[];
  rhs: number | number[];
  /** Absolute tolerance on max |lhs − rhs| (eq) or on lhs − rhs (le). */
  tolerance: number;
  /** Why the tolerance is what it is (conditioning, residuals, tail bounds). */
  toleranceReason: string;
  /** Skip this input (e.g. model undefined), with the reason; counted, not hidden. */
  skip?: string;
  /** Extra numbers reported with a counterexample. */
  values?: Record<string, unknown>;
}

export interface NumericWitnessSpec<I = unknown> {
  type: 'numeric';
  /** What the inputs are, in words (e.g. "random convergent 3×3 cases"). */
  inputs: string;
  generate: (rng: Rng, index: number) => I;
  evaluate: (input: I) => NumericOutcome;
  /** JSON form of an input for counterexamples. */
  describe: (input: I) => Record<string, unknown>;
  /** Number of inputs (default: the `runs` option, capped at 12). */
  count?: number;
}

export type WitnessSpec = AlgebraicWitnessSpec | NumericWitnessSpec<any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export interface ProofStep {
  from: string;
  to: string;
  fromTex?: string;
  toTex?: string;
  justification: string;
  assumptions: string[];
  /** Paper location, e.g. "Eq. 19". */
  source: string;
  /**
   * Claim ids (design.md) whose STATEMENT this step checks, in whole or in part: its verdict enters
   * the claim's verdict in the step's model (a `fails` refutes the claim there).
   */
  claims: string[];
  /**
   * Claim ids whose DERIVATION this step belongs to without being the statement (an intermediate
   * equation of the proof): reported with the claim, never combined into its verdict — a typo in an
   * intermediate equation does not make a correct result false.
   */
  supports?: string[];
  /** Which model the step is about: the paper's own definitions, or the true law of the system. */
  model?: 'paper' | 'exact';
  witnesses: WitnessSpec[];
}

export interface Derivation {
  id: string;
  /** Position in the report (the paper's order). */
  order?: number;
  title: string;
  source: string;
  /** Remarks on what could and could not be encoded (e.g. unreadable lines of our copy). */
  notes?: string[];
  steps: ProofStep[];
}

/** A derivation file (proofs/<id>.ts, or a user's under `verify --load`) default-exports one of these. */
export function defineDerivation(d: Derivation): Derivation {
  return d;
}

export function isDerivation(x: unknown): x is Derivation {
  const d = x as Partial<Derivation> | null;
  return typeof d === 'object' && d !== null && typeof d.id === 'string' && typeof d.title === 'string' && Array.isArray(d.steps);
}
