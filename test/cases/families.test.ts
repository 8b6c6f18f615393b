// The deterministic case families (src/cases/families.ts) have the structure their names promise, checked with an
// eigen-solver of their own (ml-matrix): sizes, normality, real or complex spectra, spectral radii ≤ 0.95, and the
// same cases for a seed.
// Tolerances: products of orders ≤ 5 in float64 leave residuals of a few ulp (~1e-16) per entry; 1e-14 allows
// 100× that, and 1e-12 on eigenvalue ranges covers the eigen-solver's own error, far below the ranges (≥ 0.05) checked.
import { EigenvalueDecomposition, Matrix } from 'ml-matrix';
import { describe, expect, it } from 'vitest';
import { caseFamily, caseToJson, matrixWithSpectralRadius, normalWithComplexSpectrum, normalWithRealSpectrum, orthogonalMatrix, randomSpd, type CaseFamily } from '../../src/cases/families.ts';
import { independentGaussianStreams } from '../../src/core/random.ts';

const eig = (m: Matrix) => {
  const e = new EigenvalueDecomposition(m);
  return e.realEigenvalues.map((re, i) => ({ re, im: e.imaginaryEigenvalues[i] }));
};
const radius = (m: Matrix) => Math.max(...eig(m).map((z) => Math.hypot(z.re, z.im)));
const commutatorNorm = (m: Matrix) => m.mmul(m.transpose()).sub(m.transpose().mmul(m)).norm('frobenius');
const stream = (seed: number) => independentGaussianStreams(seed, 1)[0];

describe('building blocks', () => {
  it('orthogonalMatrix: QᵀQ = I', () => {
    const q = orthogonalMatrix(4, stream(1));
    expect(q.transpose().mmul(q).sub(Matrix.eye(4)).norm('frobenius')).toBeLessThan(1e-14);
  });

  it('normalWithRealSpectrum: symmetric, with exactly the given eigenvalues', () => {
    const m = normalWithRealSpectrum([0.5, -0.25, 0.75], stream(2));
    expect(Matrix.sub(m, m.transpose()).norm('frobenius')).toBeLessThan(1e-15);
    const values = eig(m).map((z) => z.re).sort((a, b) => a - b);
    for (const [i, v] of values.entries()) expect(Math.abs(v - [-0.25, 0.5, 0.75][i])).toBeLessThan(1e-14);
  });

  it('normalWithComplexSpectrum: normal, eigenvalues r e^{±iθ} and the real values', () => {
    const m = normalWithComplexSpectrum([{ r: 0.8, theta: 1 }], [0.3], stream(3));
    expect(commutatorNorm(m)).toBeLessThan(1e-14);
    const z = eig(m).sort((a, b) => a.im - b.im);
    expect(z[0].re).toBeCloseTo(0.8 * Math.cos(1), 13);
    expect(z[0].im).toBeCloseTo(-0.8 * Math.sin(1), 13);
    expect(z[1]).toEqual({ re: expect.closeTo(0.3, 13), im: 0 });
    expect(z[2].im).toBeCloseTo(0.8 * Math.sin(1), 13);
  });

  it('matrixWithSpectralRadius: exactly that radius, non-normal', () => {
    const m = matrixWithSpectralRadius(3, 0.6, stream(4));
    expect(radius(m)).toBeCloseTo(0.6, 13);
    expect(commutatorNorm(m)).toBeGreaterThan(1e-3);
  });

  it('randomSpd: symmetric with smallest eigenvalue ≥ 0.3 (X Xᵀ + 0.3 I)', () => {
    const a = randomSpd(3, stream(5));
    expect(Matrix.sub(a, a.transpose()).norm('frobenius')).toBeLessThan(1e-15);
    expect(Math.min(...eig(a).map((z) => z.re))).toBeGreaterThanOrEqual(0.3 - 1e-14);
  });
});

describe('caseFamily', () => {
  const sizes: Record<CaseFamily, (i: number) => number> = { scalar: () => 1, 'normal-real': (i) => 1 + (i % 4), 'normal-complex': (i) => 2 + 2 * (i % 2), 'non-normal': (i) => 2 + (i % 3) };
  for (const family of Object.keys(sizes) as CaseFamily[]) {
    it(`${family}: sizes, structure and radii ≤ 0.95`, () => {
      const cases = caseFamily(family, 8, 3);
      expect(cases.map((c) => [c.family, c.index, c.case.U.rows])).toEqual(Array.from({ length: 8 }, (_, i) => [family, i, sizes[family](i)]));
      for (const { case: c } of cases) {
        for (const m of [c.U, c.V]) {
          expect(radius(m)).toBeLessThanOrEqual(0.95);
          if (family === 'normal-real') expect(Matrix.sub(m, m.transpose()).norm('frobenius')).toBeLessThan(1e-14);
          if (family === 'normal-complex') {
            expect(commutatorNorm(m)).toBeLessThan(1e-14);
            // θ in [0.2, π − 0.2] and r ≥ 0.05: every eigenvalue has |Im| ≥ 0.05·sin 0.2
            for (const z of eig(m)) expect(Math.abs(z.im)).toBeGreaterThan(0.05 * Math.sin(0.2) - 1e-14);
          }
          if (family === 'non-normal') {
            expect(commutatorNorm(m)).toBeGreaterThan(1e-6);
            expect(radius(m)).toBeGreaterThanOrEqual(0.1 - 1e-12);
          }
        }
        expect([c.W.rows, c.W.columns]).toEqual([c.U.rows, c.U.rows]);
        expect(c.e1).toBeGreaterThan(0);
        expect(c.e2).toBeGreaterThan(0);
      }
    });
  }

  it('the same cases for a seed; other seeds and other families draw others', () => {
    const a = caseFamily('non-normal', 3, 7);
    expect(caseFamily('non-normal', 3, 7).map((c) => caseToJson(c.case))).toEqual(a.map((c) => caseToJson(c.case)));
    expect(caseFamily('non-normal', 3, 8)[0].case.e1).not.toBe(a[0].case.e1);
    expect(caseFamily('normal-complex', 3, 7)[0].case.e1).not.toBe(a[0].case.e1);
    expect(caseFamily('scalar', 3, 7)[0].case.e1).not.toBe(caseFamily('normal-real', 3, 7)[0].case.e1);
  });

  it('caseToJson: the matrices as rows and both noise levels', () => {
    const c = caseFamily('scalar', 1, 1)[0].case;
    expect(caseToJson(c)).toEqual({ U: [[c.U.get(0, 0)]], V: [[c.V.get(0, 0)]], W: [[c.W.get(0, 0)]], e1: c.e1, e2: c.e2 });
  });
});
