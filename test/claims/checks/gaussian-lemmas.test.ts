/**
 * The Lemma 1 / Lemma 2 check (src/claims/checks/gaussian-lemmas.ts) against values this test computes
 * itself: the same cases drawn again from the seed's stream (the replay contract: same seed ⇒ same
 * cases), the KL divergence of the vectorized normals through explicit Kronecker products, LU
 * determinants and inverses (not the Cholesky routes the models use), the main text's error in closed form
 * (log|Σ ⊗ Ψ| = n·log|Σ| + p·log|Ψ|, the text prints the exponents swapped), and I(W) = ‖W‖²/(ε₁ε₂).
 */
import { Matrix, determinant, inverse } from 'ml-matrix';
import { describe, expect, it } from 'vitest';
import { gaussianLemmaCheck } from '../../../src/claims/checks/gaussian-lemmas.ts';
import { gaussianMatrix, randomSpd } from '../../../src/cases/families.ts';
import { independentGaussianStreams } from '../../../src/core/random.ts';
import { classifyCase, verdictOfCases } from '../../../src/core/verdict.ts';
import type { ClaimResult } from '../../../src/core/types.ts';
import { verdictOfGaps } from '../../helpers/expected-verdicts.ts';

const meta = { id: 'x', source: 'x', statement: 'x' };
const run = (which: 'lemma1' | 'lemma2', seed: number, runs: number): ClaimResult[] => gaussianLemmaCheck(which).run({ seed, runs, experiments: [] }, meta);

/** vec by columns, as a column vector. */
const vecOf = (m: Matrix) => Matrix.columnVector(Array.from({ length: m.rows * m.columns }, (_, i) => m.get(i % m.rows, Math.floor(i / m.rows))));
const trace = (m: Matrix) => m.diag().reduce((a, b) => a + b, 0);

/** KL(N(vec M₁, B₁⊗A₁) ‖ N(vec M₂, B₂⊗A₂)) with LU determinants and a general inverse. */
function klByKronecker(m1: Matrix, a1: Matrix, b1: Matrix, m2: Matrix, a2: Matrix, b2: Matrix): number {
  const s1 = b1.kroneckerProduct(a1);
  const s2 = b2.kroneckerProduct(a2);
  const s2i = inverse(s2);
  const d = vecOf(Matrix.sub(m2, m1));
  return 0.5 * (Math.log(determinant(s2) / determinant(s1)) - s1.rows + trace(s2i.mmul(s1)) + d.transpose().mmul(s2i).mmul(d).get(0, 0));
}

interface DrawnCase {
  n: number;
  p: number;
  truth: number;
  /** The main text's form minus the truth, in closed form: ½[(p − n)(log|Σ₂| − log|Σ₁|) + (n − p)(log|Ψ₂| − log|Ψ₁|)]. */
  mainTextError: number;
}

/** The check's cases drawn again: shapes cycling (1,1), (2,2), (3,3), (2,3), (3,1), (1,2); then Lemma 2's W, ε₁, ε₂ from the same stream. */
function drawAgain(seed: number, runs: number) {
  const shapes: [number, number][] = [[1, 1], [2, 2], [3, 3], [2, 3], [3, 1], [1, 2]];
  const [g] = independentGaussianStreams((seed * 7919 + 3) | 0, 1);
  const lemma1: DrawnCase[] = [];
  for (let i = 0; i < Math.max(6, Math.min(runs, 60)); i++) {
    const [n, p] = shapes[i % 6];
    const [a1, a2, b1, b2] = [randomSpd(n, g), randomSpd(n, g), randomSpd(p, g), randomSpd(p, g)];
    const [m1, m2] = [gaussianMatrix(n, p, g), gaussianMatrix(n, p, g)];
    const ld = (x: Matrix) => Math.log(determinant(x));
    lemma1.push({ n, p, truth: klByKronecker(m1, a1, b1, m2, a2, b2), mainTextError: 0.5 * ((p - n) * (ld(b2) - ld(b1)) + (n - p) * (ld(a2) - ld(a1))) });
  }
  const lemma2: { N: number; fisher: number }[] = [];
  for (let i = 0; i < Math.min(runs, 40); i++) {
    const N = 1 + (i % 4);
    const w = gaussianMatrix(N, N, g);
    const e1 = Math.exp(g.next());
    const e2 = Math.exp(g.next());
    lemma2.push({ N, fisher: w.to1DArray().reduce((s, x) => s + x * x, 0) / (e1 * e2) });
  }
  return { lemma1, lemma2 };
}

