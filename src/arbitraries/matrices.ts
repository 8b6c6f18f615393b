/**
 * fast-check arbitraries for the connectivity matrices U, V of Eq. 5.
 *
 * Every arbitrary draws a *recipe* (a few numbers) and builds the matrix from it, so fast-check
 * shrinks the recipe, never the entries: a shrunk normal matrix is still normal, a shrunk Schur-form
 * matrix keeps its spectrum in the requested band. Shrinking moves every number toward 0, which means
 *   - size N toward 1 (the recipe's arrays are sized for maxN; an N×N matrix uses their prefixes,
 *     so shrinking N keeps the other numbers),
 *   - rotation angles toward 0 (the eigenbasis toward the standard basis: diagonal matrices),
 *   - rotation phases toward 0 (complex pairs toward real double eigenvalues),
 *   - eigenvalue moduli toward the band's lower end, signs toward +, the non-normal part toward 0,
 *   - the band toward the first one listed (list the simplest band first).
 *
 * Families (each builds A with a spectral radius ρ(A) known exactly by construction):
 *   normal-real        A = Q diag(λ) Qᵀ, λ real, Q orthogonal (Givens product);
 *   normal-complex     A = Q · blockdiag(r_k R(θ_k), [λ]) · Qᵀ, R(θ) a 2×2 rotation: real normal
 *                      with eigenvalues r_k e^{±iθ_k} (and one real eigenvalue when N is odd);
 *   orthogonal-scalar  A = ±ρ Q: all eigenvalues on the circle |λ| = ρ;
 *   schur              A = Q (diag(λ) + δ S) Qᵀ, S strictly upper triangular with entries in (−1, 1),
 *                      δ ∈ [0, maxDeparture]: non-normal with controlled departure ‖δS‖_F;
 *   gaussian           dense matrix with standard normal entries scaled to spectral radius ρ
 *                      (a nilpotent or zero draw, possible after shrinking, becomes ρ I);
 *   shift-chain        A = ±ρ I + Σ_i w_i e_{i+1} e_iᵀ, w_i ∈ (0, maxChainWeight]: a delay line,
 *                      the extreme non-normal case (one Jordan block; ρ(A) = ρ exactly, but computed
 *                      eigenvalues of a Jordan block are only accurate to ~(‖A‖ u)^{1/N}).
 */
import fc from 'fast-check';
import { Matrix } from 'ml-matrix';
import { normalityDefect } from '../linalg/eigen.ts';
import { spectralRadius } from '../linalg/eigen.ts';
import { angleCount, conjugate, gridNumber, gaussianFromUniform, orthogonalFromAngles, toRows } from './building-blocks.ts';

export type MatrixFamily = 'normal-real' | 'normal-complex' | 'orthogonal-scalar' | 'schur' | 'gaussian' | 'shift-chain';

export const NORMAL_FAMILIES: readonly MatrixFamily[] = ['normal-real', 'normal-complex', 'orthogonal-scalar'];
export const NON_NORMAL_FAMILIES: readonly MatrixFamily[] = ['schur', 'gaussian', 'shift-chain'];
export const ALL_FAMILIES: readonly MatrixFamily[] = [...NORMAL_FAMILIES, ...NON_NORMAL_FAMILIES];

/** A range for the spectral radius ρ(A) (all eigenvalue moduli lie in [min, ρ]). */
export interface RadiusBand {
  min: number;
  max: number;
  label: string;
  /** 'log': ρ = min·(max/min)^position, every decade of the band drawn alike (default: linear in the position). */
  scale?: 'log';
}

