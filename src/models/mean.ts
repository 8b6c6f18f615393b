/**
 * The conditional mean of the state, common to both models: M(s) = Σ_k U^{kᵀ} W s_k V^k (Eq. 9,
 * from the solution Eq. 10), so ∂M/∂s_k = U^{kᵀ} W V^k, whose vec is 𝒜^k vec W with 𝒜 = Vᵀ ⊗ Uᵀ.
 */
import { Matrix } from 'ml-matrix';
import { vec } from '../linalg/dense.ts';
import { solveKroneckerStein, type SteinSolution } from '../linalg/stein.ts';
import type { MatrixCase } from './case.ts';

/** ∂M/∂s_k = U^{kᵀ} W V^k for k = 0..K−1, computed by the recursion M_{k+1} = Uᵀ M_k V. */
export function meanResponses(c: MatrixCase, count: number): Matrix[] {
  const out: Matrix[] = [];
  let m = c.W.clone();
  const ut = c.U.transpose();
  for (let k = 0; k < count; k++) {
    out.push(m);
    m = ut.mmul(m).mmul(c.V);
  }
  return out;
}

/** ∂M/∂s_k for a single k. */
export function meanResponse(c: MatrixCase, k: number): Matrix {
  return meanResponses(c, k + 1)[k];
}

/**
 * G = Σ_{k≥0} vec(∂M/∂s_k) vec(∂M/∂s_k)ᵀ (n×n, n = N², row-major): the Gram matrix of all mean
 * responses, the solution of G = 𝒜 G 𝒜ᵀ + vec W vec Wᵀ. Tr(K G) sums m_kᵀ K m_k over all k,
 * which is how both models' J_tot is computed without truncating the series.
 */
export function meanResponseGram(c: MatrixCase): SteinSolution<Float64Array> {
  const w = vec(c.W);
  const n = w.length;
  const q = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) q[i * n + j] = w[i] * w[j];
  return solveKroneckerStein(c.U, c.V, q);
}
