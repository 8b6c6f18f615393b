// The numeric witnesses' cases (src/cases/witness-cases.ts; ml-matrix's sub works in place, hence Matrix.sub): orthogonal factors, radii in their stated ranges,
// symmetric (real) or rotation-block (complex) normal matrices, checked with ml-matrix's own eigen-solver.
// Tolerances: products of orders ≤ 5 in float64 leave residuals of a few ulp (~1e-16) per entry; 1e-14 allows
// 100× that, and 1e-12 on eigenvalue ranges covers the eigen-solver's own error, far below the ranges (≥ 0.05) checked.
import { EigenvalueDecomposition, Matrix } from 'ml-matrix';
import { describe, expect, it } from 'vitest';
import { describeCase, EPS, generalCase, normalCase, randomOrthogonal } from '../../src/cases/witness-cases.ts';
import { makeRng } from '../../src/core/random.ts';

const eig = (m: Matrix) => {
  const e = new EigenvalueDecomposition(m);
  return e.realEigenvalues.map((re, i) => ({ re, im: e.imaginaryEigenvalues[i], abs: Math.hypot(re, e.imaginaryEigenvalues[i]) }));
};
const radius = (m: Matrix) => Math.max(...eig(m).map((z) => z.abs));

describe('witness cases', () => {
  it('randomOrthogonal: QᵀQ = I', () => {
    for (const n of [1, 3, 5]) {
      const q = randomOrthogonal(makeRng(n), n);
      expect(q.transpose().mmul(q).sub(Matrix.eye(n)).norm('frobenius')).toBeLessThan(1e-14);
    }
  });

  it('generalCase: ρ(U), ρ(V) in [0.2, 0.85], ε in [0.5, 2]', () => {
    const rng = makeRng(9);
    for (let k = 0; k < 20; k++) {
      const c = generalCase(rng, 3);
      for (const m of [c.U, c.V]) {
        expect(radius(m)).toBeGreaterThanOrEqual(0.2 - 1e-12);
        expect(radius(m)).toBeLessThanOrEqual(0.85 + 1e-12);
      }
      for (const e of [c.e1, c.e2]) expect(e >= 0.5 && e <= 2).toBe(true);
      expect([c.W.rows, c.W.columns]).toEqual([3, 3]);
    }
  });

  it('normalCase real: symmetric, every |eigenvalue| in [0.1, 0.85], both signs drawn', () => {
    const rng = makeRng(10);
    const signs = new Set<number>();
    for (let k = 0; k < 10; k++) {
      const c = normalCase(rng, 3, 'real');
      for (const m of [c.U, c.V]) {
        expect(Matrix.sub(m, m.transpose()).norm('frobenius')).toBeLessThan(1e-14);
        for (const z of eig(m)) {
          expect(z.abs).toBeGreaterThanOrEqual(0.1 - 1e-12);
          expect(z.abs).toBeLessThanOrEqual(0.85 + 1e-12);
          signs.add(Math.sign(z.re));
        }
      }
    }
    expect([...signs].sort()).toEqual([-1, 1]);
  });

  it('normalCase complex: pairs r e^{±iθ} with r in [0.2, 0.85] and θ in [0.3, π − 0.3]; odd N adds one real value', () => {
    const rng = makeRng(11);
    for (const N of [2, 4, 3]) {
      const c = normalCase(rng, N, 'complex');
      const z = eig(c.U);
      const complex = z.filter((x) => x.im !== 0);
      expect(complex).toHaveLength(N - (N % 2));
      for (const x of complex) {
        expect(x.abs).toBeGreaterThanOrEqual(0.2 - 1e-12);
        expect(x.abs).toBeLessThanOrEqual(0.85 + 1e-12);
        expect(Math.abs(x.im) / x.abs).toBeGreaterThanOrEqual(Math.sin(0.3) - 1e-12);
      }
      const U = c.U;
      expect(U.mmul(U.transpose()).sub(U.transpose().mmul(U)).norm('frobenius')).toBeLessThan(1e-14);
    }
  });

  it('describeCase and EPS', () => {
    const c = generalCase(makeRng(1), 1);
    expect(describeCase(c)).toEqual({ U: [[c.U.get(0, 0)]], V: [[c.V.get(0, 0)]], W: [[c.W.get(0, 0)]], e1: c.e1, e2: c.e2 });
    expect(EPS).toBe(Number.EPSILON);
  });
});
