/**
 * Lemma 2 (Eqs. 24–25): the input Fisher information of X = W s₀ + Z, Z ~ MN_{n×p}(0, ε₁I, ε₂I).
 * The second derivative in s is taken EXACTLY by second-order Taylor jets (truncated polynomials
 * a₀ + a₁δ + a₂δ² over the witness's field: f(s + δ) = f(s) + f′(s)δ + ½f″(s)δ² + O(δ³)), so no
 * finite difference and no assumption that log p is quadratic in s enters the check.
 */
import type { Field } from '../src/symbolic/field.ts';
import { logLinear } from '../src/symbolic/loglinear.ts';
import { det, eye, inverse, kron, type Mat, mapEntries, mul, mulAll, scale, sub, trace, transpose, vec } from '../src/symbolic/matrix.ts';
import type { Derivation, Env, VarSpec } from '../src/proof/types.ts';

type Jet<T> = [T, T, T];

/** Second-order jets over F: exact derivatives up to order 2 of rational functions. */
export function jetField<T>(F: Field<T>): Field<Jet<T>> {
  const c = (x: T): Jet<T> => [x, F.zero(), F.zero()];
  const mul2 = (a: Jet<T>, b: Jet<T>): Jet<T> => [F.mul(a[0], b[0]), F.add(F.mul(a[0], b[1]), F.mul(a[1], b[0])), F.add(F.add(F.mul(a[0], b[2]), F.mul(a[1], b[1])), F.mul(a[2], b[0]))];
  const inv = (a: Jet<T>): Jet<T> => {
    const b0 = F.div(F.one(), a[0]);
    const b1 = F.neg(F.mul(a[1], F.mul(b0, b0)));
    const b2 = F.neg(F.div(F.add(F.mul(a[1], b1), F.mul(a[2], b0)), a[0]));
    return [b0, b1, b2];
  };
  return {
    name: `jets(${F.name})`,
    complex: F.complex,
    zero: () => c(F.zero()),
    one: () => c(F.one()),
    rational: (num, den) => c(F.rational(num, den)),
    add: (a, b) => [F.add(a[0], b[0]), F.add(a[1], b[1]), F.add(a[2], b[2])],
    sub: (a, b) => [F.sub(a[0], b[0]), F.sub(a[1], b[1]), F.sub(a[2], b[2])],
    mul: mul2,
    div: (a, b) => mul2(a, inv(b)),
    neg: (a) => [F.neg(a[0]), F.neg(a[1]), F.neg(a[2])],
    conj: (a) => [F.conj(a[0]), F.conj(a[1]), F.conj(a[2])],
    fromParts: (re, im) => [F.fromParts(re[0], im[0]), F.fromParts(re[1], im[1]), F.fromParts(re[2], im[2])],
    imag: () => c(F.imag()),
    isZero: (a) => {
      const z = a.map((x) => F.isZero(x));
      return z.every((x) => x === true) ? true : z.some((x) => x === false) ? false : undefined;
    },
    show: (a) => `${F.show(a[0])} + ${F.show(a[1])}δ + ${F.show(a[2])}δ²`,
  };
}

/** f″(s₀) for f given over jets: 2 × the δ² coefficient of f(s₀ + δ). */
export function secondDerivative<T>(F: Field<T>, s0: T, f: (J: Field<Jet<T>>, s: Jet<T>, lift: (m: Mat<T>) => Mat<Jet<T>>) => Jet<T>): T {
  const J = jetField(F);
  const lift = (m: Mat<T>): Mat<Jet<T>> => mapEntries(m, (x) => [x, F.zero(), F.zero()] as Jet<T>);
  return F.mul(F.rational(2), f(J, [s0, F.one(), F.zero()], lift)[2]);
}

const mat = (name: string, r: number, c: number): VarSpec => ({ name, kind: 'matrix', rows: r, cols: c, domain: 'any' });
const sc = (name: string, domain: 'any' | 'positive' = 'any'): VarSpec => ({ name, kind: 'scalar', domain });
const vars = (n: number, p: number): VarSpec[] => [mat('X', n, p), mat('W', n, p), sc('s'), sc('e1', 'positive'), sc('e2', 'positive')];

/** −½ Tr((ε₂I)⁻¹ (X − W s)ᵀ (ε₁I)⁻¹ (X − W s)): the s-dependent part of the MN log-density (paper's first line). */
function mnQuadratic<T>(J: Field<T>, X: Mat<T>, W: Mat<T>, s: T, e1: T, e2: T): T {
  const D = sub(J, X, scale(J, s, W));
  const n = X.length;
  const p = X[0].length;
  return J.mul(J.rational(-1, 2), trace(J, mulAll(J, inverse(J, scale(J, e2, eye(J, p))), transpose(D), inverse(J, scale(J, e1, eye(J, n))), D)));
}

