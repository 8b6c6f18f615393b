/**
 * property-kit.ts on its own: J_tot in each model with its error estimate, the refusal of cases too
 * ill-conditioned to resolve, and `guarded`'s mapping of the models' "undefined" signals.
 * Reference values come from the test side only: closed forms of diagonal cases (Eq. 9's sums are
 * geometric series there, and the exact 𝒜 = Vᵀ ⊗ Uᵀ is diagonal, so J_tot,exact = I(W)), and, for a
 * non-normal 2×2 case, brute-force series with explicit Kronecker matrices, ml-matrix's LU inverse and
 * SVD condition number (no Stein solver, no Cholesky, no symmetric eigensolver).
 */
import { describe, expect, it } from 'vitest';
import { inverse, Matrix, SingularValueDecomposition } from 'ml-matrix';
import { ModelUndefinedError } from '../../../src/errors.ts';
import { NotPositiveDefiniteError } from '../../../src/linalg/cholesky.ts';
import { NonConvergenceError } from '../../../src/linalg/nonsymmetric-eigen.ts';
import { SteinNotConvergentError } from '../../../src/linalg/stein.ts';
import { makeCase, type MatrixCase } from '../../../src/models/case.ts';
import { paperCovariances, type PaperCovariances } from '../../../src/models/paper.ts';
import {
  defaultCapacityKit,
  exactCapacity,
  guarded,
  MAX_RELATIVE_ERROR,
  paperCapacity,
  paperCovarianceError,
  requireResolvable,
  undefinedEvaluation,
  UNIT_ROUNDOFF,
  type CaseEvaluation,
} from '../../../src/claims/checks/property-kit.ts';
import { weight } from '../../properties/analytic.ts';

/** Float64 unit roundoff and the documented floor constant, written out here rather than imported. */
const U_ROUND = 2 ** -53;
const FLOOR_SAFETY = 16;

const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

/** The next float64 above a positive x. */
function nextUp(x: number): number {
  const f = new Float64Array([x]);
  new BigInt64Array(f.buffer)[0] += 1n;
  return f[0];
}

/** Catches what fn throws (fails the test if it returns). */
function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (err) {
    return err;
  }
  throw new Error('expected a throw');
}

// Diagonal case: U = diag(u), V = diag(v), ε₁ε₂ = 0.5 (≠ 1, so I(W) and jtot/I(W) differ from their inverses).
const u = [0.5, -0.9];
const v = [0.3, 0.8];
const W = [[1, 2], [-1, 0.5]];
const e1 = 2;
const e2 = 0.25;
const diagonalCase = makeCase([[u[0], 0], [0, u[1]]], [[v[0], 0], [0, v[1]]], W, e1, e2);
/** ‖W‖²_F/(ε₁ε₂) = (1 + 4 + 1 + 0.25)/0.5, Lemma 2. */
const diagonalInputFisher = 12.5;
/** Eq. 9 for diagonal U: Ψ = diag(ε₁/(1 − u_i²)), so κ(Ψ) = (1 − 0.25)/(1 − 0.81); likewise κ(Σ) = (1 − 0.09)/(1 − 0.64). */
const diagonalKappaPaper = (0.75 / 0.19) * (0.91 / 0.36);
/** λmax(Ψ)/ε₁ + λmax(Σ)/ε₂ = 1/(1 − 0.81) + 1/(1 − 0.64). */
const diagonalAmplification = 1 / 0.19 + 1 / 0.36;
/** Eq. 18 for diagonal U, V: Σ_ij W_ij² g(|v_j|, |u_i|)/(ε₁ε₂). */
const diagonalPaperJtot = W.reduce((s, row, i) => s + row.reduce((t, w, j) => t + w * w * weight(Math.abs(v[j]), Math.abs(u[i])), 0), 0) / (e1 * e2);
/** Exact model: C = diag(ε₁ε₂/(1 − (u_i v_j)²)); products |u_i v_j| ∈ {0.15, 0.4, 0.27, 0.72}. */
const diagonalKappaC = (1 - 0.15 ** 2) / (1 - 0.72 ** 2);

