/**
 * Exact sparse multivariate polynomials over ℤ and rational functions over them: the engine of the
 * symbolic witness.
 *
 * Why not nerdamer-prime for the bulk arithmetic: measured on this project's steps, nerdamer-prime
 * needs about 4 s to expand the trace of a product of seven generic 2×2 matrices (128 terms), and
 * every 2×2 step of Theorems 1–2 ran into its TIMEOUT. This engine does the same expansion in
 * milliseconds. nerdamer-prime stays in the loop as an independent cross-check of the final
 * comparison when it is small enough (see check.ts) and for LaTeX of a non-zero difference.
 *
 * Representation. A monomial is its exponent vector over the field's variables (in the order they
 * were created), encoded as a string of UTF-16 code units (exponent k ↦ code k, trailing zeros
 * trimmed), so that a monomial is a Map key and multiplying monomials adds codes. A polynomial is a
 * Map monomial → bigint coefficient without zero entries. A rational function is num / (c · Π fᵢ^eᵢ)
 * with a positive integer constant c and distinct primitive denominator factors fᵢ (positive leading
 * coefficient): sums take the least common multiple of the factor multisets, so shared denominators
 * (1 − λ², det(…), …) never multiply up; a numerator equal to a denominator factor cancels.
 *
 * Budget. Deterministic, never wall-clock: any polynomial with more than `maxTerms` terms, or more
 * than `maxWork` term products in all, throws SymbolicBudgetError, so the same step gives the same
 * verdict on every machine.
 */
import { DivisionByZeroError, type Field } from './field.ts';

export class PolyBudgetError extends Error {
  override name = 'SymbolicBudgetError';
}

export type Poly = Map<string, bigint>;

function trimKey(codes: number[]): string {
  let n = codes.length;
  while (n > 0 && codes[n - 1] === 0) n--;
  return String.fromCharCode(...codes.slice(0, n));
}

function mulKey(a: string, b: string): string {
  if (a.length === 0) return b;
  if (b.length === 0) return a;
  const n = Math.max(a.length, b.length);
  const codes = new Array<number>(n);
  for (let i = 0; i < n; i++) codes[i] = (i < a.length ? a.charCodeAt(i) : 0) + (i < b.length ? b.charCodeAt(i) : 0);
  return String.fromCharCode(...codes);
}

function degreeOfKey(k: string): number {
  let d = 0;
  for (let i = 0; i < k.length; i++) d += k.charCodeAt(i);
  return d;
}

/** Graded lexicographic order on monomials (higher degree first), for canonical output. */
function compareKeys(a: string, b: string): number {
  const da = degreeOfKey(a);
  const db = degreeOfKey(b);
  if (da !== db) return db - da;
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = i < a.length ? a.charCodeAt(i) : 0;
    const y = i < b.length ? b.charCodeAt(i) : 0;
    if (x !== y) return y - x;
  }
  return 0;
}

function babs(x: bigint): bigint {
  return x < 0n ? -x : x;
}

