/**
 * Cases near Theorem 3's bound J_tot,rel ≤ N², which the general families do not reach for N ≥ 2
 * (their J_rel stays below about 2N − 1). J_rel is a quadratic form in vec W,
 *   J_rel(W) = vec(W)ᵀ H vec(W) / ‖W‖_F²,   H = Σ_k 𝒜^{kᵀ} P 𝒜^k,  𝒜 = Vᵀ ⊗ Uᵀ (column-stacking vec),
 * with P = K⁻¹, K = Σ_k 𝒜^k 𝒜^{kᵀ} in the exact model (C = ε₁ε₂ K) and P = Σ⁻¹ ⊗ Ψ⁻¹ (Eq. 9 at
 * ε₁ = ε₂ = 1) in the paper's; the ε's scale P and J_rel alike, so the best W for given U, V is the
 * top eigenvector of H and its J_rel is λmax(H). (In the exact model Tr H = Tr(K⁻¹ K) = N², so
 * J_rel ≤ N² with equality only for H of rank one.) Two families of U, V push λmax(H) up:
 *
 *   exact side (N = 2): U = Q [[a, δ_U t_U], [0, a(1 − s_U)]] Qᵀ with a = ρ(U) ∈ [1, 6], a nearly
 *     double eigenvalue; V = Q' [[b, δ_V b t_V], [0, −b(1 − s_V)]] Q'ᵀ with eigenvalues of both
 *     signs and b = r/a, ρ(U)ρ(V) = r ∈ [0.9, 0.995]; departures δ up to 30. About one draw in
 *     six gives J_rel/N² ≥ 0.99 (and most ≥ 0.9) with κ(C) below 1e8, inside what float64 resolves.
 *   paper side (N = 2, 3): amplifying delay lines U = ρI + Σ w_i e_{i+1}e_iᵀ, ρ ∈ [0, 0.1], weights
 *     up to 30 (N = 2) or 7.5 (N = 3): the paper's J_rel tends to N as the weights grow, its largest
 *     value (Σ_i λmax(ε₂V^iΣ⁻¹V^{iᵀ}) λmax(ε₁U^{iᵀ}Ψ⁻¹U^i) ≤ N·1, since Σ_i Tr(ε₂V^iΣ⁻¹V^{iᵀ}) = N).
 * W is then the best direction of the model named, at ‖W‖_F = 1.
 */
import fc from 'fast-check';
import { EigenvalueDecomposition, inverse, Matrix } from 'ml-matrix';
import { normalityDefect } from '../linalg/eigen.ts';
import { conjugate, gridNumber, orthogonalFromAngles, toRows } from './building-blocks.ts';
import type { GeneratedCase } from './cases.ts';
import { noiseArbitrary, type GeneratedInput } from './inputs.ts';
import type { GeneratedMatrix, MatrixFamily } from './matrices.ts';

/** X = Σ_k Bᵏ Q (Bᵏ)ᵀ by doubling (B convergent, small): until the powers no longer change X in float64. */
function steinSum(b: Matrix, q: Matrix): Matrix {
  let x = q.clone();
  let p = b.clone();
  for (let it = 0; it < 64; it++) {
    const add = p.mmul(x).mmul(p.transpose());
    x = Matrix.add(x, add);
    if (add.norm('frobenius') <= 1e-17 * x.norm('frobenius')) break;
    p = p.mmul(p);
  }
  return x;
}

function kron(a: Matrix, b: Matrix): Matrix {
  const out = new Matrix(a.rows * b.rows, a.columns * b.columns);
  for (let i = 0; i < a.rows; i++) for (let j = 0; j < a.columns; j++) for (let k = 0; k < b.rows; k++) for (let l = 0; l < b.columns; l++) out.set(i * b.rows + k, j * b.columns + l, a.get(i, j) * b.get(k, l));
  return out;
}

function symmetrize(m: Matrix): Matrix {
  return Matrix.add(m, m.transpose()).mul(0.5);
}

/** The W of unit norm with the largest J_rel for U, V in one model, and that J_rel (λmax of H, see above). */
export function bestInputDirection(U: Matrix, V: Matrix, model: 'paper' | 'exact'): { W: number[][]; jrel: number } {
  const N = U.rows;
  const n = N * N;
  const a = kron(V.transpose(), U.transpose());
  let p: Matrix;
  if (model === 'exact') p = inverse(symmetrize(steinSum(a, Matrix.eye(n, n))));
  else {
    const psi = symmetrize(steinSum(U.transpose(), Matrix.eye(N, N)));
    const sigma = symmetrize(steinSum(V.transpose(), Matrix.eye(N, N)));
    p = kron(inverse(sigma), inverse(psi));
  }
  // H = Σ_k (𝒜ᵀ)^k P 𝒜^k
  const h = symmetrize(steinSum(a.transpose(), symmetrize(p)));
  const e = new EigenvalueDecomposition(h, { assumeSymmetric: true });
  const top = e.realEigenvalues.length - 1;
  const v = e.eigenvectorMatrix.getColumn(top);
  const norm = Math.hypot(...v);
  const W = Array.from({ length: N }, (_, r) => Array.from({ length: N }, (_, c) => v[r + N * c] / norm));
  return { W, jrel: e.realEigenvalues[top] };
}

