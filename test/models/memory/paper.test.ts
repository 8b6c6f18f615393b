import { describe, expect, it } from 'vitest';
import { EigenvalueDecomposition, Matrix } from 'ml-matrix';
import { matrixPower, relativeDifference, spdInverse } from '../../../src/linalg/dense.ts';
import { makeCase } from '../../../src/models/case.ts';
import {
  paperMemoryCombinedPrecisions,
  paperMemoryEq45,
  paperMemoryFmcEq41,
  paperMemoryFmcEq43,
  paperMemoryFmcEq46,
  paperMemoryMarginalizedFactors,
  paperMemoryModel,
  paperMemorySeriesRatios,
  paperMemoryTotalCapacity,
  paperMemoryTruncationStudy,
  geometricSumModulus,
  sandwichSeries,
  validateTruncation,
} from '../../../src/models/memory/paper.ts';
import { memoryTotalCapacity, resolveAlpha } from '../../../src/models/memory/index.ts';
import { ModelUndefinedError } from '../../../src/errors.ts';
import { gaussianMatrix, matrixWithSpectralRadius, normalComplexSpectrum } from '../../helpers/random-matrices.ts';

const rows = (m: Matrix) => m.to2DArray();
const nonNormal = makeCase(rows(matrixWithSpectralRadius(3, 0.7, 101)), rows(matrixWithSpectralRadius(3, 0.6, 102)), rows(gaussianMatrix(3, 3, 103)), 0.8, 1.3);
const normal = makeCase(rows(normalComplexSpectrum([{ r: 0.7, theta: 0.9 }], 104)), rows(normalComplexSpectrum([{ r: 0.5, theta: 2.0 }], 105)), rows(gaussianMatrix(2, 2, 106)));

describe('paper memory model: Eqs. 41, 43, 45, 46 agree under the reconstructed Eq. 40', () => {
  for (const [name, c] of [['non-normal 3×3', nonNormal], ['normal 2×2 complex spectrum', normal]] as const) {
    for (const depth of [1, 4]) {
      it(`${name}, depth ${depth}`, () => {
        const m = paperMemoryModel(c, { weight: 1, truncation: { depth } });
        const e41 = paperMemoryFmcEq41(c, m, 6);
        const e43 = paperMemoryFmcEq43(c, m, 6);
        const e45 = paperMemoryEq45(c, m, 6);
        const e46 = paperMemoryFmcEq46(c, m, 6);
        e41.forEach((v, k) => {
          expect(v).toBeGreaterThan(0);
          expect(Math.abs(e43[k].sum - v) / v).toBeLessThan(1e-10);
          expect(Math.abs(e46[k] - v) / v).toBeLessThan(1e-9);
          // J'_1 of Eq. 45 is the fourth term of Eq. 43
          expect(Math.abs(e45[k].sum - e43[k].terms[3]) / Math.abs(e43[k].terms[3])).toBeLessThan(1e-9);
          // the two cross terms of Eq. 43 are equal (T is symmetric), which is why Eq. 46 has two terms
          expect(Math.abs(e43[k].terms[1] - e43[k].terms[2])).toBeLessThan(1e-10 * v);
        });
      });
    }
  }

  it('Woodbury: Σ_MF⁻¹ Σ_STATE⁻¹ = (Σ_STATE + Σ_MEM)⁻¹ and Σ⁻¹ = Σ_S⁻¹ − Σ_COMB⁻¹ (Eqs. 44, 47)', () => {
    const m = paperMemoryModel(nonNormal, { weight: 1, truncation: { depth: 2 } });
    const { sigmaMF, psiMF } = paperMemoryMarginalizedFactors(m);
    const direct = spdInverse(Matrix.add(m.state.sigma, m.sigmaMem));
    expect(relativeDifference(sigmaMF.mmul(m.state.sigmaInv), direct)).toBeLessThan(1e-10);
    expect(relativeDifference(psiMF.mmul(m.state.psiInv), spdInverse(Matrix.add(m.state.psi, m.psiMem)))).toBeLessThan(1e-10);
    const { sigmaComb } = paperMemoryCombinedPrecisions(m);
    expect(relativeDifference(Matrix.sub(m.state.sigmaInv, sigmaComb), direct)).toBeLessThan(1e-10);
  });
});

