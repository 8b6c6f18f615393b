/**
 * The normal form of a size-generic side (record.ts): a sum of canonical tensor networks
 * (tensor.ts, canonical.ts) with coefficients in ℚ(scalars, N). Two sides with the same normal form
 * are equal for every size of every class: they are the same element of the free algebra with
 * trace and transpose, in which the matrices of every size are a representation. (The converse
 * fails: Cayley–Hamilton, Amitsur–Levitzki and det-based identities differ formally and hold at
 * small sizes only, which is why a difference goes on to an exact test at a size chosen from its
 * degree, bounds.ts.)
 *
 * Only polynomial expressions have a normal form here: variables (and inverses of variables),
 * identities, zeros, products, sums, scalar multiples, transposes, traces, powers with a numeric
 * exponent, Kronecker products and vec; divisions by scalars that do not involve the matrices. Any
 * other operation is refused with the reason (NoNormalForm).
 */
import { createHash } from 'node:crypto';
import { polyField, PolyBudgetError, type PolyField, type RatFun } from '../../symbolic/poly.ts';
import { canonicalTerm, rebuildTerm, type CanonicalTerm } from './canonical.ts';
import type { SizeClasses, SizedMat, SizedScalar, SizedSide } from './record.ts';
import { IndexSupply, joinIndices, NoNormalForm, type Letter, type Tensor, type Term } from './tensor.ts';

/** Terms a tensor may have, and term pairs a product may form (a deterministic budget). */
const MAX_TERMS = 4000;
const MAX_PAIRS = 200_000;

export interface NormalTerm {
  coef: RatFun;
  form: CanonicalTerm;
}

export interface NormalForm {
  rowClasses: number[];
  colClasses: number[];
  /** Canonical key → term (no zero coefficients). */
  terms: Map<string, NormalTerm>;
}

const REFUSALS: Record<string, string> = {
  det: 'a determinant (a polynomial of degree N in the entries, not a trace polynomial)',
  hadamard: 'an entrywise (Hadamard) product (it depends on the basis)',
  solve: 'a linear solve (the inverse of a matrix expression)',
  stein: 'a Stein equation solve (an infinite series, or the inverse of a Kronecker expression)',
  steinTransposed: 'a Stein equation solve (an infinite series, or the inverse of a Kronecker expression)',
  diag: 'a diagonal matrix built from a list of scalars (a fixed size, e.g. the eigenvalues of an eigendecomposition)',
  literal: 'a matrix built entry by entry (a fixed size)',
  vstack: 'matrices stacked inside an expression',
};

/** The normal forms of one witness (one context: shared symbols and indices). */
export class NormalFormBuilder {
  readonly P: PolyField = polyField({ maxTerms: 20_000, maxWork: 2_000_000 });
  private readonly supply = new IndexSupply();
  constructor(private readonly classes: SizeClasses) {}

  /** The size symbol N of class k (Tr I of that class). */
  sizeSymbol(k: number): RatFun {
    return this.P.symbol(`N:${this.classes.names[k]}`);
  }

  side(s: SizedSide): NormalForm {
    try {
      return this.normalize(s.kind === 'matrix' ? this.matrix(s.m) : this.scalar(s.s));
    } catch (e) {
      if (e instanceof PolyBudgetError) throw new NoNormalForm(`coefficients beyond the symbolic budget (${e.message})`);
      throw e;
    }
  }

  /** lhs − rhs in normal form; the legs must agree (a flexible zero takes the other side's). */
  difference(lhs: NormalForm, rhs: NormalForm): NormalForm {
    const rowClasses = lhs.terms.size || !rhs.terms.size ? lhs.rowClasses : rhs.rowClasses;
    const colClasses = lhs.terms.size || !rhs.terms.size ? lhs.colClasses : rhs.colClasses;
    if ((lhs.terms.size && rhs.terms.size && (String(lhs.rowClasses) !== String(rhs.rowClasses) || String(lhs.colClasses) !== String(rhs.colClasses)))) throw new NoNormalForm('the two sides have differently grouped sizes');
    const terms = new Map<string, NormalTerm>();
    const put = (key: string, t: NormalTerm, sign: 1 | -1) => {
      const old = terms.get(key);
      const coef = old ? (sign > 0 ? this.P.add(old.coef, t.coef) : this.P.sub(old.coef, t.coef)) : sign > 0 ? t.coef : this.P.neg(t.coef);
      if (this.P.isZero(coef)) terms.delete(key);
      else terms.set(key, { coef, form: t.form });
    };
    for (const [k, t] of lhs.terms) put(k, t, 1);
    for (const [k, t] of rhs.terms) put(k, t, -1);
    return { rowClasses, colClasses, terms };
  }

