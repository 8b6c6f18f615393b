/**
 * Tensor networks of matrix variables: the representation behind the normal form (normal-form.ts).
 *
 * Every matrix expression built from variables, products, sums, scalar multiples, transposes,
 * traces, identities, Kronecker products and vec is a sum of terms, each a coefficient times a
 * network: every occurrence of a variable (a "letter") has a row leg and a column leg (none where
 * its dimension is 1), and every leg is joined by an index either to one other leg or to one of the
 * expression's open legs (its rows and columns, in Kronecker order, major first). A product joins
 * the left factor's column legs to the right factor's row legs, a trace joins rows to columns, an
 * identity is a bare index from a row to a column, a Kronecker product sets two networks side by
 * side, vec makes the columns rows. An index closed on itself without any letter is a loop: its
 * value is the size N of its class (Tr I = N), kept in the coefficient as the symbol `N:k`.
 *
 * This file builds such networks (indices are integers, unique within a term); canonical.ts reads
 * them into their canonical form.
 */
import type { RatFun } from '../../symbolic/poly.ts';

export interface Letter {
  name: string;
  /** The variable's inverse (only for a variable that is a matrix of the witness). */
  inv: boolean;
  /** Xᵀ = X (symmetric, positive definite or diagonal variables). */
  sym: boolean;
  /** Positive definite: sampled as L Lᵀ + I (degree 2 in the sampled coordinates). */
  spd: boolean;
  /** Diagonal: the exact-test bounds do not cover it. */
  diagonal: boolean;
  /** Class of the row and column legs (null: dimension 1, no leg). */
  rowClass: number | null;
  colClass: number | null;
  /** The indices at the row and column legs. */
  r: number | null;
  c: number | null;
}

export interface Term {
  coef: RatFun;
  letters: Letter[];
  /** Indices at the open legs, rows then columns, Kronecker order (major first). */
  rows: number[];
  cols: number[];
}

/** A sum of terms with the classes of its open legs; `flexible`: a zero whose legs adapt to what it is added to. */
export interface Tensor {
  rowClasses: number[];
  colClasses: number[];
  terms: Term[];
  flexible?: boolean;
}

/** Why an expression has no normal form here (a reason for the report). */
export class NoNormalForm extends Error {
  override name = 'NoNormalForm';
}

/** Fresh indices and their classes, for one normal-form computation. */
export class IndexSupply {
  private next = 0;
  readonly classOf = new Map<number, number>();

  fresh(cls: number): number {
    const i = this.next++;
    this.classOf.set(i, cls);
    return i;
  }

  /** A copy of the term with fresh indices (so that a term used twice never shares one). */
  rename(t: Term): Term {
    const map = new Map<number, number>();
    const f = (i: number | null): number | null => {
      if (i === null) return null;
      if (!map.has(i)) map.set(i, this.fresh(this.classOf.get(i)!));
      return map.get(i)!;
    };
    return { coef: t.coef, letters: t.letters.map((l) => ({ ...l, r: f(l.r), c: f(l.c) })), rows: t.rows.map((i) => f(i)!), cols: t.cols.map((i) => f(i)!) };
  }
}

/**
 * Joins index pairs of a working term: (i, j) with i ≠ j makes them one index; i = j closes an
 * index on itself — a loop, whose class is returned so that the caller multiplies by its size.
 * `lists` are the index arrays of the term (open legs and pending legs), rewritten in place.
 */
export function joinIndices(letters: Letter[], lists: number[][], pairs: [number, number][], supply: IndexSupply): number[] {
  const loops: number[] = [];
  const work = pairs.map(([a, b]) => [a, b]);
  for (let k = 0; k < work.length; k++) {
    const [i, j] = work[k];
    if (i === j) {
      loops.push(supply.classOf.get(i)!);
      continue;
    }
    if (supply.classOf.get(i) !== supply.classOf.get(j)) throw new NoNormalForm('a product or trace joins legs of different sizes');
    const sub = (x: number) => (x === j ? i : x);
    for (const l of letters) {
      if (l.r === j) l.r = i;
      if (l.c === j) l.c = i;
    }
    for (const list of lists) for (let t = 0; t < list.length; t++) list[t] = sub(list[t]);
    for (let t = k + 1; t < work.length; t++) work[t] = [sub(work[t][0]), sub(work[t][1])];
  }
  return loops;
}