describe('paper memory model: the sums over m', () => {
  it('level 2 of the mean equals the literal nested sums of Eq. 42 (inner bound L = 3)', () => {
    const c = nonNormal;
    const L = 3;
    const d1 = paperMemoryModel(c, { weight: 1, truncation: { depth: 1, inner: L } }).meanMem0;
    const d2 = paperMemoryModel(c, { weight: 1, truncation: { depth: 2, inner: L } }).meanMem0;
    const level2 = Matrix.sub(d2, d1);
    let literal = Matrix.zeros(3, 3);
    for (let i1 = 2; i1 <= 2 + L; i1++) {
      for (let i2 = 2; i2 <= 2 + L; i2++) {
        const e = i1 + i2 - 4;
        literal = Matrix.add(literal, matrixPower(c.U, e).transpose().mmul(c.W).mmul(matrixPower(c.V, e)));
      }
    }
    expect(relativeDifference(level2, literal)).toBeLessThan(1e-12);
  });

  it('scalar case: ∂M/∂s₀ = Σ_{m≤D} (1 − uv)^{−m} w and Ψ = ε₁/(1−u²) Σ_{m≤D} (1 − u²)^{−m}', () => {
    const u = 0.5;
    const v = -0.6;
    const c = makeCase([[u]], [[v]], [[2]], 1.5, 1);
    const D = 6;
    const m = paperMemoryModel(c, { weight: 1, truncation: { depth: D } });
    let mean = 0;
    let psi = 0;
    for (let j = 0; j <= D; j++) {
      mean += (1 - u * v) ** -j;
      psi += (1 - u * u) ** -j;
    }
    expect(m.meanState0.get(0, 0) + m.meanMem0.get(0, 0)).toBeCloseTo(2 * mean, 12);
    expect(m.psi.get(0, 0)).toBeCloseTo((1.5 / (1 - u * u)) * psi, 11);
  });

  it('series ratios: Ψ grows by 1/(1 − ρ(U)²) per level for a symmetric U (divergent), and J\'_tot falls with depth when |a − b̄| > 0', () => {
    const c = makeCase([[0.5]], [[0.8]], [[1]]);
    const r = paperMemorySeriesRatios(c, 1);
    expect(r.psi).toBeCloseTo(1 / (1 - 0.25), 12);
    expect(r.sigma).toBeCloseTo(1 / (1 - 0.64), 12);
    expect(r.mean).toBeCloseTo(1 / (1 - 0.4), 12);
    expect(r.convergent).toBe(false);
    const rows2 = paperMemoryTruncationStudy(c, { weight: 1, depths: [0, 1, 2, 5], ks: [0] });
    // depth 0 is Eq. 5's J_tot = (1−u²)(1−v²)/(1−u²v²)
    expect(rows2[0].jtot).toBeCloseTo((0.75 * 0.36) / (1 - 0.16), 12);
    for (let i = 1; i < rows2.length; i++) expect(rows2[i].jtot as number).toBeLessThan(rows2[i - 1].jtot as number);
  });

  it('J\'_tot (Stein) equals Σ_k J(k)\' summed until negligible', () => {
    const m = paperMemoryModel(nonNormal, { weight: 1, truncation: { depth: 3 } });
    const fmc = paperMemoryFmcEq41(nonNormal, m, 400);
    const s = fmc.reduce((a, b) => a + b, 0);
    expect(Math.abs(paperMemoryTotalCapacity(nonNormal, m).jtot - s) / s).toBeLessThan(1e-10);
  });

  it('memoryTotalCapacity refuses the untruncated paper model when the sums diverge, and answers with a truncation', () => {
    expect(() => memoryTotalCapacity(nonNormal, { slots: 1, model: 'paper' })).toThrow(ModelUndefinedError);
    const r = memoryTotalCapacity(nonNormal, { slots: 1, model: 'paper', truncation: { depth: 2 } });
    expect(r.jtot).toBeGreaterThan(0);
    expect(r.stable).toBe(false);
    expect(r.spectralRadius).toBeGreaterThanOrEqual(1);
  });
});

