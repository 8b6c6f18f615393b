/**
 * The arbitraries generate what they say: normal families are normal (‖AAᵀ − AᵀA‖ ≤ 1e-12 relative,
 * rounding of Q D Qᵀ only), spectral radii lie in the requested band (checked with the eigensolver,
 * to a tolerance that depends on how well-conditioned the eigenvalues are), W families keep their
 * defining property, and shrinking keeps the structure.
 */
import { describe, expect } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { Matrix, SingularValueDecomposition } from 'ml-matrix';
import { normalityDefect, spectralRadius } from '../../src/linalg/eigen.ts';
import {
  ALL_FAMILIES,
  DIVERGENT_BAND,
  NEAR_MARGINAL_BAND,
  NON_NORMAL_FAMILIES,
  NORMAL_FAMILIES,
  TYPICAL_BAND,
  caseArbitrary,
  convergentMatrixArbitrary,
  erf,
  erfinv,
  inputArbitrary,
  nonNormalMatrixArbitrary,
  normalMatrixArbitrary,
  orthogonalFromAngles,
  sizedMatrixArbitrary,
  type GeneratedMatrix,
} from '../../src/arbitraries/index.ts';

const SEED = 20240601;
const params = { seed: SEED, numRuns: 300 };
const u = 2 ** -53;

/**
 * How far a computed spectral radius may sit from the constructed one: normal matrices have
 * perfectly conditioned eigenvalues (error ~ u‖A‖); a non-normal matrix with a repeated eigenvalue
 * of a Jordan chain of length k moves by up to ~(u‖A‖)^{1/k} (k ≤ N), hence the N-th root.
 */
function radiusTolerance(m: GeneratedMatrix): number {
  const a = new Matrix(m.rows);
  const norm = Math.max(1, a.norm('frobenius'));
  if (NORMAL_FAMILIES.includes(m.family)) return 64 * u * norm;
  return 8 * (64 * u * norm) ** (1 / m.rows.length);
}

describe('matrix arbitraries', () => {
  test.prop([normalMatrixArbitrary({ bands: [TYPICAL_BAND, NEAR_MARGINAL_BAND] })], params)('normal families are normal to rounding (defect < 1e-12)', (m) => {
    expect(normalityDefect(new Matrix(m.rows))).toBeLessThan(1e-12);
  });

  test.prop([sizedMatrixArbitrary({ families: ALL_FAMILIES, bands: [TYPICAL_BAND, NEAR_MARGINAL_BAND, DIVERGENT_BAND] })], params)('spectral radius is the constructed one, inside its band', (m) => {
    const band = [TYPICAL_BAND, NEAR_MARGINAL_BAND, DIVERGENT_BAND].find((b) => b.label === m.band)!;
    expect(m.spectralRadius).toBeGreaterThanOrEqual(band.min);
    expect(m.spectralRadius).toBeLessThanOrEqual(band.max);
    expect(Math.abs(spectralRadius(new Matrix(m.rows)) - m.spectralRadius)).toBeLessThanOrEqual(radiusTolerance(m));
  });

  test.prop([convergentMatrixArbitrary({ min: 0.99, max: 0.999 })], params)('convergent near-marginal band: 0.99 ≤ ρ ≤ 0.999', (m) => {
    expect(m.spectralRadius).toBeGreaterThanOrEqual(0.99);
    expect(m.spectralRadius).toBeLessThanOrEqual(0.999);
  });

  test.prop([nonNormalMatrixArbitrary({ families: ['schur'] })], params)('Schur family: departure from normality is controlled by δ', (m) => {
    // ‖AAᵀ − AᵀA‖_F ≤ 2‖A‖_F² always; with δ = 0 the matrix is symmetric (normal)
    expect(m.normalityDefect).toBeLessThanOrEqual(2);
  });

  test('non-normal families do produce non-normal matrices', () => {
    const ms = fc.sample(nonNormalMatrixArbitrary({ families: NON_NORMAL_FAMILIES }), { seed: SEED, numRuns: 200 });
    const nonNormal = ms.filter((m) => m.rows.length > 1 && m.normalityDefect > 1e-3);
    expect(nonNormal.length).toBeGreaterThan(50);
    const chains = ms.filter((m) => m.family === 'shift-chain' && m.rows.length >= 3);
    expect(chains.length).toBeGreaterThan(0);
  });

  test('the typical band includes the zero matrix (a normal convergent boundary case)', () => {
    const ms = fc.sample(normalMatrixArbitrary({ bands: [TYPICAL_BAND] }), { seed: SEED, numRuns: 200 });
    expect(ms.some((m) => m.rows.flat().every((x) => x === 0))).toBe(true);
  });

  test('shrinking keeps normality and moves toward N = 1', () => {
    // A property that fails for most values: fast-check shrinks the failing value as far as it can.
    // Every value the predicate sees after the first failure is a shrink candidate: all must be normal.
    const arb = normalMatrixArbitrary({ bands: [TYPICAL_BAND, NEAR_MARGINAL_BAND] });
    const seen: GeneratedMatrix[] = [];
    const r = fc.check(
      fc.property(arb, (m) => {
        seen.push(m);
        return new Matrix(m.rows).norm('frobenius') < 0.5;
      }),
      { seed: SEED },
    );
    expect(r.failed).toBe(true);
    expect(r.numShrinks).toBeGreaterThan(0);
    expect(seen.length).toBeGreaterThan(r.numRuns);
    for (const m of seen) expect(normalityDefect(new Matrix(m.rows))).toBeLessThan(1e-12);
    const shrunk = r.counterexample![0];
    expect(shrunk.rows.length).toBe(1);
  });

  test('shrinking a Schur-form matrix keeps its spectrum in the band', () => {
    const arb = nonNormalMatrixArbitrary({ families: ['schur'], bands: [NEAR_MARGINAL_BAND] });
    const seen: GeneratedMatrix[] = [];
    fc.check(fc.property(arb, (m) => (seen.push(m), m.normalityDefect < 0.05)), { seed: SEED });
    for (const m of seen) {
      expect(m.spectralRadius).toBeGreaterThanOrEqual(0.99);
      expect(m.spectralRadius).toBeLessThanOrEqual(0.999);
    }
  });
});