/** Convergent, including exactly zero eigenvalues (U = 0 is normal and convergent). */
export const TYPICAL_BAND: RadiusBand = { min: 0, max: 0.95, label: 'typical [0, 0.95]' };
/** Convergent with every eigenvalue modulus in (0, 1): the hypothesis 0 < |λ| < 1 of Remark 3. */
export const NONZERO_BAND: RadiusBand = { min: 1e-3, max: 0.95, label: 'nonzero [1e-3, 0.95]' };
/** Near-marginal: ρ close to 1, where the sums of Eq. 9 converge slowly and numerics are hardest. */
export const NEAR_MARGINAL_BAND: RadiusBand = { min: 0.99, max: 0.999, label: 'near-marginal [0.99, 0.999]' };
/** Small radius (to pair with a divergent partner so that ρ(U)ρ(V) < 1 still holds). */
export const SMALL_BAND: RadiusBand = { min: 0, max: 0.5, label: 'small [0, 0.5]' };
/**
 * Near zero, log-uniform: ρ ∈ [1e-7, 1e-2], every decade alike. Where the weights g of Eq. 18 come
 * within ρ(U)² + ρ(V)² of 1, so J_tot,rel of the paper model comes within 1e-14..1e-4 of Corollary 2.1's
 * bound 1: the linear bands reach that only by the grid's few smallest steps.
 */
export const NEAR_ZERO_BAND: RadiusBand = { min: 1e-7, max: 1e-2, label: 'near zero [1e-7, 1e-2], log-uniform', scale: 'log' };
/** Not convergent: ρ ∈ [1, 1.6] (the paper model is undefined; the exact one needs ρ(U)ρ(V) < 1). */
export const DIVERGENT_BAND: RadiusBand = { min: 1, max: 1.6, label: 'divergent [1, 1.6]' };

/** The numbers a matrix is built from (arrays sized for maxN; an N×N matrix uses prefixes). */
export interface MatrixRecipe {
  family: MatrixFamily;
  /** Index into the band list. */
  band: number;
  /** Position of ρ in the band, in [0, 1]. */
  radius: number;
  /** Positions of the other eigenvalue moduli in [band.min, ρ], in [0, 1]. */
  moduli: number[];
  /** Sign of each real eigenvalue (true = negative). */
  signs: boolean[];
  /** Rotation phase θ ∈ [0, π] of each complex pair. */
  phases: number[];
  /** Givens angles of the orthogonal factor. */
  angles: number[];
  /** Uniform draws in (−1, 1): strictly upper entries (schur), Gaussian entries (gaussian), chain weights. */
  entries: number[];
  /** Departure from normality in [0, 1] (schur: δ / maxDeparture). */
  departure: number;
}

export interface MatrixArbitraryOptions {
  /** Largest N (the recipe arrays are sized for it). Default 5. */
  maxN?: number;
  families?: readonly MatrixFamily[];
  bands?: readonly RadiusBand[];
  /** Schur family: largest δ (‖δS‖_F ≤ δ·√(N(N−1)/2)). Default 2. */
  maxDeparture?: number;
  /** Shift-chain family: largest chain weight. Default 1. */
  maxChainWeight?: number;
}

/** A generated matrix, with what its construction guarantees. */
export interface GeneratedMatrix {
  family: MatrixFamily;
  band: string;
  rows: number[][];
  /** ρ(A) by construction (exact arithmetic, not a computed eigenvalue). */
  spectralRadius: number;
  /**
   * For the normal families: A = Q D Qᵀ with D block diagonal (blockSizes), every eigenvalue of block b
   * of modulus blockModuli[b]. Lets tests compute Eq. 18 without an eigensolver.
   */
  normalStructure?: { Q: number[][]; blockSizes: number[]; blockModuli: number[] };
  /** ‖AAᵀ − AᵀA‖_F/‖A‖_F², measured (≈ 1e-16 for the normal families). */
  normalityDefect: number;
}

const unit = () => gridNumber(0, 1);
const symmetric = () => gridNumber(-1, 1);

/**
 * ρ's position in its band: exactly the band minimum with weight 1/3 (for TYPICAL_BAND that is the
 * zero matrix, a legitimate normal convergent case that the claims' hypotheses admit and that sits
 * on the boundary of several of them), otherwise on a grid in [0, 1] (edge-biased by fast-check).
 */
const radiusPosition = () => fc.oneof({ weight: 1, arbitrary: fc.constant(0) }, { weight: 2, arbitrary: unit() });

