/** Theorem 4 (memory network, p = 1): the Woodbury steps of Eqs. 43–47, symbolic 2×2 + exact identity. */
import type { Field } from '../src/symbolic/field.ts';
import { add, eye, inverse, type Mat, mul, mulAll, sub, trace, transpose } from '../src/symbolic/matrix.ts';
import type { AlgebraicWitnessSpec, Derivation, Env, ProofStep, VarSpec } from '../src/proof/types.ts';

const mat = (name: string, structure: 'general' | 'spd' = 'general'): VarSpec => ({ name, kind: 'matrix', rows: 2, cols: 2, structure, domain: 'any' });
/**
 * SS, SM: Σ_STATE, Σ_MEM; PS, PM: Ψ_STATE, Ψ_MEM (symmetric positive definite; Eq. 40 as reconstructed
 * in proofs/eq-40-reconstruction.md, A4: Σ = Σ_STATE + Σ_MEM, Ψ = Ψ_STATE + Ψ_MEM). DS = ∂_{s_k}M_STATE =
 * U^{kᵀ}WV^k and DM = ∂_{s_k}M_MEM enter only as arbitrary 2×2 matrices (the steps hold for any).
 */
// (Σ and Ψ pieces interleaved: the steps are symmetric under STATE ↔ MEM — Woodbury's split is — so the
// meaningful covariance swap is Σ ↔ Ψ)
const covVars: VarSpec[] = [mat('SS', 'spd'), mat('PS', 'spd'), mat('SM', 'spd'), mat('PM', 'spd')];
const allVars: VarSpec[] = [...covVars, mat('DS'), mat('DM')];
/**
 * For the symbolic witness of the bilinear steps: Σ_STATE, Ψ_STATE diagonal (the generic case is past the
 * term budget; the identity witness samples the general spd case). Eq. 44 itself is checked symbolically
 * with all four matrices general.
 */
const symVars = (names: string[]): VarSpec[] => allVars.filter((v) => names.includes(v.name)).map((v) => (v.name === 'SS' || v.name === 'PS' ? { ...v, structure: 'diagonal' as const } : v));

/** Σ_COMB⁻¹ = A⁻¹(B⁻¹ + A⁻¹)⁻¹A⁻¹ (Eq. 44) for A = *_STATE, B = *_MEM. */
function comb<T>(F: Field<T>, A: Mat<T>, B: Mat<T>): Mat<T> {
  const Ai = inverse(F, A);
  return mulAll(F, Ai, inverse(F, add(F, inverse(F, B), Ai)), Ai);
}
/** MF⁻¹ = I − A⁻¹(B⁻¹ + A⁻¹)⁻¹ (Eq. 47). */
function mf<T>(F: Field<T>, A: Mat<T>, B: Mat<T>): Mat<T> {
  const Ai = inverse(F, A);
  return sub(F, eye(F, Ai.length), mul(F, Ai, inverse(F, add(F, inverse(F, B), Ai))));
}
/** T(x, y) = Tr(Σ⁻¹ xᵀ Ψ⁻¹ y) with the full precisions. */
function T<T>(F: Field<T>, v: Env<T>, x: Mat<T>, y: Mat<T>): T {
  const Si = inverse(F, add(F, v.m('SS'), v.m('SM')));
  const Pi = inverse(F, add(F, v.m('PS'), v.m('PM')));
  return trace(F, mulAll(F, Si, transpose(x), Pi, y));
}

const algebraic = (w: Omit<AlgebraicWitnessSpec, 'type' | 'variables'> & { variables?: VarSpec[] }): AlgebraicWitnessSpec => ({ type: 'algebraic', variables: allVars, ...w });
const T4 = ['theorem-4.memory-fmc'];
const ASSUME = ['Eq. 40 as reconstructed (proofs/eq-40-reconstruction.md): Σ = Σ_STATE + Σ_MEM, Ψ = Ψ_STATE + Ψ_MEM, ∂M = ∂M_STATE + ∂M_MEM', 'Σ_STATE, Σ_MEM, Ψ_STATE, Ψ_MEM symmetric positive definite (Σ_MEM, Ψ_MEM invertible: truncation depth ≥ 1)'];

