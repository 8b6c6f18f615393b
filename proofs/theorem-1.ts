/** Theorem 1 and Corollary 1.1: Eq. 10, the law of X(n) (Eq. 9), Eq. 11, Eq. 8, Eq. 12, Eq. 13. */
import { Matrix } from 'ml-matrix';
import type { Field } from '../src/symbolic/field.ts';
import { logLinear } from '../src/symbolic/loglinear.ts';
import { add, det, eye, inverse, kron, type Mat, mul, mulAll, power, scale, steinSolve, steinTransposed, sub, trace, transpose, vec, zeros } from '../src/symbolic/matrix.ts';
import { fmmEq8, meanDerivative } from '../src/proof/equations.ts';
import type { Derivation, Env, VarSpec } from '../src/proof/types.ts';
import { generalCase } from '../src/cases/witness-cases.ts';
import { caseWitness, condProduct, eqOutcome, flat } from '../src/proof/case-witness.ts';
import { paperCovariances, paperFisherMemoryMatrixEntry, paperFisherMemoryMatrixEntryEq13AsPrinted, paperFisherMemoryCurve } from '../src/models/paper.ts';
import { exactCovariance, exactCovarianceMatrix, exactFisherMemoryCurve, exactFisherMemoryMatrixEntry } from '../src/models/exact.ts';
import { kron as kronF } from '../src/linalg/dense.ts';

const m2 = (name: string, structure: 'general' | 'spd' | 'symmetric' = 'general', n = 2, domain: 'small' | 'any' = 'small'): VarSpec => ({ name, kind: 'matrix', rows: n, cols: n, structure, domain });
const sc = (name: string, domain: 'any' | 'positive' | 'small' = 'any'): VarSpec => ({ name, kind: 'scalar', domain });

/** Ψ = ε₁ Σ U^{kᵀ}U^k and Σ = ε₂ Σ V^{kᵀ}V^k as the exact solutions of their Lyapunov forms (Eq. 49 with ε). */
export function paperPsiSigma<T>(F: Field<T>, v: Env<T>): { Psi: Mat<T>; Sigma: Mat<T> } {
  const n = v.m('U').length;
  return { Psi: steinTransposed(F, v.m('U'), scale(F, v.s('e1'), eye(F, n))), Sigma: steinTransposed(F, v.m('V'), scale(F, v.s('e2'), eye(F, n))) };
}

/** The true covariance of vec X(n): C = 𝒜 C 𝒜ᵀ + ε₁ε₂ I with 𝒜 = Vᵀ ⊗ Uᵀ (from Eq. 10). */
export function trueCovariance<T>(F: Field<T>, v: Env<T>): Mat<T> {
  const A = kron(F, transpose(v.m('V')), transpose(v.m('U')));
  return steinSolve(F, A, scale(F, F.mul(v.s('e1'), v.s('e2')), eye(F, A.length)));
}

const caseVars = (n = 2): VarSpec[] => [m2('U', 'general', n), m2('V', 'general', n), m2('W', 'general', n, 'any'), sc('e1', 'positive'), sc('e2', 'positive')];

/** Appendix A's final form of Lemma 1 (A row n×n, B column p×p), as r + Σ c log(a). */
export function klAppendix<T>(F: Field<T>, M1: Mat<T>, A1: Mat<T>, B1: Mat<T>, M2: Mat<T>, A2: Mat<T>, B2: Mat<T>) {
  const n = A1.length;
  const p = B1.length;
  const dM = sub(F, M2, M1);
  const r = F.mul(
    F.rational(1, 2),
    F.add(F.sub(F.mul(trace(F, mul(F, inverse(F, A2), A1)), trace(F, mul(F, inverse(F, B2), B1))), F.rational(n * p)), trace(F, mulAll(F, inverse(F, B2), transpose(dM), inverse(F, A2), dM))),
  );
  return logLinear(r, [
    { coef: [p, 2], arg: det(F, A2) },
    { coef: [n, 2], arg: det(F, B2) },
    { coef: [-p, 2], arg: det(F, A1) },
    { coef: [-n, 2], arg: det(F, B1) },
  ]);
}

const general3 = (rng: Parameters<typeof generalCase>[0]) => generalCase(rng, 3);

