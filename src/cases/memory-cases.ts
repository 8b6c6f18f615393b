/** Random convergent cases of the memory-system claims (N = 1..3, ε₁ = ε₂ = 1, ‖W‖ = 1), from a seed. */
import { Matrix, QrDecomposition } from 'ml-matrix';
import { spectralRadius } from '../linalg/eigen.ts';
import type { MatrixCase } from '../models/case.ts';
import { independentGaussianStreams, type GaussianStream } from '../core/random.ts';

export interface MemoryClaimCase {
  index: number;
  c: MatrixCase;
  normal: boolean;
}


function gaussMatrix(g: GaussianStream, r: number, c: number): Matrix {
  const m = new Matrix(r, c);
  for (let i = 0; i < r; i++) for (let j = 0; j < c; j++) m.set(i, j, g.next());
  return m;
}

function uniform(g: GaussianStream): number {
  return Math.atan2(g.next(), g.next()) / Math.PI; // uniform on (−1, 1)
}

/** Random convergent cases: even indices drawn normal (orthogonal × real spectrum), odd ones drawn non-normal (normal anyway when N = 1). */
export function memoryClaimCases(seed: number, runs: number): MemoryClaimCase[] {
  const [g] = independentGaussianStreams(seed, 1);
  const out: MemoryClaimCase[] = [];
  for (let index = 0; index < runs; index++) {
    const N = 1 + (index % 3);
    const normal = index % 2 === 0;
    const make = (): Matrix => {
      const rho = 0.05 + 0.9 * Math.abs(uniform(g));
      if (normal) {
        const q = new QrDecomposition(gaussMatrix(g, N, N)).orthogonalMatrix;
        const d = Matrix.diag(Array.from({ length: N }, () => rho * uniform(g)));
        return q.mmul(d).mmul(q.transpose());
      }
      const m = gaussMatrix(g, N, N);
      const r = spectralRadius(m);
      return r > 0 ? m.mul(rho / r) : m;
    };
    const U = make();
    const V = make();
    const W = gaussMatrix(g, N, N);
    W.mul(1 / (W.norm('frobenius') || 1));
    // a 1×1 matrix is normal whatever its draw: an odd-index N = 1 case is flagged normal too
    out.push({ index, c: { U, V, W, e1: 1, e2: 1 }, normal: normal || N === 1 });
  }
  return out;
}


/** Read weights on the simplex (Σα = 1), for each of `count` cases one per size in `sizes`, in that order. */
export function simplexAlphas(seed: number, count: number, sizes: number[]): number[][] {
  const [g] = independentGaussianStreams(seed, 1);
  const out: number[][] = [];
  for (let i = 0; i < count; i++) {
    for (const p of sizes) {
      const raw = Array.from({ length: p }, () => -Math.log(Math.max(1e-12, (uniform(g) + 1) / 2)));
      const sum = raw.reduce((s, x) => s + x, 0);
      out.push(raw.map((x) => x / sum));
    }
  }
  return out;
}