/** −½ (x − vec(W) s)ᵀ (ε₁ε₂ I)⁻¹ (x − vec(W) s): the s-dependent part of the vectorized log-density (the truth). */
function vecQuadratic<T>(J: Field<T>, X: Mat<T>, W: Mat<T>, s: T, e1: T, e2: T): T {
  const d = sub(J, vec(X), scale(J, s, vec(W)));
  const C = kron(J, scale(J, e2, eye(J, X[0].length)), scale(J, e1, eye(J, X.length)));
  return J.mul(J.rational(-1, 2), mulAll(J, transpose(d), inverse(J, C), d)[0][0]);
}

/** (X − W s)ᵀ(X − W s) over any field (jets included). */
function gram<T>(J: Field<T>, X: Mat<T>, W: Mat<T>, s: T): Mat<T> {
  const D = sub(J, X, scale(J, s, W));
  return mul(J, transpose(D), D);
}

/** Σ_i ∂²/∂s² [(X − Ws)ᵀ(X − Ws)]_ii: each diagonal entry differentiated on its own (exact jets), then summed. */
function traceOfEntrywiseSecondDerivative<T>(F: Field<T>, X: Mat<T>, W: Mat<T>, s: T): T {
  let t = F.zero();
  for (let i = 0; i < X[0].length; i++) t = F.add(t, secondDerivative(F, s, (J, sj, lift) => gram(J, lift(X), lift(W), sj)[i][i]));
  return t;
}

const at = <T,>(F: Field<T>, v: Env<T>) => ({ X: v.m('X'), W: v.m('W'), s: v.s('s'), e1: v.s('e1'), e2: v.s('e2') });

