/**
 * Matrices over any Field (field.ts): arrays of rows. Symbolic matrices are arrays of symbols, never
 * nerdamer matrices. vec stacks COLUMNS (as src/linalg/dense.ts): entry (i, j) of an r×c matrix sits
 * at i + r·j, and vec(A X B) = (Bᵀ ⊗ A) vec X.
 */
import Fraction from 'fraction.js';

/** mathjs's Fraction is fraction.js; used directly so that exact arithmetic does not load all of mathjs (3 s). */
const fraction = (n: number | bigint, d: number | bigint = 1): Fraction => new Fraction(n, d);
import { type Complex, DivisionByZeroError, type Field, fractionField, fractionSumOfProducts, scalarPower } from './field.ts';
import { isRecordingField, matrixNodeOf, RecordingRefusal, record, type ScalarNode } from './recording.ts';

/**
 * In the recording field (recording.ts) every operation below returns the expression it computes
 * instead of its entries; `rec` gives the recording counterpart its types.
 */
type R = ScalarNode[][];
const rec = <T>(m: R): Mat<T> => m as unknown as Mat<T>;
const asR = <T>(m: Mat<T>): R => m as unknown as R;

export type Mat<T> = T[][];

export function rows<T>(a: Mat<T>): number {
  return a.length;
}
export function cols<T>(a: Mat<T>): number {
  return a.length === 0 ? 0 : a[0].length;
}

export function fromFunction<T>(r: number, c: number, f: (i: number, j: number) => T): Mat<T> {
  return Array.from({ length: r }, (_, i) => Array.from({ length: c }, (_, j) => f(i, j)));
}

export function eye<T>(F: Field<T>, n: number): Mat<T> {
  if (isRecordingField(F)) return rec(record.identity(n));
  return fromFunction(n, n, (i, j) => (i === j ? F.one() : F.zero()));
}

export function zeros<T>(F: Field<T>, r: number, c: number): Mat<T> {
  if (isRecordingField(F)) return rec(record.zero(r, c));
  return fromFunction(r, c, () => F.zero());
}

export function diag<T>(F: Field<T>, d: T[]): Mat<T> {
  if (isRecordingField(F)) return rec(record.diag(d as unknown as ScalarNode[]));
  return fromFunction(d.length, d.length, (i, j) => (i === j ? d[i] : F.zero()));
}

export function diagonalOf<T>(a: Mat<T>): T[] {
  return a.map((row, i) => row[i]);
}

function assertSameShape<T>(a: Mat<T>, b: Mat<T>, op: string): void {
  if (rows(a) !== rows(b) || cols(a) !== cols(b)) throw new RangeError(`${op}: shapes ${rows(a)}×${cols(a)} and ${rows(b)}×${cols(b)} differ`);
}

export function add<T>(F: Field<T>, a: Mat<T>, b: Mat<T>): Mat<T> {
  if (isRecordingField(F)) return rec(record.sameShape('add', asR(a), asR(b)));
  assertSameShape(a, b, 'add');
  return fromFunction(rows(a), cols(a), (i, j) => F.add(a[i][j], b[i][j]));
}

export function sub<T>(F: Field<T>, a: Mat<T>, b: Mat<T>): Mat<T> {
  if (isRecordingField(F)) return rec(record.sameShape('sub', asR(a), asR(b)));
  assertSameShape(a, b, 'sub');
  return fromFunction(rows(a), cols(a), (i, j) => F.sub(a[i][j], b[i][j]));
}

export function scale<T>(F: Field<T>, s: T, a: Mat<T>): Mat<T> {
  if (isRecordingField(F)) return rec(record.scale(s as unknown as ScalarNode, asR(a)));
  return a.map((row) => row.map((x) => F.mul(s, x)));
}

export function hadamard<T>(F: Field<T>, a: Mat<T>, b: Mat<T>): Mat<T> {
  if (isRecordingField(F)) return rec(record.sameShape('hadamard', asR(a), asR(b)));
  assertSameShape(a, b, 'hadamard');
  return fromFunction(rows(a), cols(a), (i, j) => F.mul(a[i][j], b[i][j]));
}

