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

/** An 8×8 entry pattern from a formula (no random draw), scaled to the spectral radius `scale`·(its own radius). */
const pattern = (f: (i: number, j: number) => number, scale: number): number[][] => Array.from({ length: 8 }, (_, i) => Array.from({ length: 8 }, (_, j) => scale * f(i, j)));

export const PINNED_CASES: PinnedCase[] = [
  { id: 'P1', what: 'scalar, ε₁ = 0.7, ε₂ = 1.6', case: makeCase([[0.6]], [[-0.4]], [[1.3]], 0.7, 1.6) },
  { id: 'P2', what: 'diagonal 2×2 U, V (the analytic special case), ε₁ = 1.5, ε₂ = 0.5', case: makeCase([[0.5, 0], [0, -0.3]], [[0.2, 0], [0, 0.7]], [[1, 0.5], [-0.2, 0.8]], 1.5, 0.5) },
  { id: 'P3', what: 'non-normal 2×2 shear U = V, J_tot,rel ≈ 2.99 > N = 2', case: makeCase([[0.7, 20], [0, 0.7]], [[0.7, 20], [0, 0.7]], [[1, 0], [0, 0]]) },
  { id: 'P4', what: 'normal 2×2 with complex spectra 0.8e^{±0.7i}, 0.6e^{±1.1i}, ε₂ = 2', case: makeCase(rot(0.8, 0.7), rot(0.6, -1.1), [[0.3, 1], [0.9, -0.4]], 1, 2) },
  { id: 'P5', what: 'ρ(U)ρ(V) = 0.985 (slow series), non-normal U', case: makeCase([[0.99, 0.1], [0, 0.2]], [[0.995, 0], [0, 0.1]], [[0.4, -0.7], [1.1, 0.2]], 0.8, 1.25) },
  { id: 'P6', what: 'general non-normal 3×3, ε₁ = 1.3, ε₂ = 0.9', case: makeCase([[0.3, 0.4, -0.2], [0.1, -0.5, 0.3], [0.2, 0.1, 0.4]], [[-0.2, 0.5, 0.1], [0.3, 0.1, -0.4], [0, 0.2, 0.6]], [[0.5, -1, 0.2], [0.7, 0.3, -0.6], [-0.1, 0.9, 0.4]], 1.3, 0.9) },
  {
    // n = N² = 64 exceeds the Cholesky panel (48): the blocked factorization's trailing updates and
    // the many-right-hand-side solves run here (at N ≤ 6 they never do); ρ(U) = 0.8, ρ(V) = 0.75
    id: 'P7',
    what: 'general non-normal 8×8 (n = 64: blocked Cholesky), ρ(U) = 0.8, ρ(V) = 0.75, ε₁ = 1.1, ε₂ = 0.8',
    case: makeCase(
      pattern((i, j) => Math.sin(1.7 * i + 0.9 * j + 0.3) + 0.5 * Math.cos(0.7 * i * j), 0.8 / 1.7340166801109353),
      pattern((i, j) => Math.cos(1.3 * i - 0.6 * j + 0.2) + 0.4 * Math.sin(0.5 * i * j + 1), 0.75 / 1.9242964916002938),
      pattern((i, j) => Math.sin(0.8 * i + 1.9 * j + 0.1), 1),
      1.1,
      0.8,
    ),
  },
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
