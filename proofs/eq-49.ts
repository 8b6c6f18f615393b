/**
 * Eq. 49: the Lyapunov (Stein) forms of Ψ = ε₁ Σ_k U^{kᵀ}U^k and Σ = ε₂ Σ_k V^{kᵀ}V^k (Eq. 9).
 * Printed: UᵀΨU + I = Ψ, VᵀΣV + I = Σ. Ψ and Σ are taken from the SERIES of Eq. 9, never from a
 * Lyapunov solver (which would assume the equation under test): exactly through the truncations
 * Ψ_K (Ψ_{K+1} = UᵀΨ_K U + ε₁I is the finite identity whose limit K → ∞ is the Lyapunov form), and
 * in float64 through the summed series of random convergent cases.
 */
import { Matrix } from 'ml-matrix';
import type { Field } from '../src/symbolic/field.ts';
import { add, eye, type Mat, mulAll, scale, transpose } from '../src/symbolic/matrix.ts';
import { truncatedGramSeries } from '../src/proof/equations.ts';
import type { Derivation, Env, VarSpec, WitnessSpec } from '../src/proof/types.ts';
import { generalCase } from '../src/cases/witness-cases.ts';
import { caseWitness, eqOutcome, flat } from '../src/proof/case-witness.ts';
import type { MatrixCase } from '../src/models/case.ts';

const m2 = (name: string): VarSpec => ({ name, kind: 'matrix', rows: 2, cols: 2, domain: 'any' });
const eps = (name: string, value?: [number, number]): VarSpec => ({ name, kind: 'scalar', domain: 'positive', ...(value ? { value } : {}) });

/** Truncation order of the exact witness (checked for every K ≤ this; the identity is K-independent). */
const K = 3;

/** [UᵀΨ_K U + c₁ I ; VᵀΣ_K V + c₂ I] stacked, for the constant c of the printed (1) or corrected (ε) form. */
function lyapunovLhs<T>(F: Field<T>, v: Env<T>, form: 'printed' | 'corrected', k: number): Mat<T> {
  const [U, V, e1, e2] = [v.m('U'), v.m('V'), v.s('e1'), v.s('e2')];
  const c1 = form === 'printed' ? F.one() : e1;
  const c2 = form === 'printed' ? F.one() : e2;
  const psi = add(F, mulAll(F, transpose(U), truncatedGramSeries(F, U, e1, k), U), scale(F, c1, eye(F, U.length)));
  const sigma = add(F, mulAll(F, transpose(V), truncatedGramSeries(F, V, e2, k), V), scale(F, c2, eye(F, V.length)));
  return [...psi, ...sigma];
}
function seriesRhs<T>(F: Field<T>, v: Env<T>, k: number): Mat<T> {
  return [...truncatedGramSeries(F, v.m('U'), v.s('e1'), k + 1), ...truncatedGramSeries(F, v.m('V'), v.s('e2'), k + 1)];
}

/** ε Σ_k A^{kᵀ}A^k summed in float64 until the terms are below 1e-18 relative (ρ(A) ≤ 0.85). */
function gramSeries(a: Matrix, e: number): Matrix {
  let s = Matrix.zeros(a.rows, a.columns);
  let p = Matrix.eye(a.rows);
  for (let k = 0; k < 5000; k++) {
    const term = p.transpose().mmul(p);
    s = s.add(term);
    if (term.norm('frobenius') <= 1e-18 * s.norm('frobenius')) break;
    p = p.mmul(a);
  }
  return s.mul(e);
}

function numericWitness(form: 'printed' | 'corrected'): WitnessSpec {
  return caseWitness(`random convergent 3×3 cases (ρ ≤ 0.85, ε ∈ [0.5, 2]): Eq. 9 series summed in float64, ${form} Lyapunov form`, (rng) => generalCase(rng, 3), (c: MatrixCase) => {
    const psi = gramSeries(c.U, c.e1);
    const sigma = gramSeries(c.V, c.e2);
    const n = c.U.rows;
    const c1 = form === 'printed' ? 1 : c.e1;
    const c2 = form === 'printed' ? 1 : c.e2;
    const lPsi = c.U.transpose().mmul(psi).mmul(c.U).add(Matrix.eye(n).mul(c1));
    const lSigma = c.V.transpose().mmul(sigma).mmul(c.V).add(Matrix.eye(n).mul(c2));
    // summation error of the series and of one product: ≲ 1e3·N²·ε·scale (κ = 1: no inverse is taken)
    return eqOutcome([...flat(lPsi), ...flat(lSigma)], [...flat(psi), ...flat(sigma)], n, 1, { e1: c.e1, e2: c.e2 });
  });
}

