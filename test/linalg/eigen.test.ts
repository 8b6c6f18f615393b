import { describe, expect, it } from 'vitest';
import { Matrix } from 'ml-matrix';
import { normalityDefect, spectralRadius, unitaryEigendecomposition } from '../../src/linalg/eigen.ts';
import { normalComplexSpectrum, orthogonalMatrix, matrixWithSpectralRadius } from '../helpers/random-matrices.ts';

describe('eigen helpers', () => {
  it('spectral radius of a rotation-scaling and of a scaled Gaussian matrix', () => {
    expect(spectralRadius(new Matrix([[0, -0.5], [0.5, 0]]))).toBeCloseTo(0.5, 14);
    expect(spectralRadius(matrixWithSpectralRadius(6, 0.77, 3))).toBeCloseTo(0.77, 12);
  });

  it('normality defect: 0 for normal, positive for a shift register', () => {
    expect(normalityDefect(normalComplexSpectrum([{ r: 0.8, theta: 1 }, { r: 0.3, theta: 2 }], 1))).toBeLessThan(1e-14);
    expect(normalityDefect(new Matrix([[0, 1], [0, 0]]))).toBeGreaterThan(0.5);
  });

  it('unitary eigendecomposition of a normal matrix with a repeated complex eigenvalue pair', () => {
    // 0.9·Q (orthogonal times scalar) has eigenvalues of equal modulus, repeated pairs included
    const q = orthogonalMatrix(4, 9);
    const blocks = normalComplexSpectrum([{ r: 0.6, theta: 0.4 }, { r: 0.6, theta: 0.4 }], 5);
    for (const a of [q.mul(0.9), blocks]) {
      const d = unitaryEigendecomposition(a);
      // residuals are the decomposition's own float64 error: rounding level for these well-separated groups
      expect(d.unitarityResidual).toBeLessThan(1e-12);
      expect(d.eigenResidual).toBeLessThan(1e-12);
    }
  });
});

describe('normality defect and unitary eigendecomposition, values known by hand', () => {
  it('the defect is ‖AAᵀ − AᵀA‖_F/‖A‖_F², scale-free, and 0 for the zero matrix', () => {
    // shift register: AAᵀ = diag(1, 0), AᵀA = diag(0, 1), so the defect is √2 / 1; doubling A leaves it
    expect(normalityDefect(new Matrix([[0, 1], [0, 0]]))).toBe(Math.SQRT2);
    expect(normalityDefect(new Matrix([[0, 2], [0, 0]]))).toBe(Math.SQRT2);
    expect(normalityDefect(Matrix.zeros(2, 2))).toBe(0);
  });

  it('a symmetric matrix with a repeated eigenvalue: real orthonormal vectors, and residuals as defined', () => {
    const q = orthogonalMatrix(3, 11);
    const a = q.mmul(Matrix.diag([0.5, 0.5, 0.2])).mmul(q.transpose());
    const sym = a.add(a.transpose()).mul(0.5);
    const d = unitaryEigendecomposition(sym);
    expect([...d.values.re].sort((x, y) => x - y).map((x) => +x.toFixed(12))).toEqual([0.2, 0.5, 0.5]);
    expect(d.values.im).toEqual([0, 0, 0]);
    expect(d.vectors.im.to1DArray().every((x) => x === 0)).toBe(true);
    // EᵀE = I and A E = E Λ, measured here the way the residuals are defined
    const ete = d.vectors.re.transpose().mmul(d.vectors.re);
    const unitarity = Matrix.sub(ete, Matrix.eye(3)).norm('frobenius');
    const eigen = Matrix.sub(sym.mmul(d.vectors.re), d.vectors.re.mmul(Matrix.diag(d.values.re))).norm('frobenius') / sym.norm('frobenius');
    // the same quantities in another order of operations: equal to a few units of 1e-16
    expect(Math.abs(d.unitarityResidual - unitarity)).toBeLessThan(1e-15);
    expect(Math.abs(d.eigenResidual - eigen)).toBeLessThan(1e-15);
    expect(d.unitarityResidual).toBeLessThan(1e-14);
    expect(d.eigenResidual).toBeLessThan(1e-14);
  });

  it('the zero matrix: eigenvalues 0, the identity as vectors, zero residuals', () => {
    const d = unitaryEigendecomposition(Matrix.zeros(2, 2));
    expect(d.values).toEqual({ re: [0, 0], im: [0, 0] });
    expect(d.unitarityResidual).toBe(0);
    expect(d.eigenResidual).toBe(0);
  });
});