export function bgcd(a: bigint, b: bigint): bigint {
  a = babs(a);
  b = babs(b);
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

export const polyConst = (c: bigint): Poly => (c === 0n ? new Map() : new Map([['', c]]));

export function polyAdd(a: Poly, b: Poly, sign: 1n | -1n = 1n): Poly {
  const out = new Map(a);
  for (const [k, c] of b) {
    const v = (out.get(k) ?? 0n) + sign * c;
    if (v === 0n) out.delete(k);
    else out.set(k, v);
  }
  return out;
}

export function polyScale(a: Poly, s: bigint): Poly {
  if (s === 0n) return new Map();
  if (s === 1n) return a;
  const out: Poly = new Map();
  for (const [k, c] of a) out.set(k, c * s);
  return out;
}

/** Remaining work of a field: term products it may still compute (deterministic budget). */
export interface PolyWork {
  left: number;
  limit: number;
}

export function polyMul(a: Poly, b: Poly, maxTerms = Infinity, work?: PolyWork): Poly {
  if (a.size === 0 || b.size === 0) return new Map();
  if (a.size === 1 && a.has('')) return polyScale(b, a.get('')!);
  if (b.size === 1 && b.has('')) return polyScale(a, b.get('')!);
  if (work) {
    work.left -= a.size * b.size;
    if (work.left < 0) throw new PolyBudgetError(`symbolic work budget exhausted (more than ${work.limit} term products)`);
  }
  const out: Poly = new Map();
  for (const [ka, ca] of a) {
    for (const [kb, cb] of b) {
      const k = mulKey(ka, kb);
      const v = (out.get(k) ?? 0n) + ca * cb;
      if (v === 0n) out.delete(k);
      else out.set(k, v);
    }
    if (out.size > maxTerms) throw new PolyBudgetError(`symbolic expression too large (more than ${maxTerms} terms in one polynomial)`);
  }
  return out;
}

export function polyPow(a: Poly, e: number, maxTerms = Infinity): Poly {
  let r = polyConst(1n);
  for (let i = 0; i < e; i++) r = polyMul(r, a, maxTerms);
  return r;
}

/** The largest total degree of a term in the symbols `counted` says (by index of creation). */
export function polyDegreeIn(a: Poly, counted: (index: number) => boolean): number {
  let best = a.size === 0 ? -Infinity : 0;
  for (const k of a.keys()) {
    let d = 0;
    for (let i = 0; i < k.length; i++) if (counted(i)) d += k.charCodeAt(i);
    if (d > best) best = d;
  }
  return best;
}

/** Canonical text of a polynomial (terms in graded lexicographic order). */
export function polyKey(a: Poly): string {
  return [...a.entries()]
    .sort((x, y) => compareKeys(x[0], y[0]))
    .map(([k, c]) => `${c}:${k}`)
    .join('|');
}

/** Content (gcd of coefficients) with the sign of the leading term: a = content · primitive part. */
function signedContent(a: Poly): bigint {
  let g = 0n;
  let lead: string | undefined;
  for (const [k, c] of a) {
    g = bgcd(g, c);
    if (lead === undefined || compareKeys(k, lead) < 0) lead = k;
  }
  return lead !== undefined && a.get(lead)! < 0n ? -g : g;
}

function polyDivExactConst(a: Poly, c: bigint): Poly {
  const out: Poly = new Map();
  for (const [k, v] of a) out.set(k, v / c);
  return out;
}

/** The polynomial as an expression string in the given variable names (nerdamer and mathjs syntax). */
export function polyToString(a: Poly, names: readonly string[]): string {
  if (a.size === 0) return '0';
  const terms = [...a.entries()].sort((x, y) => compareKeys(x[0], y[0]));
  return terms
    .map(([k, c], t) => {
      const vars: string[] = [];
      for (let i = 0; i < k.length; i++) {
        const e = k.charCodeAt(i);
        if (e > 0) vars.push(e === 1 ? names[i] : `${names[i]}^${e}`);
      }
      const mag = babs(c);
      const body = vars.length === 0 ? `${mag}` : mag === 1n ? vars.join('*') : `${mag}*${vars.join('*')}`;
      return c < 0n ? (t === 0 ? `-${body}` : ` - ${body}`) : t === 0 ? body : ` + ${body}`;
    })
    .join('');
}

interface Factor {
  key: string;
  poly: Poly;
  exp: number;
}

/** A rational function num / (c · Π fᵢ^eᵢ). */
export interface RatFun {
  num: Poly;
  /** Positive constant part of the denominator. */
  c: bigint;
  /** Primitive, sign-normalized, non-constant denominator factors, sorted by key. */
  den: Factor[];
}

export interface PolyField extends Field<RatFun> {
  /** A free symbol (created in order; its index is its position in `names`). */
  symbol(name: string): RatFun;
  readonly names: readonly string[];
  /** Number of terms of the numerator and of the expanded denominator. */
  size(a: RatFun): { num: number; den: number };
  /** Term products computed so far. */
  workDone(): number;
  numeratorString(a: RatFun): string;
  denominatorString(a: RatFun): string;
}

/**
 * The field of rational functions over ℚ in symbols created on demand, with a deterministic size
 * budget (maxTerms per polynomial).
 */
export function polyField(opts: { maxTerms: number; maxWork?: number } = { maxTerms: 200_000 }): PolyField {
  const names: string[] = [];
  const maxTerms = opts.maxTerms;
  const work: PolyWork = { left: opts.maxWork ?? Infinity, limit: opts.maxWork ?? Infinity };
  const check = (p: Poly): Poly => {
    if (p.size > maxTerms) throw new PolyBudgetError(`symbolic expression too large (more than ${maxTerms} terms in one polynomial)`);
    return p;
  };
  const mulP = (a: Poly, b: Poly): Poly => check(polyMul(a, b, maxTerms, work));
  const powCache = new Map<string, Poly>();
  const factorPow = (f: Factor, e: number): Poly => {
    if (e === 0) return polyConst(1n);
    if (e === 1) return f.poly;
    const k = `${f.key}#${e}`;
    let p = powCache.get(k);
    if (!p) {
      p = polyConst(1n);
      for (let i = 0; i < e; i++) p = mulP(p, f.poly);
      powCache.set(k, p);
    }
    return p;
  };
  const rf = (num: Poly, c: bigint, den: Factor[]): RatFun => {
    if (num.size === 0) return { num, c: 1n, den: [] };
    // reduce the constant: gcd of numerator content and c
    if (c !== 1n) {
      const g = bgcd(signedContent(num), c);
      if (g > 1n) {
        num = polyDivExactConst(num, g);
        c /= g;
      }
    }
    return { num, c, den };
  };
  /** Splits a non-zero polynomial into sign·content (a constant) and a primitive factor (or none). */
  const asFactor = (p: Poly): { k: bigint; factor?: Factor } => {
    const k = signedContent(p);
    if (p.size === 1 && p.has('')) return { k };
    const poly = k === 1n ? p : polyDivExactConst(p, k);
    return { k, factor: { key: polyKey(poly), poly, exp: 1 } };
  };
  const mergeDen = (a: Factor[], b: Factor[], op: 'sum' | 'max'): Factor[] => {
    const m = new Map<string, Factor>();
    for (const f of a) m.set(f.key, { ...f });
    for (const f of b) {
      const g = m.get(f.key);
      if (!g) m.set(f.key, { ...f });
      else g.exp = op === 'sum' ? g.exp + f.exp : Math.max(g.exp, f.exp);
    }
    return [...m.values()].sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
  };
  /** Product of the factors of `L` divided by those of `d` (exponent differences). */
  const cofactor = (L: Factor[], d: Factor[]): Poly => {
    let p = polyConst(1n);
    for (const f of L) {
      const e = f.exp - (d.find((x) => x.key === f.key)?.exp ?? 0);
      if (e > 0) p = mulP(p, factorPow(f, e));
    }
    return p;
  };
  /** Cancels a numerator that is (a constant times) one denominator factor. */
  const cancel = (a: RatFun): RatFun => {
    if (a.den.length === 0 || a.num.size === 0) return a;
    const { k, factor } = asFactor(a.num);
    if (!factor) return a;
    const i = a.den.findIndex((f) => f.key === factor.key);
    if (i < 0) return a;
    const den = a.den.map((f) => ({ ...f })).filter((f, j) => j !== i || f.exp > 1);
    if (a.den[i].exp > 1) den.find((f) => f.key === factor.key)!.exp -= 1;
    return rf(polyConst(k), a.c, den);
  };
  const addSub = (a: RatFun, b: RatFun, sign: 1n | -1n): RatFun => {
    if (b.num.size === 0) return a;
    if (a.num.size === 0) return sign === 1n ? b : { ...b, num: polyScale(b.num, -1n) };
    const L = mergeDen(a.den, b.den, 'max');
    const g = bgcd(a.c, b.c);
    const c = (a.c / g) * b.c;
    const na = mulP(polyScale(a.num, c / a.c), cofactor(L, a.den));
    const nb = mulP(polyScale(b.num, c / b.c), cofactor(L, b.den));
    return cancel(rf(check(polyAdd(na, nb, sign)), c, L));
  };
  const denPoly = (a: RatFun): Poly => {
    let p = polyConst(a.c);
    for (const f of a.den) p = mulP(p, factorPow(f, f.exp));
    return p;
  };
  const field: PolyField = {
    name: 'symbolic (exact polynomials over ℚ)',
    complex: false,
    names,
    zero: () => ({ num: new Map(), c: 1n, den: [] }),
    one: () => ({ num: polyConst(1n), c: 1n, den: [] }),
    rational: (n, d = 1) => {
      if (!Number.isInteger(n) || !Number.isInteger(d) || d === 0) throw new RangeError(`rational(${n}, ${d})`);
      const s = d < 0 ? -1n : 1n;
      return rf(polyConst(BigInt(n) * s), BigInt(Math.abs(d)), []);
    },
    add: (a, b) => addSub(a, b, 1n),
    sub: (a, b) => addSub(a, b, -1n),
    mul: (a, b) => {
      if (a.num.size === 0 || b.num.size === 0) return field.zero();
      return cancel(rf(mulP(a.num, b.num), a.c * b.c, mergeDen(a.den, b.den, 'sum')));
    },
    div: (a, b) => {
      if (b.num.size === 0) throw new DivisionByZeroError('symbolic division by the zero rational function');
      if (a.num.size === 0) return field.zero();
      const { k, factor } = asFactor(b.num);
      // a / (k f / (c_b Π g)) = a · c_b Π g / (k f)
      const num = mulP(a.num, denPoly({ num: polyConst(1n), c: b.c, den: b.den }));
      const sgn = k < 0n ? -1n : 1n;
      return cancel(rf(polyScale(num, sgn), a.c * babs(k), factor ? mergeDen(a.den, [factor], 'sum') : a.den));
    },
    neg: (a) => ({ ...a, num: polyScale(a.num, -1n) }),
    conj: (a) => a,
    fromParts: (re, im) => {
      if (im.num.size !== 0) throw new RangeError('the polynomial field is real');
      return re;
    },
    imag: () => {
      throw new RangeError('the polynomial field is real');
    },
    isZero: (a) => a.num.size === 0,
    show: (a) => {
      const n = polyToString(a.num, names);
      return a.c === 1n && a.den.length === 0 ? n : `(${n})/(${field.denominatorString(a)})`;
    },
    symbol: (name) => {
      let i = names.indexOf(name);
      if (i < 0) {
        i = names.length;
        names.push(name);
      }
      const codes = new Array<number>(i + 1).fill(0);
      codes[i] = 1;
      return { num: new Map([[trimKey(codes), 1n]]), c: 1n, den: [] };
    },
    size: (a) => ({ num: a.num.size, den: denPoly(a).size }),
    workDone: () => work.limit - work.left,
    numeratorString: (a) => polyToString(a.num, names),
    denominatorString: (a) => [...(a.c !== 1n ? [String(a.c)] : []), ...a.den.map((f) => `(${polyToString(f.poly, names)})${f.exp > 1 ? `^${f.exp}` : ''}`)].join('*') || '1',
  };
  return field;
}