function recipeArbitrary(family: MatrixFamily, maxN: number, bandCount: number): fc.Arbitrary<MatrixRecipe> {
  const none = fc.constant([] as number[]);
  const noSigns = fc.constant([] as boolean[]);
  const needs = {
    signs: family === 'normal-real' || family === 'normal-complex' || family === 'orthogonal-scalar' || family === 'schur' || family === 'shift-chain',
    moduli: family === 'normal-real' || family === 'normal-complex' || family === 'schur',
    phases: family === 'normal-complex',
    angles: family !== 'gaussian' && family !== 'shift-chain',
    entries: family === 'schur' || family === 'gaussian' || family === 'shift-chain',
    departure: family === 'schur',
  };
  const fixed = <T>(a: fc.Arbitrary<T>, n: number) => fc.array(a, { minLength: n, maxLength: n });
  return fc.record({
    family: fc.constant(family),
    band: fc.integer({ min: 0, max: Math.max(0, bandCount - 1) }),
    radius: radiusPosition(),
    moduli: needs.moduli ? fixed(unit(), maxN) : none,
    signs: needs.signs ? fixed(fc.boolean(), maxN) : noSigns,
    phases: needs.phases ? fixed(gridNumber(0, Math.PI), Math.ceil(maxN / 2)) : none,
    angles: needs.angles ? fixed(gridNumber(-Math.PI, Math.PI), angleCount(maxN)) : none,
    entries: needs.entries ? fixed(symmetric(), maxN * maxN) : none,
    departure: needs.departure ? unit() : fc.constant(0),
  });
}

/** Recipes for the given families; shrinks toward the first family listed. */
export function matrixRecipeArbitrary(opts: MatrixArbitraryOptions = {}): fc.Arbitrary<MatrixRecipe> {
  const maxN = opts.maxN ?? 5;
  const families = opts.families ?? ALL_FAMILIES;
  const bands = opts.bands ?? [TYPICAL_BAND];
  return fc.oneof({ withCrossShrink: true }, ...families.map((f) => recipeArbitrary(f, maxN, bands.length)));
}

/** Builds the N×N matrix of a recipe (pure: the same recipe always gives the same matrix). */
export function buildMatrix(recipe: MatrixRecipe, N: number, opts: MatrixArbitraryOptions = {}): GeneratedMatrix {
  const bands = opts.bands ?? [TYPICAL_BAND];
  const band = bands[Math.min(recipe.band, bands.length - 1)];
  const rho = band.scale === 'log' ? band.min * (band.max / band.min) ** recipe.radius : band.min + recipe.radius * (band.max - band.min);
  const modulus = (i: number) => (i === 0 ? rho : band.min + (recipe.moduli[i] ?? 0) * (rho - band.min));
  const sign = (i: number) => (recipe.signs[i] ? -1 : 1);
  const q = () => orthogonalFromAngles(N, recipe.angles);
  let a: Matrix;
  let normalStructure: GeneratedMatrix['normalStructure'];
  switch (recipe.family) {
    case 'normal-real': {
      const lambda = Array.from({ length: N }, (_, i) => sign(i) * modulus(i));
      const Q = q();
      a = conjugate(Q, Matrix.diag(lambda));
      normalStructure = { Q: toRows(Q), blockSizes: lambda.map(() => 1), blockModuli: lambda.map(Math.abs) };
      break;
    }
    case 'normal-complex': {
      const d = Matrix.zeros(N, N);
      const sizes: number[] = [];
      const moduli: number[] = [];
      let i = 0;
      let k = 0;
      for (; i + 1 < N; i += 2, k++) {
        const r = modulus(i);
        const t = recipe.phases[k] ?? 0;
        d.set(i, i, r * Math.cos(t));
        d.set(i, i + 1, -r * Math.sin(t));
        d.set(i + 1, i, r * Math.sin(t));
        d.set(i + 1, i + 1, r * Math.cos(t));
        sizes.push(2);
        moduli.push(r);
      }
      if (i < N) {
        d.set(i, i, sign(i) * modulus(i));
        sizes.push(1);
        moduli.push(modulus(i));
      }
      const Q = q();
      a = conjugate(Q, d);
      normalStructure = { Q: toRows(Q), blockSizes: sizes, blockModuli: moduli };
      break;
    }
    case 'orthogonal-scalar': {
      a = q().mul(sign(0) * rho);
      normalStructure = { Q: toRows(Matrix.eye(N, N)), blockSizes: [N], blockModuli: [rho] };
      break;
    }
    case 'schur': {
      const t = Matrix.diag(Array.from({ length: N }, (_, i) => sign(i) * modulus(i)));
      const delta = recipe.departure * (opts.maxDeparture ?? 2);
      for (let i = 0; i < N; i++) for (let j = i + 1; j < N; j++) t.set(i, j, delta * (recipe.entries[i * N + j] ?? 0));
      a = conjugate(q(), t);
      break;
    }
    case 'gaussian': {
      const g = new Matrix(N, N);
      for (let i = 0; i < N; i++) for (let j = 0; j < N; j++) g.set(i, j, gaussianFromUniform(recipe.entries[i * N + j] ?? 0));
      const r = spectralRadius(g);
      const f = g.norm('frobenius');
      a = f > 0 && r > 1e-6 * f ? g.mul(rho / r) : Matrix.eye(N, N).mul(rho);
      break;
    }
    case 'shift-chain': {
      const w = opts.maxChainWeight ?? 1;
      a = Matrix.eye(N, N).mul(sign(0) * rho);
      // weight w (1 − |t|): shrinking t to 0 gives the plain delay line with all weights w
      for (let i = 0; i + 1 < N; i++) a.set(i + 1, i, w * (1 - Math.abs(recipe.entries[i] ?? 0)) || w * Number.EPSILON);
      break;
    }
  }
  return {
    family: recipe.family,
    band: band.label,
    rows: toRows(a),
    spectralRadius: rho,
    ...(normalStructure ? { normalStructure } : {}),
    normalityDefect: normalityDefect(a),
  };
}

