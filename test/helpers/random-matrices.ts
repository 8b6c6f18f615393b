/** Small deterministic matrix generators for unit tests (fixed seeds; the property suites use fast-check). */
import { Matrix, QrDecomposition } from 'ml-matrix';
import { spectralRadius } from '../../src/linalg/eigen.ts';
import { independentGaussianStreams } from '../../src/models/random.ts';

export function gaussianMatrix(rows: number, cols: number, seed: number): Matrix {
  const [g] = independentGaussianStreams(seed, 1);
  const m = new Matrix(rows, cols);
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) m.set(i, j, g.next());
  return m;
}

/** Gaussian matrix scaled to spectral radius `rho`. */
export function matrixWithSpectralRadius(n: number, rho: number, seed: number): Matrix {
  const m = gaussianMatrix(n, n, seed);
  return m.mul(rho / spectralRadius(m));
}

/** A random orthogonal matrix (QR of a Gaussian matrix). */
export function orthogonalMatrix(n: number, seed: number): Matrix {
  return new QrDecomposition(gaussianMatrix(n, n, seed)).orthogonalMatrix;
}

/** Q diag(values) Qᵀ: normal (symmetric) with the given real spectrum. */
export function normalRealSpectrum(values: number[], seed: number): Matrix {
  const q = orthogonalMatrix(values.length, seed);
  return q.mmul(Matrix.diag(values)).mmul(q.transpose());
}

/** Q · blockdiag(r·rotation(θ)) · Qᵀ: real normal with complex spectrum r e^{±iθ} per block. */
export function normalComplexSpectrum(blocks: { r: number; theta: number }[], seed: number): Matrix {
  const n = 2 * blocks.length;
  const b = Matrix.zeros(n, n);
  blocks.forEach(({ r, theta }, k) => {
    b.set(2 * k, 2 * k, r * Math.cos(theta));
    b.set(2 * k, 2 * k + 1, -r * Math.sin(theta));
    b.set(2 * k + 1, 2 * k, r * Math.sin(theta));
    b.set(2 * k + 1, 2 * k + 1, r * Math.cos(theta));
  });
  const q = orthogonalMatrix(n, seed);
  return q.mmul(b).mmul(q.transpose());
}