export const lemma2: Derivation = {
  id: 'lemma-2',
  order: 40,
  title: 'Lemma 2: the input Fisher information I(W) = Tr(WᵀW)/(ε₁ε₂) (Eqs. 24–25)',
  source: 'Lemma 2, Eqs. 24–25',
  notes: [
    'Checked at n×p = 2×3 (exact identity tests) and 1×2 (symbolic), so that row and column roles cannot be confused.',
    'Second derivatives are exact Taylor-jet coefficients (jetField), not finite differences.',
    'X is a free variable in every step: the second derivative is shown not to depend on X, so −E[·] equals it for any law of X.',
    'The (2π)^{−np/2} factor is left out of the log-densities (same on both sides, and constant in s).',
  ],
  steps: [
    {
      from: 'X = W s₀ + Z, Z ~ MN_{n×p}(0, diag(ε₁), diag(ε₂)): log p = −log((2π)^{np/2}|ε₁I|^{p/2}|ε₂I|^{n/2}) − ½Tr((ε₂I)⁻¹(X−Ws₀)ᵀ(ε₁I)⁻¹(X−Ws₀))',
      to: 'log N(vec X; vec(W) s₀, ε₁ε₂ I_{np})',
      fromTex: '-\\log\\left(|\\varepsilon_1 I|^{p/2}|\\varepsilon_2 I|^{n/2}\\right) - \\tfrac12\\operatorname{Tr}\\left((\\varepsilon_2 I)^{-1}(X-Ws_0)^T(\\varepsilon_1 I)^{-1}(X-Ws_0)\\right)',
      toTex: '-\\tfrac12\\log|\\varepsilon_1\\varepsilon_2 I| - \\frac{1}{2\\varepsilon_1\\varepsilon_2}\\|\\operatorname{vec}X - \\operatorname{vec}(W)s_0\\|^2',
      justification: 'The paper\'s log-density of the matrix normal (Appendix A form, row covariance ε₁I_n, column ε₂I_p) is the vectorized normal with covariance (ε₂I_p) ⊗ (ε₁I_n) = ε₁ε₂ I.',
      assumptions: ['f = id', 'ε₁, ε₂ > 0'],
      source: 'Lemma 2 proof (first line)',
      claims: [],
      supports: ['lemma-2.input-fisher'],
      witnesses: [
        {
          type: 'algebraic',
          variables: vars(2, 3),
          symbolic: { variables: vars(1, 2) },
          identity: { points: 3 },
          degree: 40,
          lhs: (F, v) => {
            const { X, W, s, e1, e2 } = at(F, v);
            const [n, p] = [X.length, X[0].length];
            return logLinear(mnQuadratic(F, X, W, s, e1, e2), [
              { coef: [-p, 2], arg: det(F, scale(F, e1, eye(F, n))) },
              { coef: [-n, 2], arg: det(F, scale(F, e2, eye(F, p))) },
            ]);
          },
          rhs: (F, v) => {
            const { X, W, s, e1, e2 } = at(F, v);
            const np = X.length * X[0].length;
            return logLinear(vecQuadratic(F, X, W, s, e1, e2), [{ coef: [-1, 2], arg: det(F, scale(F, F.mul(e1, e2), eye(F, np))) }]);
          },
        },
      ],
    },
    {
      from: '∂²/∂s₀² log p (the log-determinant constant does not depend on s₀)',
      to: '∂²/∂s₀² [−1/(2ε₁ε₂) Tr((X − Ws₀)ᵀ(X − Ws₀))]',
      toTex: '\\frac{\\partial^2}{\\partial s_0^2}\\left(-\\frac{1}{2\\varepsilon_1\\varepsilon_2}\\operatorname{Tr}\\left((X-Ws_0)^T(X-Ws_0)\\right)\\right)',
      justification: '(ε₂I)⁻¹ and (ε₁I)⁻¹ are scalars 1/ε₂, 1/ε₁ times I; derivatives by exact jets on both sides.',
      assumptions: ['ε₁, ε₂ > 0'],
      source: 'Lemma 2 proof (second line)',
      claims: [],
      supports: ['lemma-2.input-fisher'],
      witnesses: [
        {
          type: 'algebraic',
          variables: vars(2, 3),
          symbolic: { variables: vars(1, 2) },
          identity: { points: 3 },
          degree: 20,
          lhs: (F, v) => {
            const { X, W, s, e1, e2 } = at(F, v);
            return secondDerivative(F, s, (J, sj, lift) => mnQuadratic(J, lift(X), lift(W), sj, [e1, F.zero(), F.zero()], [e2, F.zero(), F.zero()]));
          },
          rhs: (F, v) => {
            const { X, W, s, e1, e2 } = at(F, v);
            return secondDerivative(F, s, (J, sj, lift) => {
              const D = sub(J, lift(X), scale(J, sj, lift(W)));
              const k: Jet<typeof s> = [F.div(F.rational(-1, 2), F.mul(e1, e2)), F.zero(), F.zero()];
              return J.mul(k, trace(J, mul(J, transpose(D), D)));
            });
          },
        },
      ],
    },
    {
      from: '−E[∂²/∂s₀² (−1/(2ε₁ε₂)) Tr((X − Ws₀)ᵀ(X − Ws₀))]',
      to: '1/(2ε₁ε₂) E[∂²/∂s₀² Tr((X − Ws₀)ᵀ(X − Ws₀))]',
      justification: 'The constant −1/(2ε₁ε₂) leaves the derivative and the expectation (checked pointwise in X, which implies it under any law of X).',
      assumptions: ['ε₁, ε₂ > 0'],
      source: 'Lemma 2 proof (third line)',
      claims: [],
      supports: ['lemma-2.input-fisher'],
      witnesses: [
        {
          type: 'algebraic',
          variables: vars(2, 3),
          symbolic: { variables: vars(1, 2) },
          identity: { points: 3 },
          degree: 20,
          lhs: (F, v) => {
            const { X, W, s, e1, e2 } = at(F, v);
            const k: Jet<typeof s> = [F.div(F.rational(-1, 2), F.mul(e1, e2)), F.zero(), F.zero()];
            return F.neg(secondDerivative(F, s, (J, sj, lift) => J.mul(k, trace(J, gram(J, lift(X), lift(W), sj)))));
          },
          rhs: (F, v) => {
            const { X, W, s, e1, e2 } = at(F, v);
            return F.mul(F.div(F.rational(1, 2), F.mul(e1, e2)), secondDerivative(F, s, (J, sj, lift) => trace(J, gram(J, lift(X), lift(W), sj))));
          },
        },
      ],
    },
    {
      from: '∂²/∂s₀² Tr((X − Ws₀)ᵀ(X − Ws₀))',
      to: 'Tr(∂²/∂s₀² (X − Ws₀)ᵀ(X − Ws₀))',
      justification: 'The trace is linear: the second derivative of the trace is the trace of the entrywise second derivatives (exact jets on both sides; the right side differentiates each diagonal entry separately).',
      assumptions: [],
      source: 'Lemma 2 proof (fourth line)',
      claims: [],
      supports: ['lemma-2.input-fisher'],
      witnesses: [
        {
          type: 'algebraic',
          variables: vars(2, 3).slice(0, 3),
          symbolic: { variables: vars(1, 2).slice(0, 3) },
          identity: { points: 3 },
          degree: 4,
          lhs: (F, v) => secondDerivative(F, v.s('s'), (J, sj, lift) => trace(J, gram(J, lift(v.m('X')), lift(v.m('W')), sj))),
          rhs: (F, v) => traceOfEntrywiseSecondDerivative(F, v.m('X'), v.m('W'), v.s('s')),
        },
      ],
    },
    {
      from: 'Tr(∂²/∂s₀² (X − Ws₀)ᵀ(X − Ws₀))',
      to: 'Tr(2WᵀW)',
      justification: 'Entrywise second derivative of the p×p matrix (X − Ws₀)ᵀ(X − Ws₀) (exact jets), then the trace.',
      assumptions: [],
      source: 'Lemma 2 proof (fifth line)',
      claims: [],
      supports: ['lemma-2.input-fisher'],
      witnesses: [
        {
          type: 'algebraic',
          variables: vars(2, 3).slice(0, 3),
          symbolic: { variables: vars(1, 2).slice(0, 3) },
          identity: { points: 3 },
          degree: 4,
          lhs: (F, v) => traceOfEntrywiseSecondDerivative(F, v.m('X'), v.m('W'), v.s('s')),
          rhs: (F, v) => trace(F, scale(F, F.rational(2), mul(F, transpose(v.m('W')), v.m('W')))),
        },
      ],
    },
    {
      from: '1/(2ε₁ε₂) E[Tr(2WᵀW)]',
      to: '1/(ε₁ε₂) Tr(WᵀW)',
      justification: 'Tr(2WᵀW) does not depend on X.',
      assumptions: ['ε₁, ε₂ > 0'],
      source: 'Lemma 2 proof (last line)',
      claims: [],
      supports: ['lemma-2.input-fisher'],
      witnesses: [
        {
          type: 'algebraic',
          variables: vars(2, 3).slice(1),
          symbolic: { variables: vars(1, 2).slice(1) },
          identity: { points: 3 },
          degree: 6,
          lhs: (F, v) => F.mul(F.div(F.rational(1, 2), F.mul(v.s('e1'), v.s('e2'))), trace(F, scale(F, F.rational(2), mul(F, transpose(v.m('W')), v.m('W'))))),
          rhs: (F, v) => F.div(trace(F, mul(F, transpose(v.m('W')), v.m('W'))), F.mul(v.s('e1'), v.s('e2'))),
        },
      ],
    },
    {
      from: 'the Fisher information of the true law vec X ~ N(vec(W) s₀, ε₁ε₂ I): −E[∂²/∂s₀² log p]',
      to: 'Eq. 24: I(W) = Tr(WᵀW)/(ε₁ε₂) = ‖W‖²_F/(ε₁ε₂)',
      toTex: 'I(W) = \\frac{1}{\\varepsilon_1\\varepsilon_2}\\operatorname{Tr}(W^TW) = \\frac{1}{\\varepsilon_1\\varepsilon_2}\\|W\\|_F^2',
      justification: 'Eq. 25 applied to the vectorized normal (the second derivative, taken by jets, does not depend on X, so the expectation is the value itself); second witness: the Fisher information of a Gaussian mean family, (∂μ/∂s)ᵀC⁻¹(∂μ/∂s) with ∂μ/∂s = vec W, C = (ε₂I) ⊗ (ε₁I), against the Frobenius form.',
      assumptions: ['f = id', 'ε₁, ε₂ > 0', 'Z ~ MN(0, ε₁I, ε₂I)'],
      source: 'Lemma 2, Eqs. 24–25',
      claims: ['lemma-2.input-fisher'],
      witnesses: [
        {
          type: 'algebraic',
          variables: vars(2, 3),
          symbolic: { variables: vars(1, 2) },
          identity: { points: 3 },
          degree: 20,
          lhs: (F, v) => {
            const { X, W, s, e1, e2 } = at(F, v);
            return F.neg(secondDerivative(F, s, (J, sj, lift) => vecQuadratic(J, lift(X), lift(W), sj, [e1, F.zero(), F.zero()], [e2, F.zero(), F.zero()])));
          },
          rhs: (F, v) => F.div(trace(F, mul(F, transpose(v.m('W')), v.m('W'))), F.mul(v.s('e1'), v.s('e2'))),
        },
        {
          type: 'algebraic',
          variables: vars(2, 3).slice(1),
          symbolic: { variables: vars(1, 2).slice(1) },
          identity: { points: 3 },
          degree: 20,
          lhs: (F, v) => {
            const W = v.m('W');
            const m = vec(W);
            const C = kron(F, scale(F, v.s('e2'), eye(F, W[0].length)), scale(F, v.s('e1'), eye(F, W.length)));
            return mulAll(F, transpose(m), inverse(F, C), m)[0][0];
          },
          rhs: (F, v) => {
            let fro = F.zero();
            for (const row of v.m('W')) for (const x of row) fro = F.add(fro, F.mul(x, x));
            return F.div(fro, F.mul(v.s('e1'), v.s('e2')));
          },
        },
      ],
    },
  ],
};

export default lemma2;