describe('paper memory model: building blocks', () => {
  const a = matrixWithSpectralRadius(2, 0.6, 111);
  const b = matrixWithSpectralRadius(2, 0.5, 112);
  const x = gaussianMatrix(2, 2, 113);
  const direct = (L: number) => {
    let s = Matrix.zeros(2, 2);
    for (let r = 0; r <= L; r++) s = Matrix.add(s, matrixPower(a, r).mmul(x).mmul(matrixPower(b, r)));
    return s;
  };

  it('sandwichSeries with a finite L is Σ_{r=0}^{L} aʳ X bʳ (L = 0: X itself)', () => {
    for (const L of [0, 1, 4]) expect(relativeDifference(sandwichSeries(a, x, b, L), direct(L))).toBeLessThan(1e-14);
  });

  it('sandwichSeries with L = ∞ (doubling) is the limit: the direct sum to L = 200 (tail ≤ 0.3^200)', () => {
    expect(relativeDifference(sandwichSeries(a, x, b, Infinity), direct(200))).toBeLessThan(1e-13);
  });

  it('sandwichSeries with L = ∞ refuses a divergent series (ρ(a)ρ(b) ≥ 1)', () => {
    const big = matrixWithSpectralRadius(2, 1.2, 114);
    expect(() => sandwichSeries(big, x, big, Infinity)).toThrow(ModelUndefinedError);
  });

  it('validateTruncation: depth a non-negative integer, inner one too or ∞ (the default)', () => {
    expect(validateTruncation({ depth: 0 })).toEqual({ depth: 0, inner: Infinity });
    expect(validateTruncation({ depth: 3, inner: 0 })).toEqual({ depth: 3, inner: 0 });
    for (const bad of [-1, 1.5, NaN]) expect(() => validateTruncation({ depth: bad })).toThrow(/truncation depth must be a non-negative integer/);
    for (const bad of [-1, 2.5, NaN]) expect(() => validateTruncation({ depth: 1, inner: bad })).toThrow(/inner truncation must be a non-negative integer or Infinity/);
  });

  it('resolveAlpha: the default equal weights, or the given ones, one per slot', () => {
    expect(resolveAlpha(4)).toEqual([0.25, 0.25, 0.25, 0.25]);
    expect(resolveAlpha(2, [0.3, 0.1])).toEqual([0.3, 0.1]);
    expect(() => resolveAlpha(0)).toThrow(/memory slots must be a positive integer, got 0/);
    expect(() => resolveAlpha(1.5)).toThrow(/positive integer/);
    expect(() => resolveAlpha(2, [0.5])).toThrow('--alpha has 1 weights but --memory-slots is 2; give one weight per slot');
    expect(() => resolveAlpha(1, [Infinity])).toThrow(/alpha\[1\] must be a finite number/);
  });
});