function generated(family: MatrixFamily, band: string, m: Matrix, rho: number): GeneratedMatrix {
  return { family, band, rows: toRows(m), spectralRadius: rho, normalityDefect: normalityDefect(m) };
}

function bestInput(U: Matrix, V: Matrix, model: 'paper' | 'exact'): GeneratedInput {
  const best = bestInputDirection(U, V, model);
  return { family: 'best-direction', rows: best.W, rank: U.rows, frobeniusNorm: 1, bestOf: { model, jrel: best.jrel } };
}

const EXACT_BAND = 'near-bound, exact side: ρ(U)ρ(V) ∈ [0.9, 0.995]';
const PAPER_BAND = 'near-bound, paper side: delay line, ρ ∈ [0, 0.1]';

/** Exact side (N = 2): a nearly double eigenvalue a in U, eigenvalues ±b in V, large departures, the best W of the exact model. */
export const exactNearBoundCases = (): fc.Arbitrary<GeneratedCase> =>
  // without fast-check's bias toward the ends of each range (a = 1, no departure), which this family is not about
  fc
    .noBias(fc.record({
      a: gridNumber(1, 6),
      r: gridNumber(0.9, 0.995),
      spread: fc.tuple(gridNumber(0, 0.05), gridNumber(0, 0.05)),
      departure: fc.tuple(gridNumber(0, 30), gridNumber(0, 30)),
      tilt: fc.tuple(gridNumber(-1, 1), gridNumber(-1, 1)),
      angles: fc.tuple(gridNumber(-Math.PI, Math.PI), gridNumber(-Math.PI, Math.PI)),
      noise: noiseArbitrary(),
    }))
    .map(({ a, r, spread, departure, tilt, angles, noise }) => {
      const b = r / a;
      const u = conjugate(orthogonalFromAngles(2, [angles[0]]), new Matrix([[a, departure[0] * tilt[0]], [0, a * (1 - spread[0])]]));
      const v = conjugate(orthogonalFromAngles(2, [angles[1]]), new Matrix([[b, departure[1] * b * tilt[1]], [0, -b * (1 - spread[1])]]));
      return { N: 2, U: generated('schur', EXACT_BAND, u, a), V: generated('schur', EXACT_BAND, v, b), W: bestInput(u, v, 'exact'), e1: noise.e1, e2: noise.e2 };
    });

/** Paper side (N = 2, 3): amplifying delay lines with small ρ, the best W of the paper model. */
export const paperNearBoundCases = (): fc.Arbitrary<GeneratedCase> =>
  fc
    .record({
      N: fc.integer({ min: 2, max: 3 }),
      rho: fc.tuple(gridNumber(0, 0.1), gridNumber(0, 0.1)),
      weights: fc.tuple(fc.array(gridNumber(0, 1), { minLength: 2, maxLength: 2 }), fc.array(gridNumber(0, 1), { minLength: 2, maxLength: 2 })),
      angles: fc.tuple(fc.array(gridNumber(-Math.PI, Math.PI), { minLength: 3, maxLength: 3 }), fc.array(gridNumber(-Math.PI, Math.PI), { minLength: 3, maxLength: 3 })),
      noise: noiseArbitrary(),
    })
    .map(({ N, rho, weights, angles, noise }) => {
      // weight 1 + (w_max − 1)·t: shrinking t to 0 leaves the plain delay line
      const wMax = N === 2 ? 30 : 7.5;
      const line = (k: 0 | 1) => {
        const m = Matrix.eye(N, N).mul(rho[k]);
        for (let i = 0; i + 1 < N; i++) m.set(i + 1, i, 1 + (wMax - 1) * weights[k][i]);
        return conjugate(orthogonalFromAngles(N, angles[k]), m);
      };
      const u = line(0);
      const v = line(1);
      return { N, U: generated('shift-chain', PAPER_BAND, u, rho[0]), V: generated('shift-chain', PAPER_BAND, v, rho[1]), W: bestInput(u, v, 'paper'), e1: noise.e1, e2: noise.e2 };
    });

/** Both sides, the exact one first. */
export const nearBoundCases = (): fc.Arbitrary<GeneratedCase> => fc.oneof(exactNearBoundCases(), paperNearBoundCases());