export const theorem1: Derivation = {
  id: 'theorem-1',
  order: 10,
  title: 'Theorem 1 and Corollary 1.1: the law of X(n), the FMM (Eq. 8) and the FMC (Eq. 12)',
  source: 'Section 2.3, Eqs. 8–13',
  steps: [
    {
      from: 'X(n) = Uᵀ X(n−1) V + W s(n) + Z(n) (Eq. 5, f = id), unrolled twice',
      to: 'X(n) = Σ_{k<2} U^{kᵀ}(W s_k + Z(n−k)) V^k + U^{2ᵀ} X(n−2) V²  (Eq. 10 truncated, with its remainder)',
      fromTex: 'X(n) = U^T X(n-1) V + W s(n) + Z(n)',
      toTex: 'X(n) = \\sum_{k<K} U^{kT}(W s_k + Z(n-k)) V^k + U^{KT} X(n-K) V^K',
      justification: 'Substitute the recursion into itself; as K → ∞ the remainder vanishes when ρ(U)ρ(V) < 1, giving Eq. 10.',
      assumptions: ['f = id (Remark 1)'],
      source: 'Eq. 10',
      claims: [],
      supports: ['theorem-1.covariance'],
      witnesses: [
        {
          type: 'algebraic',
          variables: [m2('U'), m2('V'), m2('W'), m2('X0'), m2('Z0'), m2('Z1'), sc('s0'), sc('s1')],
          degree: 5,
          lhs: (F, v) => {
            const step = (X: Mat<typeof x>, s: typeof x, Z: Mat<typeof x>) => add(F, add(F, mulAll(F, transpose(v.m('U')), X, v.m('V')), scale(F, s, v.m('W'))), Z);
            const x = F.zero();
            return step(step(v.m('X0'), v.s('s1'), v.m('Z1')), v.s('s0'), v.m('Z0'));
          },
          rhs: (F, v) => {
            const U = v.m('U');
            const V = v.m('V');
            let s = mulAll(F, transpose(power(F, U, 2)), v.m('X0'), power(F, V, 2));
            for (const k of [0, 1]) s = add(F, s, mulAll(F, transpose(power(F, U, k)), add(F, scale(F, v.s(`s${k}`), v.m('W')), v.m(`Z${k}`)), power(F, V, k)));
            return s;
          },
        },
      ],
    },
    {
      from: 'E[X(n) | s] from Eq. 10',
      to: 'vec M(s) = Σ_k (Vᵀ ⊗ Uᵀ)^k vec(W) s_k, i.e. M(s) = Σ_k U^{kᵀ} W s_k V^k (the mean of Eq. 9)',
      toTex: '\\operatorname{vec} M(s) = \\sum_k (V^T \\otimes U^T)^k \\operatorname{vec}(W) s_k',
      justification: 'E[Z] = 0 and vec(A X B) = (Bᵀ ⊗ A) vec X: the paper\'s mean is the mean of the true (vectorized) law (checked for k ≤ 2).',
      assumptions: ['f = id', 'E[Z(t)] = 0'],
      source: 'Eq. 9 (mean)',
      claims: [],
      supports: ['eq-8.fmm', 'theorem-1.covariance'],
      witnesses: [
        {
          type: 'algebraic',
          variables: [m2('U'), m2('V'), m2('W'), sc('s0'), sc('s1'), sc('s2')],
          degree: 5,
          lhs: (F, v) => {
            const n = v.m('U').length;
            let s = zeros(F, n, n);
            for (const k of [0, 1, 2]) s = add(F, s, scale(F, v.s(`s${k}`), meanDerivative(F, v.m('U'), v.m('W'), v.m('V'), k)));
            return vec(s);
          },
          rhs: (F, v) => {
            const A = kron(F, transpose(v.m('V')), transpose(v.m('U')));
            let s = zeros(F, A.length, 1);
            for (const k of [0, 1, 2]) s = add(F, s, scale(F, v.s(`s${k}`), mul(F, power(F, A, k), vec(v.m('W')))));
            return s;
          },
        },
      ],
    },
    {
      from: 'the k-th noise term U^{kᵀ} Z(n−k) V^k of Eq. 10, Z ~ MN(0, ε₁I, ε₂I) (cov vec Z = ε₁ε₂ I)',
      to: 'cov vec(U^{kᵀ} Z V^k) = ε₁ε₂ (V^{kᵀ}V^k) ⊗ (U^{kᵀ}U^k)',
      toTex: '\\operatorname{cov}\\operatorname{vec}(U^{kT} Z V^k) = \\varepsilon_1\\varepsilon_2 (V^{kT}V^k) \\otimes (U^{kT}U^k)',
      justification: 'vec(U^{kᵀ} Z V^k) = (Vᵀ ⊗ Uᵀ)^k vec Z and the mixed-product rule (checked for k = 2). Summing over independent k: the true covariance is a SUM of Kronecker products.',
      assumptions: ['noise independent across time'],
      source: 'Eq. 10 → Eq. 9',
      claims: [],
      supports: ['theorem-1.covariance'],
      witnesses: [
        {
          type: 'algebraic',
          variables: [m2('U'), m2('V'), sc('e1', 'positive'), sc('e2', 'positive')],
          degree: 10,
          lhs: (F, v) => {
            const A = power(F, kron(F, transpose(v.m('V')), transpose(v.m('U'))), 2);
            return scale(F, F.mul(v.s('e1'), v.s('e2')), mul(F, A, transpose(A)));
          },
          rhs: (F, v) => {
            const U2 = power(F, v.m('U'), 2);
            const V2 = power(F, v.m('V'), 2);
            return scale(F, F.mul(v.s('e1'), v.s('e2')), kron(F, mul(F, transpose(V2), V2), mul(F, transpose(U2), U2)));
          },
        },
      ],
    },
    {
      from: 'the true covariance C of vec X(n): C = 𝒜 C 𝒜ᵀ + ε₁ε₂ I, 𝒜 = Vᵀ ⊗ Uᵀ (= ε₁ε₂ Σ_k (V^{kᵀ}V^k) ⊗ (U^{kᵀ}U^k))',
      to: 'Eq. 9: X(n) ~ MN(M, Ψ, Σ), i.e. C = Σ ⊗ Ψ with Ψ = ε₁ Σ_k U^{kᵀ}U^k, Σ = ε₂ Σ_k V^{kᵀ}V^k',
      toTex: '\\operatorname{cov}\\operatorname{vec} X(n) = \\Sigma \\otimes \\Psi',
      justification: 'Theorem 1\'s proof: "we can write … the row-wise covariance Ψ and the column-wise covariance Σ as shown in Eq. 9". A sum of Kronecker products is not the Kronecker product of the sums: the cross terms (V^{kᵀ}V^k) ⊗ (U^{lᵀ}U^l), k ≠ l, are extra.',
      assumptions: ['ρ(U) < 1, ρ(V) < 1 (so all sums converge)', 'f = id'],
      source: 'Theorem 1, Eq. 9',
      claims: ['theorem-1.covariance'],
      model: 'exact',
      witnesses: [
        {
          type: 'algebraic',
          variables: caseVars(2),
          symbolic: { variables: caseVars(1) },
          degree: 64,
          lhs: (F, v) => trueCovariance(F, v),
          rhs: (F, v) => {
            const { Psi, Sigma } = paperPsiSigma(F, v);
            return kron(F, Sigma, Psi);
          },
        },
        caseWitness('random convergent 3×3 cases, exact model (Stein solver) vs Σ ⊗ Ψ', general3, (c) => {
          const cov = paperCovariances(c);
          const C = exactCovarianceMatrix(exactCovariance(c));
          return eqOutcome(flat(C), flat(kronF(cov.sigma, cov.psi)), 9, condProduct(cov.sigma, cov.psi), { maxAbsDifference: Math.max(...flat(Matrix.sub(C, kronF(cov.sigma, cov.psi))).map(Math.abs)) });
        }),
      ],
    },
    {
      from: 'the true covariance C, in the special case U = 0 (only V and W random)',
      to: 'C = Σ ⊗ Ψ (Eq. 9)',
      justification: 'With U = 0 the state is X(n) = W s_0 + Z(n), so C = ε₁ε₂ I, while Eq. 9 gives Ψ = ε₁ I and Σ = ε₂ Σ_k V^{kᵀ}V^k: Eq. 9 still differs unless V = 0 as well.',
      assumptions: ['U = 0'],
      source: 'Theorem 1, Eq. 9 (special case)',
      claims: ['theorem-1.covariance'],
      model: 'exact',
      witnesses: [
        {
          type: 'algebraic',
          variables: [m2('V'), sc('e1', 'positive'), sc('e2', 'positive')],
          degree: 64,
          lhs: (F, v) => trueCovariance(F, { s: v.s, m: (n) => (n === 'U' ? zeros(F, v.m('V').length, v.m('V').length) : v.m(n)) }),
          rhs: (F, v) => {
            const { Psi, Sigma } = paperPsiSigma(F, { s: v.s, m: (n) => (n === 'U' ? zeros(F, v.m('V').length, v.m('V').length) : v.m(n)) });
            return kron(F, Sigma, Psi);
          },
        },
      ],
    },
    {
      from: 'the true covariance C, in the special case U = V = 0',
      to: 'C = Σ ⊗ Ψ (Eq. 9)',
      justification: 'With U = V = 0 every cross term vanishes: C = ε₁ε₂ I = (ε₂ I) ⊗ (ε₁ I).',
      assumptions: ['U = 0', 'V = 0'],
      source: 'Theorem 1, Eq. 9 (special case)',
      claims: [],
      supports: ['theorem-1.covariance'],
      model: 'exact',
      witnesses: [
        {
          type: 'algebraic',
          variables: [sc('e1', 'positive'), sc('e2', 'positive')],
          degree: 4,
          lhs: (F, v) => trueCovariance(F, { s: v.s, m: () => zeros(F, 2, 2) }),
          rhs: (F, v) => {
            const { Psi, Sigma } = paperPsiSigma(F, { s: v.s, m: () => zeros(F, 2, 2) });
            return kron(F, Sigma, Psi);
          },
        },
      ],
    },
    {
      from: 'Lemma 1 (Appendix A form) for X₁ ~ MN(M₁, Ψ, Σ), X₂ ~ MN(M₂, Ψ, Σ) (same covariances)',
      to: 'Eq. 11: D_KL = ½ Tr(Σ⁻¹ (M₂ − M₁)ᵀ Ψ⁻¹ (M₂ − M₁))',
      toTex: 'D_{KL} = \\tfrac12 \\operatorname{Tr}(\\Sigma^{-1}(M_2-M_1)^T\\Psi^{-1}(M_2-M_1))',
      justification: 'Equal covariances: the log-determinant ratio is log 1 = 0 and Tr(I_n)Tr(I_p) − np = 0.',
      assumptions: ['Ψ, Σ independent of s (paper model)'],
      source: 'Eq. 11',
      claims: [],
      supports: ['eq-8.fmm'],
      model: 'paper',
      witnesses: [
        {
          type: 'algebraic',
          variables: [m2('Psi', 'spd'), m2('Sigma', 'spd'), m2('M1', 'general', 2, 'any'), m2('M2', 'general', 2, 'any')],
          degree: 24,
          lhs: (F, v) => klAppendix(F, v.m('M1'), v.m('Psi'), v.m('Sigma'), v.m('M2'), v.m('Psi'), v.m('Sigma')),
          rhs: (F, v) => {
            const d = sub(F, v.m('M2'), v.m('M1'));
            return logLinear(F.mul(F.rational(1, 2), trace(F, mulAll(F, inverse(F, v.m('Sigma')), transpose(d), inverse(F, v.m('Psi')), d))));
          },
        },
      ],
    },
    {
      from: 'Eq. 11 with M linear in s: ΔM = Σ_k δs_k ∂M/∂s_k (k = 0, 1, 2)',
      to: 'D_KL(s ‖ s + δs) = ½ δsᵀ J δs with J_{i,j} = Tr(Σ⁻¹ (∂M/∂s_i)ᵀ Ψ⁻¹ ∂M/∂s_j) (Eq. 8), exactly',
      toTex: 'J_{i,j} = \\operatorname{Tr}\\left(\\Sigma^{-1}\\frac{\\partial M^T}{\\partial s_i}\\Psi^{-1}\\frac{\\partial M}{\\partial s_j}\\right)',
      justification: 'Bilinearity of (X, Y) ↦ Tr(Σ⁻¹ Xᵀ Ψ⁻¹ Y); the quadratic approximation is exact because M is linear in s (footnote 1).',
      assumptions: ['paper model: X(n) ~ MN(M(s), Ψ, Σ)'],
      source: 'Theorem 1, Eq. 8',
      claims: ['eq-8.fmm'],
      model: 'paper',
      witnesses: [
        {
          type: 'algebraic',
          variables: [m2('P', 'spd'), m2('Q', 'spd'), m2('D0', 'general', 2, 'any'), m2('D1', 'general', 2, 'any'), m2('D2', 'general', 2, 'any'), sc('d0'), sc('d1'), sc('d2')],
          degree: 8,
          lhs: (F, v) => {
            let dM = zeros(F, v.m('D0').length, v.m('D0').length);
            for (const k of [0, 1, 2]) dM = add(F, dM, scale(F, v.s(`d${k}`), v.m(`D${k}`)));
            return F.mul(F.rational(1, 2), fmmEq8(F, v.m('P'), v.m('Q'), dM, dM));
          },
          rhs: (F, v) => {
            let s = F.zero();
            for (const i of [0, 1, 2]) for (const j of [0, 1, 2]) s = F.add(s, F.mul(F.mul(v.s(`d${i}`), v.s(`d${j}`)), fmmEq8(F, v.m('P'), v.m('Q'), v.m(`D${i}`), v.m(`D${j}`))));
            return F.mul(F.rational(1, 2), s);
          },
        },
      ],
    },
    {
      from: 'the Fisher memory matrix of the TRUE law of X(n): J_{i,j} = m_iᵀ C⁻¹ m_j, m_k = vec(U^{kᵀ} W V^k)',
      to: 'Eq. 8: J_{i,j} = Tr(Σ⁻¹ (∂M/∂s_i)ᵀ Ψ⁻¹ ∂M/∂s_j)  (checked for (i, j) ∈ {(0,0), (1,1), (0,1), (1,2)})',
      justification: 'Eq. 8 is the FMM of the paper\'s law Σ ⊗ Ψ; since C ≠ Σ ⊗ Ψ it is not the FMM of the system.',
      assumptions: ['ρ(U), ρ(V) < 1'],
      source: 'Theorem 1, Eq. 8 (exact model)',
      claims: ['eq-8.fmm'],
      model: 'exact',
      witnesses: [
        {
          type: 'algebraic',
          variables: caseVars(2),
          symbolic: { variables: caseVars(1) },
          degree: 80,
          lhs: (F, v) => {
            const Cinv = inverse(F, trueCovariance(F, v));
            const m = (k: number) => vec(meanDerivative(F, v.m('U'), v.m('W'), v.m('V'), k));
            return [[0, 0], [1, 1], [0, 1], [1, 2]].map(([i, j]) => [mulAll(F, transpose(m(i)), Cinv, m(j))[0][0]]);
          },
          rhs: (F, v) => {
            const { Psi, Sigma } = paperPsiSigma(F, v);
            const D = (k: number) => meanDerivative(F, v.m('U'), v.m('W'), v.m('V'), k);
            return [[0, 0], [1, 1], [0, 1], [1, 2]].map(([i, j]) => [fmmEq8(F, inverse(F, Sigma), inverse(F, Psi), D(i), D(j))]);
          },
        },
        caseWitness('random convergent 3×3 cases: exactFisherMemoryMatrixEntry vs paperFisherMemoryMatrixEntry', general3, (c) => {
          const cov = paperCovariances(c);
          const ex = exactCovariance(c);
          const pairs = [[0, 0], [1, 1], [0, 1], [1, 2]];
          return eqOutcome(pairs.map(([i, j]) => exactFisherMemoryMatrixEntry(c, ex, i, j)), pairs.map(([i, j]) => paperFisherMemoryMatrixEntry(c, cov, i, j)), 9, condProduct(cov.sigma, cov.psi) * condProduct(exactCovarianceMatrix(ex)));
        }),
      ],
    },
    {
      from: 'Eq. 8 at i = j with ∂M/∂s_i = U^{iᵀ} W V^i (i = 2)',
      to: 'Eq. 12: J(i) = Tr(Σ⁻¹ V^{iᵀ} Wᵀ U^i Ψ⁻¹ U^{iᵀ} W V^i)',
      toTex: 'J(i) = \\operatorname{Tr}(\\Sigma^{-1} V^{iT} W^T U^i \\Psi^{-1} U^{iT} W V^i)',
      justification: '(U^{iᵀ} W V^i)ᵀ = V^{iᵀ} Wᵀ U^i.',
      assumptions: ['paper model'],
      source: 'Corollary 1.1, Eq. 12',
      claims: ['eq-12.fmc'],
      model: 'paper',
      witnesses: [
        {
          type: 'algebraic',
          variables: [m2('U'), m2('V'), m2('W'), m2('P', 'spd'), m2('Q', 'spd')],
          degree: 14,
          lhs: (F, v) => {
            const D = meanDerivative(F, v.m('U'), v.m('W'), v.m('V'), 2);
            return fmmEq8(F, v.m('P'), v.m('Q'), D, D);
          },
          rhs: (F, v) => {
            const U2 = power(F, v.m('U'), 2);
            const V2 = power(F, v.m('V'), 2);
            return trace(F, mulAll(F, v.m('P'), transpose(V2), transpose(v.m('W')), U2, v.m('Q'), transpose(U2), v.m('W'), V2));
          },
        },
      ],
    },
    {
      from: 'the Fisher memory curve of the TRUE law, J(i) = m_iᵀ C⁻¹ m_i',
      to: 'Eq. 12 (i = 0..3)',
      justification: 'Eq. 12 inherits the covariance of Eq. 9; the system\'s FMC uses C.',
      assumptions: ['ρ(U), ρ(V) < 1'],
      source: 'Corollary 1.1, Eq. 12 (exact model)',
      claims: ['eq-12.fmc'],
      model: 'exact',
      witnesses: [
        caseWitness('random convergent 3×3 cases: exactFisherMemoryCurve vs paperFisherMemoryCurve', general3, (c) => {
          const cov = paperCovariances(c);
          const ex = exactCovariance(c);
          return eqOutcome(exactFisherMemoryCurve(c, ex, 4), paperFisherMemoryCurve(c, cov, 4), 9, condProduct(cov.sigma, cov.psi) * condProduct(exactCovarianceMatrix(ex)));
        }),
      ],
    },
    ...([
      ['i = j = 1', 1, 1, ['i = j']],
      ['i = 0, j = 1 and i = 1, j = 2', 0, 1, ['i ≠ j']],
    ] as const).map(([label, i, j, asm]) => ({
      from: `Eq. 8 with ∂M/∂s_k = U^{kᵀ} W V^k, ${label}`,
      to: 'Eq. 13 as printed: J_{i,j} = Tr(Σ⁻¹ V^{iᵀ} Wᵀ U^j Ψ⁻¹ U^{jᵀ} W V^j)',
      toTex: 'J_{i,j} = \\operatorname{Tr}(\\Sigma^{-1} V^{iT} W^T U^{j} \\Psi^{-1} U^{jT} W V^j)',
      justification: 'Remark 2 substitutes the linear mean into Eq. 8; Eq. 8 gives U^i (not U^j) in the factor Wᵀ U^i Ψ⁻¹.',
      assumptions: ['paper model', ...asm],
      source: 'Remark 2, Eq. 13',
      claims: ['eq-13.fmm'],
      model: 'paper' as const,
      witnesses: [
        {
          type: 'algebraic' as const,
          variables: [m2('U'), m2('V'), m2('W'), m2('P', 'spd'), m2('Q', 'spd')],
          degree: 16,
          lhs: <T,>(F: Field<T>, v: Env<T>) => {
            const pairs = i === j ? [[i, j]] : [[i, j], [1, 2]];
            return pairs.map(([a, b]) => [fmmEq8(F, v.m('P'), v.m('Q'), meanDerivative(F, v.m('U'), v.m('W'), v.m('V'), a), meanDerivative(F, v.m('U'), v.m('W'), v.m('V'), b))]);
          },
          rhs: <T,>(F: Field<T>, v: Env<T>) => {
            const pairs = i === j ? [[i, j]] : [[i, j], [1, 2]];
            return pairs.map(([a, b]) => {
              const Ub = power(F, v.m('U'), b);
              return [trace(F, mulAll(F, v.m('P'), transpose(power(F, v.m('V'), a)), transpose(v.m('W')), Ub, v.m('Q'), transpose(Ub), v.m('W'), power(F, v.m('V'), b)))];
            });
          },
        },
        caseWitness('random convergent 3×3 cases: paperFisherMemoryMatrixEntry vs paperFisherMemoryMatrixEntryEq13AsPrinted', general3, (c) => {
          const cov = paperCovariances(c);
          return eqOutcome(paperFisherMemoryMatrixEntry(c, cov, i, j), paperFisherMemoryMatrixEntryEq13AsPrinted(c, cov, i, j), 3, condProduct(cov.sigma, cov.psi));
        }),
      ],
    })),
  ],
};

export default theorem1;
