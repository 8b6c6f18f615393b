/**
 * Fields in which the encoded equations are evaluated. An equation side is written once, generic in
 * the field, and evaluated (a) symbolically (rational functions over nerdamer-prime polynomials, see
 * nerdamer.ts), (b) exactly at rational points (mathjs Fractions, BigInt-backed), (c) in float64.
 * `complexOver` lifts any of them to complex numbers (pairs re, im) with conjugation.
 */
import Fraction from 'fraction.js';

/** mathjs's Fraction is fraction.js; used directly so that exact arithmetic does not load all of mathjs (3 s). */
const fraction = (n: number | bigint, d: number | bigint = 1): Fraction => new Fraction(n, d);

export interface Field<T> {
  readonly name: string;
  /** True for complex fields: `conj` is non-trivial and `imag` exists. */
  readonly complex: boolean;
  zero(): T;
  one(): T;
  /** The rational num/den (integers). */
  rational(num: number, den?: number): T;
  add(a: T, b: T): T;
  sub(a: T, b: T): T;
  mul(a: T, b: T): T;
  div(a: T, b: T): T;
  neg(a: T): T;
  /** Complex conjugate (identity on real fields). */
  conj(a: T): T;
  /** x + i·y from two real values of this field (y must be zero on real fields). */
  fromParts(re: T, im: T): T;
  /** The imaginary unit (throws on real fields). */
  imag(): T;
  /** Exact zero test; `undefined` when the field cannot decide (float64). */
  isZero(a: T): boolean | undefined;
  /** A JSON-friendly rendering for counterexamples and details. */
  show(a: T): string;
}

export class DivisionByZeroError extends Error {
  override name = 'DivisionByZeroError';
}

/** float64, used by the numeric witness and in tests. */
export const floatField: Field<number> = {
  name: 'float64',
  complex: false,
  zero: () => 0,
  one: () => 1,
  rational: (n, d = 1) => n / d,
  add: (a, b) => a + b,
  sub: (a, b) => a - b,
  mul: (a, b) => a * b,
  div: (a, b) => a / b,
  neg: (a) => -a,
  conj: (a) => a,
  fromParts: (re, im) => {
    if (im !== 0) throw new RangeError('floatField is real');
    return re;
  },
  imag: () => {
    throw new RangeError('floatField is real');
  },
  isZero: () => undefined,
  show: (a) => String(a),
};

/**
 * Exact rationals (mathjs Fraction, arbitrary precision through BigInt). A sum or product with an
 * exact zero is the other operand (or zero) without a call into fraction.js: the same canonical value
 * its normalizing gcd would give, and in the derivations' sparse and real-in-complex matrices about
 * half of all operations (Fractions are immutable, so returning an operand is safe).
 */
export const fractionField: Field<Fraction> = {
  name: 'fraction',
  complex: false,
  zero: () => fraction(0),
  one: () => fraction(1),
  rational: (n, d = 1) => fraction(n, d),
  add: (a, b) => (a.n === 0n ? b : b.n === 0n ? a : a.add(b)),
  sub: (a, b) => (b.n === 0n ? a : a.n === 0n ? b.neg() : a.sub(b)),
  mul: (a, b) => (a.n === 0n ? a : b.n === 0n ? b : a.mul(b)),
  div: (a, b) => {
    if (b.n === 0n) throw new DivisionByZeroError('division by zero (exact)');
    return a.div(b);
  },
  neg: (a) => a.neg(),
  conj: (a) => a,
  fromParts: (re, im) => {
    if (im.n !== 0n) throw new RangeError('fractionField is real');
    return re;
  },
  imag: () => {
    throw new RangeError('fractionField is real');
  },
  isZero: (a) => a.n === 0n,
  show: (a) => a.toFraction(),
};

/**
 * Σᵢ ±xᵢ·yᵢ over ℚ as one fraction: the terms are summed over a common denominator and normalized
 * once, by fraction.js, at the end. Exact, so the same canonical value as adding the products one by
 * one with fraction.js; without a gcd of growing numbers after every term, which is where exact
 * matrix products spent their time.
 */
export function fractionSumOfProducts(xs: readonly Fraction[], ys: readonly Fraction[], signs?: readonly (1n | -1n)[]): Fraction {
  let num = 0n;
  let den = 1n;
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i];
    const y = ys[i];
    if (x.n === 0n || y.n === 0n) continue;
    const n = x.s * y.s * x.n * y.n * (signs ? signs[i] : 1n);
    const d = x.d * y.d;
    if (d === den) num += n;
    else if (den % d === 0n) num += n * (den / d);
    else {
      num = num * d + n * den;
      den *= d;
    }
  }
  return fraction(num, den);
}

export interface Complex<T> {
  re: T;
  im: T;
}

/** Complex numbers over a real field R. */
export function complexOver<T>(R: Field<T>): Field<Complex<T>> {
  const mk = (re: T, im: T): Complex<T> => ({ re, im });
  return {
    name: `complex(${R.name})`,
    complex: true,
    zero: () => mk(R.zero(), R.zero()),
    one: () => mk(R.one(), R.zero()),
    rational: (n, d = 1) => mk(R.rational(n, d), R.zero()),
    add: (a, b) => mk(R.add(a.re, b.re), R.add(a.im, b.im)),
    sub: (a, b) => mk(R.sub(a.re, b.re), R.sub(a.im, b.im)),
    mul: (a, b) => mk(R.sub(R.mul(a.re, b.re), R.mul(a.im, b.im)), R.add(R.mul(a.re, b.im), R.mul(a.im, b.re))),
    div: (a, b) => {
      const d = R.add(R.mul(b.re, b.re), R.mul(b.im, b.im));
      const n = { re: R.add(R.mul(a.re, b.re), R.mul(a.im, b.im)), im: R.sub(R.mul(a.im, b.re), R.mul(a.re, b.im)) };
      return mk(R.div(n.re, d), R.div(n.im, d));
    },
    neg: (a) => mk(R.neg(a.re), R.neg(a.im)),
    conj: (a) => mk(a.re, R.neg(a.im)),
    fromParts: (re, im) => mk(R.sub(re.re, im.im), R.add(re.im, im.re)),
    imag: () => mk(R.zero(), R.one()),
    isZero: (a) => {
      const r = R.isZero(a.re);
      const i = R.isZero(a.im);
      if (r === false || i === false) return false;
      if (r === undefined || i === undefined) return undefined;
      return true;
    },
    show: (a) => `${R.show(a.re)} + i·(${R.show(a.im)})`,
  };
}

/** Exact equality in a field (undefined where the field cannot decide). */
export function fieldEquals<T>(F: Field<T>, a: T, b: T): boolean | undefined {
  return F.isZero(F.sub(a, b));
}

/** a^k for an integer k ≥ 0 by repeated multiplication (k is small in every encoded step). */
export function scalarPower<T>(F: Field<T>, a: T, k: number): T {
  let r = F.one();
  for (let i = 0; i < k; i++) r = F.mul(r, a);
  return r;
}

/** |a|² = a·ā (a real value of the field, as an element of it). */
export function absSquared<T>(F: Field<T>, a: T): T {
  return F.mul(a, F.conj(a));
}
