// Issue 29's suite of known identities, each as a derivation step with 2×2 variables, through the step checker
// (src/proof/check.ts → src/proof/sizes/): identities that hold for 2×2 matrices only — the 2×2 Cayley–Hamilton
// trace form, the standard polynomial s₄ (Amitsur–Levitzki), Tr(A²) = Tr(A)² − 2 det A — are not certified for
// every N and show the N where they fail; general ones — Tr(AB) = Tr(BA), (AB)ᵀ = BᵀAᵀ, Tr(ABC) = Tr(CᵀBᵀAᵀ),
// vec(AXB) = (Bᵀ ⊗ A) vec X and a degree-6 trace identity — are certified for every N, each with its method and
// bound. The expected verdicts come from the test's own exact evaluation (mathjs fractions) at 2×2 and at larger
// sizes, never from the code under test.
import { describe, expect, it } from 'vitest';
import * as math from 'mathjs';
import { checkStep } from '../../../src/proof/check.ts';
import { certifyWitness } from '../../../src/proof/sizes/certify.ts';
import { makeRng } from '../../../src/core/random.ts';
import type { Field } from '../../../src/symbolic/field.ts';
import { add, det, eye, kron, type Mat, mul, mulAll, scale, sub, trace, transpose, vec, zeros } from '../../../src/symbolic/matrix.ts';
import type { AlgebraicWitnessSpec, Env, VarSpec } from '../../../src/proof/types.ts';
import { step } from '../../helpers/proof-steps.ts';
import { verdictOfGaps } from '../../helpers/expected-verdicts.ts';

const opts = { seed: 1, runs: 200 };
const square = (name: string): VarSpec => ({ name, kind: 'matrix', rows: 2, cols: 2 });
const witness = (names: string[], lhs: AlgebraicWitnessSpec['lhs'], rhs: AlgebraicWitnessSpec['rhs']): AlgebraicWitnessSpec => ({ type: 'algebraic', variables: names.map(square), degree: 6, lhs, rhs });

// ---- the identities, written once for every field and size (matrix.ts) ----
const size = <T,>(v: Env<T>) => v.m('A').length;
/** A² − Tr(A)·A + ½(Tr(A)² − Tr(A²))·I (Cayley–Hamilton for 2×2, with traces). */
const cayleyHamilton2 = <T,>(F: Field<T>, v: Env<T>): Mat<T> => {
  const A = v.m('A');
  const t = trace(F, A);
  const c = F.mul(F.rational(1, 2), F.sub(F.mul(t, t), trace(F, mul(F, A, A))));
  return add(F, sub(F, mul(F, A, A), scale(F, t, A)), scale(F, c, eye(F, size(v))));
};
const PERMUTATIONS_4 = (() => {
  const out: { p: number[]; sign: number }[] = [];
  const walk = (p: number[], rest: number[]) => {
    if (rest.length === 0) {
      let inversions = 0;
      for (let i = 0; i < p.length; i++) for (let j = i + 1; j < p.length; j++) if (p[i] > p[j]) inversions++;
      out.push({ p, sign: inversions % 2 ? -1 : 1 });
    }
    rest.forEach((x, i) => walk([...p, x], rest.filter((_, j) => j !== i)));
  };
  walk([], [0, 1, 2, 3]);
  return out;
})();
/** s₄(A, B, C, D) = Σ_σ sgn(σ) X_σ(1) X_σ(2) X_σ(3) X_σ(4). */
const s4 = <T,>(F: Field<T>, v: Env<T>): Mat<T> => {
  const X = ['A', 'B', 'C', 'D'].map((n) => v.m(n));
  return PERMUTATIONS_4.reduce((acc, { p, sign }) => add(F, acc, scale(F, F.rational(sign), mulAll(F, ...p.map((i) => X[i])))), zeros(F, size(v), size(v)));
};
const zero = <T,>(F: Field<T>, v: Env<T>): Mat<T> => zeros(F, size(v), size(v));