describe('paper memory model: series ratios, levels and the truncation study', () => {
  const rotation = (r: number, theta: number) => [
    [r * Math.cos(theta), -r * Math.sin(theta)],
    [r * Math.sin(theta), r * Math.cos(theta)],
  ];
  const scalar = (u: number, v: number) => makeCase([[u]], [[v]], [[1]]);

  it('geometricSumModulus: |Σ_{r≤L} λ^r| by hand, and |1/(1 − λ)| for L = ∞', () => {
    expect(geometricSumModulus({ re: 0.5, im: 0 }, Infinity)).toBe(2);
    expect(geometricSumModulus({ re: 0.5, im: 0 }, 2)).toBe(1.75);
    expect(geometricSumModulus({ re: 0.5, im: 0 }, 0)).toBe(1);
    expect(geometricSumModulus({ re: 0, im: 1 }, 3)).toBe(0); // 1 + i − 1 − i
    expect(geometricSumModulus({ re: 0, im: 0.5 }, Infinity)).toBeCloseTo(1 / Math.sqrt(1.25), 15);
    // λ = 0.3 + 0.4i, L = 2: 1 + λ + λ² = 1 + (0.3 + 0.4i) + (−0.07 + 0.24i) = 1.23 + 0.64i
    expect(geometricSumModulus({ re: 0.3, im: 0.4 }, 2)).toBeCloseTo(Math.hypot(1.23, 0.64), 15);
  });

  it('paperMemorySeriesRatios of two rotations: |a|·max|g_L| over λ_Uλ_V, λ_Uλ_U, λ_Vλ_V in closed form', () => {
    const [ru, a, rv, b] = [0.9, 0.7, 0.8, 0.4];
    const rc = makeCase(rotation(ru, a), rotation(rv, b), [[1, 0], [0, 1]]);
    const g = (r: number, angles: number[], L: number) =>
      Math.max(...angles.map((t) => {
        const z = { re: r * Math.cos(t), im: r * Math.sin(t) };
        if (L === Infinity) return 1 / Math.hypot(1 - z.re, z.im);
        let [sr, si, pr, pi] = [0, 0, 1, 0];
        for (let k = 0; k <= L; k++) [sr, si, pr, pi] = [sr + pr, si + pi, pr * z.re - pi * z.im, pr * z.im + pi * z.re];
        return Math.hypot(sr, si);
      }));
    for (const L of [Infinity, 2]) {
      const r = paperMemorySeriesRatios(rc, -0.3, L);
      // products of eigenvalues r e^{±iθ}: angles ±a ± b (mean), 0 and ±2a (Ψ), 0 and ±2b (Σ)
      expect(r.mean).toBeCloseTo(0.3 * g(ru * rv, [a + b, a - b, -a + b, -a - b], L), 13);
      expect(r.psi).toBeCloseTo(0.3 * g(ru * ru, [0, 2 * a, -2 * a], L), 13);
      expect(r.sigma).toBeCloseTo(0.3 * g(rv * rv, [0, 2 * b, -2 * b], L), 13);
    }
  });

  it('convergent iff every ratio is below 1: Ψ alone (U = 0.5, V = 0) or Σ alone (U = 0, V = 0.5) can break it', () => {
    // scalar U = u, V = v: mean = a/(1 − uv), Ψ = a/(1 − u²), Σ = a/(1 − v²)
    expect(paperMemorySeriesRatios(scalar(0.5, 0), 0.7).convergent).toBe(true); // 0.7, 0.933, 0.7
    const psiOnly = paperMemorySeriesRatios(scalar(0.5, 0), 0.76); // 0.76, 1.013, 0.76
    expect(psiOnly.psi).toBeCloseTo(0.76 / 0.75, 15);
    expect(psiOnly.convergent).toBe(false);
    expect(paperMemorySeriesRatios(scalar(0, 0.5), 0.76).convergent).toBe(false); // 0.76, 0.76, 1.013
    expect(paperMemorySeriesRatios(scalar(0, 0), 1).convergent).toBe(false); // all exactly 1
  });

  it('paperMemoryModel: a non-finite weight is refused; level m holds ‖aᵐ·(m-fold sandwich)‖ of each part', () => {
    expect(() => paperMemoryModel(nonNormal, { weight: Number.NaN, truncation: { depth: 1 } })).toThrow('read weight must be finite, got NaN');
    const m = paperMemoryModel(nonNormal, { weight: 0.5, truncation: { depth: 2, inner: 3 } });
    expect(m.levels.map((l) => l.m)).toEqual([1, 2]);
    expect(m.truncation).toEqual({ depth: 2, inner: 3 });
    const ut = nonNormal.U.transpose();
    const sum3 = (a: Matrix, x: Matrix, b: Matrix) => {
      let s = Matrix.zeros(x.rows, x.columns);
      for (let r = 0; r <= 3; r++) s = Matrix.add(s, matrixPower(a, r).mmul(x).mmul(matrixPower(b, r)));
      return s;
    };
    const mean1 = sum3(ut, nonNormal.W, nonNormal.V).mul(0.5);
    const mean2 = sum3(ut, mean1, nonNormal.V).mul(0.5);
    expect(m.levels[0].mean).toBeCloseTo(mean1.norm('frobenius'), 12);
    expect(m.levels[1].mean).toBeCloseTo(mean2.norm('frobenius'), 12);
    expect(relativeDifference(m.meanMem0, Matrix.add(mean1, mean2))).toBeLessThan(1e-14);
    const psi1 = sum3(ut, m.state.psi, nonNormal.U).mul(0.5);
    expect(m.levels[0].psi).toBeCloseTo(psi1.norm('frobenius'), 12);
    const sigma1 = sum3(nonNormal.V.transpose(), m.state.sigma, nonNormal.V).mul(0.5);
    expect(m.levels[0].sigma).toBeCloseTo(sigma1.norm('frobenius'), 12);
  });

  it('Eqs. 44–47 refuse depth 0, where Σ_MEM and Ψ_MEM are zero', () => {
    const m0 = paperMemoryModel(nonNormal, { weight: 1, truncation: { depth: 0 } });
    expect(() => paperMemoryCombinedPrecisions(m0)).toThrow('Eqs. 44–47 need Σ_MEM and Ψ_MEM invertible: truncation depth must be ≥ 1');
    expect(() => paperMemoryMarginalizedFactors(m0)).toThrow(/truncation depth must be ≥ 1/);
  });

  it('paperMemoryTruncationStudy: J(k)\' at the asked k, condition numbers λmax/λmin, and undefined depths as rows', () => {
    const rowsOut = paperMemoryTruncationStudy(nonNormal, { weight: 1, depths: [1, 3], ks: [0, 3] });
    for (const row of rowsOut) {
      const m = paperMemoryModel(nonNormal, { weight: 1, truncation: { depth: row.depth } });
      const fmc = paperMemoryFmcEq41(nonNormal, m, 4);
      expect(row.fmc).toEqual([fmc[0], fmc[3]]);
      expect(row.jtot).toBe(paperMemoryTotalCapacity(nonNormal, m).jtot);
      const ev = new EigenvalueDecomposition(m.sigma).realEigenvalues;
      // the symmetric eigenvalues of a 3×3 SPD matrix by two solvers: 1e-10 relative on the ratio
      expect(Math.abs((row.condition?.sigma as number) / (Math.max(...ev) / Math.min(...ev)) - 1)).toBeLessThan(1e-10);
    }
    // ρ(U) ≥ 1: the paper model is undefined at every depth; the study reports it instead of throwing
    const unstable = makeCase(rows(matrixWithSpectralRadius(3, 1.1, 121)), rows(nonNormal.V), rows(nonNormal.W));
    const [row] = paperMemoryTruncationStudy(unstable, { weight: 1, depths: [2], ks: [0, 1] });
    expect(row).toMatchObject({ depth: 2, jtot: null, fmc: [null, null] });
    expect(row.undefinedReason).toMatch(/./);
    // bad input is not an undefined model: it is thrown
    expect(() => paperMemoryTruncationStudy(nonNormal, { weight: Number.NaN, depths: [1], ks: [0] })).toThrow(/read weight must be finite/);
  });
});

