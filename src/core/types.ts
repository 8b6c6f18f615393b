/**
 * The report model: what `matmem verify` computes, before it is rendered as JSON, Markdown or HTML.
 * The JSON shape is a contract (design.md): fields may be added, never renamed.
 */

export type Verdict = 'holds' | 'fails' | 'inconclusive';
/** 'experiment': the Section 6 claims, decided from trained networks (experiment records). */
export type ModelName = AnalyticModel | 'experiment';
/** The two float64 models of the linear system. */
export type AnalyticModel = 'paper' | 'exact';
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
  /** Cases the registry checks evaluated (generated cases, or fixed cases for deterministic checks); derivation steps are counted apart. */
  cases: number;
  /** Derivation steps whose statement is this claim in this model (their verdicts are combined with the cases'). */
  statementSteps?: number;
  /** Cases where the model was undefined (divergent sums, ill-conditioning) — counted, not hidden. */
  undefinedCases?: number;
  /**
   * The case closest to violating the claim (or the violating one), with the numbers that decide it.
   * Its `margin` (as every margin matmem reports) is the room the case leaves after its error bound:
   * ≥ 0 means the case confirms the claim (an identity: bound − |gap|; a ≤: b − a + bound; a <:
   * b − a − bound); < 0 means it does not (a violation once beyond 1000× the bound).
   */
  worst: Record<string, unknown> | null;
  /** For `fails`: the smallest counterexample found, with its matrices and the numbers that show it. */
  counterexample: Record<string, unknown> | null;
  /** A command line that replays this check (for `fails`, exactly the counterexample). */
  replay: string;
  /** One or two sentences saying what the values show, e.g. "equal to 1e-12 in all 200 cases". */
  detail: string;
  statistics?: QuantityStatistics;
  /** The error bounds the cases were held to (min, median, max): a weakened tolerance shows here. */
  errorBounds?: QuantityStatistics;
  /**
   * Inequalities: how many cases came within 1% of the bound (margin ≤ 0.01·bound, violations
   * included) and the smallest margin/bound seen — whether the generated cases reached the boundary.
   */
  nearBound?: { within: number; cases: number; of: number; closest: number };
  /** Which witnesses were used (symbolic, identity, numeric, simulation) and what each said. */
  witnesses?: WitnessResult[];
  /**
   * Where the verdict comes from: each registry source and each derivation step whose statement is
   * this claim in this model, with its own verdict. The verdict above combines them (any `fails`
   * with a counterexample → fails; any inconclusive → inconclusive; else holds).
   */
  evidence?: EvidenceItem[];
  /** Derivation steps of the claim that are not its statement (intermediate equations): reported, not combined. */
  derivationSteps?: EvidenceItem[];
  /** Set when the sources disagree (one says holds, another fails): the investigation's finding, never hidden. */
  disagreement?: string;
  /** When several registry sources check the claim in this model: each one's own numbers (the fields above show the deciding one). */
  parts?: ClaimPart[];
  /**
   * When the paper's sentence says several things (the Section 6 claims): each part with the rule that
   * decides it (declared in the claim's file before any record is read) and its verdict; the result's
   * verdict combines them by the one rule (every part holds → holds; any fails → fails; else inconclusive).
   */
  statementParts?: StatementPart[];
  /** Property runs: what became of the generated cases (held, failed, undecided, undefined with reasons). */
  caseCounts?: CaseCounts;
  /** Property runs: the defined case with the smallest reported margin (room after its error bound). */
  smallestMargin?: { margin: number; errorBound: number; index: number };
  /** Property runs: the cases per bucket of each coverage dimension (family, spectrum, N, distance to the claim's boundary). */
  coverage?: CoverageDimensionReport[];
  /** A `--path` replay: the one case replayed, with the numbers that decide it. */
  replayed?: ReplayedCase;
}

/** What became of a property's generated cases in one model. */
export interface CaseCounts {
  tried: number;
  held: number;
  /** Failed cases; for a strict inequality a tie within the error bound fails too (`ties` of them). */
  failed: number;
  /** Between the error bound and 1000× it: decides nothing. */
  undecided: number;
  undefined: number;
  /** Strict inequalities: failed cases equal within their error bound. */
  ties?: number;
  /** Undefined cases per reason (the reason's first word: divergent, ill-conditioned, time-budget, …). */
  undefinedReasons: Record<string, number>;
}