  /** A digest of normal forms (the regression guard keeps it). */
  digestAll(forms: NormalForm[]): string {
    const text = forms.map((n) => `${n.rowClasses}|${n.colClasses}\n${[...n.terms.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, t]) => `${this.P.show(t.coef)} * ${k}`).join('\n')}`);
    return createHash('sha256').update(text.join('\n\n')).digest('hex').slice(0, 16);
  }

  /** Canonical terms with equal forms merged; the tensor rebuilt from them. */
  private canonical(t: Tensor): { tensor: Tensor; form: NormalForm } {
    if (t.flexible) return { tensor: t, form: { rowClasses: t.rowClasses, colClasses: t.colClasses, terms: new Map() } };
    const terms = new Map<string, NormalTerm>();
    for (const term of t.terms) {
      const c = canonicalTerm(term);
      let coef = term.coef;
      for (const cls of c.loops) coef = this.P.mul(coef, this.sizeSymbol(cls));
      const old = terms.get(c.key);
      const sum = old ? this.P.add(old.coef, coef) : coef;
      if (this.P.isZero(sum)) terms.delete(c.key);
      else terms.set(c.key, { coef: sum, form: { ...c, loops: [] } });
    }
    if (terms.size > MAX_TERMS) throw new NoNormalForm(`a normal form of more than ${MAX_TERMS} terms`);
    const rebuilt = [...terms.values()].map((n) => rebuildTerm(n.form, n.coef, t.rowClasses, t.colClasses, this.supply));
    return { tensor: { rowClasses: t.rowClasses, colClasses: t.colClasses, terms: rebuilt }, form: { rowClasses: t.rowClasses, colClasses: t.colClasses, terms } };
  }

  private normalize(t: Tensor): NormalForm {
    return this.canonical(t).form;
  }

  private tidy(t: Tensor): Tensor {
    return this.canonical(t).tensor;
  }

  private constant(coef: RatFun): Tensor {
    return { rowClasses: [], colClasses: [], terms: this.P.isZero(coef) ? [] : [{ coef, letters: [], rows: [], cols: [] }] };
  }

  private legs(d: SizedMat['rows'], what: string): number[] {
    if (d.q !== 1) throw new NoNormalForm(`${what} of a size with a fixed factor ${d.q}`);
    const used = d.exps.map((e, k) => [e, k] as const).filter(([e]) => e > 0);
    if (used.length > 1) throw new NoNormalForm(`${what} of a product of different sizes (its Kronecker order is not known)`);
    return used.length ? new Array<number>(used[0][0]).fill(used[0][1]) : [];
  }

  private classOfSize(n: number): number | null {
    return n === 1 ? null : this.classes.tested.indexOf(n);
  }

  private variable(m: Extract<SizedMat, { op: 'var' }>, inv: boolean): Tensor {
    const s = m.spec;
    const rowClass = this.classOfSize(s.rows);
    const colClass = this.classOfSize(s.cols);
    if (rowClass === null && colClass === null) {
      const x = this.P.symbol(`m:${s.name}`);
      return this.constant(inv ? this.P.div(this.P.one(), x) : x);
    }
    const structure = s.structure ?? 'general';
    const square = s.rows === s.cols;
    const letter: Letter = {
      name: s.name,
      inv,
      sym: square && structure !== 'general',
      spd: structure === 'spd',
      diagonal: structure === 'diagonal',
      rowClass,
      colClass,
      r: rowClass === null ? null : this.supply.fresh(rowClass),
      c: colClass === null ? null : this.supply.fresh(colClass),
    };
    return { rowClasses: rowClass === null ? [] : [rowClass], colClasses: colClass === null ? [] : [colClass], terms: [{ coef: this.P.one(), letters: [letter], rows: letter.r === null ? [] : [letter.r], cols: letter.c === null ? [] : [letter.c] }] };
  }

