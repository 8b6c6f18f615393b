/**
 * fast-check arbitraries for the input matrix W and the noise levels ε₁, ε₂ of Eq. 5.
 * As for U and V (matrices.ts), a recipe is drawn and the matrix built from it, so shrinking keeps
 * the family's defining property (orthogonal stays orthogonal, rank ≤ r stays so, the norm stays set).
 *
 *   dense          standard normal entries, scaled to Frobenius norm f ∈ [0.1, 10] (log-uniform, shrinks to 1);
 *   unitary        W orthogonal (WᵀW = I, ‖W‖_F² = N), from Givens angles (shrinks to I);
 *   rank-deficient W = G P_r, P_r keeping the first r < N columns (r = 1 when N = 1), scaled to norm f;
 *   fixed-norm     normal entries scaled to ‖W‖_F = 1 exactly (I(W) = 1/(ε₁ε₂));
 *   corner         W = f e_N e_Nᵀ: the input enters at the end of the state's last row and column, where
 *                  delay lines in U and V carry it through the longest chain (J_tot,rel up to ≈ 2N − 1).
 * A zero draw (possible after shrinking) becomes f e₁e₁ᵀ, so I(W) > 0 always and J_tot,rel is defined.
 */
import fc from 'fast-check';
import { Matrix } from 'ml-matrix';
import { angleCount, gaussianFromUniform, gridNumber, logUniform, orthogonalFromAngles, toRows } from './building-blocks.ts';

/** 'best-direction' is no recipe of this file: the input of largest J_rel for given U, V (near-bound.ts). */
export type InputFamily = 'dense' | 'unitary' | 'rank-deficient' | 'fixed-norm' | 'corner' | 'best-direction';
export const ALL_INPUT_FAMILIES: readonly InputFamily[] = ['dense', 'unitary', 'rank-deficient', 'fixed-norm'];

export interface InputRecipe {
  family: InputFamily;
  /** Uniform draws in (−1, 1) → standard normal entries. */
  entries: number[];
  angles: number[];
  /** Rank position in [0, 1] (rank-deficient). */
  rank: number;
  /** log₁₀ of the Frobenius norm in [−1, 1] (dense, rank-deficient). */
  logNorm: number;
}

export interface GeneratedInput {
  family: InputFamily;
  rows: number[][];
  /** Rank by construction (generic: the Gaussian draw has full rank r almost surely). */
  rank: number;
  frobeniusNorm: number;
  /** best-direction: the model whose J_rel it maximizes, and that largest J_rel (λmax of the quadratic form J_rel(W)). */
  bestOf?: { model: 'paper' | 'exact'; jrel: number };
}

export function inputRecipeArbitrary(maxN = 5, families: readonly InputFamily[] = ALL_INPUT_FAMILIES): fc.Arbitrary<InputRecipe> {
  const fixed = <T>(a: fc.Arbitrary<T>, n: number) => fc.array(a, { minLength: n, maxLength: n });
  const arb = (family: InputFamily): fc.Arbitrary<InputRecipe> =>
    fc.record({
      family: fc.constant(family),
      entries: family === 'unitary' ? fc.constant([] as number[]) : fixed(gridNumber(-1, 1), maxN * maxN),
      angles: family === 'unitary' ? fixed(gridNumber(-Math.PI, Math.PI), angleCount(maxN)) : fc.constant([] as number[]),
      rank: family === 'rank-deficient' ? gridNumber(0, 1) : fc.constant(0),
      logNorm: family === 'dense' || family === 'rank-deficient' || family === 'corner' ? gridNumber(-1, 1) : fc.constant(0),
    });
  return fc.oneof({ withCrossShrink: true }, ...families.map(arb));
}

export function buildInput(recipe: InputRecipe, N: number): GeneratedInput {
  if (recipe.family === 'unitary') {
    const q = orthogonalFromAngles(N, recipe.angles);
    return { family: 'unitary', rows: toRows(q), rank: N, frobeniusNorm: Math.sqrt(N) };
  }
  if (recipe.family === 'corner') {
    const f = logUniform(recipe.logNorm, 1);
    const w = Matrix.zeros(N, N);
    w.set(N - 1, N - 1, f);
    return { family: 'corner', rows: toRows(w), rank: 1, frobeniusNorm: f };
  }
  const g = new Matrix(N, N);
  for (let i = 0; i < N; i++) for (let j = 0; j < N; j++) g.set(i, j, gaussianFromUniform(recipe.entries[i * N + j] ?? 0));
  let rank = N;
  if (recipe.family === 'rank-deficient') {
    rank = N === 1 ? 1 : 1 + Math.min(N - 2, Math.floor(recipe.rank * (N - 1)));
    for (let j = rank; j < N; j++) for (let i = 0; i < N; i++) g.set(i, j, 0);
  }
  const f = recipe.family === 'fixed-norm' ? 1 : logUniform(recipe.logNorm, 1);
  const norm = g.norm('frobenius');
  let w: Matrix;
  if (norm > 0) w = g.mul(f / norm);
  else {
    w = Matrix.zeros(N, N);
    w.set(0, 0, f);
    rank = 1;
  }
  return { family: recipe.family, rows: toRows(w), rank, frobeniusNorm: f };
}

/** W of size N (fixed). */
export function inputArbitrary(N: number, families: readonly InputFamily[] = ALL_INPUT_FAMILIES): fc.Arbitrary<GeneratedInput> {
  return inputRecipeArbitrary(N, families).map((r) => buildInput(r, N));
}

/** Noise variances ε₁, ε₂ ∈ [0.1, 10], log-uniform, shrinking to 1. */
export function noiseArbitrary(): fc.Arbitrary<{ e1: number; e2: number }> {
  const t = gridNumber(-1, 1);
  return fc.record({ e1: t, e2: t }).map(({ e1, e2 }) => ({ e1: logUniform(e1, 1), e2: logUniform(e2, 1) }));
}
