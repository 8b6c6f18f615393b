// Matrix-normal KL divergences and the input Fisher information (src/models/gaussian.ts) against closed forms:
// scalar normals, KL(P‖P) = 0, log-determinants of diagonal matrices, and ‖W‖²/(ε₁ε₂).
import { Matrix } from 'ml-matrix';
import { describe, expect, it } from 'vitest';
import { inputFisherCheck, lemma1AppendixA, lemma1MainText, logDet, vectorizedKl } from '../../src/models/gaussian.ts';
import { makeCase } from '../../src/models/case.ts';
import { gaussianMatrix } from '../helpers/random-matrices.ts';

const spd = (n: number, seed: number) => {
  const g = gaussianMatrix(n, n, seed);
  return g.mmul(g.transpose()).add(Matrix.eye(n).mul(0.5));
};

describe('Gaussian matrices', () => {
  it('logDet of a diagonal SPD matrix is the sum of log entries', () => {
    expect(logDet(Matrix.diag([2, 3, 0.5]))).toBeCloseTo(Math.log(3), 14);
  });

  it('vectorizedKl of 1×1 normals is ½[log(s₂/s₁) − 1 + s₁/s₂ + (m₂ − m₁)²/s₂] with s = a·b', () => {
    const [m1, a1, b1, m2, a2, b2] = [0.3, 2, 0.5, -0.4, 1.5, 3];
    const s1 = a1 * b1;
    const s2 = a2 * b2;
    const closed = 0.5 * (Math.log(s2 / s1) - 1 + s1 / s2 + (m2 - m1) ** 2 / s2);
    const m = (x: number) => new Matrix([[x]]);
    expect(vectorizedKl(m(m1), m(a1), m(b1), m(m2), m(a2), m(b2))).toBeCloseTo(closed, 14);
  });

  it('KL(P‖P) = 0; Appendix A\'s final form equals the vectorized KL; the main text\'s form swaps the exponents of the determinants', () => {
    const n = 2;
    const p = 3;
    const [m1, m2] = [gaussianMatrix(n, p, 1), gaussianMatrix(n, p, 2)];
    const [psi1, psi2, sigma1, sigma2] = [spd(n, 3), spd(n, 4), spd(p, 5), spd(p, 6)];
    expect(Math.abs(vectorizedKl(m1, psi1, sigma1, m1, psi1, sigma1))).toBeLessThan(1e-13);
    const kl = vectorizedKl(m1, psi1, sigma1, m2, psi2, sigma2);
    expect(kl).toBeGreaterThan(0);
    // same quantity through n×n and p×p factors instead of the 6×6 Kronecker product: rounding only
    expect(Math.abs(lemma1AppendixA(m1, psi1, sigma1, m2, psi2, sigma2) - kl) / kl).toBeLessThan(1e-12);
    // log|Σ ⊗ Ψ| = n·log|Σ| + p·log|Ψ|, but the main text prints |Σ|^p |Ψ|^n: off by exactly this for n ≠ p
    const swap = 0.5 * ((p - n) * (logDet(sigma2) - logDet(sigma1)) + (n - p) * (logDet(psi2) - logDet(psi1)));
    expect(Math.abs(swap)).toBeGreaterThan(1e-3);
    // (the routes round differently, by κ(Σ⊗Ψ)·ε·|terms| ≈ 1e-11 here; 1e-9·|swap| is far below any other error)
    expect(Math.abs(lemma1MainText(m1, psi1, sigma1, m2, psi2, sigma2) - kl - swap)).toBeLessThan(1e-9 * Math.abs(swap));
    // …and it is right when n = p
    const [q1, q2] = [gaussianMatrix(3, 3, 7), gaussianMatrix(3, 3, 8)];
    const [r1, r2] = [spd(3, 9), spd(3, 10)];
    const square = vectorizedKl(q1, r1, sigma1, q2, r2, sigma2);
    expect(Math.abs(lemma1MainText(q1, r1, sigma1, q2, r2, sigma2) - square) / square).toBeLessThan(1e-12);
  });

  it('Lemma 2: the Fisher information about s₀ is ‖W‖²/(ε₁ε₂), and the second difference of the log-density agrees', () => {
    // ε₁ε₂ = 1.5, not 1, so that dividing by it and multiplying by it differ
    const c = makeCase([[0.5, 0], [0, 0.4]], [[0.3, 0.1], [0, 0.2]], [[1, 2], [-1, 0.5]], 0.5, 3);
    const r = inputFisherCheck(c);
    expect(r.formula).toBeCloseTo((1 + 4 + 1 + 0.25) / (0.5 * 3), 13);
    // the log-density is quadratic in s: the second difference is exact up to rounding, ~ε·|log p|/h² ≈ 1e-12
    expect(Math.abs(r.secondDifference - r.formula) / r.formula).toBeLessThan(1e-8);
  });
});
