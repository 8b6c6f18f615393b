import { EigenvalueDecomposition, Matrix } from 'ml-matrix';
import { describe, expect, it } from 'vitest';
import { nonsymmetricEigen, nonsymmetricEigenvalues, NonConvergenceError } from '../../src/linalg/nonsymmetric-eigen.ts';
import { realEigendecomposition, spectralRadius } from '../../src/linalg/eigen.ts';
import { guarded } from '../../src/claims/checks/property-kit.ts';

/**
 * A real normal 4×4 (Q · blockdiag(0.99 R(θ₁), 0.99 R(θ₂)) · Qᵀ) that the generators of
 * eq-18.normal-capacity produce at seed 1, case 343 of 400. ml-matrix 6.15.1's EigenvalueDecomposition
 * never returns on it (its QR loop has no iteration cap), which is why nonsymmetric-eigen.ts exists.
 */
const HANGS_ML_MATRIX = [
  [0.0018069778289501533, 0.036407092024518785, -0.9012999378433909, 0.40795793965180227],
  [-0.0018716654794938379, 0.030145852189648773, -0.4070369306250654, -0.9019471500988395],
  [-0.5794582743833804, -0.8017780854774921, -0.037478453417911235, -0.008681902215750024],
  [0.8026962937176759, -0.5788070947164741, -0.025975463041625995, -0.009288836178666913],
];

function lcg(seed: number): () => number {
  let x = seed;
  return () => {
    x = (x * 16807) % 2147483647;
    return x / 2147483647 - 0.5;
  };
}

describe('nonsymmetricEigen (ml-matrix hqr2 with an iteration cap)', () => {
  it('converges on the matrix that ml-matrix loops on, with eigenvalue moduli 0.99 and small residuals', () => {
    const a = new Matrix(HANGS_ML_MATRIX);
    const e = nonsymmetricEigen(a);
    // by construction every eigenvalue has modulus 0.99; a backward-stable QR moves them by ~n·u·‖A‖
    for (let k = 0; k < 4; k++) expect(Math.abs(Math.hypot(e.realEigenvalues[k], e.imaginaryEigenvalues[k]) - 0.99)).toBeLessThan(1e-13);
    // two conjugate pairs
    const ims = e.imaginaryEigenvalues.map(Math.abs).sort((x, y) => x - y);
    expect(ims[0]).toBeGreaterThan(0.2);
    // A·(x + iy) = (a + ib)(x + iy) for each pair's columns x, y; a normal matrix's eigenvectors are
    // perfectly conditioned, so a backward-stable solver leaves a relative residual of ~n·u·‖A‖ ≈ 1e-15
    // (‖A‖₂ = 0.99, n = 4): 1e-13 leaves a factor 100 of room and still fails for any wrong pair
    const v = e.eigenvectorMatrix;
    for (const k of [0, 2]) {
      const [re, im] = [e.realEigenvalues[k], e.imaginaryEigenvalues[k]];
      const x = v.getColumnVector(k);
      const y = v.getColumnVector(k + 1);
      const ax = a.mmul(x);
      const ay = a.mmul(y);
      const rRe = Matrix.sub(ax, Matrix.sub(x.clone().mul(re), y.clone().mul(im)));
      const rIm = Matrix.sub(ay, Matrix.add(y.clone().mul(re), x.clone().mul(im)));
      const scale = Math.hypot(x.norm(), y.norm());
      expect(Math.hypot(rRe.norm(), rIm.norm()) / scale).toBeLessThan(1e-13);
    }
    expect(spectralRadius(a)).toBeCloseTo(0.99, 13);
  });

  it('is bit-identical to ml-matrix on 1,600 random nonsymmetric matrices of order 1 to 20 (the cap never fires there)', () => {
    const rnd = lcg(3);
    let compared = 0;
    for (const n of [1, 2, 3, 4, 5, 8, 12, 20]) {
      for (let k = 0; k < 200; k++) {
        const m = new Matrix(Array.from({ length: n }, () => Array.from({ length: n }, rnd)));
        const ours = nonsymmetricEigen(m);
        const lib = new EigenvalueDecomposition(m);
        expect(ours.realEigenvalues).toEqual(lib.realEigenvalues);
        expect(ours.imaginaryEigenvalues).toEqual(lib.imaginaryEigenvalues);
        expect(Array.from(ours.eigenvectorMatrix.to1DArray())).toEqual(Array.from(lib.eigenvectorMatrix.to1DArray()));
        compared++;
      }
    }
    expect(compared).toBe(1600);
  });

  it('nonsymmetricEigenvalues gives the eigenvalues of nonsymmetricEigen bit for bit (orders 1 to 60, and the matrix ml-matrix loops on)', () => {
    const rnd = lcg(11);
    const bits = (x: number[]) => Array.from(new Uint8Array(Float64Array.from(x).buffer));
    const cases = [new Matrix(HANGS_ML_MATRIX)];
    for (const n of [1, 2, 3, 5, 9, 16, 33, 60]) for (let k = 0; k < 12; k++) cases.push(new Matrix(Array.from({ length: n }, () => Array.from({ length: n }, rnd))));
    for (const m of cases) {
      const full = nonsymmetricEigen(m);
      const values = nonsymmetricEigenvalues(m);
      expect(bits(values.realEigenvalues)).toEqual(bits(full.realEigenvalues));
      expect(bits(values.imaginaryEigenvalues)).toEqual(bits(full.imaginaryEigenvalues));
    }
    expect(cases).toHaveLength(97);
  });

  it('realEigendecomposition takes the symmetric solver for symmetric input (same values as ml-matrix)', () => {
    const s = new Matrix([
      [2, 1, 0],
      [1, 3, 1],
      [0, 1, 4],
    ]);
    expect(realEigendecomposition(s).realEigenvalues).toEqual(new EigenvalueDecomposition(s).realEigenvalues);
  });

  it('rejects non-square and empty input', () => {
    expect(() => nonsymmetricEigen(new Matrix(2, 3))).toThrow(/square/);
    expect(() => nonsymmetricEigen(new Matrix(0, 0))).toThrow(/non-empty/);
  });

  it('a non-converging eigen-solve makes the case undefined in a property, not a crash', () => {
    const e = guarded(() => {
      throw new NonConvergenceError(4, 300);
    });
    expect(e.undefinedReason).toMatch(/^eigen-no-convergence: .*300 iterations.*4×4/);
  });
});