// Non-normal case for the brute-force routes (ρ(U) = 0.5, ρ(V) = 0.4).
const nonNormalCase = makeCase([[0.5, 0.9], [0, 0.3]], [[0.2, 0], [0.7, -0.4]], W, e1, e2);

/** e Σ_k A^{kᵀ} A^k by plain summation (Eq. 9). */
function bruteEq9(a: Matrix, e: number): Matrix {
  let s = Matrix.zeros(a.rows, a.rows);
  let p = Matrix.eye(a.rows, a.rows);
  for (let k = 0; k < 10000; k++) {
    const t = p.transpose().mmul(p).mul(e);
    s = Matrix.add(s, t);
    if (t.norm('frobenius') <= 1e-18 * s.norm('frobenius')) break;
    p = p.mmul(a);
  }
  return s;
}

/** 𝒜 = Vᵀ ⊗ Uᵀ and vec W (column stacking: W[a][b] at a + N b), formed explicitly. */
function kroneckerData(c: MatrixCase): { A: Matrix; w: Matrix } {
  const N = c.U.rows;
  const w = Matrix.zeros(N * N, 1);
  for (let a = 0; a < N; a++) for (let b = 0; b < N; b++) w.set(a + N * b, 0, c.W.get(a, b));
  return { A: c.V.transpose().kroneckerProduct(c.U.transpose()), w };
}

/** Paper J_tot by the adjoint series: vec(W)ᵀ (Σ_k 𝒜^{kᵀ} (Σ⁻¹ ⊗ Ψ⁻¹) 𝒜^k) vec(W), with Ψ, Σ from bruteEq9. */
function brutePaper(c: MatrixCase): { jtot: number; psi: Matrix; sigma: Matrix } {
  const psi = bruteEq9(c.U, c.e1);
  const sigma = bruteEq9(c.V, c.e2);
  const K = inverse(sigma).kroneckerProduct(inverse(psi));
  const { A, w } = kroneckerData(c);
  let H = Matrix.zeros(A.rows, A.rows);
  let P = Matrix.eye(A.rows, A.rows);
  for (let k = 0; k < 10000; k++) {
    const t = P.transpose().mmul(K).mmul(P);
    H = Matrix.add(H, t);
    if (t.norm('frobenius') <= 1e-18 * H.norm('frobenius')) break;
    P = A.mmul(P);
  }
  return { jtot: w.transpose().mmul(H).mmul(w).get(0, 0), psi, sigma };
}

/** Exact C = ε₁ε₂ Σ_k 𝒜^k (𝒜^k)ᵀ and J_tot = Σ_k m_kᵀ C⁻¹ m_k, m_k = 𝒜^k vec W, by plain summation. */
function bruteExact(c: MatrixCase): { jtot: number; C: Matrix } {
  const { A, w } = kroneckerData(c);
  let C = Matrix.zeros(A.rows, A.rows);
  let P = Matrix.eye(A.rows, A.rows);
  for (let k = 0; k < 10000; k++) {
    const t = P.mmul(P.transpose()).mul(c.e1 * c.e2);
    C = Matrix.add(C, t);
    if (t.norm('frobenius') <= 1e-18 * C.norm('frobenius')) break;
    P = A.mmul(P);
  }
  const Ci = inverse(C);
  let jtot = 0;
  let m = w;
  for (let k = 0; k < 10000; k++) {
    const t = m.transpose().mmul(Ci).mmul(m).get(0, 0);
    jtot += t;
    if (t <= 1e-18 * jtot) break;
    m = A.mmul(m);
  }
  return { jtot, C };
}

describe('undefinedEvaluation', () => {
  it('marks the case undefined with NaN value, margin and error, keeping the reason and numbers', () => {
    const numbers = { x: 3 };
    const e = undefinedEvaluation('divergent: why', numbers);
    expect(e.undefinedReason).toBe('divergent: why');
    expect(e.value).toBeNaN();
    expect(e.margin).toBeNaN();
    expect(e.errorBound).toBeNaN();
    expect(e.numbers).toEqual({ x: 3 });
    expect(undefinedEvaluation('r').numbers).toEqual({});
  });
});