export const theorem4Woodbury: Derivation = {
  id: 'theorem-4-woodbury',
  order: 80,
  title: 'Theorem 4: Woodbury steps of the memory-network FMC (Eqs. 43–47)',
  source: 'Section 3.2.2, Eqs. 43–47',
  notes: [
    'Our copy prints Eq. 40 empty; the covariance split Σ = Σ_STATE + Σ_MEM, Ψ = Ψ_STATE + Ψ_MEM is the reconstruction of proofs/eq-40-reconstruction.md (assumption A4), which Eq. 44 requires.',
    'Eq. 44 is printed with the Σ⁻¹ and Ψ⁻¹ lines run together (no separator before Ψ_STATE⁻¹); read as two equations.',
    'Eq. 45 is printed without the trace ("J(k) W/O Tr operator"): encoded as a matrix identity, which implies the traced one.',
    'These steps check the algebra of the paper model only; whether Eq. 40 is the law of the system of Eq. 34 (the exact model) is not decided here (see the reconstruction: the exact system has no stationary law for α₁ = 1).',
    'Symbolic witnesses: the spd matrices are symmetric matrices of symbols; identity witnesses sample L Lᵀ + I.',
  ],
  steps: [
    ...(['Σ', 'Ψ'] as const).map(
      (which): ProofStep => ({
        from: `${which}⁻¹ = (${which}_STATE + ${which}_MEM)⁻¹`,
        to: `Eq. 44: ${which}⁻¹ = ${which}_STATE⁻¹ − ${which}_STATE⁻¹(${which}_MEM⁻¹ + ${which}_STATE⁻¹)⁻¹${which}_STATE⁻¹ = ${which}_STATE⁻¹ − ${which}_COMB⁻¹`,
        toTex: which === 'Σ' ? '\\Sigma^{-1} = \\Sigma_{STATE}^{-1} - \\Sigma_{STATE}^{-1}(\\Sigma_{MEM}^{-1} + \\Sigma_{STATE}^{-1})^{-1}\\Sigma_{STATE}^{-1}' : '\\Psi^{-1} = \\Psi_{STATE}^{-1} - \\Psi_{STATE}^{-1}(\\Psi_{MEM}^{-1} + \\Psi_{STATE}^{-1})^{-1}\\Psi_{STATE}^{-1}',
        justification: 'Woodbury (footnote 2) with A = Σ_STATE, U = V = I, C = Σ_MEM.',
        assumptions: ASSUME,
        source: 'Eq. 44 (footnote 2)',
        claims: [],
        supports: T4,
        model: 'paper',
        witnesses: [
          algebraic({
            variables: covVars,
            degree: 12,
            lhs: (F, v) => (which === 'Σ' ? inverse(F, add(F, v.m('SS'), v.m('SM'))) : inverse(F, add(F, v.m('PS'), v.m('PM')))),
            rhs: (F, v) => {
              const [A, B] = which === 'Σ' ? [v.m('SS'), v.m('SM')] : [v.m('PS'), v.m('PM')];
              return sub(F, inverse(F, A), comb(F, A, B));
            },
          }),
        ],
      }),
    ),
    {
      from: "Eq. 43's last term J'₁ = Σ⁻¹ V^{kᵀ}WᵀU^k Ψ⁻¹ U^{kᵀ}WV^k, with Eq. 44 for Σ⁻¹ and Ψ⁻¹",
      to: "Eq. 45: J'₁ = Σ_S⁻¹DᵀΨ_S⁻¹D − Σ_COMB⁻¹DᵀΨ_S⁻¹D − Σ_S⁻¹DᵀΨ_COMB⁻¹D + Σ_COMB⁻¹DᵀΨ_COMB⁻¹D (D = U^{kᵀ}WV^k, as matrices)",
      toTex: "J_1' = \\Sigma_S^{-1}D^T\\Psi_S^{-1}D - \\Sigma_C^{-1}D^T\\Psi_S^{-1}D - \\Sigma_S^{-1}D^T\\Psi_C^{-1}D + \\Sigma_C^{-1}D^T\\Psi_C^{-1}D",
      justification: 'Substitute Σ⁻¹ = Σ_S⁻¹ − Σ_COMB⁻¹ and Ψ⁻¹ = Ψ_S⁻¹ − Ψ_COMB⁻¹ and expand the bilinear product.',
      assumptions: ASSUME,
      source: 'Eq. 45',
      claims: [],
      supports: T4,
      model: 'paper',
      witnesses: [
        algebraic({
          variables: [...covVars, mat('DS')],
          degree: 30,
          symbolic: { variables: symVars(['SS', 'SM', 'PS', 'PM', 'DS']) },
          lhs: (F, v) => {
            const D = v.m('DS');
            return mulAll(F, inverse(F, add(F, v.m('SS'), v.m('SM'))), transpose(D), inverse(F, add(F, v.m('PS'), v.m('PM'))), D);
          },
          rhs: (F, v) => {
            const D = v.m('DS');
            const Ss = inverse(F, v.m('SS'));
            const Ps = inverse(F, v.m('PS'));
            const Sc = comb(F, v.m('SS'), v.m('SM'));
            const Pc = comb(F, v.m('PS'), v.m('PM'));
            const t = (S: Mat<typeof D[0][0]>, P: Mat<typeof D[0][0]>) => mulAll(F, S, transpose(D), P, D);
            return add(F, sub(F, sub(F, t(Ss, Ps), t(Sc, Ps)), t(Ss, Pc)), t(Sc, Pc));
          },
        }),
      ],
    },
    {
      from: 'Eq. 41: J(k)′ = Tr(Σ⁻¹ ∂Mᵀ Ψ⁻¹ ∂M), ∂M = ∂M_MEM + ∂M_STATE (Eq. 42)',
      to: 'Eq. 43: J(k)′ = T(MEM, MEM) + T(STATE, MEM) + T(MEM, STATE) + T(STATE, STATE), T(x, y) = Tr(Σ⁻¹ xᵀ Ψ⁻¹ y)',
      justification: 'Bilinear expansion of T(∂M, ∂M).',
      assumptions: ASSUME,
      source: 'Eqs. 41–43',
      claims: [],
      supports: T4,
      model: 'paper',
      witnesses: [
        algebraic({
          degree: 30,
          lhs: (F, v) => T(F, v, add(F, v.m('DM'), v.m('DS')), add(F, v.m('DM'), v.m('DS'))),
          rhs: (F, v) => {
            const [M, S] = [v.m('DM'), v.m('DS')];
            return F.add(F.add(T(F, v, M, M), T(F, v, S, M)), F.add(T(F, v, M, S), T(F, v, S, S)));
          },
        }),
      ],
    },
    ...(['Σ', 'Ψ'] as const).map(
      (which): ProofStep => ({
        from: `${which}_MF⁻¹ := I − ${which}_STATE⁻¹(${which}_MEM⁻¹ + ${which}_STATE⁻¹)⁻¹ (Eq. 47)`,
        to: `${which}_MF⁻¹ ${which}_STATE⁻¹ = ${which}⁻¹ (the effective precision of Eq. 46 is the full precision)`,
        justification: `${which}_MF⁻¹${which}_STATE⁻¹ = ${which}_STATE⁻¹ − ${which}_STATE⁻¹(…)⁻¹${which}_STATE⁻¹ = ${which}⁻¹ by Eq. 44.`,
        assumptions: ASSUME,
        source: 'Eqs. 46–47',
        claims: [],
        supports: T4,
        model: 'paper',
        witnesses: [
          algebraic({
            variables: covVars,
            degree: 12,
            lhs: (F, v) => {
              const [A, B] = which === 'Σ' ? [v.m('SS'), v.m('SM')] : [v.m('PS'), v.m('PM')];
              return mul(F, mf(F, A, B), inverse(F, A));
            },
            rhs: (F, v) => (which === 'Σ' ? inverse(F, add(F, v.m('SS'), v.m('SM'))) : inverse(F, add(F, v.m('PS'), v.m('PM')))),
          }),
        ],
      }),
    ),
    {
      from: 'Eq. 41: J(k)′ = Tr(Σ⁻¹ ∂Mᵀ Ψ⁻¹ ∂M)',
      to: 'Eq. 46: J(k)′ = Tr(Σ_MF⁻¹Σ_S⁻¹ ∂M_MEMᵀ Ψ_MF⁻¹Ψ_S⁻¹ ∂M + Σ_MF⁻¹Σ_S⁻¹ ∂Mᵀ Ψ_MF⁻¹Ψ_S⁻¹ ∂M_STATE), Σ_MF⁻¹, Ψ_MF⁻¹ of Eq. 47',
      toTex: "J(k)' = \\operatorname{Tr}(\\Sigma_{MF}^{-1}\\Sigma_S^{-1}\\partial M_{MEM}^T\\Psi_{MF}^{-1}\\Psi_S^{-1}\\partial M + \\Sigma_{MF}^{-1}\\Sigma_S^{-1}\\partial M^T\\Psi_{MF}^{-1}\\Psi_S^{-1}\\partial M_{STATE})",
      justification: 'With the previous step, Eq. 46 is T(MEM, M) + T(M, STATE) = T(MEM,MEM) + 2T(MEM,STATE) + T(STATE,STATE); and T(STATE, MEM) = T(MEM, STATE) because Σ⁻¹, Ψ⁻¹ are symmetric, so it equals Eq. 43 = Eq. 41.',
      assumptions: ASSUME,
      source: 'Theorem 4, Eqs. 46–47',
      claims: T4,
      model: 'paper',
      witnesses: [
        algebraic({
          degree: 40,
          symbolic: { variables: symVars(['SS', 'SM', 'PS', 'PM', 'DS', 'DM']) },
          lhs: (F, v) => T(F, v, add(F, v.m('DM'), v.m('DS')), add(F, v.m('DM'), v.m('DS'))),
          rhs: (F, v) => {
            const Se = mul(F, mf(F, v.m('SS'), v.m('SM')), inverse(F, v.m('SS')));
            const Pe = mul(F, mf(F, v.m('PS'), v.m('PM')), inverse(F, v.m('PS')));
            const D = add(F, v.m('DM'), v.m('DS'));
            return trace(F, add(F, mulAll(F, Se, transpose(v.m('DM')), Pe, D), mulAll(F, Se, transpose(D), Pe, v.m('DS'))));
          },
        }),
      ],
    },
  ],
};

export default theorem4Woodbury;