/** One coverage dimension: its buckets in display order, each with its count and what it means for the claim. */
export interface CoverageDimensionReport {
  dimension: string;
  buckets: CoverageBucket[];
}

/**
 * required: the statement covers it, so a run should reach it; outcome: a result (a violation), not a region;
 * outside: outside the statement's hypotheses; unreachable: covered, but no case can reach it (`reason` says why).
 */
export interface CoverageBucket {
  bucket: string;
  cases: number;
  status: 'required' | 'outcome' | 'outside' | 'unreachable';
  reason?: string;
}

/** The case a `--path` replay evaluated in one model. */
export interface ReplayedCase {
  path: string;
  outcome: 'holds' | 'fails' | 'undecided' | 'undefined';
  case: Record<string, unknown>;
  value: number;
  /** The reported margin (room after the error bound). */
  margin: number;
  errorBound: number;
  numbers: Record<string, number>;
  undefinedReason?: string;
}

/** One part of a claim's sentence, its declared rule and its verdict. */
export interface StatementPart {
  /** "a", "b", … */
  id: string;
  /** What this part of the sentence says. */
  text: string;
  /** The rule that decides it, in words. */
  rule: string;
  verdict: Verdict;
  /** What the data gave under the rule, in a sentence or two. */
  detail: string;
}

/** One registry source's result for a claim in a model, kept when several are combined. */
export interface ClaimPart {
  source: string;
  verdict: Verdict;
  cases: number;
  undefinedCases?: number;
  statistics?: QuantityStatistics;
  errorBounds?: QuantityStatistics;
  nearBound?: ClaimResult['nearBound'];
  worst: Record<string, unknown> | null;
  counterexample: Record<string, unknown> | null;
}

export interface Disagreement {
  claim: string;
  model: ModelName;
  holds: string[];
  fails: string[];
  /** What the investigation found (why the sources differ), from the claim registry's notes, or an open question. */
  finding: string;
}

export interface EvidenceItem {
  /** "registry: numeric comparisons" or "derivation theorem-1 #4". */
  source: string;
  verdict: Verdict;
  detail: string;
  replay?: string;
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
  /** identity: rational points evaluated (singular ones resampled and counted apart). */
  points?: number;
  /** numeric: cases evaluated; `skipped`: cases where the quantity is undefined (counted, not used). */
  cases?: number;
  skipped?: number;
  /** identity: the Schwartz–Zippel bound on the probability that a false identity passes all points. */
  errorBound?: number;
  /** identity: the degree bound and the number of values per sampled coordinate behind errorBound. */
  degree?: number;
  valuesPerCoordinate?: number;
  /** numeric: the largest |lhs − rhs| (or lhs − rhs for ≤) over the cases, and the tolerance it was held to there. */
  worstGap?: number;
  tolerance?: number;
  toleranceReason?: string;
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
  /** The witnesses that finished and agree with the step's verdict. */
  agreed?: string[];
  counterexample?: Record<string, unknown> | null;
  /** Claim ids whose statement this step checks (its verdict enters the claim's verdict). */
  claims?: string[];
  /** Claim ids whose derivation this step belongs to, without being the statement (reported, not combined). */
  supports?: string[];
  /** The model the step is about; absent: an algebraic fact of both models. */
  model?: ModelName;
  /** A command line that re-runs exactly this step. */
  replay?: string;
  /** Both sides at pinned points (independent of --seed): what the regression guard fingerprints. */
  pinned?: PinnedSides[];
  /** The sizes the verdict covers: every N with a certificate, or the sizes tested and why no certificate applies. */
  sizes?: StepSizes;
}

/**
 * What a step's verdict says about the size N of its matrices (src/proof/sizes/): `every N` when
 * one of its algebraic witnesses has a size certificate (a normal form, or an exact test at a size
 * chosen from the degree of lhs − rhs), else the sizes actually tested and the reason.
 */
export interface StepSizes {
  covers: 'every N' | 'tested sizes';
  /** The sizes at which the step was decided (e.g. "N = 2", "n = 2, p = 3", "N = 3 (exact, 2 points)"). */
  tested: string[];
  /** Why no certificate applies (covers: tested sizes), in one sentence. */
  reason?: string;
  /** The reason in a few words, for summaries. */
  short?: string;
  /** One sentence for the reports. */
  summary: string;
  /** Per algebraic witness of the step. */
  witnesses: WitnessSizes[];
}