export function mul<T>(F: Field<T>, a: Mat<T>, b: Mat<T>): Mat<T> {
  if (isRecordingField(F)) return rec(record.mul(asR(a), asR(b)));
  if (cols(a) !== rows(b)) throw new RangeError(`mul: ${rows(a)}×${cols(a)} times ${rows(b)}×${cols(b)}`);
  if (F === (fractionField as unknown as Field<T>)) return mulFraction(a as unknown as Fraction[][], b as unknown as Fraction[][]) as unknown as Mat<T>;
  if (F.name === 'complex(fraction)') return mulComplexFraction(a as unknown as Mat<Complex<Fraction>>, b as unknown as Mat<Complex<Fraction>>) as unknown as Mat<T>;
  return fromFunction(rows(a), cols(b), (i, j) => {
    let s = F.zero();
    for (let k = 0; k < cols(a); k++) s = F.add(s, F.mul(a[i][k], b[k][j]));
    return s;
  });
}

/** A·B over ℚ, each entry one sum of products normalized once (fractionSumOfProducts): the same exact values. */
function mulFraction(a: Fraction[][], b: Fraction[][]): Fraction[][] {
  const k = cols(a);
  const columns = Array.from({ length: cols(b) }, (_, j) => Array.from({ length: k }, (_, r) => b[r][j]));
  return fromFunction(rows(a), cols(b), (i, j) => fractionSumOfProducts(a[i], columns[j]));
}

/** A·B over ℚ(i): re = Σ (aᵣbᵣ − aᵢbᵢ), im = Σ (aᵣbᵢ + aᵢbᵣ), each one sum of products. */
function mulComplexFraction(a: Mat<Complex<Fraction>>, b: Mat<Complex<Fraction>>): Mat<Complex<Fraction>> {
  const k = cols(a);
  const signs: (1n | -1n)[] = Array.from({ length: 2 * k }, (_, t) => (t % 2 === 0 ? 1n : -1n));
  return fromFunction(rows(a), cols(b), (i, j) => {
    const x: Fraction[] = [];
    const y: Fraction[] = [];
    const u: Fraction[] = [];
    const v: Fraction[] = [];
    for (let r = 0; r < k; r++) {
      const p = a[i][r];
      const q = b[r][j];
      x.push(p.re, p.im);
      y.push(q.re, q.im);
      u.push(p.re, p.im);
      v.push(q.im, q.re);
    }
    return { re: fractionSumOfProducts(x, y, signs), im: fractionSumOfProducts(u, v) };
  });
}

/** Product of several matrices, left to right. */
export function mulAll<T>(F: Field<T>, ...ms: Mat<T>[]): Mat<T> {
  return ms.reduce((acc, m) => mul(F, acc, m));
}

export function transpose<T>(a: Mat<T>): Mat<T> {
  if (matrixNodeOf(a)) return rec(record.transpose(asR(a)));
  return fromFunction(cols(a), rows(a), (i, j) => a[j][i]);
}

/** Conjugate transpose Aᴴ. */
export function conjTranspose<T>(F: Field<T>, a: Mat<T>): Mat<T> {
  if (isRecordingField(F)) return transpose(a);
  return fromFunction(cols(a), rows(a), (i, j) => F.conj(a[j][i]));
}

export function conjugate<T>(F: Field<T>, a: Mat<T>): Mat<T> {
  if (isRecordingField(F)) return a;
  return a.map((row) => row.map((x) => F.conj(x)));
}

export function trace<T>(F: Field<T>, a: Mat<T>): T {
  if (isRecordingField(F)) return record.trace(asR(a)) as unknown as T;
  if (rows(a) !== cols(a)) throw new RangeError(`trace of a ${rows(a)}×${cols(a)} matrix`);
  let s = F.zero();
  for (let i = 0; i < rows(a); i++) s = F.add(s, a[i][i]);
  return s;
}