/** N×N matrices (N fixed) of the given families and bands. */
export function matrixArbitrary(N: number, opts: MatrixArbitraryOptions = {}): fc.Arbitrary<GeneratedMatrix> {
  const o = { ...opts, maxN: Math.max(N, opts.maxN ?? N) };
  return matrixRecipeArbitrary(o).map((r) => buildMatrix(r, N, o));
}

/** Matrices of size 1..maxN (shrinking toward N = 1). */
export function sizedMatrixArbitrary(opts: MatrixArbitraryOptions = {}): fc.Arbitrary<GeneratedMatrix> {
  const maxN = opts.maxN ?? 5;
  return fc
    .record({ N: fc.integer({ min: 1, max: maxN }), recipe: matrixRecipeArbitrary({ ...opts, maxN }) })
    .map(({ N, recipe }) => buildMatrix(recipe, N, { ...opts, maxN }));
}

/** Normal matrices (real spectrum, complex spectrum, orthogonal × scalar). */
export function normalMatrixArbitrary(opts: Omit<MatrixArbitraryOptions, 'families'> & { families?: readonly MatrixFamily[] } = {}): fc.Arbitrary<GeneratedMatrix> {
  return sizedMatrixArbitrary({ ...opts, families: opts.families ?? NORMAL_FAMILIES });
}

/** Non-normal matrices (Schur form, dense Gaussian, shift-register chain). */
export function nonNormalMatrixArbitrary(opts: Omit<MatrixArbitraryOptions, 'families'> & { families?: readonly MatrixFamily[] } = {}): fc.Arbitrary<GeneratedMatrix> {
  return sizedMatrixArbitrary({ ...opts, families: opts.families ?? NON_NORMAL_FAMILIES });
}

/** Convergent matrices with ρ in [min, max] ⊂ [0, 1), of any family listed. */
export function convergentMatrixArbitrary(radius: { min: number; max: number }, opts: MatrixArbitraryOptions = {}): fc.Arbitrary<GeneratedMatrix> {
  if (!(radius.min >= 0 && radius.max < 1 && radius.min <= radius.max)) throw new RangeError(`convergent band must satisfy 0 ≤ min ≤ max < 1, got [${radius.min}, ${radius.max}]`);
  return sizedMatrixArbitrary({ ...opts, bands: [{ ...radius, label: `[${radius.min}, ${radius.max}]` }] });
}
