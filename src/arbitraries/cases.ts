/**
 * Whole cases of Eq. 5 — (U, V, W, ε₁, ε₂) of one size N — for the property claims. One recipe per
 * case, sized for maxN; N shrinks toward 1 keeping the other numbers, so a counterexample shrinks
 * to the smallest N and the simplest matrices that still show it.
 */
import fc from 'fast-check';
import { Matrix } from 'ml-matrix';
import type { MatrixCase } from '../models/case.ts';
import { buildInput, inputRecipeArbitrary, noiseArbitrary, type GeneratedInput, type InputFamily, type InputRecipe } from './inputs.ts';
import { buildMatrix, matrixRecipeArbitrary, type GeneratedMatrix, type MatrixFamily, type MatrixRecipe, type RadiusBand } from './matrices.ts';

export interface GeneratedCase {
  N: number;
  U: GeneratedMatrix;
  V: GeneratedMatrix;
  W: GeneratedInput;
  e1: number;
  e2: number;
}

export interface CaseArbitraryOptions {
  /** Largest N. Default 5 (the exact model then works in N² = 25 dimensions: milliseconds). */
  maxN?: number;
  uFamilies: readonly MatrixFamily[];
  vFamilies: readonly MatrixFamily[];
  /** Bands for ρ(U) and ρ(V), simplest first (shrinking goes toward the first). */
  uBands: readonly RadiusBand[];
  vBands: readonly RadiusBand[];
  wFamilies?: readonly InputFamily[];
  /** Draw ε₁, ε₂ (default true); false: ε₁ = ε₂ = 1. */
  noise?: boolean;
  /** Shift-chain family: largest chain weight (default 1); large weights make strongly non-normal U, V. */
  maxChainWeight?: number;
  /** Schur family: largest departure from normality (default 2). */
  maxDeparture?: number;
}

interface CaseRecipe {
  N: number;
  u: MatrixRecipe;
  v: MatrixRecipe;
  w: InputRecipe;
  noise: { e1: number; e2: number };
}

export function caseArbitrary(opts: CaseArbitraryOptions): fc.Arbitrary<GeneratedCase> {
  const maxN = opts.maxN ?? 5;
  const recipe: fc.Arbitrary<CaseRecipe> = fc.record({
    N: fc.integer({ min: 1, max: maxN }),
    u: matrixRecipeArbitrary({ maxN, families: opts.uFamilies, bands: opts.uBands }),
    v: matrixRecipeArbitrary({ maxN, families: opts.vFamilies, bands: opts.vBands }),
    w: inputRecipeArbitrary(maxN, opts.wFamilies),
    noise: opts.noise === false ? fc.constant({ e1: 1, e2: 1 }) : noiseArbitrary(),
  });
  return recipe.map((r) => ({
    N: r.N,
    U: buildMatrix(r.u, r.N, { maxN, bands: opts.uBands, maxChainWeight: opts.maxChainWeight, maxDeparture: opts.maxDeparture }),
    V: buildMatrix(r.v, r.N, { maxN, bands: opts.vBands, maxChainWeight: opts.maxChainWeight, maxDeparture: opts.maxDeparture }),
    W: buildInput(r.w, r.N),
    e1: r.noise.e1,
    e2: r.noise.e2,
  }));
}

/** The case as the models take it. */
export function toMatrixCase(g: GeneratedCase): MatrixCase {
  return { U: new Matrix(g.U.rows), V: new Matrix(g.V.rows), W: new Matrix(g.W.rows), e1: g.e1, e2: g.e2 };
}

/** The case as a case file (`matmem fmc --case`), with the families that generated it. */
export function caseJson(g: GeneratedCase): Record<string, unknown> {
  return {
    N: g.N,
    U: g.U.rows,
    V: g.V.rows,
    W: g.W.rows,
    e1: g.e1,
    e2: g.e2,
    families: { U: `${g.U.family} (${g.U.band})`, V: `${g.V.family} (${g.V.band})`, W: g.W.family },
    spectralRadiusByConstruction: { U: g.U.spectralRadius, V: g.V.spectralRadius },
  };
}
