/**
 * The report model: what `matmem verify` computes, before it is rendered as JSON, Markdown or HTML.
 * The JSON shape is a contract (design.md): fields may be added, never renamed.
 */

export type Verdict = 'holds' | 'fails' | 'inconclusive';
export type ModelName = 'paper' | 'exact';
export type StepMethod = 'symbolic' | 'identity' | 'numeric';

/** Summary statistics of the quantity a claim tests, over the cases run. */
export interface QuantityStatistics {
  /** What the numbers are, e.g. "J_tot,rel" or "gap = I(W) − J_tot". */
  quantity: string;
  min: number;
  median: number;
  max: number;
}

/** One claim evaluated in one model. */
export interface ClaimResult {
  model: ModelName;
  verdict: Verdict;
  /** Cases evaluated (generated cases, or fixed cases for deterministic checks). */
  cases: number;
  /** Cases where the model was undefined (divergent sums, ill-conditioning) — counted, not hidden. */
  undefinedCases?: number;
  /** The case closest to violating the claim (or the violating one), with the numbers that decide it. */
  worst: Record<string, unknown> | null;
  /** For `fails`: the smallest counterexample found, with its matrices and the numbers that show it. */
  counterexample: Record<string, unknown> | null;
  /** A command line that replays this check (for `fails`, exactly the counterexample). */
  replay: string;
  /** One or two sentences saying what the values show, e.g. "equal to 1e-12 in all 200 cases". */
  detail: string;
  statistics?: QuantityStatistics;
  /** Which witnesses were used (symbolic, identity, numeric, simulation) and what each said. */
  witnesses?: WitnessResult[];
}

export interface ClaimReport {
  id: string;
  /** Paper location, e.g. "Corollary 2.1, Eqs. 26-27". */
  source: string;
  /** The statement in words. */
  statement: string;
  /** The statement in LaTeX (rendered with KaTeX in HTML). */
  statementTex?: string;
  results: ClaimResult[];
}

export interface WitnessResult {
  witness: 'symbolic' | 'identity' | 'numeric' | 'simulation';
  verdict: Verdict;
  detail: string;
}

export interface DerivationStepReport {
  index: number;
  from: string;
  to: string;
  fromTex?: string;
  toTex?: string;
  justification: string;
  /** The strongest method that decided the step. */
  method: StepMethod;
  verdict: Verdict;
  detail: string;
  /** Paper location of the step, e.g. "Eq. 19". */
  source?: string;
  assumptions?: string[];
  witnesses?: WitnessResult[];
  counterexample?: Record<string, unknown> | null;
}

export interface DerivationReport {
  id: string;
  title: string;
  source: string;
  steps: DerivationStepReport[];
}

/** A figure: a vega-lite spec rendered to SVG. */
export interface FigureReport {
  id: string;
  title: string;
  caption: string;
  svg: string;
}

export interface Report {
  tool: { name: 'matmem'; version: string };
  seed: number;
  runs: number;
  claims: ClaimReport[];
  derivations: DerivationReport[];
  figures?: FigureReport[];
  /** Kept apart so that the same seed gives a byte-identical report apart from this field. */
  generated?: { at: string; seconds: number };
}