export function power<T>(F: Field<T>, a: Mat<T>, k: number): Mat<T> {
  if (isRecordingField(F)) return rec(record.power(asR(a), k));
  let r = eye(F, rows(a));
  for (let i = 0; i < k; i++) r = mul(F, r, a);
  return r;
}

/** Kronecker product A ⊗ B. */
export function kron<T>(F: Field<T>, a: Mat<T>, b: Mat<T>): Mat<T> {
  if (isRecordingField(F)) return rec(record.kron(asR(a), asR(b)));
  const rb = rows(b);
  const cb = cols(b);
  return fromFunction(rows(a) * rb, cols(a) * cb, (i, j) => F.mul(a[Math.floor(i / rb)][Math.floor(j / cb)], b[i % rb][j % cb]));
}

/** Column-stacking vec, as a column (rc × 1). */
export function vec<T>(a: Mat<T>): Mat<T> {
  if (matrixNodeOf(a)) return rec(record.vec(asR(a)));
  const r = rows(a);
  return fromFunction(r * cols(a), 1, (k) => a[k % r][Math.floor(k / r)]);
}

export function unvec<T>(v: Mat<T>, r: number, c: number): Mat<T> {
  if (matrixNodeOf(v)) throw new RecordingRefusal('unvec with its sizes given as numbers');
  return fromFunction(r, c, (i, j) => v[i + r * j][0]);
}

/** Determinant by Laplace expansion along the first row (sizes ≤ 4 here; symbolic friendly: no division). */
export function det<T>(F: Field<T>, a: Mat<T>): T {
  if (isRecordingField(F)) return record.det(asR(a)) as unknown as T;
  const n = rows(a);
  if (n !== cols(a)) throw new RangeError('det of a non-square matrix');
  if (n === 0) return F.one();
  if (n === 1) return a[0][0];
  if (n === 2) return F.sub(F.mul(a[0][0], a[1][1]), F.mul(a[0][1], a[1][0]));
  if (n > 4) return detByElimination(F, a);
  let s = F.zero();
  for (let j = 0; j < n; j++) {
    const minor = a.slice(1).map((row) => row.filter((_, c) => c !== j));
    const term = F.mul(a[0][j], det(F, minor));
    s = j % 2 === 0 ? F.add(s, term) : F.sub(s, term);
  }
  return s;
}

/** Determinant by fraction-free-free Gaussian elimination (exact fields). */
function detByElimination<T>(F: Field<T>, a0: Mat<T>): T {
  const a = a0.map((r) => [...r]);
  const n = rows(a);
  let d = F.one();
  for (let k = 0; k < n; k++) {
    let p = k;
    while (p < n && F.isZero(a[p][k]) === true) p++;
    if (p === n) return F.zero();
    if (p !== k) {
      [a[p], a[k]] = [a[k], a[p]];
      d = F.neg(d);
    }
    d = F.mul(d, a[k][k]);
    for (let i = k + 1; i < n; i++) {
      const f = F.div(a[i][k], a[k][k]);
      for (let j = k; j < n; j++) a[i][j] = F.sub(a[i][j], F.mul(f, a[k][j]));
    }
  }
  return d;
}

/** Inverse: 2×2 by the adjugate (symbolic friendly), larger by Gauss–Jordan with exact pivoting. */
export function inverse<T>(F: Field<T>, a: Mat<T>): Mat<T> {
  if (isRecordingField(F)) return rec(record.inverse(asR(a)));
  const n = rows(a);
  if (n !== cols(a)) throw new RangeError('inverse of a non-square matrix');
  if (n === 1) return [[F.div(F.one(), a[0][0])]];
  if (n === 2) {
    const d = det(F, a);
    if (F.isZero(d) === true) throw new DivisionByZeroError('singular 2×2 matrix');
    return [
      [F.div(a[1][1], d), F.neg(F.div(a[0][1], d))],
      [F.neg(F.div(a[1][0], d)), F.div(a[0][0], d)],
    ];
  }
  return solve(F, a, eye(F, n));
}

