import { describe, expect, it } from 'vitest';
import { Matrix } from 'ml-matrix';
import { kron, relativeDifference } from '../../src/linalg/dense.ts';
import { applyKronecker, kroneckerOperator, solveKroneckerStein, solveStein, SteinNotConvergentError } from '../../src/linalg/stein.ts';
import { vec } from '../../src/linalg/dense.ts';
import { gaussianMatrix, matrixWithSpectralRadius } from '../helpers/random-matrices.ts';

/** Σ_{k<K} A^k Q A^{kᵀ}: the defining series, truncated where the terms fall below 1e-18 of the sum. */
function steinSeries(a: Matrix, q: Matrix): Matrix {
  let x = Matrix.zeros(q.rows, q.columns);
  let term = q.clone();
  for (let k = 0; k < 5000; k++) {
    x = Matrix.add(x, term);
    if (term.norm('frobenius') < 1e-18 * x.norm('frobenius')) break;
    term = a.mmul(term).mmul(a.transpose());
  }
  return x;
}

describe('solveStein (dense doubling)', () => {
  it('matches the defining series and reports a rounding-level residual (non-normal A, ρ = 0.9)', () => {
    const a = matrixWithSpectralRadius(5, 0.9, 11);
    const g = gaussianMatrix(5, 5, 12);
    const q = g.mmul(g.transpose());
    const sol = solveStein(a, q);
    // doubling and the series sum the same terms in different orders: agreement to 1e-11
    // allows for the growth of rounding with the condition of this non-normal A (ρ = 0.9)
    expect(relativeDifference(sol.solution, steinSeries(a, q))).toBeLessThan(1e-11);
    expect(sol.relativeResidual).toBeLessThan(1e-13);
  });

  it('refuses a divergent equation (ρ(A) = 1.05)', () => {
    const a = matrixWithSpectralRadius(3, 1.05, 13);
    expect(() => solveStein(a, Matrix.eye(3))).toThrow(SteinNotConvergentError);
  });

  it('solves a nilpotent A (shift register) exactly: X = Q + A Q Aᵀ + A² Q A²ᵀ', () => {
    const a = new Matrix([[0, 1, 0], [0, 0, 1], [0, 0, 0]]);
    const sol = solveStein(a, Matrix.eye(3)).solution;
    expect(sol.to2DArray()).toEqual([[3, 0, 0], [0, 2, 0], [0, 0, 1]]);
  });
});

describe('solveKroneckerStein (structured, N² dimensions)', () => {
  it('applyKronecker is multiplication by Vᵀ ⊗ Uᵀ', () => {
    const u = gaussianMatrix(3, 3, 21);
    const v = gaussianMatrix(3, 3, 22);
    const y = gaussianMatrix(3, 3, 23);
    const direct = kron(v.transpose(), u.transpose()).mmul(Matrix.columnVector([...vec(y)])).getColumn(0);
    const fast = applyKronecker(u, v, vec(y));
    direct.forEach((d, i) => expect(fast[i]).toBeCloseTo(d, 12));
  });

  it('kroneckerOperator applied again and again gives applyKronecker\'s powers bit for bit, in new arrays', () => {
    const u = gaussianMatrix(4, 4, 24);
    const v = gaussianMatrix(4, 4, 25);
    const apply = kroneckerOperator(u, v);
    let a: Float64Array = Float64Array.from(vec(gaussianMatrix(4, 4, 26)));
    let b: Float64Array = a;
    for (let k = 0; k < 5; k++) {
      const next = apply(a);
      expect(next).not.toBe(a);
      a = next;
      b = applyKronecker(u, v, b);
      expect(Array.from(new Uint8Array(a.buffer))).toEqual(Array.from(new Uint8Array(b.buffer)));
    }
  });

  it('equals the dense solver on 𝒜 = Vᵀ ⊗ Uᵀ for non-normal U, V (ρ(U)ρ(V) ≈ 0.72)', () => {
    const u = matrixWithSpectralRadius(3, 0.9, 31);
    const v = matrixWithSpectralRadius(3, 0.8, 32);
    const n = 9;
    const g = gaussianMatrix(n, n, 33);
    const qm = g.mmul(g.transpose());
    const q = Float64Array.from(qm.to2DArray().flat());
    const fast = solveKroneckerStein(u, v, q);
    const dense = solveStein(kron(v.transpose(), u.transpose()), qm).solution;
    const fastM = new Matrix(Array.from({ length: n }, (_, i) => [...fast.solution.subarray(i * n, (i + 1) * n)]));
    // two doubling implementations of the same series: rounding-level agreement
    expect(relativeDifference(fastM, dense)).toBeLessThan(1e-12);
    // Q is symmetric, and so is the returned X, bit for bit (its rounding asymmetry removed)
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) expect(fast.solution[i * n + j]).toBe(fast.solution[j * n + i]);
    expect(fast.relativeResidual).toBeLessThan(1e-13);
  });

  it('refuses when ρ(U)ρ(V) ≥ 1 even if ρ(V) < 1', () => {
    const u = Matrix.eye(2).mul(1.5);
    const v = Matrix.eye(2).mul(0.7);
    expect(() => solveKroneckerStein(u, v, Float64Array.from([1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1]))).toThrow(SteinNotConvergentError);
  });
});