  private identity(classes: number[]): Tensor {
    const idx = classes.map((c) => this.supply.fresh(c));
    return { rowClasses: classes, colClasses: classes, terms: [{ coef: this.P.one(), letters: [], rows: idx, cols: [...idx] }] };
  }

  /** All products of a term of `a` with a (renamed) term of `b`, joined as `join` says. */
  private pairs(a: Tensor, b: Tensor, rowClasses: number[], colClasses: number[], join: (x: Term, y: Term) => { rows: number[]; cols: number[]; pairs: [number, number][]; lists: number[][] }): Tensor {
    if (a.terms.length * b.terms.length > MAX_PAIRS) throw new NoNormalForm(`a product of normal forms of ${a.terms.length} and ${b.terms.length} terms`);
    const terms: Term[] = [];
    for (const x0 of a.terms) {
      for (const y0 of b.terms) {
        const x = this.supply.rename(x0);
        const y = this.supply.rename(y0);
        const letters = [...x.letters, ...y.letters];
        const j = join(x, y);
        const loops = joinIndices(letters, [j.rows, j.cols, ...j.lists], j.pairs, this.supply);
        let coef = this.P.mul(x.coef, y.coef);
        for (const cls of loops) coef = this.P.mul(coef, this.sizeSymbol(cls));
        terms.push({ coef, letters, rows: j.rows, cols: j.cols });
      }
    }
    return this.tidy({ rowClasses, colClasses, terms });
  }

  private product(a: Tensor, b: Tensor): Tensor {
    if (a.flexible || b.flexible) return { rowClasses: a.rowClasses, colClasses: b.colClasses, terms: [], flexible: true };
    if (String(a.colClasses) !== String(b.rowClasses)) throw new NoNormalForm('a product whose factors group their sizes differently (a reshape)');
    return this.pairs(a, b, a.rowClasses, b.colClasses, (x, y) => {
      const pend = [[...x.cols], [...y.rows]];
      return { rows: [...x.rows], cols: [...y.cols], pairs: pend[0].map((i, k) => [i, pend[1][k]] as [number, number]), lists: pend };
    });
  }

  /** A scalar (no legs) times a tensor. */
  private scaled(s: Tensor, a: Tensor): Tensor {
    if (a.flexible) return a;
    return this.pairs(s, a, a.rowClasses, a.colClasses, (x, y) => ({ rows: [...y.rows], cols: [...y.cols], pairs: [], lists: [] }));
  }

  private sum(a: Tensor, b: Tensor, sign: 1 | -1): Tensor {
    const neg = (t: Tensor): Tensor => ({ ...t, terms: t.terms.map((x) => ({ ...x, coef: this.P.neg(x.coef) })) });
    if (b.flexible) return a;
    if (a.flexible) return sign > 0 ? b : neg(b);
    if (String(a.rowClasses) !== String(b.rowClasses) || String(a.colClasses) !== String(b.colClasses)) throw new NoNormalForm('a sum of matrices whose sizes are grouped differently');
    return this.tidy({ rowClasses: a.rowClasses, colClasses: a.colClasses, terms: [...a.terms, ...(sign > 0 ? b : neg(b)).terms] });
  }

  private trace(a: Tensor): Tensor {
    if (a.flexible) return this.constant(this.P.zero());
    if (String(a.rowClasses) !== String(a.colClasses)) throw new NoNormalForm('the trace of a matrix whose sizes are grouped differently in rows and columns');
    const terms: Term[] = a.terms.map((t0) => {
      const t = this.supply.rename(t0);
      const pend = [[...t.rows], [...t.cols]];
      const loops = joinIndices(t.letters, pend, pend[0].map((i, k) => [i, pend[1][k]] as [number, number]), this.supply);
      let coef = t.coef;
      for (const cls of loops) coef = this.P.mul(coef, this.sizeSymbol(cls));
      return { coef, letters: t.letters, rows: [], cols: [] };
    });
    return this.tidy({ rowClasses: [], colClasses: [], terms });
  }

