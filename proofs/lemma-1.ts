/**
 * Lemma 1 (main text) and its proof in Appendix A, step by step, against the KL divergence of the
 * vectorized multivariate normal: X ~ MN_{n×p}(M, A, B) with A the n×n ROW covariance and B the
 * p×p COLUMN covariance means vec X ~ N(vec M, B ⊗ A) (vec stacks columns). Appendix A's density
 * (|A|^{−p/2}|B|^{−n/2}, Tr(B⁻¹(X−M)ᵀA⁻¹(X−M))) is checked to be exactly this convention (step 1).
 */
import { Matrix } from 'ml-matrix';
import type { Field } from '../src/symbolic/field.ts';
import { logLinear, type LogLinear } from '../src/symbolic/loglinear.ts';
import { add, cols, det, fromFunction, inverse, kron, type Mat, mul, mulAll, rows, sub, trace, transpose, vec } from '../src/symbolic/matrix.ts';
import type { Derivation, NumericWitnessSpec, VarSpec } from '../src/proof/types.ts';
import type { Rng } from '../src/core/random.ts';
import { condProduct, eqOutcome } from '../src/proof/case-witness.ts';
import { lemma1MainText, vectorizedKl } from '../src/models/gaussian.ts';
import { klAppendix } from './theorem-1.ts';

const mat = (name: string, r: number, c: number, structure: 'general' | 'spd' = 'general'): VarSpec => ({ name, kind: 'matrix', rows: r, cols: c, structure, domain: 'any' });
/** A symmetric n×n matrix of free entries (stands for an inverse covariance where only symmetry matters). */
const sym = (name: string, n: number): VarSpec => ({ name, kind: 'matrix', rows: n, cols: n, structure: 'symmetric', domain: 'any' });

/** The six variables of a KL comparison at shape n×p (A row n×n, B column p×p). */
const klVars = (n: number, p: number): VarSpec[] => [mat('A1', n, n, 'spd'), mat('A2', n, n, 'spd'), mat('B1', p, p, 'spd'), mat('B2', p, p, 'spd'), mat('M1', n, p), mat('M2', n, p)];

/** KL(N(vec M₁, B₁⊗A₁) ‖ N(vec M₂, B₂⊗A₂)), the standard multivariate-normal formula (the truth). */
export function vectorizedKlExact<T>(F: Field<T>, M1: Mat<T>, A1: Mat<T>, B1: Mat<T>, M2: Mat<T>, A2: Mat<T>, B2: Mat<T>): LogLinear<T> {
  const S1 = kron(F, B1, A1);
  const S2 = kron(F, B2, A2);
  const S2inv = inverse(F, S2);
  const d = vec(sub(F, M2, M1));
  const k = S1.length;
  const r = F.mul(F.rational(1, 2), F.add(F.sub(trace(F, mul(F, S2inv, S1)), F.rational(k)), mulAll(F, transpose(d), S2inv, d)[0][0]));
  return logLinear(r, [
    { coef: [1, 2], arg: det(F, S2) },
    { coef: [-1, 2], arg: det(F, S1) },
  ]);
}

/**
 * Lemma 1 as printed in the main text. reading 'theorem-1': Ψ the row (n×n) and Σ the column (p×p)
 * covariance, as the trace term Tr(Σ₂⁻¹ ΔMᵀ Ψ₂⁻¹ ΔM) needs for n ≠ p and as Theorem 1 uses them.
 * reading 'argument-order': MN(M, Σ, Ψ) read like Appendix A's MN(M, A, B), i.e. Σ row, Ψ column
 * (well-typed only for n = p). 'corrected': the 'theorem-1' reading with the determinant exponents
 * exchanged, |Σ|^n|Ψ|^p (Σ p×p, Ψ n×n) — not printed anywhere; the form that holds.
 */
export function lemma1Printed<T>(F: Field<T>, reading: 'theorem-1' | 'argument-order' | 'corrected', M1: Mat<T>, A1: Mat<T>, B1: Mat<T>, M2: Mat<T>, A2: Mat<T>, B2: Mat<T>): LogLinear<T> {
  const [Psi1, Sigma1, Psi2, Sigma2] = reading === 'argument-order' ? [B1, A1, B2, A2] : [A1, B1, A2, B2];
  const n = rows(M1);
  const p = cols(M1);
  // exponents of |Σ| and |Ψ|: printed p and n; corrected n and p
  const [eS, eP] = reading === 'corrected' ? [n, p] : [p, n];
  const dM = sub(F, M2, M1);
  const tt = F.mul(trace(F, mul(F, inverse(F, Psi2), Psi1)), trace(F, mul(F, inverse(F, Sigma2), Sigma1)));
  const mahal = trace(F, mulAll(F, inverse(F, Sigma2), transpose(dM), inverse(F, Psi2), dM));
  return logLinear(F.mul(F.rational(1, 2), F.add(F.sub(tt, F.rational(n * p)), mahal)), [
    { coef: [eS, 2], arg: det(F, Sigma2) },
    { coef: [eP, 2], arg: det(F, Psi2) },
    { coef: [-eS, 2], arg: det(F, Sigma1) },
    { coef: [-eP, 2], arg: det(F, Psi1) },
  ]);
}

type KlCase = { n: number; p: number; M1: Matrix; A1: Matrix; B1: Matrix; M2: Matrix; A2: Matrix; B2: Matrix };

function gaussianMat(rng: Rng, r: number, c: number): Matrix {
  return new Matrix(Array.from({ length: r }, () => Array.from({ length: c }, () => rng.normal())));
}
function spd(rng: Rng, n: number): Matrix {
  const x = gaussianMat(rng, n, n);
  return x.mmul(x.transpose()).add(Matrix.eye(n).mul(0.5));
}