describe('guarded', () => {
  const ok: CaseEvaluation = { value: 0.5, margin: 0.25, errorBound: 1e-12, numbers: { a: 1 } };

  it('passes a finite evaluation and an already-undefined one through unchanged', () => {
    expect(guarded(() => ok)).toBe(ok);
    const undef = undefinedEvaluation('singular: given', { b: 2 });
    const g = guarded(() => undef);
    expect(g.undefinedReason).toBe('singular: given');
    expect(g.numbers).toEqual({ b: 2 });
  });

  it('turns a non-finite margin or error bound (either one alone) into an undefined case', () => {
    const nanMargin = guarded(() => ({ ...ok, margin: NaN }));
    expect(nanMargin.undefinedReason).toBe('non-finite result (margin NaN, error 1e-12)');
    expect(nanMargin.numbers).toEqual({ a: 1 });
    expect(nanMargin.margin).toBeNaN();
    expect(guarded(() => ({ ...ok, margin: -Infinity })).undefinedReason).toBe('non-finite result (margin -Infinity, error 1e-12)');
    expect(guarded(() => ({ ...ok, errorBound: Infinity })).undefinedReason).toBe('non-finite result (margin 0.25, error Infinity)');
  });

  it('maps ModelUndefinedError to its reason and message, with a copy of its details', () => {
    const details = { spectralRadiusU: 1.5 };
    const g = guarded(() => {
      throw new ModelUndefinedError('sums diverge', 'divergent', details);
    });
    expect(g.undefinedReason).toBe('divergent: sums diverge');
    expect(g.numbers).toEqual({ spectralRadiusU: 1.5 });
    expect(g.numbers).not.toBe(details);
    expect(g.value).toBeNaN();
  });

  it('maps a real divergent paper case (ρ(U) = 1.2) to "divergent" with the spectral radii', () => {
    const c = makeCase([[1.2, 0], [0, 0.1]], [[0.5, 0], [0, 0.5]], W);
    const g = guarded(() => {
      paperCapacity(c);
      return ok;
    });
    expect(g.undefinedReason).toMatch(/^divergent: paper model undefined/);
    // spectral radius of a diagonal matrix: the largest |entry|; the eigensolver is exact to a few ulps here
    expect(g.numbers.spectralRadiusU).toBeCloseTo(1.2, 12);
  });

  it('maps the solver failures to their reasons', () => {
    const stein = guarded(() => { throw new SteinNotConvergentError('no sum'); });
    expect(stein.undefinedReason).toBe('divergent: no sum');
    expect(stein.numbers).toEqual({});
    const nc = new NonConvergenceError(4, 300);
    expect(guarded(() => { throw nc; }).undefinedReason).toBe(`eigen-no-convergence: ${nc.message}`);
    const pd = 'ill-conditioned: a covariance is not numerically positive definite';
    expect(guarded(() => { throw new NotPositiveDefiniteError('pivot 3 is -1e-20'); }).undefinedReason).toBe(`${pd} (pivot 3 is -1e-20)`);
    // spdInverse's error is a RangeError with this message
    expect(guarded(() => { throw new RangeError('matrix is not positive definite'); }).undefinedReason).toBe(`${pd} (matrix is not positive definite)`);
  });

  it('lets every other error propagate (a bug, not an undefined case)', () => {
    const range = new RangeError('Q must be 4×4');
    expect(() => guarded(() => { throw range; })).toThrow(range);
    const plain = new Error('matrix is not positive definite'); // right words, wrong class
    expect(() => guarded(() => { throw plain; })).toThrow(plain);
    const type = new TypeError('x is undefined');
    expect(() => guarded(() => { throw type; })).toThrow(type);
  });
});

describe('requireResolvable', () => {
  it('accepts errors up to 1e-6 inclusive (six correct digits) and refuses the next float64 above', () => {
    expect(MAX_RELATIVE_ERROR).toBe(1e-6);
    expect(() => requireResolvable(0, 'm', {})).not.toThrow();
    expect(() => requireResolvable(1e-6, 'm', {})).not.toThrow();
    expect(() => requireResolvable(nextUp(1e-6), 'm', {})).toThrow(ModelUndefinedError);
  });

  it('refuses NaN and Infinity', () => {
    expect(() => requireResolvable(NaN, 'm', {})).toThrow(ModelUndefinedError);
    expect(() => requireResolvable(Infinity, 'm', {})).toThrow(ModelUndefinedError);
  });

  it('throws reason "ill-conditioned" with the numbers as details and a message naming the model and the error', () => {
    const numbers = { jtot: 7, relativeError: 2e-6 };
    const err = thrown(() => requireResolvable(2e-6, 'paper model', numbers)) as ModelUndefinedError;
    expect(err).toBeInstanceOf(ModelUndefinedError);
    expect(err.reason).toBe('ill-conditioned');
    expect(err.details).toEqual({ jtot: 7, relativeError: 2e-6 });
    expect(err.message).toBe('paper model: estimated relative error 2.00e-6 exceeds 0.000001 (ill-conditioned beyond repair)');
  });
});

