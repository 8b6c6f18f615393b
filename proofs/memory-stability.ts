/**
 * Stability of the memory system the paper analyses (Eq. 34 with p = 1, α₁ = 1):
 * X(n) = (Vᵀ⊗Uᵀ) X(n−1) + α₁ X(n−2) + …, stacked as F = [[A, α₁I], [I, 0]] with A = Vᵀ⊗Uᵀ.
 * On an eigenvector of A with eigenvalue λ, F acts as the companion matrix C_λ = [[λ, α₁], [1, 0]],
 * whose eigenvalues are the roots of μ² − λμ − α₁ (step 1). If μ is one root, the other is −α₁/μ
 * (step 2, Vieta), so |μ₁μ₂| = α₁ = 1 and max |μ| ≥ 1 for every λ: ρ(F) ≥ 1, there is no stationary
 * law (step 3, the claim as the paper needs it, checked in float64 on convergent U, V).
 */
import type { Field } from '../src/symbolic/field.ts';
import { det, type Mat } from '../src/symbolic/matrix.ts';
import type { Derivation, Env, VarSpec } from '../src/proof/types.ts';
import { generalCase, describeCase } from '../src/cases/witness-cases.ts';
import { memoryStability } from '../src/models/memory/stability.ts';
import { EPS } from '../src/cases/witness-cases.ts';
import type { MatrixCase } from '../src/models/case.ts';

const scalar = (name: string, domain: 'any' | 'positive' = 'any'): VarSpec => ({ name, kind: 'scalar', domain });

/** μI − C_λ for the companion matrix C_λ = [[λ, α], [1, 0]]. */
function shiftedCompanion<T>(F: Field<T>, v: Env<T>): Mat<T> {
  const [mu, lambda, alpha] = [v.s('mu'), v.s('lambda'), v.s('alpha')];
  return [
    [F.sub(mu, lambda), F.neg(alpha)],
    [F.neg(F.one()), mu],
  ];
}

/** p(x) = x² − λx − α. */
function charPoly<T>(F: Field<T>, x: T, lambda: T, alpha: T): T {
  return F.sub(F.sub(F.mul(x, x), F.mul(lambda, x)), alpha);
}

export const memoryStabilityDerivation: Derivation = {
  id: 'memory-stability',
  order: 90,
  title: 'Stability of Eq. 34 with one slot and α₁ = 1: the per-mode companion matrices',
  source: 'Section 3.2, Eqs. 34–35 (the stacked system); Theorem 4 assumes a stationary law',
  notes: ['Steps 1–2 are exact algebra in λ, α, μ (symbolic and exact-identity witnesses); step 3 evaluates ρ(F) of the stacked system in float64.'],
  steps: [
    {
      from: 'F = [[Vᵀ⊗Uᵀ, α₁I], [I, 0]] on an eigenvector of Vᵀ⊗Uᵀ with eigenvalue λ',
      to: 'det(μI − C_λ) = μ² − λμ − α₁',
      toTex: '\\det\\begin{pmatrix}\\mu-\\lambda & -\\alpha_1\\\\ -1 & \\mu\\end{pmatrix} = \\mu^2 - \\lambda\\mu - \\alpha_1',
      justification: 'the characteristic polynomial of the 2×2 companion matrix C_λ = [[λ, α₁], [1, 0]]',
      assumptions: ['A = Vᵀ⊗Uᵀ diagonalizable (generic); each mode evolves on its own'],
      source: 'Eq. 34 with p = 1',
      claims: [],
      supports: ['memory.stability'],
      model: 'exact',
      witnesses: [
        {
          type: 'algebraic',
          variables: [scalar('mu'), scalar('lambda'), scalar('alpha', 'positive')],
          lhs: <T,>(F: Field<T>, v: Env<T>) => det(F, shiftedCompanion(F, v)),
          rhs: <T,>(F: Field<T>, v: Env<T>) => charPoly(F, v.s('mu'), v.s('lambda'), v.s('alpha')),
          degree: 2,
        },
      ],
    },
    {
      from: 'μ a root of μ² − λμ − α₁ (μ ≠ 0)',
      to: 'ν = −α₁/μ is the other root: ν² − λν − α₁ = −(α₁/μ²)(μ² − λμ − α₁), so μ·ν = −α₁',
      toTex: '\\nu = -\\alpha_1/\\mu:\\quad \\nu^2 - \\lambda\\nu - \\alpha_1 = -\\tfrac{\\alpha_1}{\\mu^2}\\,(\\mu^2 - \\lambda\\mu - \\alpha_1)',
      justification: 'Vieta: the roots of μ² − λμ − α₁ multiply to −α₁; with α₁ = 1, |μ₁||μ₂| = 1, so max |μ| ≥ 1 for every λ',
      assumptions: ['α₁ > 0'],
      source: 'Eq. 34 with p = 1, α₁ = 1',
      claims: [],
      supports: ['memory.stability'],
      model: 'exact',
      witnesses: [
        {
          type: 'algebraic',
          variables: [scalar('mu'), scalar('lambda'), scalar('alpha', 'positive')],
          lhs: <T,>(F: Field<T>, v: Env<T>) => {
            const nu = F.neg(F.div(v.s('alpha'), v.s('mu')));
            return charPoly(F, nu, v.s('lambda'), v.s('alpha'));
          },
          rhs: <T,>(F: Field<T>, v: Env<T>) => {
            const mu = v.s('mu');
            return F.neg(F.mul(F.div(v.s('alpha'), F.mul(mu, mu)), charPoly(F, mu, v.s('lambda'), v.s('alpha'))));
          },
          degree: 5,
        },
      ],
    },
    {
      from: 'the per-mode roots (steps 1–2)',
      to: 'ρ(F) < 1 for convergent U, V (the stationary law Theorem 4 presumes)',
      toTex: '\\rho(U),\\rho(V) < 1 \\implies \\rho(F) < 1',
      justification: 'the claim itself: eigenvalues of the stacked system, in float64, on random convergent U, V',
      assumptions: ['p = 1, α₁ = 1 (Theorem 4)', 'ρ(U), ρ(V) < 1'],
      source: 'Theorem 4 (stationary FMC of Eq. 34)',
      claims: ['memory.stability'],
      model: 'exact',
      witnesses: [
        {
          type: 'numeric',
          inputs: 'random convergent 2×2 U, V (ρ ≤ 0.85), one slot, α₁ = 1',
          generate: (rng) => generalCase(rng, 2),
          evaluate: (c: MatrixCase) => {
            const s = memoryStability(c, [1]);
            // the eigenvalues of F come from a 2N²×2N² eigen-solver: accurate to ~1e3·ε relative;
            // "< 1" is confirmed only with that much room below 1
            const tolerance = 1e3 * EPS;
            return { relation: 'le', lhs: s.spectralRadius, rhs: 1 - 2 * tolerance, tolerance, toleranceReason: 'eigenvalues of the stacked system to ~1e3·ε; a stable system must have ρ(F) below 1 by more than that', values: { spectralRadius: s.spectralRadius } };
          },
          describe: describeCase,
        },
      ],
    },
  ],
};

export default memoryStabilityDerivation;