/** Float witness of the main-text formula against the vectorized KL at the given shapes. */
function mainTextNumeric(shapes: [number, number][]): NumericWitnessSpec<KlCase> {
  return {
    type: 'numeric',
    inputs: `random SPD row/column covariances and Gaussian means, shapes ${shapes.map(([n, p]) => `${n}×${p}`).join(', ')}: lemma1MainText vs vectorizedKl (float64)`,
    count: 6,
    generate: (rng, i) => {
      const [n, p] = shapes[i % shapes.length];
      return { n, p, M1: gaussianMat(rng, n, p), A1: spd(rng, n), B1: spd(rng, p), M2: gaussianMat(rng, n, p), A2: spd(rng, n), B2: spd(rng, p) };
    },
    evaluate: (c) => {
      const truth = vectorizedKl(c.M1, c.A1, c.B1, c.M2, c.A2, c.B2);
      const printed = lemma1MainText(c.M1, c.A1, c.B1, c.M2, c.A2, c.B2);
      return eqOutcome(printed, truth, c.n * c.p, condProduct(c.A1, c.A2, c.B1, c.B2), { printed, vectorizedKl: truth });
    },
    describe: (c) => ({ n: c.n, p: c.p, M1: c.M1.to2DArray(), A1: c.A1.to2DArray(), B1: c.B1.to2DArray(), M2: c.M2.to2DArray(), A2: c.A2.to2DArray(), B2: c.B2.to2DArray() }),
  };
}

// Identity tests run at 2×3 (n ≠ p, S = B⊗A is 6×6); the symbolic witness at 1×2 (still n ≠ p).
const RECT = klVars(2, 3);
const RECT_SYM = klVars(1, 2);
/**
 * Degree bound for the KL comparisons at 2×3 in the sampled coordinates (an SPD entry is degree 2 in
 * the sampled L): det(B⊗A) is degree 12, det A 4, det B 6; the rational parts over the common
 * denominator det S₂·det A₂·det B₂ stay below degree 40, and the log products (exponents ≤ 3 after
 * the common denominator 2) below 40 per side. 400 is a generous cap: it only weakens the reported
 * Schwartz–Zippel probability, never the verdict.
 */
const KL_DEGREE = 400;


/**
 * E[f(X)] for vec X ~ N(vec M, S) (S the np×np covariance of the column-stacked vec X), EXACT for
 * every f that is a polynomial of degree ≤ 2 in the entries of X:
 *   E f(X) = f(M) + ½ Σ_{a,b} S_ab ∂²f/∂x_a∂x_b,  ∂²f/∂x_a∂x_b = f(M+E_a+E_b) − f(M+E_a) − f(M+E_b) + f(M)
 * (second differences of a quadratic are its second derivatives). It only evaluates f, so it takes
 * the expectation of a formula as printed (an expanded sum, a trace) without the paper's moment rules.
 */
export function gaussianExpectation<T>(F: Field<T>, f: (X: Mat<T>) => T, M: Mat<T>, S: Mat<T>): T {
  const n = rows(M);
  const k = n * cols(M);
  const shifted = (...as: number[]): Mat<T> => {
    const X = M.map((row) => [...row]);
    for (const a of as) X[a % n][Math.floor(a / n)] = F.add(X[a % n][Math.floor(a / n)], F.one());
    return X;
  };
  const f0 = f(M);
  const f1 = Array.from({ length: k }, (_, a) => f(shifted(a)));
  let s = F.zero();
  for (let a = 0; a < k; a++) {
    for (let b = 0; b < k; b++) {
      const d2 = F.add(F.sub(F.sub(f(shifted(a, b)), f1[a]), f1[b]), f0);
      s = F.add(s, F.mul(S[a][b], d2));
    }
  }
  return F.add(f0, F.mul(F.rational(1, 2), s));
}

/** Tr(B⁻¹(X−M)ᵀA⁻¹(X−M)) with the inverses given (Ai = A⁻¹, Bi = B⁻¹). */
function traceForm<T>(F: Field<T>, X: Mat<T>, M: Mat<T>, Ai: Mat<T>, Bi: Mat<T>): T {
  const D = sub(F, X, M);
  return trace(F, mulAll(F, Bi, transpose(D), Ai, D));
}

/**
 * Appendix A's four-fold sum Σ_{i,j≤p} Σ_{k,t≤n} u_tk v_ji · g(t, i, k, j) with u = A⁻¹, v = B⁻¹
 * (u⁻¹_{tk}, v⁻¹_{ji} in the paper's notation).
 */
function fourFold<T>(F: Field<T>, n: number, p: number, u: Mat<T>, w: Mat<T>, g: (t: number, i: number, k: number, j: number) => T): T {
  let s = F.zero();
  for (let i = 0; i < p; i++) for (let j = 0; j < p; j++) for (let k = 0; k < n; k++) for (let t = 0; t < n; t++) s = F.add(s, F.mul(F.mul(u[t][k], w[j][i]), g(t, i, k, j)));
  return s;
}

/**
 * The integrand of PART 1/2 expanded: 'printed' as in our copy of Appendix A,
 * x_ti x_kj − m_ti x_kj − m_ti x_kj − m_kj x_ti + m_ti m_kj (the cross term m_ti x_kj twice);
 * 'correct': (x_ti − m_ti)(x_kj − m_kj) = x_ti x_kj − m_ti x_kj − m_kj x_ti + m_ti m_kj.
 */
function expansion<T>(F: Field<T>, form: 'printed' | 'correct', X: Mat<T>, M: Mat<T>) {
  return (t: number, i: number, k: number, j: number): T => {
    let e = F.sub(F.mul(X[t][i], X[k][j]), F.mul(M[t][i], X[k][j]));
    if (form === 'printed') e = F.sub(e, F.mul(M[t][i], X[k][j]));
    return F.add(F.sub(e, F.mul(M[k][j], X[t][i])), F.mul(M[t][i], M[k][j]));
  };
}


/** Tr(A₂⁻¹A₁)Tr(B₂⁻¹B₁) + Tr(B₂⁻¹(M₂−M₁)ᵀA₂⁻¹(M₂−M₁)): PART 2's bracket as Appendix A states it. */
function part2<T>(F: Field<T>, M1: Mat<T>, A1: Mat<T>, B1: Mat<T>, M2: Mat<T>, A2: Mat<T>, B2: Mat<T>): T {
  const dM = sub(F, M2, M1);
  return F.add(F.mul(trace(F, mul(F, inverse(F, A2), A1)), trace(F, mul(F, inverse(F, B2), B1))), trace(F, mulAll(F, inverse(F, B2), transpose(dM), inverse(F, A2), dM)));
}

