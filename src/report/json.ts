/**
 * report.json as deterministic text: the same report gives the same bytes.
 *
 * - Key order is canonical, independent of how the objects were built: the fields of the report
 *   model (model.ts) in a fixed order (`generated`, the only time-dependent field, last), fields
 *   unknown to that order after them sorted by code point, and free-form records (`worst`,
 *   `counterexample`, and all inside them) sorted by code point.
 * - Numbers print in JavaScript's shortest round-trip form (the same double, the same digits);
 *   -0 prints as 0.
 * - Non-finite numbers, invalid in JSON, are written as the strings "NaN", "Infinity" and
 *   "-Infinity"; `reportFromJson` reads them back as numbers (so those three strings are reserved).
 * - Typed arrays become arrays; objects with `toJSON` (dates, ml-matrix) are converted first;
 *   `undefined` fields are dropped; figures keep id, title and caption (their SVG is in report.html).
 */
import type { Report } from '../core/types.ts';

interface Shape {
  order: readonly string[];
  /** Shapes of fields holding model objects (or arrays of them); other fields are free-form. */
  fields?: Record<string, Shape>;
  omit?: readonly string[];
}

const WITNESS: Shape = { order: ['witness', 'verdict', 'points', 'cases', 'skipped', 'degree', 'valuesPerCoordinate', 'errorBound', 'worstGap', 'tolerance', 'toleranceReason', 'detail'] };
const EVIDENCE: Shape = { order: ['source', 'verdict', 'detail', 'replay'] };
const RESULT: Shape = {
  order: ['model', 'verdict', 'cases', 'undefinedCases', 'detail', 'disagreement', 'statementParts', 'statistics', 'witnesses', 'evidence', 'derivationSteps', 'worst', 'counterexample', 'replay'],
  fields: { statistics: { order: ['quantity', 'min', 'median', 'max'] }, witnesses: WITNESS, evidence: EVIDENCE, derivationSteps: EVIDENCE, statementParts: { order: ['id', 'text', 'rule', 'verdict', 'detail'] } },
};
const CLAIM: Shape = { order: ['id', 'source', 'statement', 'statementTex', 'results'], fields: { results: RESULT } };
const SIZES: Shape = {
  order: ['covers', 'tested', 'reason', 'short', 'summary', 'witnesses'],
  fields: { witnesses: { order: ['witness', 'status', 'method', 'kind', 'degree', 'scalarDegree', 'minimumSize', 'theorem', 'sizes', 'points', 'errorBound', 'testedAlso', 'covers', 'reason', 'short', 'lhsFormHash', 'rhsFormHash', 'detail'] } },
};
const STEP: Shape = {
  order: ['index', 'source', 'claims', 'supports', 'model', 'from', 'fromTex', 'to', 'toTex', 'justification', 'assumptions', 'method', 'verdict', 'agreed', 'detail', 'sizes', 'witnesses', 'counterexample', 'replay'],
  fields: { witnesses: WITNESS, sizes: SIZES },
};
const REPORT: Shape = {
  order: ['format', 'tool', 'seed', 'runs', 'scope', 'claims', 'disagreements', 'derivations', 'modelChecks', 'figures', 'generated'],
  fields: {
    tool: { order: ['name', 'version'] },
    scope: { order: ['kind', 'claim', 'step', 'path', 'model'] },
    claims: CLAIM,
    derivations: { order: ['id', 'title', 'source', 'notes', 'steps'], fields: { steps: STEP } },
    disagreements: { order: ['claim', 'model', 'holds', 'fails', 'finding'] },
    figures: { order: ['id', 'title', 'caption'], omit: ['svg'] },
    generated: { order: ['at', 'seconds'] },
  },
};

const NON_FINITE = new Set(['NaN', 'Infinity', '-Infinity']);

/** The report as JSON text (two-space indent, trailing newline); see the file comment for the rules. */
export function reportToJson(report: Report): string {
  return `${JSON.stringify(canonical(report, REPORT), null, 2)}\n`;
}

/** Parses report.json, reading "NaN", "Infinity" and "-Infinity" back as numbers. */
export function reportFromJson(text: string): Report {
  return JSON.parse(text, (_key, value: unknown) => (typeof value === 'string' && NON_FINITE.has(value) ? Number(value) : value)) as Report;
}

/**
 * Any value as JSON text under the same rules (typed arrays as arrays, non-finite numbers as strings,
 * keys sorted): for pieces of a report that are stored and merged later (verify shards), so that the
 * merged report serializes exactly as the unsharded one.
 */
export function valueToJson(value: unknown): string {
  return `${JSON.stringify(canonical(value, undefined))}\n`;
}

/** Reads valueToJson's text back (the non-finite strings as numbers). */
export function valueFromJson(text: string): unknown {
  return JSON.parse(text, (_key, value: unknown) => (typeof value === 'string' && NON_FINITE.has(value) ? Number(value) : value));
}

function canonical(value: unknown, shape: Shape | undefined): unknown {
  const v = plain(value);
  if (Array.isArray(v)) return v.map((x) => (x === undefined ? null : canonical(x, shape)));
  if (v === null || typeof v !== 'object') return scalar(v);
  const record = v as Record<string, unknown>;
  const keys = Object.keys(record).filter((k) => record[k] !== undefined && !(shape?.omit ?? []).includes(k));
  const out: Record<string, unknown> = {};
  for (const k of orderKeys(keys, shape?.order ?? [])) out[k] = canonical(record[k], shape?.fields?.[k]);
  return out;
}

function orderKeys(keys: string[], order: readonly string[]): string[] {
  const known = order.filter((k) => keys.includes(k));
  const rest = keys.filter((k) => !order.includes(k)).sort();
  return [...known, ...rest];
}

function plain(value: unknown): unknown {
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) return Array.from(value as unknown as ArrayLike<number>);
  if (value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    return (value as { toJSON: () => unknown }).toJSON();
  }
  return value;
}

function scalar(v: unknown): unknown {
  if (typeof v === 'number') return Number.isFinite(v) ? (Object.is(v, -0) ? 0 : v) : String(v);
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'function' || typeof v === 'symbol' || v === undefined) return null;
  return v;
}