  private scalar(s: SizedScalar): Tensor {
    const P = this.P;
    switch (s.op) {
      case 'const':
        return this.constant(P.rational(s.num, s.den));
      case 'symbol':
        return this.constant(P.symbol(`s:${s.name}`));
      case 'sizes': {
        let c = P.rational(s.num, s.den);
        s.exps.forEach((e, k) => {
          for (let i = 0; i < Math.abs(e); i++) c = e > 0 ? P.mul(c, this.sizeSymbol(k)) : P.div(c, this.sizeSymbol(k));
        });
        return this.constant(c);
      }
      case 'neg':
        return this.sum(this.constant(P.zero()), this.scalar(s.a), -1);
      case 'add':
      case 'sub':
        return this.sum(this.scalar(s.a), this.scalar(s.b), s.op === 'add' ? 1 : -1);
      case 'mul':
        return this.product(this.scalar(s.a), this.scalar(s.b));
      case 'div': {
        const d = this.scalar(s.b);
        if (d.terms.some((t) => t.letters.length > 0)) throw new NoNormalForm('a division by an expression in the matrices (a rational function of traces)');
        const den = d.terms.reduce((x, t) => P.add(x, t.coef), P.zero());
        if (P.isZero(den)) throw new NoNormalForm('a division by zero');
        const num = this.scalar(s.a);
        return { ...num, terms: num.terms.map((t) => ({ ...t, coef: P.div(t.coef, den) })) };
      }
      case 'trace':
        return this.trace(this.matrix(s.m));
      case 'det':
        throw new NoNormalForm(REFUSALS.det);
    }
  }

  private matrix(m: SizedMat): Tensor {
    switch (m.op) {
      case 'var':
        return this.variable(m, false);
      case 'identity': {
        const r = this.legs(m.rows, 'an identity');
        return r.length ? this.identity(r) : this.constant(this.P.one());
      }
      case 'zero': {
        // a zero of one class's sizes has its legs; of a product of several classes, it takes those of what it meets
        const known = (d: typeof m.rows) => d.exps.filter((e) => e > 0).length <= 1;
        if (!known(m.rows) || !known(m.cols)) return { rowClasses: [], colClasses: [], terms: [], flexible: true };
        return { rowClasses: this.legs(m.rows, 'a zero matrix'), colClasses: this.legs(m.cols, 'a zero matrix'), terms: [] };
      }
      case 'mul':
        return this.product(this.matrix(m.a), this.matrix(m.b));
      case 'add':
      case 'sub':
        return this.sum(this.matrix(m.a), this.matrix(m.b), m.op === 'add' ? 1 : -1);
      case 'scale':
        return this.scaled(this.scalar(m.s), this.matrix(m.a));
      case 'transpose': {
        const a = this.matrix(m.a);
        return { rowClasses: a.colClasses, colClasses: a.rowClasses, terms: a.terms.map((t) => ({ ...t, rows: t.cols, cols: t.rows })), flexible: a.flexible };
      }
      case 'vec': {
        const a = this.matrix(m.a);
        return { rowClasses: [...a.colClasses, ...a.rowClasses], colClasses: [], terms: a.terms.map((t) => ({ ...t, rows: [...t.cols, ...t.rows], cols: [] })), flexible: a.flexible };
      }
      case 'kron': {
        const a = this.matrix(m.a);
        const b = this.matrix(m.b);
        if (a.flexible || b.flexible) return { rowClasses: [], colClasses: [], terms: [], flexible: true };
        return this.pairs(a, b, [...a.rowClasses, ...b.rowClasses], [...a.colClasses, ...b.colClasses], (x, y) => ({ rows: [...x.rows, ...y.rows], cols: [...x.cols, ...y.cols], pairs: [], lists: [] }));
      }
      case 'power': {
        const a = this.matrix(m.a);
        let p = a.flexible ? a : this.identity(a.rowClasses);
        for (let k = 0; k < m.k; k++) p = this.product(p, a);
        return p;
      }
      case 'inverse':
        if (m.a.op === 'var') return this.variable(m.a, true);
        if (m.a.op === 'identity') return this.matrix(m.a);
        throw new NoNormalForm('the inverse of a matrix expression that is not a variable');
      case 'literal':
        // a 1×1 matrix written as [[x]] is the scalar x
        if (m.entries.length === 1 && m.entries[0].length === 1 && m.rows.q === 1 && m.cols.q === 1 && [...m.rows.exps, ...m.cols.exps].every((e) => e === 0)) return this.scalar(m.entries[0][0]);
        throw new NoNormalForm(REFUSALS.literal);
      default:
        throw new NoNormalForm(REFUSALS[m.op]);
    }
  }
}
