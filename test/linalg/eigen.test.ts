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