describe('input and noise arbitraries', () => {
  const sizes = fc.integer({ min: 1, max: 5 });
  test.prop([sizes.chain((N) => inputArbitrary(N, ['unitary']))], params)('unitary W: WᵀW = I', (w) => {
    const m = new Matrix(w.rows);
    const d = Matrix.sub(m.transpose().mmul(m), Matrix.eye(m.rows, m.rows)).norm('frobenius');
    expect(d).toBeLessThan(1e-13);
  });

  test.prop([sizes.chain((N) => inputArbitrary(N, ['rank-deficient']))], params)('rank-deficient W: rank < N for N ≥ 2', (w) => {
    const N = w.rows.length;
    const sv = new SingularValueDecomposition(new Matrix(w.rows)).diagonal;
    const rank = sv.filter((s) => s > 1e-12 * sv[0]).length;
    expect(rank).toBeLessThanOrEqual(w.rank);
    if (N >= 2) expect(rank).toBeLessThan(N);
  });

  test.prop([sizes.chain((N) => inputArbitrary(N, ['fixed-norm', 'dense']))], params)('W has the Frobenius norm it states, and I(W) > 0', (w) => {
    const f = new Matrix(w.rows).norm('frobenius');
    expect(Math.abs(f - w.frobeniusNorm)).toBeLessThan(1e-12 * w.frobeniusNorm);
    if (w.family === 'fixed-norm') expect(Math.abs(f - 1)).toBeLessThan(1e-14);
    expect(f).toBeGreaterThan(0);
  });

  test('the same seed gives the same cases (fc.sample and fc.check agree)', () => {
    const arb = caseArbitrary({ uFamilies: ALL_FAMILIES, vFamilies: ALL_FAMILIES, uBands: [TYPICAL_BAND], vBands: [TYPICAL_BAND] });
    const a = fc.sample(arb, { seed: 7, numRuns: 20 });
    const b: unknown[] = [];
    fc.check(fc.property(arb, (v) => { b.push(v); return true; }), { seed: 7, numRuns: 20 });
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });
});

describe('building blocks', () => {
  test('Givens products are orthogonal', () => {
    const q = orthogonalFromAngles(5, [0.3, -1.2, 2.5, 0.1, -0.7, 1.9, 3.0, -2.2, 0.4, 1.1]);
    expect(Matrix.sub(q.transpose().mmul(q), Matrix.eye(5, 5)).norm('frobenius')).toBeLessThan(1e-14);
  });
  test('erfinv inverts erf', () => {
    for (const x of [-0.999999, -0.9, -0.3, 0, 1e-8, 0.5, 0.99, 0.999999]) expect(Math.abs(erf(erfinv(x)) - x)).toBeLessThan(1e-14);
  });
});