/** Σ u⁻¹_tk v⁻¹_ji (a_tk b_ij + m_ti m_kj − m_ti m_kj − m_ti m_kj): PART 1 after the expectation, as printed. */
function part1PrintedLine<T>(F: Field<T>, M: Mat<T>, A: Mat<T>, B: Mat<T>): T {
  return fourFold(F, rows(M), cols(M), inverse(F, A), inverse(F, B), (t, i, k, j) => {
    const mm = F.mul(M[t][i], M[k][j]);
    return F.sub(F.sub(F.add(F.mul(A[t][k], B[i][j]), mm), mm), mm);
  });
}

/** The log terms of ±C = ±log(|A|^{p/2}|B|^{n/2}) (the 2π factor left out). */
function cTerms<T>(F: Field<T>, n: number, p: number, A: Mat<T>, B: Mat<T>, sign: 1 | -1): { coef: [number, number]; arg: T }[] {
  return [
    { coef: [sign * p, 2], arg: det(F, A) },
    { coef: [sign * n, 2], arg: det(F, B) },
  ];
}

export const lemma1: Derivation = {
  id: 'lemma-1',
  order: 30,
  title: 'Lemma 1: the KL divergence of two matrix normals (main text and Appendix A)',
  source: 'Lemma 1, Appendix A',
  notes: [
    'Truth: vec X ~ N(vec M, B ⊗ A) with A the n×n row and B the p×p column covariance; KL of multivariate normals ½[log|S₂|/|S₁| − np + Tr(S₂⁻¹S₁) + dᵀS₂⁻¹d].',
    'Expectations E_{X₁}[·] are taken by gaussianExpectation: exact for polynomials of degree ≤ 2 in X, from the vectorized law alone (it never uses the moment formula the Appendix quotes, which step 2 checks).',
    'Identity tests at n×p = 2×3 (S = B⊗A is 6×6), symbolic witnesses at 1×2: both n ≠ p, so a row/column mix-up cannot pass.',
    'The (2π)^{−np/2} factor is left out of the log-densities (identical on both sides, cancels in the KL; log 2π is not rational).',
    'Our copy of Appendix A: the expansion of the PART 1/PART 2 integrand lists the cross term m_ti x_kj twice (step 4); in PART 1 the next line is its correct expectation (step 8) and the line after silently drops the spurious term (step 9). The PART 2 lines after the expectation are garbled beyond reading (repeated m_{2;tk}^{-1} factors) and are not encoded; their endpoint is step 7.',
    'Where Appendix A goes wrong for n ≠ p: nowhere in its results (steps 1, 2, 7, 10, 11, 12 hold at 2×3; the typos of steps 4 and 9 do not depend on the shape and compensate each other); the main text transcribes |A|^{p/2}|B|^{n/2} as |Σ|^p|Ψ|^n with Σ the column covariance (steps 14, 16; corrected form: step 15).',
  ],
  steps: [
    {
      from: 'p(X) = (2π)^{−np/2} |A|^{−p/2} |B|^{−n/2} exp[−½ Tr(B⁻¹(X−M)ᵀA⁻¹(X−M))]  (Appendix A)',
      to: 'log N(vec X; vec M, B ⊗ A)  (A row n×n, B column p×p)',
      fromTex: '-\\tfrac p2\\log|A| - \\tfrac n2\\log|B| - \\tfrac12\\operatorname{Tr}(B^{-1}(X-M)^TA^{-1}(X-M))',
      toTex: '-\\tfrac12\\log|B\\otimes A| - \\tfrac12 \\operatorname{vec}(X-M)^T(B\\otimes A)^{-1}\\operatorname{vec}(X-M)',
      justification: '|B⊗A| = |A|^p|B|^n and vec(X−M)ᵀ(B⁻¹⊗A⁻¹)vec(X−M) = Tr(B⁻¹(X−M)ᵀA⁻¹(X−M)): fixes the convention (A row, B column) used by every later step.',
      assumptions: ['A, B symmetric positive definite'],
      source: 'Appendix A (density)',
      claims: [],
      supports: ['lemma-1.kl'],
      witnesses: [
        {
          type: 'algebraic',
          variables: [mat('X', 2, 3), mat('M', 2, 3), mat('A', 2, 2, 'spd'), mat('B', 3, 3, 'spd')],
          symbolic: { variables: [mat('X', 1, 2), mat('M', 1, 2), mat('A', 1, 1, 'spd'), mat('B', 2, 2, 'spd')] },
          identity: { points: 3 },
          degree: 200,
          lhs: (F, v) => {
            const [A, B, D] = [v.m('A'), v.m('B'), sub(F, v.m('X'), v.m('M'))];
            const [n, p] = [rows(D), cols(D)];
            return logLinear(F.mul(F.rational(-1, 2), trace(F, mulAll(F, inverse(F, B), transpose(D), inverse(F, A), D))), [
              { coef: [-p, 2], arg: det(F, A) },
              { coef: [-n, 2], arg: det(F, B) },
            ]);
          },
          rhs: (F, v) => {
            const S = kron(F, v.m('B'), v.m('A'));
            const d = vec(sub(F, v.m('X'), v.m('M')));
            return logLinear(F.mul(F.rational(-1, 2), mulAll(F, transpose(d), inverse(F, S), d)[0][0]), [{ coef: [-1, 2], arg: det(F, S) }]);
          },
        },
      ],
    },
    {
      from: 'E[vec X vec Xᵀ] for vec X ~ N(vec M, B ⊗ A)',
      to: 'E[x_{i₁j₁}x_{i₂j₂}] = a_{i₁i₂}b_{j₁j₂} + m_{i₁j₁}m_{i₂j₂}  (the moment formula Appendix A quotes, Theorem 2.3.3 of [34])',
      toTex: '\\mathbb E[x_{i_1j_1}x_{i_2j_2}] = a_{i_1i_2}b_{j_1j_2} + m_{i_1j_1}m_{i_2j_2}',
      justification: 'Entry (j₁n+i₁, j₂n+i₂) of B⊗A + vec M vec Mᵀ: the row covariance A is indexed by row indices, B by column indices.',
      assumptions: ['A, B SPD'],
      source: 'Appendix A (moment formula)',
      claims: [],
      supports: ['lemma-1.kl'],
      witnesses: [
        {
          type: 'algebraic',
          variables: [mat('M', 2, 3), mat('A', 2, 2, 'spd'), mat('B', 3, 3, 'spd')],
          symbolic: { variables: [mat('M', 1, 2), mat('A', 1, 1, 'spd'), mat('B', 2, 2, 'spd')] },
          identity: { points: 3 },
          degree: 8,
          lhs: (F, v) => {
            const m = vec(v.m('M'));
            return add(F, kron(F, v.m('B'), v.m('A')), mul(F, m, transpose(m)));
          },
          rhs: (F, v) => {
            const [A, B, M] = [v.m('A'), v.m('B'), v.m('M')];
            const n = rows(M);
            const k = n * cols(M);
            return fromFunction(k, k, (r, c) => {
              const [i1, j1, i2, j2] = [r % n, Math.floor(r / n), c % n, Math.floor(c / n)];
              return F.add(F.mul(A[i1][i2], B[j1][j2]), F.mul(M[i1][j1], M[i2][j2]));
            });
          },
        },
      ],
    },
    {
      from: 'PART 2 integrand: Tr(B₂⁻¹(X−M₂)ᵀA₂⁻¹(X−M₂)) = Tr((X−M₂)ᵀA₂⁻¹(X−M₂)B₂⁻¹)',
      to: 'Σ_{i,j ≤ p} Σ_{k,t ≤ n} (x_ti − m_{2;ti})(x_kj − m_{2;kj}) u⁻¹_{2;tk} v⁻¹_{2;ji}  (u⁻¹ = A₂⁻¹, v⁻¹ = B₂⁻¹)',
      justification: 'Cyclic trace, then the entries of a product of four matrices (pointwise in X).',
      assumptions: [],
      source: 'Appendix A (PART 2, lines 2–3)',
      claims: [],
      supports: ['lemma-1.kl'],
      witnesses: [
        {
          type: 'algebraic',
          variables: [mat('X', 2, 3), mat('M', 2, 3), mat('A', 2, 2, 'spd'), mat('B', 3, 3, 'spd')],
          symbolic: { variables: [mat('X', 1, 2), mat('M', 1, 2), mat('A', 1, 1, 'spd'), mat('B', 2, 2, 'spd')] },
          identity: { points: 3 },
          degree: 20,
          lhs: (F, v) => {
            const D = sub(F, v.m('X'), v.m('M'));
            return trace(F, mulAll(F, transpose(D), inverse(F, v.m('A')), D, inverse(F, v.m('B'))));
          },
          rhs: (F, v) => {
            const D = sub(F, v.m('X'), v.m('M'));
            return fourFold(F, rows(D), cols(D), inverse(F, v.m('A')), inverse(F, v.m('B')), (t, i, k, j) => F.mul(D[t][i], D[k][j]));
          },
        },
      ],
    },
    {
      from: 'Σ u⁻¹_{2;tk} v⁻¹_{2;ji} (x_ti − m_{2;ti})(x_kj − m_{2;kj})',
      to: 'Σ u⁻¹_{2;tk} v⁻¹_{2;ji} (x_ti x_kj − m_{2;ti} x_kj − m_{2;ti} x_kj − m_{2;kj} x_ti + m_{2;ti} m_{2;kj})  (as printed in our copy)',
      toTex: '\\sum u^{-1}_{2;tk}v^{-1}_{2;ji}\\left(x_{ti}x_{kj} - m_{2;ti}x_{kj} - m_{2;ti}x_{kj} - m_{2;kj}x_{ti} + m_{2;ti}m_{2;kj}\\right)',
      justification: 'The printed expansion has the cross term m_{2;ti}x_kj twice: it exceeds (x − m)(x − m) by −Σ u v m_{2;ti} x_kj = −Tr(B₂⁻¹M₂ᵀA₂⁻¹X), which vanishes only when that trace does. The same five-term expansion is printed for PART 1.',
      assumptions: ['u⁻¹, v⁻¹ symmetric (inverses of SPD A₂, B₂)'],
      source: 'Appendix A (PART 2, line 4, as printed)',
      claims: [],
      supports: ['lemma-1.kl'],
      witnesses: [
        {
          type: 'algebraic',
          variables: [mat('X', 2, 3), mat('M', 2, 3), sym('Ai', 2), sym('Bi', 3)],
          symbolic: { variables: [mat('X', 1, 2), mat('M', 1, 2), sym('Ai', 1), sym('Bi', 2)] },
          identity: { points: 3 },
          degree: 4,
          lhs: (F, v) => fourFold(F, rows(v.m('X')), cols(v.m('X')), v.m('Ai'), v.m('Bi'), expansion(F, 'correct', v.m('X'), v.m('M'))),
          rhs: (F, v) => fourFold(F, rows(v.m('X')), cols(v.m('X')), v.m('Ai'), v.m('Bi'), expansion(F, 'printed', v.m('X'), v.m('M'))),
        },
      ],
    },
    {
      from: 'Σ u⁻¹_{2;tk} v⁻¹_{2;ji} (x_ti − m_{2;ti})(x_kj − m_{2;kj})',
      to: 'Σ u⁻¹_{2;tk} v⁻¹_{2;ji} (x_ti x_kj − m_{2;ti} x_kj − m_{2;kj} x_ti + m_{2;ti} m_{2;kj})  (corrected: the cross term once)',
      justification: 'Distributivity.',
      assumptions: [],
      source: 'Appendix A (PART 2, line 4, corrected)',
      claims: [],
      supports: ['lemma-1.kl'],
      witnesses: [
        {
          type: 'algebraic',
          variables: [mat('X', 2, 3), mat('M', 2, 3), sym('Ai', 2), sym('Bi', 3)],
          symbolic: { variables: [mat('X', 1, 2), mat('M', 1, 2), sym('Ai', 1), sym('Bi', 2)] },
          identity: { points: 3 },
          degree: 4,
          lhs: (F, v) => traceForm(F, v.m('X'), v.m('M'), v.m('Ai'), v.m('Bi')),
          rhs: (F, v) => fourFold(F, rows(v.m('X')), cols(v.m('X')), v.m('Ai'), v.m('Bi'), expansion(F, 'correct', v.m('X'), v.m('M'))),
        },
      ],
    },
    {
      from: 'Σ_{i,j,k,t} u⁻¹_{2;tk} v⁻¹_{2;ji} a_{1;tk} b_{1;ij}  (the first sum after the expectation)',
      to: 'Tr(A₂⁻¹A₁) Tr(B₂⁻¹B₁)  ("after some more rearrangement of terms inside the first trace")',
      justification: 'The sum factors into Σ_{t,k} u_tk a_tk · Σ_{i,j} v_ji b_ij = Tr(A₂⁻¹A₁)·Tr(B₂⁻¹B₁) (A₁ symmetric).',
      assumptions: ['A₁, B₁, A₂, B₂ SPD'],
      source: 'Appendix A (PART 2, rearrangement)',
      claims: [],
      supports: ['lemma-1.kl'],
      witnesses: [
        {
          type: 'algebraic',
          variables: [mat('A1', 2, 2, 'spd'), mat('B1', 3, 3, 'spd'), mat('A2', 2, 2, 'spd'), mat('B2', 3, 3, 'spd')],
          symbolic: { variables: [mat('A1', 1, 1, 'spd'), mat('B1', 2, 2, 'spd'), mat('A2', 1, 1, 'spd'), mat('B2', 2, 2, 'spd')] },
          identity: { points: 3 },
          degree: 60,
          lhs: (F, v) => {
            const [A1, B1] = [v.m('A1'), v.m('B1')];
            return fourFold(F, rows(A1), rows(B1), inverse(F, v.m('A2')), inverse(F, v.m('B2')), (t, i, k, j) => F.mul(A1[t][k], B1[i][j]));
          },
          rhs: (F, v) => F.mul(trace(F, mul(F, inverse(F, v.m('A2')), v.m('A1'))), trace(F, mul(F, inverse(F, v.m('B2')), v.m('B1')))),
        },
      ],
    },
    {
      from: 'PART 2: E_{X₁}[Tr(B₂⁻¹(X−M₂)ᵀA₂⁻¹(X−M₂))], vec X₁ ~ N(vec M₁, B₁⊗A₁)',
      to: 'Tr(A₂⁻¹A₁) Tr(B₂⁻¹B₁) + Tr(B₂⁻¹(M₂−M₁)ᵀA₂⁻¹(M₂−M₁))  (so E[log p(X₂)] = −C₂ − ½(…))',
      toTex: '\\operatorname{Tr}(A_2^{-1}A_1)\\operatorname{Tr}(B_2^{-1}B_1) + \\operatorname{Tr}(B_2^{-1}(M_2-M_1)^TA_2^{-1}(M_2-M_1))',
      justification: 'The expectation of the trace form is taken exactly by gaussianExpectation under the vectorized law (second witness: the quadratic-form rule Tr(QS₁) + dᵀQd with Q = (B₂⊗A₂)⁻¹ against the same right side).',
      assumptions: ['A_i, B_i SPD'],
      source: 'Appendix A (PART 2 result)',
      claims: [],
      supports: ['lemma-1.kl'],
      witnesses: [
        {
          type: 'algebraic',
          variables: RECT,
          symbolic: { variables: RECT_SYM },
          identity: { points: 3 },
          degree: KL_DEGREE,
          lhs: (F, v) => {
            const [Ai, Bi] = [inverse(F, v.m('A2')), inverse(F, v.m('B2'))];
            return gaussianExpectation(F, (X) => traceForm(F, X, v.m('M2'), Ai, Bi), v.m('M1'), kron(F, v.m('B1'), v.m('A1')));
          },
          rhs: (F, v) => part2(F, v.m('M1'), v.m('A1'), v.m('B1'), v.m('M2'), v.m('A2'), v.m('B2')),
        },
        {
          type: 'algebraic',
          variables: RECT,
          symbolic: { variables: RECT_SYM },
          identity: { points: 3 },
          degree: KL_DEGREE,
          lhs: (F, v) => {
            const Q = inverse(F, kron(F, v.m('B2'), v.m('A2')));
            const d = vec(sub(F, v.m('M1'), v.m('M2')));
            return F.add(trace(F, mul(F, Q, kron(F, v.m('B1'), v.m('A1')))), mulAll(F, transpose(d), Q, d)[0][0]);
          },
          rhs: (F, v) => part2(F, v.m('M1'), v.m('A1'), v.m('B1'), v.m('M2'), v.m('A2'), v.m('B2')),
        },
      ],
    },
    {
      from: 'E_{X₁}[Σ u⁻¹_{1;tk} v⁻¹_{1;ji} (x_ti x_kj − m_{1;ti} x_kj − m_{1;ti} x_kj − m_{1;kj} x_ti + m_{1;ti} m_{1;kj})]  (PART 1, expansion as printed)',
      to: 'Σ u⁻¹_{1;tk} v⁻¹_{1;ji} (a_{1;tk} b_{1;ij} + m_{1;ti} m_{1;kj} − m_{1;ti} m_{1;kj} − m_{1;ti} m_{1;kj})  (PART 1, next line as printed)',
      justification: 'The printed post-expectation line is the exact expectation of the printed five-term expansion (its value is Σuv·ab − Σuv·mm): the expectation itself is taken correctly; the error is the expansion (step 4).',
      assumptions: ['A₁, B₁ SPD'],
      source: 'Appendix A (PART 1, lines 3–4, as printed)',
      claims: [],
      supports: ['lemma-1.kl'],
      witnesses: [
        {
          type: 'algebraic',
          variables: [mat('M1', 2, 3), mat('A1', 2, 2, 'spd'), mat('B1', 3, 3, 'spd')],
          symbolic: { variables: [mat('M1', 1, 2), mat('A1', 1, 1, 'spd'), mat('B1', 2, 2, 'spd')] },
          identity: { points: 3 },
          degree: 120,
          lhs: (F, v) => {
            const [M, A, B] = [v.m('M1'), v.m('A1'), v.m('B1')];
            const [u, w] = [inverse(F, A), inverse(F, B)];
            return gaussianExpectation(F, (X) => fourFold(F, rows(M), cols(M), u, w, expansion(F, 'printed', X, M)), M, kron(F, B, A));
          },
          rhs: (F, v) => part1PrintedLine(F, v.m('M1'), v.m('A1'), v.m('B1')),
        },
      ],
    },
    {
      from: 'Σ u⁻¹_{1;tk} v⁻¹_{1;ji} (a_{1;tk} b_{1;ij} + m_{1;ti} m_{1;kj} − m_{1;ti} m_{1;kj} − m_{1;ti} m_{1;kj})  (as printed)',
      to: 'Σ u⁻¹_{1;tk} v⁻¹_{1;ji} a_{1;tk} b_{1;ij}  (the following printed line)',
      justification: 'The printed line equals Σuv·ab − Σuv·mm = np − Tr(B₁⁻¹M₁ᵀA₁⁻¹M₁); the next line drops the spurious −Tr(B₁⁻¹M₁ᵀA₁⁻¹M₁) without a reason, so this line-to-line step fails (it lands on the right value, step 10).',
      assumptions: ['A₁, B₁ SPD'],
      source: 'Appendix A (PART 1, lines 4–5, as printed)',
      claims: [],
      supports: ['lemma-1.kl'],
      witnesses: [
        {
          type: 'algebraic',
          variables: [mat('M1', 2, 3), mat('A1', 2, 2, 'spd'), mat('B1', 3, 3, 'spd')],
          symbolic: { variables: [mat('M1', 1, 2), mat('A1', 1, 1, 'spd'), mat('B1', 2, 2, 'spd')] },
          identity: { points: 3 },
          degree: 60,
          lhs: (F, v) => part1PrintedLine(F, v.m('M1'), v.m('A1'), v.m('B1')),
          rhs: (F, v) => {
            const [M, A, B] = [v.m('M1'), v.m('A1'), v.m('B1')];
            return fourFold(F, rows(M), cols(M), inverse(F, A), inverse(F, B), (t, i, k, j) => F.mul(A[t][k], B[i][j]));
          },
        },
      ],
    },
    {
      from: 'PART 1: E_{X₁}[Tr(B₁⁻¹(X−M₁)ᵀA₁⁻¹(X−M₁))], vec X₁ ~ N(vec M₁, B₁⊗A₁)',
      to: 'Σ u⁻¹_{1;tk} v⁻¹_{1;ji} a_{1;tk} b_{1;ij} = Tr(A₁⁻¹A₁) Tr(B₁⁻¹B₁) = np',
      justification: 'The endpoint of PART 1: the expectation (gaussianExpectation, exact) against the printed four-fold sum, and against np.',
      assumptions: ['A₁, B₁ SPD'],
      source: 'Appendix A (PART 1 result)',
      claims: [],
      supports: ['lemma-1.kl'],
      witnesses: [
        {
          type: 'algebraic',
          variables: [mat('M1', 2, 3), mat('A1', 2, 2, 'spd'), mat('B1', 3, 3, 'spd')],
          symbolic: { variables: [mat('M1', 1, 2), mat('A1', 1, 1, 'spd'), mat('B1', 2, 2, 'spd')] },
          identity: { points: 3 },
          degree: 120,
          lhs: (F, v) => {
            const [M, A, B] = [v.m('M1'), v.m('A1'), v.m('B1')];
            return gaussianExpectation(F, (X) => traceForm(F, X, M, inverse(F, A), inverse(F, B)), M, kron(F, B, A));
          },
          rhs: (F, v) => {
            const [M, A, B] = [v.m('M1'), v.m('A1'), v.m('B1')];
            return fourFold(F, rows(M), cols(M), inverse(F, A), inverse(F, B), (t, i, k, j) => F.mul(A[t][k], B[i][j]));
          },
        },
        {
          type: 'algebraic',
          variables: [mat('M1', 2, 3), mat('A1', 2, 2, 'spd'), mat('B1', 3, 3, 'spd')],
          symbolic: { variables: [mat('M1', 1, 2), mat('A1', 1, 1, 'spd'), mat('B1', 2, 2, 'spd')] },
          identity: { points: 3 },
          degree: 120,
          lhs: (F, v) => {
            const [M, A, B] = [v.m('M1'), v.m('A1'), v.m('B1')];
            return gaussianExpectation(F, (X) => traceForm(F, X, M, inverse(F, A), inverse(F, B)), M, kron(F, B, A));
          },
          rhs: (F, v) => F.rational(rows(v.m('M1')) * cols(v.m('M1'))),
        },
      ],
    },
    {
      from: 'D_KL = E_{X₁}[log p(X₁) − log p(X₂)]  (Appendix A densities, expectation under vec X₁ ~ N(vec M₁, B₁⊗A₁))',
      to: '−C₁ − ½np + C₂ + ½Tr(A₂⁻¹A₁)Tr(B₂⁻¹B₁) + ½Tr(B₂⁻¹ΔMᵀA₂⁻¹ΔM),  C_i = log((2π)^{np/2}|A_i|^{p/2}|B_i|^{n/2})',
      justification: 'PART 1 − PART 2. Left: the definition, with the expectation of the (quadratic) log-density difference taken by gaussianExpectation; the log-determinant constants C_i do not depend on X.',
      assumptions: ['A_i, B_i SPD'],
      source: 'Appendix A (PART 1 − PART 2)',
      claims: [],
      supports: ['lemma-1.kl'],
      witnesses: [
        {
          type: 'algebraic',
          variables: RECT,
          symbolic: { variables: RECT_SYM },
          identity: { points: 3 },
          degree: KL_DEGREE,
          lhs: (F, v) => {
            const [M1, A1, B1, M2, A2, B2] = [v.m('M1'), v.m('A1'), v.m('B1'), v.m('M2'), v.m('A2'), v.m('B2')];
            const [A1i, B1i, A2i, B2i] = [inverse(F, A1), inverse(F, B1), inverse(F, A2), inverse(F, B2)];
            const [n, p] = [rows(M1), cols(M1)];
            // log p₁ − log p₂ = −C₁ + C₂ + [−½Tr(B₁⁻¹(X−M₁)ᵀA₁⁻¹(X−M₁)) + ½Tr(B₂⁻¹(X−M₂)ᵀA₂⁻¹(X−M₂))]
            const r = gaussianExpectation(F, (X) => F.mul(F.rational(1, 2), F.sub(traceForm(F, X, M2, A2i, B2i), traceForm(F, X, M1, A1i, B1i))), M1, kron(F, B1, A1));
            return logLinear(r, [...cTerms(F, n, p, A1, B1, -1), ...cTerms(F, n, p, A2, B2, 1)]);
          },
          rhs: (F, v) => {
            const [M1, A1, B1, M2, A2, B2] = [v.m('M1'), v.m('A1'), v.m('B1'), v.m('M2'), v.m('A2'), v.m('B2')];
            const [n, p] = [rows(M1), cols(M1)];
            const r = F.add(F.rational(-n * p, 2), F.mul(F.rational(1, 2), part2(F, M1, A1, B1, M2, A2, B2)));
            return logLinear(r, [...cTerms(F, n, p, A1, B1, -1), ...cTerms(F, n, p, A2, B2, 1)]);
          },
        },
      ],
    },
    {
      from: 'the KL divergence of the vectorized normals N(vec M_i, B_i⊗A_i), n ≠ p',
      to: "Appendix A's final form: log(|A₂|^{p/2}|B₂|^{n/2} / |A₁|^{p/2}|B₁|^{n/2}) − ½np + ½Tr(A₂⁻¹A₁)Tr(B₂⁻¹B₁) + ½Tr(B₂⁻¹ΔMᵀA₂⁻¹ΔM)",
      toTex: '\\log\\frac{|A_2|^{p/2}|B_2|^{n/2}}{|A_1|^{p/2}|B_1|^{n/2}} - \\tfrac12 np + \\tfrac12\\operatorname{Tr}(A_2^{-1}A_1)\\operatorname{Tr}(B_2^{-1}B_1) + \\tfrac12\\operatorname{Tr}(B_2^{-1}\\Delta M^TA_2^{-1}\\Delta M)',
      justification: 'Substitute C₁, C₂ (the 2π terms cancel); compared with the textbook KL of multivariate normals at 2×3: Appendix A is right for rectangular matrices.',
      assumptions: ['A_i, B_i SPD'],
      source: 'Appendix A (final form)',
      claims: [],
      supports: ['lemma-1.kl'],
      witnesses: [
        {
          type: 'algebraic',
          variables: RECT,
          symbolic: { variables: RECT_SYM },
          identity: { points: 3 },
          degree: KL_DEGREE,
          lhs: (F, v) => vectorizedKlExact(F, v.m('M1'), v.m('A1'), v.m('B1'), v.m('M2'), v.m('A2'), v.m('B2')),
          rhs: (F, v) => klAppendix(F, v.m('M1'), v.m('A1'), v.m('B1'), v.m('M2'), v.m('A2'), v.m('B2')),
        },
      ],
    },
    {
      from: 'the vectorized KL, square matrices (n = p = 2)',
      to: 'Lemma 1 as printed: ½[log(|Σ₂|^p|Ψ₂|^n / |Σ₁|^p|Ψ₁|^n) − np + Tr(Ψ₂⁻¹Ψ₁)Tr(Σ₂⁻¹Σ₁) + Tr(Σ₂⁻¹ΔMᵀΨ₂⁻¹ΔM)], Ψ row, Σ column',
      toTex: '\\tfrac12\\left[\\log\\frac{|\\Sigma_2|^p|\\Psi_2|^n}{|\\Sigma_1|^p|\\Psi_1|^n} - np + \\operatorname{Tr}(\\Psi_2^{-1}\\Psi_1)\\operatorname{Tr}(\\Sigma_2^{-1}\\Sigma_1) + \\operatorname{Tr}(\\Sigma_2^{-1}\\Delta M^T\\Psi_2^{-1}\\Delta M)\\right]',
      justification: 'With n = p the exponents p and n coincide, so the main text agrees with Appendix A under Ψ = A (row), Σ = B (column).',
      assumptions: ['n = p', 'Ψ row (n×n), Σ column (p×p) covariance (as the trace term and Theorem 1 need)'],
      source: 'Lemma 1 (main text), n = p',
      claims: ['lemma-1.kl'],
      witnesses: [
        {
          type: 'algebraic',
          variables: klVars(2, 2),
          identity: { points: 3 },
          degree: KL_DEGREE,
          lhs: (F, v) => vectorizedKlExact(F, v.m('M1'), v.m('A1'), v.m('B1'), v.m('M2'), v.m('A2'), v.m('B2')),
          rhs: (F, v) => lemma1Printed(F, 'theorem-1', v.m('M1'), v.m('A1'), v.m('B1'), v.m('M2'), v.m('A2'), v.m('B2')),
        },
        mainTextNumeric([[1, 1], [2, 2], [3, 3]]),
      ],
    },
    {
      from: 'the vectorized KL, rectangular matrices (n ≠ p)',
      to: 'Lemma 1 as printed (Ψ row n×n, Σ column p×p)',
      toTex: '\\tfrac12\\left[\\log\\frac{|\\Sigma_2|^p|\\Psi_2|^n}{|\\Sigma_1|^p|\\Psi_1|^n} - np + \\operatorname{Tr}(\\Psi_2^{-1}\\Psi_1)\\operatorname{Tr}(\\Sigma_2^{-1}\\Sigma_1) + \\operatorname{Tr}(\\Sigma_2^{-1}\\Delta M^T\\Psi_2^{-1}\\Delta M)\\right]',
      justification: 'log|Σ⊗Ψ| = n log|Σ| + p log|Ψ| for Σ p×p, Ψ n×n: the printed exponents |Σ|^p|Ψ|^n are swapped (correct: |Σ₂|^n|Ψ₂|^p / |Σ₁|^n|Ψ₁|^p, step 15); the rational part agrees.',
      assumptions: ['n ≠ p', 'Ψ row (n×n), Σ column (p×p) covariance'],
      source: 'Lemma 1 (main text), n ≠ p',
      claims: ['lemma-1.kl'],
      witnesses: [
        {
          type: 'algebraic',
          variables: RECT,
          symbolic: { variables: RECT_SYM },
          identity: { points: 3 },
          degree: KL_DEGREE,
          lhs: (F, v) => vectorizedKlExact(F, v.m('M1'), v.m('A1'), v.m('B1'), v.m('M2'), v.m('A2'), v.m('B2')),
          rhs: (F, v) => lemma1Printed(F, 'theorem-1', v.m('M1'), v.m('A1'), v.m('B1'), v.m('M2'), v.m('A2'), v.m('B2')),
        },
        mainTextNumeric([[2, 3], [3, 1], [1, 2]]),
      ],
    },
    {
      from: 'the vectorized KL, rectangular matrices (n ≠ p)',
      to: 'Lemma 1 corrected: ½[log(|Σ₂|^n|Ψ₂|^p / |Σ₁|^n|Ψ₁|^p) − np + Tr(Ψ₂⁻¹Ψ₁)Tr(Σ₂⁻¹Σ₁) + Tr(Σ₂⁻¹ΔMᵀΨ₂⁻¹ΔM)] (Ψ row n×n, Σ column p×p)',
      toTex: '\\tfrac12\\left[\\log\\frac{|\\Sigma_2|^n|\\Psi_2|^p}{|\\Sigma_1|^n|\\Psi_1|^p} - np + \\operatorname{Tr}(\\Psi_2^{-1}\\Psi_1)\\operatorname{Tr}(\\Sigma_2^{-1}\\Sigma_1) + \\operatorname{Tr}(\\Sigma_2^{-1}\\Delta M^T\\Psi_2^{-1}\\Delta M)\\right]',
      justification: 'The main-text formula with the determinant exponents exchanged: Appendix A\'s final form in the main text\'s names.',
      assumptions: ['Ψ row (n×n), Σ column (p×p) covariance'],
      source: 'Lemma 1 (corrected)',
      claims: [],
      supports: ['lemma-1.kl'],
      witnesses: [
        {
          type: 'algebraic',
          variables: RECT,
          symbolic: { variables: RECT_SYM },
          identity: { points: 3 },
          degree: KL_DEGREE,
          lhs: (F, v) => vectorizedKlExact(F, v.m('M1'), v.m('A1'), v.m('B1'), v.m('M2'), v.m('A2'), v.m('B2')),
          rhs: (F, v) => lemma1Printed(F, 'corrected', v.m('M1'), v.m('A1'), v.m('B1'), v.m('M2'), v.m('A2'), v.m('B2')),
        },
      ],
    },
    {
      from: "Appendix A's final form (A row, B column), n ≠ p",
      to: 'Lemma 1 as printed with Ψ = A, Σ = B',
      justification: 'The transcription from Appendix A to the main text: Appendix A has |A|^{p/2}|B|^{n/2} (row cov to the power p); the main text puts p on the column covariance Σ. This is the step that breaks for n ≠ p.',
      assumptions: ['n ≠ p'],
      source: 'Appendix A → Lemma 1',
      claims: [],
      supports: ['lemma-1.kl'],
      witnesses: [
        {
          type: 'algebraic',
          variables: RECT,
          symbolic: { variables: RECT_SYM },
          identity: { points: 3 },
          degree: KL_DEGREE,
          lhs: (F, v) => klAppendix(F, v.m('M1'), v.m('A1'), v.m('B1'), v.m('M2'), v.m('A2'), v.m('B2')),
          rhs: (F, v) => lemma1Printed(F, 'theorem-1', v.m('M1'), v.m('A1'), v.m('B1'), v.m('M2'), v.m('A2'), v.m('B2')),
        },
      ],
    },
    {
      from: 'the vectorized KL, n = p = 2',
      to: "Lemma 1 as printed, reading MN(M, Σ, Ψ) like Appendix A's MN(M, A, B): Σ row, Ψ column",
      justification: "Under this reading the log term matches Appendix A but the Mahalanobis term becomes Tr(A₂⁻¹ΔMᵀB₂⁻¹ΔM) instead of Tr(B₂⁻¹ΔMᵀA₂⁻¹ΔM) (and is ill-typed for n ≠ p): the statement's argument order is inconsistent with its formula. Recorded, not combined: Theorem 1 uses Ψ as the row covariance.",
      assumptions: ['n = p', 'Σ row, Ψ column (argument order of MN(M, Σ, Ψ))'],
      source: 'Lemma 1 (main text), argument order',
      claims: [],
      supports: ['lemma-1.kl'],
      witnesses: [
        {
          type: 'algebraic',
          variables: klVars(2, 2),
          identity: { points: 3 },
          degree: KL_DEGREE,
          lhs: (F, v) => vectorizedKlExact(F, v.m('M1'), v.m('A1'), v.m('B1'), v.m('M2'), v.m('A2'), v.m('B2')),
          rhs: (F, v) => lemma1Printed(F, 'argument-order', v.m('M1'), v.m('A1'), v.m('B1'), v.m('M2'), v.m('A2'), v.m('B2')),
        },
      ],
    },
  ],
};

export default lemma1;