describe('UNIT_ROUNDOFF', () => {
  it('is the float64 unit roundoff: half the machine epsilon, 1 + u rounds to 1, 1 + 2u does not', () => {
    expect(UNIT_ROUNDOFF).toBe(Number.EPSILON / 2);
    expect(1 + UNIT_ROUNDOFF).toBe(1);
    expect(1 + 2 * UNIT_ROUNDOFF).toBeGreaterThan(1);
  });
});

describe('paperCovarianceError', () => {
  it('diagonal case: κ(Σ)κ(Ψ) and the Stein amplification from the geometric series of Eq. 9', () => {
    const cov = paperCovariances(diagonalCase);
    const r = paperCovarianceError(diagonalCase, cov);
    // Ψ, Σ from the doubling sums and their eigenvalues: a few ulps of relative error, amplified ≤ ~5× by 1/(1 − 0.81)
    expect(rel(r.kappa, diagonalKappaPaper)).toBeLessThan(1e-13);
    expect(rel(r.amplification, diagonalAmplification)).toBeLessThan(1e-13);
    const floor = FLOOR_SAFETY * 4 * U_ROUND * (diagonalKappaPaper + diagonalAmplification);
    // the floor is ~1e-13 and the Stein residuals ~1e-16: the estimate is the floor to within a percent
    expect(r.relativeError).toBeGreaterThanOrEqual(floor * (1 - 1e-12));
    expect(r.relativeError).toBeLessThan(floor * 1.01);
  });

  it('adds both residuals to the floor, with n = N² (synthetic covariances, N = 3)', () => {
    const c = makeCase([[0, 0, 0], [0, 0, 0], [0, 0, 0]], [[0, 0, 0], [0, 0, 0], [0, 0, 0]], [[1, 0, 0], [0, 0, 0], [0, 0, 0]], 2, 4);
    // Ψ = diag(2, 4, 8): κ(Ψ) = 4, λmax/ε₁ = 4; Σ = diag(4, 4, 40): κ(Σ) = 10, λmax/ε₂ = 10
    const psi = Matrix.diag([2, 4, 8]);
    const sigma = Matrix.diag([4, 4, 40]);
    const cov: PaperCovariances = { psi, sigma, psiInv: inverse(psi), sigmaInv: inverse(sigma), residuals: { psi: 1e-3, sigma: 1e-5 } };
    const r = paperCovarianceError(c, cov);
    expect(r.kappa).toBeCloseTo(40, 12); // symmetric eigensolver on a diagonal matrix: exact to rounding
    expect(r.amplification).toBeCloseTo(14, 12);
    // 16 · 9 · 2⁻⁵³ · (40 + 14) + 1e-3 + 1e-5; a relative 1e-12 absorbs the eigenvalues' rounding
    const expected = 16 * 9 * U_ROUND * 54 + 1.01e-3;
    expect(rel(r.relativeError, expected)).toBeLessThan(1e-12);
    // the floor alone (~8.6e-13) is visible above the residuals' rounding (~2e-19)
    expect(r.relativeError - 1.01e-3).toBeGreaterThan(0.5 * 16 * 9 * U_ROUND * 54);
  });
});

