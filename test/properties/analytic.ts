/**
 * Closed forms computed from how a case was built (no eigensolver, no Stein solver): the test-side
 * reference for the properties. For normal U = Q_U D_U Q_Uᵀ, V = Q_V D_V Q_Vᵀ with D block diagonal
 * and equal eigenvalue moduli within a block, Eq. 18 in the real block basis reads
 *   J_tot,paper = (1/ε₁ε₂) Σ_{blocks a of U, b of V} g(r_b^V, r_a^U) ‖(Q_Uᵀ W Q_V)[a, b]‖_F²,
 * because B = E_Uᴴ W E_V differs from Q_Uᵀ W Q_V by a unitary change inside each block pair, which
 * keeps the block's sum of |b_jk|², and g depends only on the moduli. For the exact model the
 * vectorized 𝒜 is normal, so (Ganguli et al.) J_tot,exact = ‖W‖_F²/(ε₁ε₂).
 */
import { Matrix } from 'ml-matrix';
import type { GeneratedCase } from '../../src/arbitraries/cases.ts';

export function weight(absV: number, absU: number): number {
  const a = absV * absV;
  const b = absU * absU;
  return ((1 - a) * (1 - b)) / (1 - a * b);
}

function blocks(sizes: number[]): number[][] {
  const out: number[][] = [];
  let start = 0;
  for (const s of sizes) {
    out.push(Array.from({ length: s }, (_, i) => start + i));
    start += s;
  }
  return out;
}

/** Eq. 18 from the construction; null when U or V is not from a normal family. */
export function analyticPaperJtot(g: GeneratedCase): number | null {
  const su = g.U.normalStructure;
  const sv = g.V.normalStructure;
  if (!su || !sv) return null;
  const b = new Matrix(su.Q).transpose().mmul(new Matrix(g.W.rows)).mmul(new Matrix(sv.Q));
  let s = 0;
  const bu = blocks(su.blockSizes);
  const bv = blocks(sv.blockSizes);
  bu.forEach((rowsIdx, a) => {
    bv.forEach((colsIdx, k) => {
      let m = 0;
      for (const i of rowsIdx) for (const j of colsIdx) m += b.get(i, j) ** 2;
      s += weight(sv.blockModuli[k], su.blockModuli[a]) * m;
    });
  });
  return s / (g.e1 * g.e2);
}

/** ‖W‖_F²/(ε₁ε₂): I(W) of Lemma 2, and the exact J_tot of any normal case. */
export function analyticInputFisher(g: GeneratedCase): number {
  let s = 0;
  for (const row of g.W.rows) for (const x of row) s += x * x;
  return s / (g.e1 * g.e2);
}
