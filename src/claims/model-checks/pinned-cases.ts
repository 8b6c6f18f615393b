/**
 * Pinned canonical cases: a fixed set, independent of --seed, chosen to exercise the models where
 * typos show — noise levels ε₁ ≠ ε₂ ≠ 1 (a dropped ε), U ≠ V and non-square-symmetric W (swapped
 * U/V, a transposed factor), complex spectra (a missing conjugate), strong non-normality with
 * J_tot,rel above N (Theorem 3's boundary region), ρ(U)ρ(V) near 1 (slow series), and memory cases
 * with α < 1 (stationary) and α = 1 (finite horizon only).
 */
import { makeCase, type MatrixCase } from '../../models/case.ts';

export interface PinnedCase {
  id: string;
  what: string;
  case: MatrixCase;
}

const rot = (r: number, t: number): number[][] => [
  [r * Math.cos(t), -r * Math.sin(t)],
  [r * Math.sin(t), r * Math.cos(t)],
];

export const PINNED_CASES: PinnedCase[] = [
  { id: 'P1', what: 'scalar, ε₁ = 0.7, ε₂ = 1.6', case: makeCase([[0.6]], [[-0.4]], [[1.3]], 0.7, 1.6) },
  { id: 'P2', what: 'diagonal 2×2 U, V (the analytic special case), ε₁ = 1.5, ε₂ = 0.5', case: makeCase([[0.5, 0], [0, -0.3]], [[0.2, 0], [0, 0.7]], [[1, 0.5], [-0.2, 0.8]], 1.5, 0.5) },
  { id: 'P3', what: 'non-normal 2×2 shear U = V, J_tot,rel ≈ 2.99 > N = 2', case: makeCase([[0.7, 20], [0, 0.7]], [[0.7, 20], [0, 0.7]], [[1, 0], [0, 0]]) },
  { id: 'P4', what: 'normal 2×2 with complex spectra 0.8e^{±0.7i}, 0.6e^{±1.1i}, ε₂ = 2', case: makeCase(rot(0.8, 0.7), rot(0.6, -1.1), [[0.3, 1], [0.9, -0.4]], 1, 2) },
  { id: 'P5', what: 'ρ(U)ρ(V) = 0.985 (slow series), non-normal U', case: makeCase([[0.99, 0.1], [0, 0.2]], [[0.995, 0], [0, 0.1]], [[0.4, -0.7], [1.1, 0.2]], 0.8, 1.25) },
  { id: 'P6', what: 'general non-normal 3×3, ε₁ = 1.3, ε₂ = 0.9', case: makeCase([[0.3, 0.4, -0.2], [0.1, -0.5, 0.3], [0.2, 0.1, 0.4]], [[-0.2, 0.5, 0.1], [0.3, 0.1, -0.4], [0, 0.2, 0.6]], [[0.5, -1, 0.2], [0.7, 0.3, -0.6], [-0.1, 0.9, 0.4]], 1.3, 0.9) },
];

export interface PinnedMemoryCase {
  id: string;
  what: string;
  case: MatrixCase;
  alpha: number[];
  /** Finite horizon for systems with no stationary law (α = 1). */
  horizon?: number;
}

export const PINNED_MEMORY_CASES: PinnedMemoryCase[] = [
  { id: 'M1', what: 'scalar U = V = 0.5, p = 1, α₁ = 1 (Theorem 4: no stationary law), horizon 40', case: makeCase([[0.5]], [[0.5]], [[1]]), alpha: [1], horizon: 40 },
  { id: 'M2', what: 'P2 with p = 1, α₁ = 0.3 (stationary)', case: PINNED_CASES[1].case, alpha: [0.3] },
  { id: 'M3', what: 'P4 (complex spectra) with p = 2, α = (0.2, 0.1) (stationary)', case: PINNED_CASES[3].case, alpha: [0.2, 0.1] },
  { id: 'M4', what: 'P6 (3×3) with p = 1, α₁ = 0.25 (stationary)', case: PINNED_CASES[5].case, alpha: [0.25] },
];