// ---- the same identities evaluated independently: mathjs with exact fractions, at a chosen size ----
type M = math.Matrix;
/** A deterministic N×N matrix of small fractions, different per name (no randomness needed for a counterexample). */
const sample = (N: number, k: number): M => math.matrix(Array.from({ length: N }, (_, i) => Array.from({ length: N }, (_, j) => math.fraction(((i + 2) * (j + 3) * (k + 5) + 7 * i * i + k) % 11 - 5, 1 + ((i + j + k) % 3)))));
const samples = (N: number, n: number) => Array.from({ length: n }, (_, k) => sample(N, k));
const gap = (a: M | math.Fraction, b: M | math.Fraction): number => {
  const d = math.subtract(a as M, b as M) as M | math.Fraction;
  const entries: math.Fraction[] = typeof (d as M).toArray === 'function' ? ((d as M).toArray() as unknown as math.Fraction[][]).flat() : [d as math.Fraction];
  return Math.max(0, ...entries.map((x) => Math.abs(x.valueOf() as number)));
};
const mm = (...xs: M[]): M => xs.reduce((a, b) => math.multiply(a, b) as M);
const tr = (a: M) => math.trace(a) as unknown as math.Fraction;
const T = (a: M) => math.transpose(a);
const gapOf = {
  cayleyHamilton2: (N: number) => {
    const [A] = samples(N, 1);
    const t = tr(A);
    const c = math.multiply(math.fraction(1, 2), math.subtract(math.multiply(t, t), tr(mm(A, A)))) as math.Fraction;
    return gap(math.add(math.subtract(mm(A, A), math.multiply(t, A)), math.multiply(c, math.identity(N))) as M, math.zeros(N, N) as M);
  },
  s4: (N: number) => {
    const X = samples(N, 4);
    return gap(PERMUTATIONS_4.reduce((acc, { p, sign }) => math.add(acc, math.multiply(sign, mm(...p.map((i) => X[i])))) as M, math.zeros(N, N) as M), math.zeros(N, N) as M);
  },
  traceSquare: (N: number) => {
    const [A] = samples(N, 1);
    return gap(tr(mm(A, A)), math.subtract(math.multiply(tr(A), tr(A)), math.multiply(2, math.det(A))) as math.Fraction);
  },
  traceCyclic: (N: number) => {
    const [A, B] = samples(N, 2);
    return gap(tr(mm(A, B)), tr(mm(B, A)));
  },
  transposeProduct: (N: number) => {
    const [A, B] = samples(N, 2);
    return gap(T(mm(A, B)), mm(T(B), T(A)));
  },
  traceReversal: (N: number) => {
    const [A, B, C] = samples(N, 3);
    return gap(tr(mm(A, B, C)), tr(mm(T(C), T(B), T(A))));
  },
  vecKronecker: (N: number) => {
    const [A, X, B] = samples(N, 3);
    const vecOf = (m: M) => math.reshape(T(m), [N * N, 1]) as M; // column stacking = rows of the transpose
    return gap(vecOf(mm(A, X, B)), mm(math.kron(T(B), A) as unknown as M, vecOf(X)));
  },
  degree6: (N: number) => {
    const [A, B, C, D, E, G] = samples(N, 6);
    return gap(math.multiply(tr(mm(A, B)), tr(mm(C, D, E, G))) as math.Fraction, math.multiply(tr(mm(B, A)), tr(mm(E, G, C, D))) as math.Fraction);
  },
};

// Tr(AB)·Tr(CDEG) = Tr(BA)·Tr(EGCD): a pure trace identity of degree 6
const degree6 = witness(
  ['A', 'B', 'C', 'D', 'E', 'G'],
  (F, v) => F.mul(trace(F, mul(F, v.m('A'), v.m('B'))), trace(F, mulAll(F, v.m('C'), v.m('D'), v.m('E'), v.m('G')))),
  (F, v) => F.mul(trace(F, mul(F, v.m('B'), v.m('A'))), trace(F, mulAll(F, v.m('E'), v.m('G'), v.m('C'), v.m('D')))),
);

const smallOnly = {
  cayleyHamilton2: witness(['A'], cayleyHamilton2, zero),
  s4: witness(['A', 'B', 'C', 'D'], s4, zero),
  traceSquare: witness(['A'], (F, v) => trace(F, mul(F, v.m('A'), v.m('A'))), (F, v) => F.sub(F.mul(trace(F, v.m('A')), trace(F, v.m('A'))), F.mul(F.rational(2), det(F, v.m('A'))))),
};
const general = {
  traceCyclic: witness(['A', 'B'], (F, v) => trace(F, mul(F, v.m('A'), v.m('B'))), (F, v) => trace(F, mul(F, v.m('B'), v.m('A')))),
  transposeProduct: witness(['A', 'B'], (F, v) => transpose(mul(F, v.m('A'), v.m('B'))), (F, v) => mul(F, transpose(v.m('B')), transpose(v.m('A')))),
  traceReversal: witness(['A', 'B', 'C'], (F, v) => trace(F, mulAll(F, v.m('A'), v.m('B'), v.m('C'))), (F, v) => trace(F, mulAll(F, transpose(v.m('C')), transpose(v.m('B')), transpose(v.m('A'))))),
  vecKronecker: witness(['A', 'X', 'B'], (F, v) => vec(mulAll(F, v.m('A'), v.m('X'), v.m('B'))), (F, v) => mul(F, kron(F, transpose(v.m('B')), v.m('A')), vec(v.m('X')))),
  degree6,
};