/** Solve A X = B by Gauss–Jordan elimination (exact pivot choice: first entry not known to be zero). */
export function solve<T>(F: Field<T>, a0: Mat<T>, b0: Mat<T>): Mat<T> {
  if (isRecordingField(F)) return rec(record.solve('solve', asR(a0), asR(b0)));
  if (F === (fractionField as unknown as Field<T>) && rows(a0) > 2) return solveFractionBareiss(a0 as unknown as Fraction[][], b0 as unknown as Fraction[][]) as unknown as Mat<T>;
  if (F.name === 'complex(fraction)' && rows(a0) > 2) return solveComplexFraction(a0 as unknown as Mat<Complex<Fraction>>, b0 as unknown as Mat<Complex<Fraction>>) as unknown as Mat<T>;
  const n = rows(a0);
  const a = a0.map((r) => [...r]);
  const b = b0.map((r) => [...r]);
  for (let k = 0; k < n; k++) {
    let p = k;
    if (F.isZero(a[k][k]) !== undefined) {
      while (p < n && F.isZero(a[p][k]) === true) p++;
    } else {
      // float64: partial pivoting by magnitude
      let best = Math.abs(a[k][k] as unknown as number);
      for (let i = k + 1; i < n; i++) {
        const v = Math.abs(a[i][k] as unknown as number);
        if (v > best) {
          best = v;
          p = i;
        }
      }
    }
    if (p === n) throw new DivisionByZeroError('singular matrix in solve');
    if (p !== k) {
      [a[p], a[k]] = [a[k], a[p]];
      [b[p], b[k]] = [b[k], b[p]];
    }
    const piv = a[k][k];
    for (let j = 0; j < n; j++) a[k][j] = F.div(a[k][j], piv);
    for (let j = 0; j < cols(b); j++) b[k][j] = F.div(b[k][j], piv);
    for (let i = 0; i < n; i++) {
      if (i === k || F.isZero(a[i][k]) === true) continue;
      const f = a[i][k];
      for (let j = 0; j < n; j++) a[i][j] = F.sub(a[i][j], F.mul(f, a[k][j]));
      for (let j = 0; j < cols(b); j++) b[i][j] = F.sub(b[i][j], F.mul(f, b[k][j]));
    }
  }
  return b;
}

/** The solution X of the Stein equation X = A X Aᵀ + Q, from (I − A ⊗ A) vec X = vec Q (exact). */
export function steinSolve<T>(F: Field<T>, a: Mat<T>, q: Mat<T>): Mat<T> {
  if (isRecordingField(F)) return rec(record.solve('stein', asR(a), asR(q)));
  const n = rows(a);
  const lhs = sub(F, eye(F, n * n), kron(F, a, a)); // vec(A X Aᵀ) = (A ⊗ A) vec X
  return unvec(solve(F, lhs, vec(q)), n, n);
}

/**
 * The solution X of X = Aᵀ X A + Q (the Lyapunov form of Eq. 49). For ρ(A) < 1 it equals
 * Σ_k A^{kᵀ} Q A^k.
 */
export function steinTransposed<T>(F: Field<T>, a: Mat<T>, q: Mat<T>): Mat<T> {
  if (isRecordingField(F)) return rec(record.solve('steinTransposed', asR(a), asR(q)));
  return steinSolve(F, transpose(a), q);
}

/** Frobenius inner product Tr(Aᴴ B). */
export function frobeniusInner<T>(F: Field<T>, a: Mat<T>, b: Mat<T>): T {
  return trace(F, mul(F, conjTranspose(F, a), b));
}

export function mapEntries<T, S>(a: Mat<T>, f: (x: T, i: number, j: number) => S): Mat<S> {
  return a.map((row, i) => row.map((x, j) => f(x, i, j)));
}

