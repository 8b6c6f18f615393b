/**
 * Deterministic case families for the claim checks that are not property-based: for a seed, the
 * same cases every run. (Randomized, shrinking generators for properties live in src/arbitraries.)
 */
import { Matrix, QrDecomposition } from 'ml-matrix';
import { spectralRadius } from '../linalg/eigen.ts';
import { validateCase, type MatrixCase } from '../models/case.ts';
import { independentGaussianStreams, type GaussianStream } from '../core/random.ts';

export type CaseFamily = 'scalar' | 'normal-real' | 'normal-complex' | 'non-normal';

export interface NamedCase {
  family: CaseFamily;
  index: number;
  case: MatrixCase;
}

export function gaussianMatrix(rows: number, cols: number, g: GaussianStream): Matrix {
  const m = new Matrix(rows, cols);
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) m.set(i, j, g.next());
  return m;
}

export function orthogonalMatrix(n: number, g: GaussianStream): Matrix {
  return new QrDecomposition(gaussianMatrix(n, n, g)).orthogonalMatrix;
}

/** Q diag(values) Qᵀ: normal with real spectrum. */
export function normalWithRealSpectrum(values: number[], g: GaussianStream): Matrix {
  const q = orthogonalMatrix(values.length, g);
  return q.mmul(Matrix.diag(values)).mmul(q.transpose());
}

/** Q · blockdiag(r R(θ), …, [real]) · Qᵀ: real normal with complex pairs r e^{±iθ} (and one real value if odd). */
export function normalWithComplexSpectrum(blocks: { r: number; theta: number }[], realValues: number[], g: GaussianStream): Matrix {
  const n = 2 * blocks.length + realValues.length;
  const b = Matrix.zeros(n, n);
  blocks.forEach(({ r, theta }, k) => {
    b.set(2 * k, 2 * k, r * Math.cos(theta));
    b.set(2 * k, 2 * k + 1, -r * Math.sin(theta));
    b.set(2 * k + 1, 2 * k, r * Math.sin(theta));
    b.set(2 * k + 1, 2 * k + 1, r * Math.cos(theta));
  });
  realValues.forEach((x, k) => b.set(2 * blocks.length + k, 2 * blocks.length + k, x));
  const q = orthogonalMatrix(n, g);
  return q.mmul(b).mmul(q.transpose());
}

/** Gaussian matrix scaled to spectral radius ρ (non-normal almost surely). */
export function matrixWithSpectralRadius(n: number, rho: number, g: GaussianStream): Matrix {
  const m = gaussianMatrix(n, n, g);
  const r = spectralRadius(m);
  return r > 0 ? m.mul(rho / r) : m;
}

function uniform(g: GaussianStream, lo: number, hi: number): number {
  return lo + (hi - lo) * g.uniform();
}

function randomSpectrum(n: number, g: GaussianStream, maxAbs: number): number[] {
  return Array.from({ length: n }, () => uniform(g, -maxAbs, maxAbs));
}

/** `count` cases of one family, sizes cycling through 1..4 (scalar: N = 1), spectral radii ≤ 0.95. */
export function caseFamily(family: CaseFamily, count: number, seed: number): NamedCase[] {
  const salt = { scalar: 11, 'normal-real': 23, 'normal-complex': 37, 'non-normal': 53 }[family];
  const [g] = independentGaussianStreams((seed * 1009 + salt) | 0, 1);
  const out: NamedCase[] = [];
  for (let index = 0; index < count; index++) {
    const e1 = Math.exp(0.5 * g.next());
    const e2 = Math.exp(0.5 * g.next());
    let U: Matrix;
    let V: Matrix;
    let N: number;
    switch (family) {
      case 'scalar':
        N = 1;
        U = new Matrix([[uniform(g, -0.95, 0.95)]]);
        V = new Matrix([[uniform(g, -0.95, 0.95)]]);
        break;
      case 'normal-real':
        N = 1 + (index % 4);
        U = normalWithRealSpectrum(randomSpectrum(N, g, 0.95), g);
        V = normalWithRealSpectrum(randomSpectrum(N, g, 0.95), g);
        break;
      case 'normal-complex': {
        N = 2 + 2 * (index % 2);
        const blocks = () => Array.from({ length: N / 2 }, () => ({ r: uniform(g, 0.05, 0.95), theta: uniform(g, 0.2, Math.PI - 0.2) }));
        U = normalWithComplexSpectrum(blocks(), [], g);
        V = normalWithComplexSpectrum(blocks(), [], g);
        break;
      }
      case 'non-normal':
        N = 2 + (index % 3);
        U = matrixWithSpectralRadius(N, uniform(g, 0.1, 0.95), g);
        V = matrixWithSpectralRadius(N, uniform(g, 0.1, 0.95), g);
        break;
    }
    const W = gaussianMatrix(N, N, g);
    out.push({ family, index, case: validateCase({ U, V, W, e1, e2 }) });
  }
  return out;
}

/** Matrices of a case as plain arrays, for counterexamples in the report. */
export function caseToJson(c: MatrixCase): { U: number[][]; V: number[][]; W: number[][]; e1: number; e2: number } {
  return { U: c.U.to2DArray(), V: c.V.to2DArray(), W: c.W.to2DArray(), e1: c.e1, e2: c.e2 };
}

/** X Xᵀ + 0.3 I with X Gaussian: a random symmetric positive definite matrix. */
export function randomSpd(n: number, g: GaussianStream): Matrix {
  const x = gaussianMatrix(n, n, g);
  return x.mmul(x.transpose()).add(Matrix.eye(n).mul(0.3));
}