describe('paperCapacity', () => {
  it('diagonal case: J_tot = Eq. 18 closed form, I(W) = ‖W‖²/(ε₁ε₂), J_tot,rel, κ and amplification', () => {
    const r = paperCapacity(diagonalCase);
    // two doubling sums and one trace over 16 entries: ~1e-15 relative
    expect(rel(r.jtot, diagonalPaperJtot)).toBeLessThan(1e-13);
    expect(r.numbers.jtot).toBe(r.jtot);
    expect(rel(r.numbers.jtotSecondRoute, diagonalPaperJtot)).toBeLessThan(1e-13); // same accuracy, other route
    expect(r.inputFisher).toBeCloseTo(diagonalInputFisher, 12);
    expect(r.numbers.inputFisher).toBeCloseTo(diagonalInputFisher, 12);
    expect(rel(r.jtotRel, diagonalPaperJtot / diagonalInputFisher)).toBeLessThan(1e-13);
    expect(r.numbers.jtotRel).toBe(r.jtotRel);
    expect(rel(r.numbers.conditionSigmaTimesPsi, diagonalKappaPaper)).toBeLessThan(1e-13); // as in paperCovarianceError
    expect(rel(r.numbers.steinAmplification, diagonalAmplification)).toBeLessThan(1e-13);
    expect(r.numbers.relativeError).toBe(r.relativeError);
    // the estimate covers the rounding floor and 10× the observed disagreement of the two routes…
    const floor = FLOOR_SAFETY * 4 * U_ROUND * (diagonalKappaPaper + diagonalAmplification);
    const disagreement = Math.abs(r.numbers.jtot - r.numbers.jtotSecondRoute) / r.numbers.jtot;
    expect(r.relativeError).toBeGreaterThanOrEqual(floor * (1 - 1e-12) + 10 * disagreement * (1 - 1e-12));
    // …and the true error, while staying far below the refusal threshold in this benign case
    expect(rel(r.jtot, diagonalPaperJtot)).toBeLessThanOrEqual(r.relativeError);
    expect(r.relativeError).toBeLessThan(1e-11);
    expect(r.cov.psi.get(1, 1)).toBeCloseTo(e1 / 0.19, 12); // Ψ₂₂ = ε₁/(1 − 0.81)
  });

  it('non-normal case: both routes, κ(Σ)κ(Ψ) and the amplification equal brute-force Kronecker series', () => {
    const r = paperCapacity(nonNormalCase);
    const b = brutePaper(nonNormalCase);
    // κ of Ψ, Σ is O(10) and ~50 series terms are summed on each side: agreement to ~1e-14
    expect(rel(r.jtot, b.jtot)).toBeLessThan(1e-12);
    expect(rel(r.numbers.jtotSecondRoute, b.jtot)).toBeLessThan(1e-12); // the adjoint route on its own
    const svdPsi = new SingularValueDecomposition(b.psi);
    const svdSigma = new SingularValueDecomposition(b.sigma);
    // for SPD matrices singular values are the eigenvalues; SVD vs symmetric QR agree to ~1e-15
    expect(rel(r.numbers.conditionSigmaTimesPsi, svdPsi.condition * svdSigma.condition)).toBeLessThan(1e-12);
    const amp = svdPsi.diagonal[0] / e1 + svdSigma.diagonal[0] / e2;
    expect(rel(r.numbers.steinAmplification, amp)).toBeLessThan(1e-12);
    // the routes disagree by a few ulps here (today): the estimate must add 10× that on top of the floor
    const floor = FLOOR_SAFETY * 4 * U_ROUND * (svdPsi.condition * svdSigma.condition + amp);
    const disagreement = Math.abs(r.numbers.jtot - r.numbers.jtotSecondRoute) / r.numbers.jtot;
    expect(r.relativeError).toBeGreaterThanOrEqual((floor + 10 * disagreement + r.cov.residuals.psi + r.cov.residuals.sigma) * (1 - 1e-12));
    expect(rel(r.jtot, b.jtot)).toBeLessThanOrEqual(r.relativeError);
  });

  it('W = 0: J_tot = 0 is resolvable (a zero value must not make the routes\' disagreement 0/0)', () => {
    const r = paperCapacity(makeCase([[0.5, 0], [0, 0.2]], [[0.3, 0], [0, 0.1]], [[0, 0], [0, 0]]));
    expect(r.jtot).toBe(0);
    expect(r.numbers.jtotSecondRoute).toBe(0);
    expect(r.inputFisher).toBe(0);
  });

  it('near-marginal U = aI with 1 − a² = 1e-7: κ = 1 but the amplification 1e7 sets the floor, still resolvable', () => {
    const a = Math.sqrt(1 - 1e-7);
    const c = makeCase([[a, 0], [0, a]], [[0.5, 0], [0, 0.5]], W);
    const r = paperCapacity(c);
    const amp = 1 / (1 - a * a) + 1 / 0.75;
    const floor = FLOOR_SAFETY * 4 * U_ROUND * (1 + amp);
    // 1 − a² in float64 carries ~1e-16/1e-7 = 1e-9 relative error, on both sides
    expect(rel(r.numbers.steinAmplification, amp)).toBeLessThan(1e-7);
    expect(rel(r.numbers.conditionSigmaTimesPsi, 1)).toBeLessThan(1e-7);
    expect(r.relativeError).toBeGreaterThanOrEqual(floor * (1 - 1e-7));
    const closed = W.flat().reduce((s, w) => s + w * w, 0) * weight(0.5, a);
    expect(rel(r.jtot, closed)).toBeLessThanOrEqual(r.relativeError);
  });

  it('refuses ρ(U) with 1 − ρ² = 1e-9 as ill-conditioned, reporting the numbers that decide it', () => {
    const a = Math.sqrt(1 - 1e-9);
    // U = aI: κ(Ψ) = 1, so the refusal comes from the amplification term alone (16·4·u·1e9 ≈ 7e-6 > 1e-6)
    const err = thrown(() => paperCapacity(makeCase([[a, 0], [0, a]], [[0.5, 0], [0, 0.5]], W))) as ModelUndefinedError;
    expect(err).toBeInstanceOf(ModelUndefinedError);
    expect(err.reason).toBe('ill-conditioned');
    expect(err.message).toMatch(/^paper model: estimated relative error .* exceeds 0\.000001/);
    // 1 − a² in float64: ~1e-7 relative error on both sides
    expect(rel(err.details.steinAmplification, 1e9 + 1 / 0.75)).toBeLessThan(1e-5);
    expect(err.details.relativeError).toBeGreaterThan(1e-6);
    expect(err.details.jtot).toBeGreaterThan(0);
  });
});