export function diagPower<T>(F: Field<T>, d: T[], k: number): Mat<T> {
  return diag(F, d.map((x) => scalarPower(F, x, k)));
}

/**
 * Exact A X = B over ℚ by fraction-free (Bareiss) elimination on BigInt rows: each row is scaled to
 * integers by the lcm of its denominators, eliminated with exact integer divisions, and only the
 * back substitution uses fractions. The same solution as Gauss–Jordan over Fractions, about ten
 * times faster on the 16×16 Stein systems (no gcd at every operation).
 */
function solveFractionBareiss(a: Fraction[][], b: Fraction[][]): Fraction[][] {
  const n = a.length;
  const m = cols(b);
  const gcd = (x: bigint, y: bigint): bigint => {
    x = x < 0n ? -x : x;
    y = y < 0n ? -y : y;
    while (y !== 0n) [x, y] = [y, x % y];
    return x;
  };
  const M: bigint[][] = a.map((row, r) => {
    const entries = [...row, ...b[r]];
    let L = 1n;
    for (const e of entries) L = (L / gcd(L, e.d)) * e.d;
    return entries.map((e) => e.s * e.n * (L / e.d));
  });
  let prev = 1n;
  for (let k = 0; k < n; k++) {
    let p = k;
    while (p < n && M[p][k] === 0n) p++;
    if (p === n) throw new DivisionByZeroError('singular matrix in solve');
    if (p !== k) [M[p], M[k]] = [M[k], M[p]];
    const pivot = M[k][k];
    for (let i = k + 1; i < n; i++) {
      const f = M[i][k];
      const row = M[i];
      const rk = M[k];
      for (let j = k + 1; j < n + m; j++) row[j] = (row[j] * pivot - f * rk[j]) / prev;
      row[k] = 0n;
    }
    prev = pivot;
  }
  // fraction-free back substitution: with d the last pivot (± the determinant of the scaled system),
  // X = d·x is an integer vector (Cramer's rule) and M[k][k]·X_k = d·b_k − Σ_{j>k} M[k][j]·X_j exactly;
  // each x_k = X_k / d is then normalized once, by fraction.js
  const d = M[n - 1][n - 1];
  const x: Fraction[][] = Array.from({ length: n }, () => new Array<Fraction>(m));
  const X = new Array<bigint>(n);
  for (let c = 0; c < m; c++) {
    for (let k = n - 1; k >= 0; k--) {
      let s = d * M[k][n + c];
      for (let j = k + 1; j < n; j++) if (M[k][j] !== 0n) s -= M[k][j] * X[j];
      if (s % M[k][k] !== 0n) throw new Error('solveFractionBareiss: a fraction-free division left a remainder (a bug)');
      X[k] = s / M[k][k];
      x[k][c] = fraction(X[k], d);
    }
  }
  return x;
}

/** Exact complex A X = B over ℚ(i): a real system when every imaginary part is 0, else [[Ar, −Ai], [Ai, Ar]]. */
function solveComplexFraction(a: Mat<Complex<Fraction>>, b: Mat<Complex<Fraction>>): Mat<Complex<Fraction>> {
  const zero = fraction(0);
  const real = [...a, ...b].every((row) => row.every((z) => z.im.n === 0n));
  if (real) return solveFractionBareiss(a.map((r) => r.map((z) => z.re)), b.map((r) => r.map((z) => z.re))).map((r) => r.map((x) => ({ re: x, im: zero })));
  const n = a.length;
  const big = [...a.map((r) => [...r.map((z) => z.re), ...r.map((z) => z.im.neg())]), ...a.map((r) => [...r.map((z) => z.im), ...r.map((z) => z.re)])];
  const rhs = [...b.map((r) => r.map((z) => z.re)), ...b.map((r) => r.map((z) => z.im))];
  const x = solveFractionBareiss(big, rhs);
  return x.slice(0, n).map((r, i) => r.map((re, c) => ({ re, im: x[n + i][c] })));
}
