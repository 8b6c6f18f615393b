/**
 * What kind of case a generated case is, read from its matrices (not from the family that drew them:
 * a Schur form without departure is normal, a rotation by 0 has a real spectrum): the labels the
 * properties' coverage tables count.
 */
import { Matrix } from 'ml-matrix';
import { eigenvalues } from '../linalg/eigen.ts';
import type { GeneratedCase } from './cases.ts';
import type { GeneratedMatrix } from './matrices.ts';

/** The spectrum kinds, simplest first (a case takes the less simple of U and V). */
export const SPECTRUM_KINDS = ['normal, real spectra', 'normal, complex spectrum', 'non-normal', 'nearly defective non-normal'] as const;
export type SpectrumKind = (typeof SPECTRUM_KINDS)[number];

/** Normality defect ‖AAᵀ − AᵀA‖_F/‖A‖_F² below which a matrix counts as normal: the normal families measure ≈ 1e-16, a departure of 1e-6 already shows as 1e-6. */
const NORMAL_TOLERANCE = 1e-12;
/**
 * A non-normal matrix is nearly defective when its departure from normality (Henrici: ‖A‖_F² − Σ|λ|²)
 * exceeds 1000× its smallest eigenvalue gap: for a 2×2 triangular [[a, d], [0, b]] that ratio
 * |d|/|a − b| is the condition number of its eigenvector matrix, 1000 meaning three digits lost in
 * any eigendecomposition. An exactly defective matrix (a Jordan block) has computed gaps of about
 * u^{1/N}‖A‖ and counts as nearly defective too.
 */
const NEARLY_DEFECTIVE_RATIO = 1e3;

export function spectrumKindOf(m: GeneratedMatrix): SpectrumKind {
  const a = new Matrix(m.rows);
  const norm = a.norm('frobenius');
  if (m.normalityDefect < NORMAL_TOLERANCE) {
    const asym = Matrix.sub(a, a.transpose()).norm('frobenius');
    // a real normal matrix has a real spectrum exactly when it is symmetric
    return asym <= 1e-12 * norm ? 'normal, real spectra' : 'normal, complex spectrum';
  }
  let ev;
  try {
    ev = eigenvalues(a);
  } catch {
    return 'non-normal';
  }
  let sumSq = 0;
  for (let k = 0; k < ev.re.length; k++) sumSq += ev.re[k] ** 2 + ev.im[k] ** 2;
  const departure = Math.sqrt(Math.max(0, norm * norm - sumSq));
  let gap = Infinity;
  for (let i = 0; i < ev.re.length; i++) for (let j = i + 1; j < ev.re.length; j++) gap = Math.min(gap, Math.hypot(ev.re[i] - ev.re[j], ev.im[i] - ev.im[j]));
  return departure > NEARLY_DEFECTIVE_RATIO * gap ? 'nearly defective non-normal' : 'non-normal';
}

/** The case's kind: the less simple of U's and V's. */
export function caseSpectrumKind(g: GeneratedCase): SpectrumKind {
  const u = SPECTRUM_KINDS.indexOf(spectrumKindOf(g.U));
  const v = SPECTRUM_KINDS.indexOf(spectrumKindOf(g.V));
  return SPECTRUM_KINDS[Math.max(u, v)];
}

/** Buckets of max(ρ(U), ρ(V)) by construction: zero, small, typical, large, near 1 (ρ → 1), divergent. */
export const RADIUS_BUCKETS = ['0', '(0, 0.5]', '(0.5, 0.9]', '(0.9, 0.99)', '[0.99, 1) (ρ → 1)', '≥ 1 (divergent)'] as const;

export function radiusBucket(g: GeneratedCase): (typeof RADIUS_BUCKETS)[number] {
  const r = Math.max(g.U.spectralRadius, g.V.spectralRadius);
  if (r === 0) return '0';
  if (r <= 0.5) return '(0, 0.5]';
  if (r <= 0.9) return '(0.5, 0.9]';
  if (r < 0.99) return '(0.9, 0.99)';
  if (r < 1) return '[0.99, 1) (ρ → 1)';
  return '≥ 1 (divergent)';
}
