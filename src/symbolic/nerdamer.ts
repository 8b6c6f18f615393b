/**
 * Symbolic witness on nerdamer-prime (not nerdamer 1.1.13, whose `simplify` turns
 * log(x*y) - log(x) - log(y) into a non-zero expression).
 *
 * Values of the symbolic field are rational functions num/den whose numerator and denominator are
 * nerdamer polynomial expressions kept as strings. Two sides are equal as rational functions iff the
 * numerator of their difference expands to the zero polynomial (den is a product of denominators that
 * occur in the sides, not identically zero for the encoded steps). No `simplify`, no `trace` (nerdamer
 * has none: an unknown name silently becomes a symbol), no nerdamer matrices (`^` on them is
 * element-wise): matrices are arrays of field values (matrix.ts), worked entry by entry.
 *
 * nerdamer is synchronous and cannot be interrupted, so the budget is enforced between operations:
 * a deadline and a bound on expression length; exceeding either throws SymbolicBudgetError, and the
 * witness reports `inconclusive` saying so.
 */
import nerdamer from 'nerdamer-prime';
import type { Field } from './field.ts';

// nerdamer's own loop guard (ms; used by its expansion, solver and simplifier loops), raised from the
// default 800 so that the 2×2 expansions finish; the checker's own budget (check.ts) bounds the rest.
(nerdamer as unknown as { set: (k: string, v: unknown) => void }).set('TIMEOUT', 2000);

export class SymbolicBudgetError extends Error {
  override name = 'SymbolicBudgetError';
}

export interface SymbolicBudget {
  /** Date.now() after which operations throw. */
  deadline: number;
  /** Longest expression string allowed before expansion. */
  maxLength: number;
}

export interface Sym {
  num: string;
  den: string;
}

/** Expand a polynomial expression string with nerdamer; returns its canonical string. */
export function expandPolynomial(expr: string): string {
  return nerdamer(`expand(${expr})`).toString();
}

/** The nerdamer-prime zero test of an expression via `simplify` (used for scalar identities such as logs). */
export function simplifiesToZero(expr: string): boolean {
  const s = (nerdamer(expr) as unknown as { simplify: () => { toString(): string } }).simplify().toString();
  return s === '0';
}

/** Symbolic second derivative d²/dx² through nerdamer's Calculus module. */
export function secondDerivative(expr: string, variable: string): string {
  return nerdamer(`diff(${expr}, ${variable}, 2)`).toString();
}

/** A nerdamer-safe variable name: letters and digits only, prefixed so it never hits a constant (e, i, pi). */
export function symbolName(base: string, ...index: number[]): string {
  const clean = base.replace(/[^A-Za-z0-9]/g, '');
  return index.length === 0 ? `v${clean}` : `v${clean}${index.map((k, t) => (t === 0 ? `r${k + 1}` : `c${k + 1}`)).join('')}`;
}

const isOne = (s: string): boolean => s === '1';
const isZeroStr = (s: string): boolean => s === '0';

/** The field of rational functions over nerdamer polynomials, with a time and size budget. */
export function symbolicField(budget: SymbolicBudget): Field<Sym> & { symbol(name: string): Sym; expandNumerator(a: Sym): string } {
  const guard = (s: string): string => {
    if (Date.now() > budget.deadline) throw new SymbolicBudgetError('symbolic time budget exhausted');
    if (s.length > budget.maxLength) {
      const e = expandPolynomial(s);
      if (e.length > budget.maxLength) throw new SymbolicBudgetError(`symbolic expression too large (${e.length} characters after expansion)`);
      return e;
    }
    return s;
  };
  const mulStr = (a: string, b: string): string => {
    if (isZeroStr(a) || isZeroStr(b)) return '0';
    if (isOne(a)) return b;
    if (isOne(b)) return a;
    return guard(`(${a})*(${b})`);
  };
  const addStr = (a: string, b: string, sign: '+' | '-'): string => {
    if (isZeroStr(b)) return a;
    if (isZeroStr(a)) return sign === '+' ? b : guard(`-(${b})`);
    return guard(`(${a})${sign}(${b})`);
  };
  const mk = (num: string, den: string): Sym => (isZeroStr(num) ? { num: '0', den: '1' } : { num, den });
  const addSub = (a: Sym, b: Sym, sign: '+' | '-'): Sym => {
    if (a.den === b.den) return mk(addStr(a.num, b.num, sign), a.den);
    return mk(addStr(mulStr(a.num, b.den), mulStr(b.num, a.den), sign), mulStr(a.den, b.den));
  };
  return {
    name: 'symbolic',
    complex: false,
    zero: () => ({ num: '0', den: '1' }),
    one: () => ({ num: '1', den: '1' }),
    rational: (n, d = 1) => ({ num: d === 1 ? String(n) : `(${n}/${d})`, den: '1' }),
    add: (a, b) => addSub(a, b, '+'),
    sub: (a, b) => addSub(a, b, '-'),
    mul: (a, b) => mk(mulStr(a.num, b.num), mulStr(a.den, b.den)),
    div: (a, b) => {
      if (isZeroStr(b.num)) throw new SymbolicBudgetError('symbolic division by the zero expression');
      return mk(mulStr(a.num, b.den), mulStr(a.den, b.num));
    },
    neg: (a) => mk(isZeroStr(a.num) ? '0' : `-(${a.num})`, a.den),
    conj: (a) => a,
    fromParts: (re, im) => {
      if (!isZeroStr(im.num)) throw new RangeError('symbolicField is real');
      return re;
    },
    imag: () => {
      throw new RangeError('symbolicField is real');
    },
    isZero: (a) => {
      if (isZeroStr(a.num)) return true;
      if (Date.now() > budget.deadline) throw new SymbolicBudgetError('symbolic time budget exhausted');
      return expandPolynomial(a.num) === '0';
    },
    show: (a) => (isOne(a.den) ? a.num : `(${a.num})/(${a.den})`),
    symbol: (name) => ({ num: name, den: '1' }),
    expandNumerator: (a) => expandPolynomial(a.num),
  };
}
