/**
 * Deterministic builders behind the arbitraries: every generated matrix is a pure function of a few
 * numbers that fast-check draws and shrinks (angles, moduli in [0, 1], entries in (−1, 1)). Shrinking
 * those numbers toward 0 therefore keeps the structure (an orthogonal factor stays orthogonal, a
 * normal matrix stays normal) and moves toward the identity rotation, zero departure from
 * normality and the smallest spectral radius of the requested band: readable counterexamples.
 */
import fc from 'fast-check';
import { Matrix } from 'ml-matrix';

/** Resolution of every drawn number: multiples of 1e-6 of its range. */
export const GRID = 1e6;

/**
 * A number in [min, max] on a grid of step (max − min)/GRID, drawn as an integer: shrinks toward the
 * grid point nearest 0 (fast-check's integer shrinking), prints readably (a counterexample shows
 * 0.123456, not 0.12345612345612345), and never produces the subnormal numbers that fc.double's edge
 * bias would (1e-300 angles make eigensolvers crawl through subnormal arithmetic).
 */
export function gridNumber(min: number, max: number): fc.Arbitrary<number> {
  const lo = Math.round(min * GRID);
  const hi = Math.round(max * GRID);
  return fc.integer({ min: lo, max: hi }).map(
    (k) => k / GRID,
    (v) => {
      if (typeof v !== 'number') throw new Error('not a number');
      return Math.round(v * GRID);
    },
  );
}

/** Number of Givens angles that parametrize an orthogonal N×N matrix. */
export function angleCount(N: number): number {
  return (N * (N - 1)) / 2;
}

/**
 * Q = Π_{i<j} G(i, j, θ_ij), a product of Givens rotations: orthogonal for every angle vector
 * (det Q = 1), the identity when all angles are 0. Uses the first angleCount(N) angles.
 */
export function orthogonalFromAngles(N: number, angles: readonly number[]): Matrix {
  const q = Matrix.eye(N, N);
  let k = 0;
  for (let i = 0; i < N; i++) {
    for (let j = i + 1; j < N; j++) {
      const t = angles[k++] ?? 0;
      if (t === 0) continue;
      const c = Math.cos(t);
      const s = Math.sin(t);
      // q ← q · G, G rotating coordinates i and j
      for (let r = 0; r < N; r++) {
        const a = q.get(r, i);
        const b = q.get(r, j);
        q.set(r, i, c * a - s * b);
        q.set(r, j, s * a + c * b);
      }
    }
  }
  return q;
}

/** Inverse error function (Giles 2010, single-precision polynomial refined by two Newton steps). */
export function erfinv(x: number): number {
  if (x <= -1) return -Infinity;
  if (x >= 1) return Infinity;
  const w0 = -Math.log((1 - x) * (1 + x));
  let p: number;
  if (w0 < 5) {
    const w = w0 - 2.5;
    p = 2.81022636e-8;
    for (const c of [3.43273939e-7, -3.5233877e-6, -4.39150654e-6, 0.00021858087, -0.00125372503, -0.00417768164, 0.246640727, 1.50140941]) p = c + p * w;
  } else {
    const w = Math.sqrt(w0) - 3;
    p = -0.000200214257;
    for (const c of [0.000100950558, 0.00134934322, -0.00367342844, 0.00573950773, -0.0076224613, 0.00943887047, 1.00167406, 2.83297682]) p = c + p * w;
  }
  let y = p * x;
  for (let it = 0; it < 2; it++) {
    const err = erf(y) - x;
    y -= err / ((2 / Math.sqrt(Math.PI)) * Math.exp(-y * y));
  }
  return y;
}

/** erf to ~1e-16 (series for small |x|, continued fraction of erfc beyond). */
export function erf(x: number): number {
  const ax = Math.abs(x);
  if (ax < 2.5) {
    // Maclaurin series: erf x = 2/√π Σ (−1)ⁿ x^{2n+1} / (n! (2n+1))
    let term = ax;
    let sum = ax;
    for (let n = 1; n < 200; n++) {
      term *= (-ax * ax) / n;
      const add = term / (2 * n + 1);
      sum += add;
      if (Math.abs(add) < 1e-17 * Math.abs(sum)) break;
    }
    return Math.sign(x) * (2 / Math.sqrt(Math.PI)) * sum;
  }
  // erfc x = exp(−x²)/√π · 1/(x + 1/2/(x + 1/(x + 3/2/(x + …)))) (Lentz)
  let f = ax;
  let C = ax;
  let D = 0;
  for (let n = 1; n < 300; n++) {
    const an = n / 2;
    D = ax + an * D;
    D = 1 / D;
    C = ax + an / C;
    const delta = C * D;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  const erfc = Math.exp(-ax * ax) / Math.sqrt(Math.PI) / f;
  return Math.sign(x) * (1 - erfc);
}

/**
 * A standard normal draw from a uniform one on [−1, 1]: √2 · erfinv(t · (1 − 10⁻⁶)); 0 maps to 0 (so
 * draws shrink to 0). The factor keeps the edge values ±1, which fast-check draws on purpose, finite
 * (|g| ≤ 4.9): a normal draw truncated at 4.9σ.
 */
export function gaussianFromUniform(t: number): number {
  return Math.SQRT2 * erfinv(t * (1 - 1e-6));
}

/** M = Q D Qᵀ. */
export function conjugate(q: Matrix, d: Matrix): Matrix {
  return q.mmul(d).mmul(q.transpose());
}

/** log-uniform on [10^−decades, 10^decades] from t ∈ [−1, 1]; t = 0 gives 1. */
export function logUniform(t: number, decades: number): number {
  return 10 ** (t * decades);
}

export function toRows(m: Matrix): number[][] {
  return m.to2DArray();
}