describe('exactCapacity', () => {
  it('diagonal case: J_tot = I(W) (normal 𝒜), J_tot,rel = 1, κ(C) from the diagonal of C', () => {
    const r = exactCapacity(diagonalCase);
    // certified series and Cholesky solves on a 4×4 with κ ≈ 2: ~1e-15 relative
    expect(rel(r.jtot, diagonalInputFisher)).toBeLessThan(1e-13);
    expect(rel(r.numbers.jtotSecondRoute, diagonalInputFisher)).toBeLessThan(1e-13);
    expect(r.inputFisher).toBeCloseTo(diagonalInputFisher, 12);
    expect(r.numbers.inputFisher).toBeCloseTo(diagonalInputFisher, 12);
    expect(r.jtotRel).toBeCloseTo(1, 13);
    expect(r.numbers.jtotRel).toBe(r.jtotRel);
    expect(r.numbers.jtot).toBe(r.jtot);
    expect(rel(r.numbers.conditionC, diagonalKappaC)).toBeLessThan(1e-13); // doubling sum + eigenvalues: a few ulps
    expect(r.numbers.relativeError).toBe(r.relativeError);
    const floor = FLOOR_SAFETY * 4 * U_ROUND * diagonalKappaC;
    const disagreement = Math.abs(r.numbers.jtot - r.numbers.jtotSecondRoute) / r.numbers.jtot;
    expect(r.relativeError).toBeGreaterThanOrEqual(floor * (1 - 1e-12) + 10 * disagreement * (1 - 1e-12) + r.cov.relativeResidual);
    expect(rel(r.jtot, diagonalInputFisher)).toBeLessThanOrEqual(r.relativeError);
    expect(r.relativeError).toBeLessThan(1e-11);
    expect(r.cov.n).toBe(4);
  });

  it('non-normal case: J_tot, the Gram route and κ(C) equal a brute-force Kronecker series', () => {
    const r = exactCapacity(nonNormalCase);
    const b = bruteExact(nonNormalCase);
    // κ(C) = O(10), ~30 series terms and an LU inverse of a 4×4: both sides good to ~1e-14
    expect(rel(r.jtot, b.jtot)).toBeLessThan(1e-12);
    expect(rel(r.numbers.jtotSecondRoute, b.jtot)).toBeLessThan(1e-12);
    const kappa = new SingularValueDecomposition(b.C).condition;
    expect(rel(r.numbers.conditionC, kappa)).toBeLessThan(1e-12);
    // the estimate covers the floor, 10× the (few-ulp) disagreement of the two routes, and C's Stein residual
    const disagreement = Math.abs(r.numbers.jtot - r.numbers.jtotSecondRoute) / r.numbers.jtot;
    expect(r.relativeError).toBeGreaterThanOrEqual((FLOOR_SAFETY * 4 * U_ROUND * kappa + 10 * disagreement + r.cov.relativeResidual) * (1 - 1e-12));
    expect(rel(r.jtot, b.jtot)).toBeLessThanOrEqual(r.relativeError);
    expect(rel(r.jtotRel, b.jtot / diagonalInputFisher)).toBeLessThan(1e-12); // same W, ε: same I(W)
  });

  it('W = 0: J_tot = 0 is resolvable (a zero value must not make the routes\' disagreement 0/0)', () => {
    const r = exactCapacity(makeCase([[0.5, 0], [0, 0.2]], [[0.3, 0], [0, 0.1]], [[0, 0], [0, 0]]));
    expect(r.jtot).toBe(0);
    expect(r.numbers.jtotSecondRoute).toBe(0);
  });

  it('near-marginal: ρ(𝒜) = a² with 1 − a⁴ = 1e-7, κ(C) = 1e7 sets a floor of ~7e-8, still resolvable', () => {
    const a = (1 - 1e-7) ** 0.25;
    const c = makeCase([[a, 0], [0, 0]], [[a, 0], [0, 0]], W);
    const r = exactCapacity(c);
    const kappa = 1 / (1 - a ** 4); // C = diag(1/(1 − a⁴), 1, 1, 1)
    // 1 − a⁴ in float64 carries ~1e-9 relative error; the Stein sum about as much
    expect(rel(r.numbers.conditionC, kappa)).toBeLessThan(1e-7);
    expect(r.relativeError).toBeGreaterThanOrEqual(FLOOR_SAFETY * 4 * U_ROUND * kappa * (1 - 1e-7));
    expect(rel(r.jtot, 6.25)).toBeLessThanOrEqual(r.relativeError); // J_tot = I(W) = ‖W‖²_F (normal 𝒜, ε = 1)
  });

  it('refuses κ(C) = 1e9 as ill-conditioned (16·4·u·1e9 ≈ 7e-6 > 1e-6), reporting κ(C) and J_tot', () => {
    const a = (1 - 1e-9) ** 0.25;
    const err = thrown(() => exactCapacity(makeCase([[a, 0], [0, 0]], [[a, 0], [0, 0]], W))) as ModelUndefinedError;
    expect(err).toBeInstanceOf(ModelUndefinedError);
    expect(err.reason).toBe('ill-conditioned');
    expect(err.message).toMatch(/^exact model: estimated relative error .* exceeds 0\.000001/);
    // 1 − a⁴ in float64: ~1e-7 relative error on both sides
    expect(rel(err.details.conditionC, 1 / (1 - a ** 4))).toBeLessThan(1e-5);
    expect(err.details.relativeError).toBeGreaterThanOrEqual(FLOOR_SAFETY * 4 * U_ROUND * 1e9 * (1 - 1e-5));
    expect(rel(err.details.jtot, 6.25)).toBeLessThan(1e-5); // still I(W), just not certifiable to 1e-6
  });
});

describe('defaultCapacityKit', () => {
  it('the default kit evaluates each model with its own capacity function', () => {
    expect(defaultCapacityKit.paper).toBe(paperCapacity);
    expect(defaultCapacityKit.exact).toBe(exactCapacity);
    // and they differ on the diagonal case: the paper J_tot is below I(W), the exact one equals it
    expect(defaultCapacityKit.paper(diagonalCase).jtotRel).toBeLessThan(0.9);
    expect(defaultCapacityKit.exact(diagonalCase).jtotRel).toBeCloseTo(1, 12);
  });
});
