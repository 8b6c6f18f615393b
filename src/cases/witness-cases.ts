/** Seeded float64 cases for the numeric witnesses (small N; spectral radii set away from 1). */
import { Matrix } from 'ml-matrix';
import type { MatrixCase } from '../models/case.ts';
import { spectralRadius } from '../linalg/eigen.ts';
import type { Rng } from '../core/random.ts';

function gaussian(rng: Rng, r: number, c: number): Matrix {
  const m = new Matrix(r, c);
  for (let i = 0; i < r; i++) for (let j = 0; j < c; j++) m.set(i, j, rng.normal());
  return m;
}

/** A random orthogonal matrix (Gram–Schmidt of a Gaussian matrix). */
export function randomOrthogonal(rng: Rng, n: number): Matrix {
  const a = gaussian(rng, n, n);
  const q = new Matrix(n, n);
  for (let k = 0; k < n; k++) {
    const v = a.getColumn(k);
    for (let j = 0; j < k; j++) {
      const qj = q.getColumn(j);
      const d = qj.reduce((s, x, i) => s + x * v[i], 0);
      for (let i = 0; i < n; i++) v[i] -= d * qj[i];
    }
    const norm = Math.hypot(...v);
    for (let i = 0; i < n; i++) q.set(i, k, v[i] / norm);
  }
  return q;
}

function scaledToRadius(m: Matrix, target: number): Matrix {
  const r = spectralRadius(m);
  return r > 0 ? m.clone().mul(target / r) : m;
}

/** A general (non-normal) convergent case: ρ(U), ρ(V) uniform in [0.2, 0.85]. */
export function generalCase(rng: Rng, N: number): MatrixCase {
  return {
    U: scaledToRadius(gaussian(rng, N, N), rng.uniform(0.2, 0.85)),
    V: scaledToRadius(gaussian(rng, N, N), rng.uniform(0.2, 0.85)),
    W: gaussian(rng, N, N),
    e1: rng.uniform(0.5, 2),
    e2: rng.uniform(0.5, 2),
  };
}

/** Q D Qᵀ with real eigenvalues of modulus in [0.1, 0.85] and random signs. */
function normalReal(rng: Rng, N: number): Matrix {
  const q = randomOrthogonal(rng, N);
  const d = Matrix.diag(Array.from({ length: N }, () => (rng.next() < 0.5 ? -1 : 1) * rng.uniform(0.1, 0.85)));
  return q.mmul(d).mmul(q.transpose());
}

/** Q blockdiag(r_k R(θ_k)) Qᵀ: complex eigenvalue pairs r e^{±iθ} (N even), θ away from 0 and π. */
function normalComplex(rng: Rng, N: number): Matrix {
  const q = randomOrthogonal(rng, N);
  const b = new Matrix(N, N);
  for (let k = 0; k + 1 < N; k += 2) {
    const r = rng.uniform(0.2, 0.85);
    const t = rng.uniform(0.3, Math.PI - 0.3);
    b.set(k, k, r * Math.cos(t));
    b.set(k, k + 1, -r * Math.sin(t));
    b.set(k + 1, k, r * Math.sin(t));
    b.set(k + 1, k + 1, r * Math.cos(t));
  }
  if (N % 2 === 1) b.set(N - 1, N - 1, rng.uniform(-0.85, 0.85));
  return q.mmul(b).mmul(q.transpose());
}

export function normalCase(rng: Rng, N: number, spectrum: 'real' | 'complex'): MatrixCase {
  const make = spectrum === 'real' ? normalReal : normalComplex;
  return { U: make(rng, N), V: make(rng, N), W: gaussian(rng, N, N), e1: rng.uniform(0.5, 2), e2: rng.uniform(0.5, 2) };
}

export function describeCase(c: MatrixCase): Record<string, unknown> {
  return { U: c.U.to2DArray(), V: c.V.to2DArray(), W: c.W.to2DArray(), e1: c.e1, e2: c.e2 };
}

/** Machine epsilon of float64 (2⁻⁵², twice the unit roundoff). */
export const EPS = 2 ** -52;