describe('Lemma 1: the main text against the vectorized KL', () => {
  const SEED = 3;
  const RUNS = 12;
  // the check's result is computed inside each test (a mutant is active only while a test runs)
  const result = () => run('lemma1', SEED, RUNS)[0];
  const drawn = drawAgain(SEED, RUNS).lemma1;
  const relGaps = drawn.map((c) => Math.abs(c.mainTextError) / c.truth);

  it('has one case per run, at least the six shapes and at most 60', () => {
    const r = result();
    expect(r.cases).toBe(RUNS);
    expect(run('lemma1', SEED, 2)[0].cases).toBe(6);
    expect(run('lemma1', SEED, 100)[0].cases).toBe(60);
    expect(r.undefinedCases).toBe(0);
  });

  it('its verdict is the one the closed-form errors give, at the 1e-10 bound', () => {
    const r = result();
    // the relative gaps of the main text are either 0 (n = p) or order one: the 1e-10 bound separates them
    expect(relGaps.some((g) => g > 1e-3)).toBe(true);
    const expected = verdictOfCases(relGaps.map((g) => classifyCase('identity', -g, 1e-10)));
    expect(r.verdict).toBe(expected);
    expect(r.witnesses![0].verdict).toBe(expected);
    expect(r.witnesses![0].detail).toMatch(/^main-text form \(Ψ row n×n, Σ column p×p\): /);
    // Appendix A's form has the exponents right: its error in the same closed form is identically 0
    expect(r.witnesses![1].verdict).toBe(verdictOfGaps(0));
    expect(r.witnesses![1].detail).toMatch(/^Appendix A final form \(A row, B column\): both sides agree in all 12 cases/);
    expect(r.errorBounds).toMatchObject({ min: 1e-10, max: 1e-10 });
  });

  it('reports the largest gap and the smallest failing case with their numbers', () => {
    const r = result();
    // the code's gap and the closed form differ by rounding of log-determinants of κ < 1e3 matrices: 1e-9 relative
    expect(r.statistics!.max).toBeCloseTo(Math.max(...relGaps), 9);
    expect(r.statistics!.min).toBeLessThan(1e-12);
    const worstIndex = relGaps.indexOf(Math.max(...relGaps));
    expect(r.worst!.case).toBe(`n = ${drawn[worstIndex].n}, p = ${drawn[worstIndex].p} (#${worstIndex})`);
    expect(r.worst!.vectorizedKl as number).toBeCloseTo(drawn[worstIndex].truth, 9);
    // the smallest failing case (by n·p, then index) is (1, 2) at index 5
    const cx = r.counterexample as { case: string; n: number; p: number; M1: number[][]; M2: number[][]; rowCov1: number[][]; rowCov2: number[][]; colCov1: number[][]; colCov2: number[][]; numbers: { formula: number; vectorizedKl: number; relativeGap: number } };
    expect(cx.case).toBe('n = 1, p = 2 (#5)');
    expect([cx.n, cx.p]).toEqual([1, 2]);
    const M = (x: number[][]) => new Matrix(x);
    const truth = klByKronecker(M(cx.M1), M(cx.rowCov1), M(cx.colCov1), M(cx.M2), M(cx.rowCov2), M(cx.colCov2));
    expect(truth).toBeCloseTo(drawn[5].truth, 12);
    expect(cx.numbers.vectorizedKl).toBeCloseTo(truth, 12);
    expect(cx.numbers.formula - cx.numbers.vectorizedKl).toBeCloseTo(drawn[5].mainTextError, 12);
    expect(cx.numbers.relativeGap).toBeCloseTo(Math.abs(drawn[5].mainTextError) / truth, 12);
  });

  it('replays with the seed and the runs', () => {
    const r = result();
    expect(r.replay).toBe('matmem verify --claim lemma-1.kl --seed 3 --runs 12');
    expect(r.model).toBe('paper');
  });
});

describe('Lemma 2: I(W) = ‖W‖²/(ε₁ε₂) against the second difference', () => {
  const SEED = 4;
  // the check's result is computed inside each test (a mutant is active only while a test runs)
  const result = () => run('lemma2', SEED, 9)[0];
  const drawn = drawAgain(SEED, 9).lemma2;

  it('has one case per run up to 40, drawn after Lemma 1\'s', () => {
    const r = result();
    expect(r.cases).toBe(9);
    expect(run('lemma2', SEED, 100)[0].cases).toBe(40);
    const label = r.worst!.case as string;
    const [, N, i] = /^N = (\d) \(#(\d+)\)$/.exec(label)!.map(Number);
    expect(N).toBe(drawn[i].N);
    // the formula and ‖W‖²/(ε₁ε₂) summed here: rounding of ≤ 16 squares, 1e-13 relative
    expect(Math.abs((r.worst!.formula as number) - drawn[i].fisher) / drawn[i].fisher).toBeLessThan(1e-13);
    // the second difference of a quadratic is exact up to rounding ~1e-16·|log p|/h² (h = 1e-2): 1e-9 relative
    expect(Math.abs((r.worst!.secondDifference as number) - drawn[i].fisher) / drawn[i].fisher).toBeLessThan(1e-9);
  });

  it('holds: every gap is rounding, below the 1e-7 bound', () => {
    const r = result();
    expect(r.verdict).toBe(verdictOfCases([classifyCase('identity', -r.statistics!.max, 1e-7)]));
    expect(r.statistics!.max).toBeLessThan(1e-9);
    expect(r.errorBounds).toMatchObject({ min: 1e-7, max: 1e-7 });
    expect(r.counterexample).toBeNull();
    expect(r.replay).toBe('matmem verify --claim lemma-2.input-fisher --seed 4');
  });
});

describe('the shared evaluation', () => {
  it('is computed once per seed and runs and handed out as a copy', () => {
    const a = run('lemma1', 5, 7)[0];
    const b = run('lemma1', 5, 7)[0];
    expect(b).toEqual(a);
    a.verdict = 'inconclusive';
    (a.statistics as { max: number }).max = -1;
    const c = run('lemma1', 5, 7)[0];
    expect(c).toEqual(b);
    // another seed draws other cases (the cache keys on seed and runs)
    expect(run('lemma1', 6, 7)[0].statistics!.max).not.toBe(b.statistics!.max);
    expect(run('lemma1', 5, 8)[0].cases).toBe(8);
  });
});
