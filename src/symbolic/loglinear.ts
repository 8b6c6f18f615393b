/**
 * Values of the form  r + Σ_t (p_t/q_t)·log(a_t)  (r, a_t in a field; p_t/q_t rational constants).
 * Two such values are compared exactly without evaluating a logarithm: the rational parts must be
 * equal and Π a_t^{L·c_t} over the left side must equal the same product over the right side, where L
 * is the least common denominator of all coefficients (log is injective on positive arguments).
 */
import type { Field } from './field.ts';
import { scalarPower } from './field.ts';

export interface LogTerm<T> {
  /** Rational coefficient num/den. */
  coef: [number, number];
  arg: T;
}

export interface LogLinear<T> {
  kind: 'loglinear';
  rational: T;
  logs: LogTerm<T>[];
}

export function logLinear<T>(rational: T, logs: LogTerm<T>[] = []): LogLinear<T> {
  return { kind: 'loglinear', rational, logs };
}

export function isLogLinear(x: unknown): x is LogLinear<unknown> {
  return typeof x === 'object' && x !== null && (x as { kind?: unknown }).kind === 'loglinear';
}

function gcd(a: number, b: number): number {
  return b === 0 ? Math.abs(a) : gcd(b, a % b);
}

/**
 * The two exact comparisons that decide lhs = rhs: [rational part difference, product ratio pair].
 * Returns the rational difference and the two products P_left, P_right that must be equal.
 */
export function logLinearComparands<T>(F: Field<T>, lhs: LogLinear<T>, rhs: LogLinear<T>): { rationalDifference: T; left: T; right: T } {
  const terms = [...lhs.logs.map((t) => ({ ...t, side: 1 })), ...rhs.logs.map((t) => ({ ...t, side: -1 }))];
  let L = 1;
  for (const t of terms) L = (L * t.coef[1]) / gcd(L, t.coef[1]);
  let left = F.one();
  let right = F.one();
  for (const t of terms) {
    const e = (t.coef[0] * L) / t.coef[1];
    if (!Number.isInteger(e)) throw new RangeError('log coefficient is not rational');
    const signed = e * t.side; // lhs term with positive exponent goes left; rhs goes right
    if (signed > 0) left = F.mul(left, scalarPower(F, t.arg, signed));
    else if (signed < 0) right = F.mul(right, scalarPower(F, t.arg, -signed));
  }
  return { rationalDifference: F.sub(lhs.rational, rhs.rational), left, right };
}