describe('Stein solvers: stopping point, residual and symmetry on cases solved by hand', () => {
  // Scalar a = 0.5: doubling j adds a^{2^{j+1}} x, and stops at the first j with a_j² = 0.25^{2^j} ≤ 1e-8 and the
  // term ≤ 1e-17 of the sum: a_4² ≈ 2.3e-10 but its term is 2.3e-10 of the sum; a_5² ≈ 5.4e-20, so j = 5, six doublings.
  // Q = 1e6 makes an absolute residual (≈ 1e-10) and a relative one (≈ 1e-16) far apart.
  it('dense, scalar: X = Q/(1 − a²) after six doublings, residual relative to ‖X‖', () => {
    const r = solveStein(new Matrix([[0.5]]), new Matrix([[1e6]]));
    expect(r.iterations).toBe(6);
    // six products by (1 + a^{2^{j+1}}), each rounded once: a few units of 1.1e-16 relative
    expect(Math.abs(r.solution.get(0, 0) - 1e6 / 0.75) / (1e6 / 0.75)).toBeLessThan(4e-16);
    const x = r.solution.get(0, 0);
    expect(r.relativeResidual).toBe(Math.abs(x - 0.25 * x - 1e6) / x);
    expect(r.relativeResidual).toBeLessThan(1e-15);
  });

  it('Kronecker, 1×1 (u = 0.5, v = 1): the same six doublings, the same relative residual', () => {
    const r = solveKroneckerStein(new Matrix([[0.5]]), new Matrix([[1]]), Float64Array.from([1e6]));
    expect(r.iterations).toBe(6);
    const x = r.solution[0];
    // the same six rounded products as the dense solver
    expect(Math.abs(x - 1e6 / 0.75) / (1e6 / 0.75)).toBeLessThan(4e-16);
    expect(r.relativeResidual).toBe(Math.abs(x - 0.25 * x - 1e6) / x);
  });

  it('both report the residual relative to ‖X‖: with Q of size 1e6 it stays at rounding level (the absolute one is ~1e6 larger)', () => {
    const a = matrixWithSpectralRadius(3, 0.9, 44);
    const g = gaussianMatrix(3, 3, 45);
    const q = g.mmul(g.transpose()).mul(1e6);
    const dense = solveStein(a, q);
    const residual = Matrix.sub(Matrix.sub(dense.solution, a.mmul(dense.solution).mmul(a.transpose())), q).norm('frobenius');
    expect(residual).toBeGreaterThan(0);
    expect(dense.relativeResidual).toBe(residual / dense.solution.norm('frobenius'));
    const kq = Float64Array.from(kron(g, g).mmul(kron(g, g).transpose()).mul(1e6).to2DArray().flat());
    const k = solveKroneckerStein(a, matrixWithSpectralRadius(3, 0.5, 46), kq);
    // a few dozen float64 sums of terms ~1e6·κ: relative residuals of order 1e-16; 1e-13 leaves room
    expect(k.relativeResidual).toBeGreaterThan(0);
    expect(k.relativeResidual).toBeLessThan(1e-13);
  });

  it('Kronecker: refuses a Q of the wrong size, naming the size it needs', () => {
    expect(() => solveKroneckerStein(Matrix.eye(2).mul(0.5), Matrix.eye(2).mul(0.5), new Float64Array(9))).toThrow(new RangeError('Q must be 4×4'));
  });
});