/** One algebraic witness's size certificate, or why it has none. */
export interface WitnessSizes {
  /** Index of the witness in the step. */
  witness: number;
  status: 'every N' | 'fails at a larger N' | 'tested sizes';
  method?: 'normal form' | 'exact test' | 'no matrix sizes';
  /** The identity's kind, which decides the bound. */
  kind?: 'polynomial' | 'trace' | 'trace with transposes';
  /** Letters (matrix-variable occurrences) of the largest term of lhs − rhs, computed from the recorded expression. */
  degree?: number;
  /** Degree of the equivalent pure trace identity (open legs paired with test matrices). */
  scalarDegree?: number;
  /** The smallest N at which one exact test decides every N, and the theorem behind it. */
  minimumSize?: number;
  theorem?: string;
  /** The sizes of the exact test (certificate) or of the extra test (none), and its points and Schwartz–Zippel bound. */
  sizes?: number[];
  points?: number;
  errorBound?: number;
  /** Without a certificate: the sizes compared exactly one size up, in words ("N = 3 (exact, 2 points)"). */
  testedAlso?: string;
  /** What the certificate covers: the variables as written, with their structure. */
  covers?: string;
  reason?: string;
  short?: string;
  /** Digests of the two sides' normal forms (the regression guard keeps them). */
  lhsFormHash?: string;
  rhsFormHash?: string;
  detail: string;
}

/** A step's sides at one pinned point: exact values hashed (algebraic witnesses) and their first float64 values. */
export interface PinnedSides {
  /** Index of the witness in the step, and of the point. */
  witness: number;
  point: number;
  lhsHash?: string;
  rhsHash?: string;
  lhs: number[];
  rhs: number[];
}

export interface DerivationReport {
  id: string;
  title: string;
  source: string;
  /** Remarks on what could and could not be encoded. */
  notes?: string[];
  steps: DerivationStepReport[];
}

/** A figure: a vega-lite spec rendered to SVG. */
export interface FigureReport {
  id: string;
  title: string;
  caption: string;
  svg: string;
}

/**
 * A model function checked on the pinned cases (independent of --seed) against an independent
 * computation: the verdict says whether matmem's own numbers can be trusted, and the numbers are
 * evidence the regression guard fingerprints.
 */
export interface ModelCheckReport {
  id: string;
  subject: string;
  against: string;
  measure: 'relative' | 'z';
  tolerance: number;
  toleranceReason: string;
  verdict: Verdict;
  detail: string;
  /**
   * Per pinned case: both routes' numbers and their gap. With `entries` (more than 64 numbers) subject
   * and reference hold their digest (core/digest.ts), the gap is over every entry.
   */
  cases: { case: string; subject: number[]; reference: number[]; gap: number; entries?: number }[];
}

/** The report.json format (schemas/report.schema.json); a new major number means a field was renamed or removed. */
export const REPORT_FORMAT = 'matmem-report/1';

/** The `fmc --json` format (schemas/fmc.schema.json). */
export const FMC_FORMAT = 'matmem-fmc/1';

/** A whole verify (or a merge of its shards), or a partial one: --claim (with --path, --model) or --step. */
export interface ReportScope {
  kind: 'full' | 'partial';
  claim?: string;
  step?: string;
  path?: string;
  model?: ModelName;
}

export interface Report {
  format: typeof REPORT_FORMAT;
  tool: { name: 'matmem'; version: string };
  seed: number;
  runs: number;
  claims: ClaimReport[];
  derivations: DerivationReport[];
  /** Model functions against independent computations on pinned cases (full runs only). */
  modelChecks?: ModelCheckReport[];
  figures?: FigureReport[];
  /** Claim/model pairs where a derivation step and a registry source disagree (holds vs fails). */
  disagreements?: Disagreement[];
  /** What the run covered (written by the CLI): a whole run, or one claim, step or replayed case. */
  scope?: ReportScope;
  /** Kept apart so that the same seed gives a byte-identical report apart from this field. */
  generated?: { at: string; seconds: number };
}