const vars = (e1?: [number, number], e2?: [number, number]): VarSpec[] => [m2('U'), m2('V'), eps('e1', e1), eps('e2', e2)];

export const eq49: Derivation = {
  id: 'eq-49',
  order: 50,
  title: 'Eq. 49: the discrete Lyapunov forms of Ψ and Σ',
  source: 'Section 5, Eq. 49',
  notes: [
    'Ψ, Σ come from the series of Eq. 9 (truncated exactly, or summed in float64), never from a Stein/Lyapunov solver.',
    `The exact witness checks Ψ_{K+1} = UᵀΨ_K U + c I at K = ${K} (2×2, symbolic and exact identity); the numeric witness checks the limit K → ∞ on 3×3 convergent cases.`,
  ],
  steps: [
    {
      from: 'Ψ = ε₁ Σ_k U^{kᵀ}U^k, Σ = ε₂ Σ_k V^{kᵀ}V^k (Eq. 9)',
      to: 'Eq. 49 as printed: UᵀΨU + I = Ψ, VᵀΣV + I = Σ',
      toTex: 'U^T\\Psi U + I = \\Psi,\\qquad V^T\\Sigma V + I = \\Sigma',
      justification: 'UᵀΨU = ε₁ Σ_{k≥1} U^{kᵀ}U^k = Ψ − ε₁I: the constant term is ε₁I (ε₂I), not I, unless ε₁ = ε₂ = 1.',
      assumptions: ['ρ(U) < 1, ρ(V) < 1', 'ε₁, ε₂ > 0 (general noise levels, as in Eq. 9)'],
      source: 'Eq. 49 (as printed)',
      claims: ['eq-49.lyapunov'],
      model: 'paper',
      witnesses: [
        { type: 'algebraic', variables: vars(), identity: { points: 3 }, degree: 2 * K + 2, lhs: (F, v) => lyapunovLhs(F, v, 'printed', K), rhs: (F, v) => seriesRhs(F, v, K) },
        numericWitness('printed'),
      ],
    },
    {
      from: 'Ψ, Σ of Eq. 9',
      to: 'corrected Eq. 49: UᵀΨU + ε₁I = Ψ, VᵀΣV + ε₂I = Σ',
      toTex: 'U^T\\Psi U + \\varepsilon_1 I = \\Psi,\\qquad V^T\\Sigma V + \\varepsilon_2 I = \\Sigma',
      justification: 'Shift the summation index: UᵀΨ_K U + ε₁I = Ψ_{K+1}; let K → ∞ (ρ(U) < 1).',
      assumptions: ['ρ(U) < 1, ρ(V) < 1'],
      source: 'Eq. 49 (corrected)',
      claims: [],
      supports: ['eq-49.lyapunov'],
      model: 'paper',
      witnesses: [
        { type: 'algebraic', variables: vars(), identity: { points: 3 }, degree: 2 * K + 2, lhs: (F, v) => lyapunovLhs(F, v, 'corrected', K), rhs: (F, v) => seriesRhs(F, v, K) },
        numericWitness('corrected'),
      ],
    },
    {
      from: 'Ψ, Σ of Eq. 9 with ε₁ = ε₂ = 1',
      to: 'Eq. 49 as printed',
      justification: 'The printed form is the corrected one at unit noise levels (ε₁ = ε₂ = 1).',
      assumptions: ['ε₁ = ε₂ = 1'],
      source: 'Eq. 49 (special case)',
      claims: [],
      supports: ['eq-49.lyapunov'],
      model: 'paper',
      witnesses: [{ type: 'algebraic', variables: vars([1, 1], [1, 1]), identity: { points: 3 }, degree: 2 * K + 2, lhs: (F, v) => lyapunovLhs(F, v, 'printed', K), rhs: (F, v) => seriesRhs(F, v, K) }],
    },
  ],
};

export default eq49;
