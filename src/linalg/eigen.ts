/** Eigenvalues, spectral radius, normality, and the unitary eigendecomposition of real normal matrices. */
import { EigenvalueDecomposition, Matrix } from 'ml-matrix';
import type { ComplexMatrix } from './complex.ts';
import { complexMul, conjugateTranspose } from './complex.ts';
import { nonsymmetricEigen, nonsymmetricEigenvalues, type RealEigendecomposition } from './nonsymmetric-eigen.ts';

/**
 * Eigenvalues and real eigenvector columns: ml-matrix's symmetric solver for symmetric A, the
 * capped copy of its nonsymmetric one otherwise (nonsymmetric-eigen.ts says why).
 */
export function realEigendecomposition(a: Matrix): RealEigendecomposition {
  if (a.isSymmetric()) {
    const e = new EigenvalueDecomposition(a, { assumeSymmetric: true });
    return { realEigenvalues: e.realEigenvalues, imaginaryEigenvalues: e.imaginaryEigenvalues, eigenvectorMatrix: e.eigenvectorMatrix };
  }
  return nonsymmetricEigen(a);
}

export interface Eigenvalues {
  re: number[];
  im: number[];
}

/** The eigenvalues (the nonsymmetric path skips the eigenvectors: the same values, half the work). */
export function eigenvalues(a: Matrix): Eigenvalues {
  const e = a.isSymmetric() ? realEigendecomposition(a) : nonsymmetricEigenvalues(a);
  return { re: e.realEigenvalues, im: e.imaginaryEigenvalues };
}

/** ρ(A) = max |λ|. */
export function spectralRadius(a: Matrix): number {
  const { re, im } = eigenvalues(a);
  let r = 0;
  for (let k = 0; k < re.length; k++) r = Math.max(r, Math.hypot(re[k], im[k]));
  return r;
}

/** ‖AAᵀ − AᵀA‖_F / ‖A‖_F²: zero exactly for normal matrices. */
export function normalityDefect(a: Matrix): number {
  const d = Matrix.sub(a.mmul(a.transpose()), a.transpose().mmul(a)).norm('frobenius');
  const s = a.norm('frobenius') ** 2;
  return s > 0 ? d / s : 0;
}

export interface UnitaryEigendecomposition {
  /** Eigenvalues λ_k = re[k] + i·im[k]. */
  values: Eigenvalues;
  /** Unitary E with A = E Λ Eᴴ (columns are orthonormal eigenvectors). */
  vectors: ComplexMatrix;
  /** ‖EᴴE − I‖_F and ‖AE − EΛ‖_F/‖A‖_F: how well the decomposition holds in floating point. */
  unitarityResidual: number;
  eigenResidual: number;
}

/**
 * A = E Λ Eᴴ with E unitary, for a real normal matrix A. ml-matrix returns real eigenvector
 * columns (for a complex pair a ± ib: Re v and Im v side by side); we form the complex vectors and
 * orthonormalize within each group of (numerically) equal eigenvalues, where eigenvectors of a
 * normal matrix are not unique. The residuals say how well the result holds; callers decide.
 */
export function unitaryEigendecomposition(a: Matrix, groupTolerance = 1e-9): UnitaryEigendecomposition {
  const n = a.rows;
  const e = realEigendecomposition(a);
  const re = [...e.realEigenvalues];
  const im = [...e.imaginaryEigenvalues];
  const v = e.eigenvectorMatrix;
  const cols: { re: Float64Array; im: Float64Array }[] = [];
  for (let k = 0; k < n; k++) {
    const cr = new Float64Array(n);
    const ci = new Float64Array(n);
    if (im[k] === 0) {
      for (let i = 0; i < n; i++) cr[i] = v.get(i, k);
    } else if (im[k] > 0) {
      for (let i = 0; i < n; i++) {
        cr[i] = v.get(i, k);
        ci[i] = v.get(i, k + 1);
      }
    } else {
      for (let i = 0; i < n; i++) {
        cr[i] = v.get(i, k - 1);
        ci[i] = -v.get(i, k);
      }
    }
    cols.push({ re: cr, im: ci });
  }
  // Modified Gram–Schmidt within groups of equal eigenvalues; normalization for all.
  const scale = Math.max(1, ...re.map((x, k) => Math.hypot(x, im[k])));
  for (let k = 0; k < n; k++) {
    for (let j = 0; j < k; j++) {
      if (Math.hypot(re[j] - re[k], im[j] - im[k]) > groupTolerance * scale) continue;
      // c ← c − (qⱼᴴ c) qⱼ
      let dr = 0;
      let di = 0;
      for (let i = 0; i < n; i++) {
        dr += cols[j].re[i] * cols[k].re[i] + cols[j].im[i] * cols[k].im[i];
        di += cols[j].re[i] * cols[k].im[i] - cols[j].im[i] * cols[k].re[i];
      }
      for (let i = 0; i < n; i++) {
        cols[k].re[i] -= dr * cols[j].re[i] - di * cols[j].im[i];
        cols[k].im[i] -= dr * cols[j].im[i] + di * cols[j].re[i];
      }
    }
    let norm = 0;
    for (let i = 0; i < n; i++) norm += cols[k].re[i] ** 2 + cols[k].im[i] ** 2;
    norm = Math.sqrt(norm);
    if (norm === 0) throw new RangeError('eigenvector of zero length: the matrix is not diagonalizable');
    for (let i = 0; i < n; i++) {
      cols[k].re[i] /= norm;
      cols[k].im[i] /= norm;
    }
  }
  const vectors: ComplexMatrix = { re: new Matrix(n, n), im: new Matrix(n, n) };
  for (let k = 0; k < n; k++) {
    for (let i = 0; i < n; i++) {
      vectors.re.set(i, k, cols[k].re[i]);
      vectors.im.set(i, k, cols[k].im[i]);
    }
  }
  const eh = conjugateTranspose(vectors);
  const ehe = complexMul(eh, vectors);
  const unitarityResidual = Math.hypot(Matrix.sub(ehe.re, Matrix.eye(n)).norm('frobenius'), ehe.im.norm('frobenius'));
  const lambda: ComplexMatrix = { re: Matrix.diag(re), im: Matrix.diag(im) };
  const ae = complexMul({ re: a, im: Matrix.zeros(n, n) }, vectors);
  const el = complexMul(vectors, lambda);
  const an = a.norm('frobenius') || 1;
  const eigenResidual = Math.hypot(Matrix.sub(ae.re, el.re).norm('frobenius'), Matrix.sub(ae.im, el.im).norm('frobenius')) / an;
  return { values: { re, im }, vectors, unitarityResidual, eigenResidual };
}