describe('paper memory model: where it is undefined', () => {
  const slow = (u: number[][], v: number[][]) => makeCase(u, v, [[1, 0.5], [-0.3, 0.8]]);
  const refusal = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      if (e instanceof ModelUndefinedError) return e;
    }
    throw new Error('expected a ModelUndefinedError');
  };

  it('a ratio exactly 1 is not convergent (Ψ = 0.75/(1 − 0.25) = 1, Σ likewise with U and V swapped)', () => {
    const scalar = (u: number, v: number) => makeCase([[u]], [[v]], [[1]]);
    const psiOne = paperMemorySeriesRatios(scalar(0.5, 0), 0.75);
    expect([psiOne.mean, psiOne.psi, psiOne.sigma]).toEqual([0.75, 1, 0.75]);
    expect(psiOne.convergent).toBe(false);
    expect(paperMemorySeriesRatios(scalar(0, 0.5), 0.75).convergent).toBe(false);
  });

  it('V with a mode at 0.999: each level multiplies Σ\'s slow direction by ~1/(1 − 0.999²), so by depth 6 Σ is singular', () => {
    const c = slow([[0.5, 0], [0, 0.5]], [[0.999, 0], [0, 0]]);
    expect(() => paperMemoryModel(c, { weight: 1, truncation: { depth: 2 } })).not.toThrow();
    const e = refusal(() => paperMemoryModel(c, { weight: 1, truncation: { depth: 6 } }));
    expect(e.reason).toBe('singular');
    expect(e.details.depth).toBe(6);
    expect(e.details.condition).toBeGreaterThanOrEqual(1e15);
    expect(e.message).toMatch(/^paper memory model: Σ = Σ_STATE \+ Σ_MEM is numerically singular at truncation depth 6 \(condition number \d\.\d\de\+\d+\): the sums over m of Eq\. 40 grow geometrically/);
    // the same with U's mode at 0.999 makes Ψ singular
    const u = refusal(() => paperMemoryModel(slow([[0.999, 0], [0, 0]], [[0.5, 0], [0, 0.5]]), { weight: 1, truncation: { depth: 6 } }));
    expect(u.message).toContain('Ψ = Ψ_STATE + Ψ_MEM is numerically singular');
  });

  it('a weight of 1e200 with no inner sums overflows at depth 2, and says so', () => {
    const e = refusal(() => paperMemoryModel(slow([[0.5, 0], [0, 0.5]], [[0.5, 0], [0, 0.5]]), { weight: 1e200, truncation: { depth: 2, inner: 0 } }));
    expect(e.reason).toBe('divergent');
    expect(e.details).toEqual({ depth: 2 });
    expect(e.message).toBe('paper memory model: the truncated sums of Eq. 40 overflow at depth 2');
  });

  it('the untruncated inner series refuses ρ(U)ρ(V) ≥ 1 with its own message', () => {
    const big = matrixWithSpectralRadius(2, 1.2, 114);
    const e = refusal(() => sandwichSeries(big, gaussianMatrix(2, 2, 113), big, Infinity));
    expect(e.reason).toBe('divergent');
    expect(e.message).toBe('paper memory model: the inner series Σ_r U^{rᵀ} X V^r does not converge');
  });
});
