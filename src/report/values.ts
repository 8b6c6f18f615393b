/**
 * Free-form evidence (a claim's worst case, a counterexample) as a tree the Markdown and HTML
 * renderers share: matrices (arrays of equal-length number rows) become grids, number arrays
 * vectors, complex numbers {re, im} text, objects key/value records.
 */

export type ValueNode =
  | { kind: 'text'; text: string }
  | { kind: 'matrix'; rows: string[][] }
  | { kind: 'vector'; items: string[] }
  | { kind: 'list'; items: ValueNode[] }
  | { kind: 'record'; entries: { key: string; value: ValueNode }[] };

/**
 * A number for reading: integers as is, else `digits` significant digits (6 by default), with an
 * exponent below 1e-4 and from 1e6; trailing zeros dropped.
 */
export function formatNumber(x: number, digits = 6): string {
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? 'Infinity' : '-Infinity';
  if (Number.isInteger(x) && Math.abs(x) < 1e15) return String(Object.is(x, -0) ? 0 : x);
  const a = Math.abs(x);
  if (a < 1e-4 || a >= 1e6) return x.toExponential(digits - 1).replace(/\.?0+e/, 'e');
  return String(Number(x.toPrecision(digits)));
}

/**
 * Numbers printed with the fewest significant digits (at least 6) that keep distinct values
 * distinct, so that e.g. a minimum of 0.9999999999999998 does not read as the maximum 1.
 */
export function formatDistinct(xs: number[]): string[] {
  for (let digits = 6; digits < 17; digits++) {
    const out = xs.map((x) => formatNumber(x, digits));
    if (xs.every((x, i) => xs.every((y, j) => Object.is(x, y) || x === y || out[i] !== out[j]))) return out;
  }
  return xs.map((x) => formatNumber(x, 17));
}

/** A number exactly (shortest round-trip digits), as evidence must be shown. */
export function exactNumber(x: number): string {
  return Object.is(x, -0) ? '0' : String(x);
}

/** Evidence as a tree; numbers exactly (shortest digits that give back the same double). */
export function describeValue(value: unknown): ValueNode {
  const v = toPlain(value);
  if (typeof v === 'number') return { kind: 'text', text: exactNumber(v) };
  if (v === null || v === undefined) return { kind: 'text', text: 'null' };
  if (typeof v !== 'object') return { kind: 'text', text: String(v) };
  if (Array.isArray(v)) {
    if (isMatrix(v)) return { kind: 'matrix', rows: v.map((row) => row.map(formatEntry)) };
    if (v.length > 0 && v.every(isEntry)) return { kind: 'vector', items: v.map(formatEntry) };
    return { kind: 'list', items: v.map(describeValue) };
  }
  if (isComplex(v)) return { kind: 'text', text: formatEntry(v) };
  const record = v as Record<string, unknown>;
  return { kind: 'record', entries: Object.keys(record).filter((k) => record[k] !== undefined).map((key) => ({ key, value: describeValue(record[key]) })) };
}

/** Arrays of at least one row, all rows of the same non-zero length, every entry a number (or complex). */
export function isMatrix(v: unknown[]): v is unknown[][] {
  if (v.length === 0 || !v.every(Array.isArray)) return false;
  const rows = v as unknown[][];
  const n = rows[0].length;
  return n > 0 && rows.every((r) => r.length === n && r.every(isEntry));
}

function isEntry(x: unknown): boolean {
  return typeof x === 'number' || isComplex(x);
}

function isComplex(x: unknown): x is { re: number; im: number } {
  if (x === null || typeof x !== 'object' || Array.isArray(x)) return false;
  const keys = Object.keys(x).sort();
  return keys.length === 2 && keys[0] === 'im' && keys[1] === 're' && typeof (x as { re: unknown }).re === 'number' && typeof (x as { im: unknown }).im === 'number';
}

function formatEntry(x: unknown): string {
  if (typeof x === 'number') return exactNumber(x);
  const { re, im } = x as { re: number; im: number };
  if (im === 0) return exactNumber(re);
  return `${exactNumber(re)}${im < 0 ? ' − ' : ' + '}${exactNumber(Math.abs(im))}i`;
}

function toPlain(value: unknown): unknown {
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) return Array.from(value as unknown as ArrayLike<number>);
  if (value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function') return (value as { toJSON: () => unknown }).toJSON();
  return value;
}