describe('identities that hold for 2×2 matrices only are never certified for every N', () => {
  it.each([
    ['cayleyHamilton2', 'trace', 2, 3, 3],
    ['s4', 'polynomial', 4, 5, 3],
  ] as const)('%s: holds at N = 2, fails at the N its degree and kind call for (%s identity of degree %i, pure degree %i, N ≥ %i)', (name, kind, degree, scalarDegree, minimumSize) => {
    const expected = verdictOfGaps(gapOf[name](2), gapOf[name](minimumSize));
    const r = checkStep(step([smallOnly[name]]), 1, 'known', opts);
    // the tested-size witnesses agree with the 2×2 evaluation …
    expect(r.witnesses!.map((w) => w.verdict)).toEqual(['symbolic', 'identity'].map(() => verdictOfGaps(gapOf[name](2))));
    // … and the step as a whole with the evaluation at the certificate's size
    expect(r.verdict).toBe(expected);
    expect(r.sizes!.covers).toBe('tested sizes');
    const w = r.sizes!.witnesses[0];
    expect(w).toMatchObject({ status: 'fails at a larger N', kind, degree, scalarDegree, minimumSize, sizes: [minimumSize] });
    expect(w.method).toBeUndefined();
    expect(r.counterexample).toMatchObject({ witness: 'size certificate', sizes: { N: minimumSize } });
    expect(r.detail).toMatch(new RegExp(`^holds at the tested size only \\(N = 2\\), fails at a larger size — witness 1: holds at N = 2 only: at N = ${minimumSize} the sides differ at entry \\(\\d, \\d\\) .*; lhs − rhs is a ${kind} identity of degree ${degree}, decided at N ≥ ${minimumSize}`));
  });

  it('Tr(A²) = Tr(A)² − 2 det A: no certificate (a determinant), and the comparison one size up finds N = 3', () => {
    const expected = verdictOfGaps(gapOf.traceSquare(2), gapOf.traceSquare(3));
    const r = checkStep(step([smallOnly.traceSquare]), 1, 'known', opts);
    expect(r.verdict).toBe(expected);
    expect(r.sizes!.witnesses[0]).toMatchObject({ status: 'fails at a larger N', short: 'determinants', sizes: [3] });
    expect(r.sizes!.witnesses[0].reason).toMatch(/^a determinant/);
    expect(r.counterexample).toMatchObject({ witness: 'size certificate', sizes: { N: 3 }, where: 'scalar' });
  });

  it('the counterexample is one: its point, evaluated independently, makes the two sides differ', () => {
    const r = checkStep(step([smallOnly.cayleyHamilton2]), 1, 'known', opts);
    const cx = r.counterexample as { point: { A: string[][] }; where: string };
    const A = math.matrix(cx.point.A.map((row) => row.map((x) => math.fraction(x))));
    const t = tr(A);
    const c = math.multiply(math.fraction(1, 2), math.subtract(math.multiply(t, t), tr(mm(A, A)))) as math.Fraction;
    const value = math.add(math.subtract(mm(A, A), math.multiply(t, A)), math.multiply(c, math.identity(3))) as M;
    expect(A.size()).toEqual([3, 3]);
    expect(verdictOfGaps(gap(value, math.zeros(3, 3) as M))).toBe(r.verdict);
  });
});

describe('general identities are certified for every N, with their method and bound', () => {
  it.each([
    // name, kind, degree, pure trace degree, the bound: GL trace identities N ≥ D; with transposes N ≥ D + 1 (bounds.ts).
    // Tr(CᵀBᵀAᵀ) reads as Tr(ABC) in normal form (a cycle read backwards), so that identity is a GL one
    ['traceCyclic', 'trace', 2, 2, 2],
    ['transposeProduct', 'trace with transposes', 2, 3, 4],
    ['traceReversal', 'trace', 3, 3, 3],
    ['vecKronecker', 'trace with transposes', 3, 4, 5],
    ['degree6', 'trace', 6, 6, 6],
  ] as const)('%s: every N by its normal form (%s identity of degree %i, pure degree %i, an exact test would need N ≥ %i)', (name, kind, degree, scalarDegree, minimumSize) => {
    // independent evidence: the identity holds at every size up to its bound
    const expected = verdictOfGaps(...Array.from({ length: minimumSize }, (_, i) => gapOf[name](i + 1)));
    const r = checkStep(step([general[name]]), 1, 'known', opts);
    expect(r.verdict).toBe(expected);
    expect(r.sizes!.covers).toBe('every N');
    expect(r.sizes!.witnesses[0]).toMatchObject({ status: 'every N', method: 'normal form', kind, degree, scalarDegree, minimumSize });
    expect(r.sizes!.summary).toMatch(/^every N: lhs − rhs is 0 in the free algebra with trace and transpose/);
    expect(r.sizes!.witnesses[0].lhsFormHash).toBe(r.sizes!.witnesses[0].rhsFormHash);
  });

  it.each(['traceCyclic', 'transposeProduct', 'traceReversal', 'vecKronecker', 'degree6'] as const)('%s: the exact test at its bound agrees with the normal form (independent evidence)', (name) => {
    const c = certifyWitness(general[name], 0, makeRng(7), 2, { method: 'exact test' });
    expect(c.sizes).toMatchObject({ status: 'every N', method: 'exact test', sizes: [c.sizes.minimumSize] });
    // Schwartz–Zippel: sizes × (sampled degree / values per coordinate)^points, here (d/997)² with d = the degree
    expect(c.sizes.errorBound).toBeCloseTo((c.sizes.degree! / 997) ** 2, 12);
    expect(c.counterexample).toBeNull();
  });
});
