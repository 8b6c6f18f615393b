// Stability of the memory system (Eq. 34/35), piece by piece, against hand-computed values and against facts
// that do not use the code under test: Vieta's formulas for the roots of (*), rotation matrices whose
// eigenvalues are known in closed form, and the principal complex square root.
import { describe, expect, it } from 'vitest';
import { InputError, ModelUndefinedError } from '../../../src/errors.ts';
import { makeCase } from '../../../src/models/case.ts';
import {
  STABILITY_MARGIN,
  assertMemoryStationary,
  charPoly,
  defaultAlpha,
  fmtComplex,
  kroneckerEigenvalues,
  memoryStability,
  modeCompanionRealForm,
  modeRoots,
  quadraticRoots,
  validateAlpha,
  type Complex,
} from '../../../src/models/memory/stability.ts';

const mul = (a: Complex, b: Complex): Complex => ({ re: a.re * b.re - a.im * b.im, im: a.re * b.im + a.im * b.re });
const abs = (z: Complex) => Math.hypot(z.re, z.im);
const byAngleThenRadius = (a: Complex, b: Complex) => Math.atan2(a.im, a.re) - Math.atan2(b.im, b.re) || abs(a) - abs(b);
/** r·[[cos θ, −sin θ], [sin θ, cos θ]]: eigenvalues r·e^{±iθ}. */
const rotation = (r: number, theta: number) => [
  [r * Math.cos(theta), -r * Math.sin(theta)],
  [r * Math.sin(theta), r * Math.cos(theta)],
];

describe('read weights', () => {
  it('validateAlpha returns the weights, and names the first one that is not a finite number', () => {
    const alpha = [0.2, -0.3];
    expect(validateAlpha(alpha)).toBe(alpha);
    expect(validateAlpha([])).toEqual([]);
    expect(() => validateAlpha('0.5' as unknown as number[])).toThrow(new InputError('alpha must be a list of numbers'));
    expect(() => validateAlpha([0.1, Number.NaN])).toThrow(new InputError('alpha[2] must be a finite number, got NaN'));
    expect(() => validateAlpha([Infinity])).toThrow(InputError);
    expect(() => validateAlpha(['1' as unknown as number])).toThrow(/alpha\[1\]/);
  });

  it('defaultAlpha: p equal weights summing to 1; p = 0 gives none; p must be a non-negative integer', () => {
    expect(defaultAlpha(0)).toEqual([]);
    expect(defaultAlpha(1)).toEqual([1]);
    expect(defaultAlpha(4)).toEqual([0.25, 0.25, 0.25, 0.25]);
    expect(() => defaultAlpha(-1)).toThrow(new InputError('memory slots must be a non-negative integer, got -1'));
    expect(() => defaultAlpha(1.5)).toThrow(/got 1.5/);
  });
});

describe('the spectrum of Vᵀ ⊗ Uᵀ', () => {
  it('is every product λ(U)·λ(V): two rotations give r_U r_V e^{i(±a ± b)}', () => {
    const [ru, a, rv, b] = [0.9, 0.7, 0.8, 0.4];
    const got = kroneckerEigenvalues(makeCase(rotation(ru, a), rotation(rv, b), [[1, 0], [0, 1]])).sort(byAngleThenRadius);
    const want = [a + b, a - b, -a + b, -a - b]
      .map((angle) => ({ re: ru * rv * Math.cos(angle), im: ru * rv * Math.sin(angle) }))
      .sort(byAngleThenRadius);
    expect(got).toHaveLength(4);
    // eigenvalues of 2×2 rotations from the QR iteration: a few ulps
    got.forEach((z, k) => {
      expect(z.re).toBeCloseTo(want[k].re, 13);
      expect(z.im).toBeCloseTo(want[k].im, 13);
    });
  });
});

describe('the roots of one mode, μ^{p+1} = λμ^p + Σ_t α_t μ^{p−t}  (*)', () => {
  it('charPoly is the residual of (*), checked by hand at two points', () => {
    // μ = 1 + i, λ = 2, α = [1]: (2i) − 2(1 + i) − 1 = −3
    const a = charPoly({ re: 1, im: 1 }, { re: 2, im: 0 }, [1]);
    expect([a.re, a.im]).toEqual([-3, 0]);
    // μ = i, λ = i, α = [2, 3]: −i − i·(−1) − 2i − 3 = −3 − 2i
    const b = charPoly({ re: 0, im: 1 }, { re: 0, im: 1 }, [2, 3]);
    expect([b.re, b.im]).toEqual([-3, -2]);
    // p = 0: μ − λ
    const c = charPoly({ re: 0.5, im: 0.25 }, { re: 0.125, im: -1 }, []);
    expect([c.re, c.im]).toEqual([0.375, 1.25]);
  });

  it('p = 0: the one root is λ itself', () => {
    expect(modeRoots({ re: 0.3, im: -0.2 }, [])).toEqual([{ re: 0.3, im: -0.2 }]);
  });

  it('p = 1: (λ ± √(λ² + 4a))/2 with the principal square root, first the + root', () => {
    // λ = 0, a = −1: √(−4) = 2i, so the roots are i and −i, in that order
    expect(quadraticRoots({ re: 0, im: 0 }, -1)).toEqual([{ re: 0, im: 1 }, { re: 0, im: -1 }]);
    // λ = 1, a = 2: √9 = 3 → 2 and −1
    expect(quadraticRoots({ re: 1, im: 0 }, 2)).toEqual([{ re: 2, im: 0 }, { re: -1, im: 0 }]);
    // λ = −2i, a = 0: λ² = −4, principal √(−4) = 2i → (−2i + 2i)/2 = 0 and −2i
    expect(quadraticRoots({ re: 0, im: -2 }, 0)).toEqual([{ re: 0, im: 0 }, { re: 0, im: -2 }]);
    // λ = 0, a = 0: the double root 0
    expect(quadraticRoots({ re: 0, im: 0 }, 0)).toEqual([{ re: 0, im: 0 }, { re: 0, im: 0 }]);
    expect(modeRoots({ re: 1, im: 0 }, [2])).toEqual([{ re: 2, im: 0 }, { re: -1, im: 0 }]);
  });

  it('p = 2, 3, real and complex λ: p + 1 roots, each solving (*), and Vieta: Σμ = λ, Πμ = (−1)^p α_p', () => {
    const cases: [Complex, number[]][] = [
      [{ re: 0.6, im: 0 }, [0.3, 0.2]],
      [{ re: -0.4, im: 0 }, [0.2, -0.3, 0.4]],
      [{ re: 0.4, im: -0.7 }, [0.3, 0.2]],
      [{ re: -0.5, im: 0.6 }, [0.2, -0.3, 0.4]],
    ];
    for (const [lambda, alpha] of cases) {
      const p = alpha.length;
      const roots = modeRoots(lambda, alpha);
      expect(roots).toHaveLength(p + 1);
      // eigenvalues of a (2)(p+1)-dimensional companion matrix with entries O(1): residuals of a few ulps
      for (const mu of roots) expect(abs(charPoly(mu, lambda, alpha))).toBeLessThan(1e-13);
      const sum = roots.reduce((s, z) => ({ re: s.re + z.re, im: s.im + z.im }), { re: 0, im: 0 });
      expect(sum.re).toBeCloseTo(lambda.re, 13);
      expect(sum.im).toBeCloseTo(lambda.im, 13);
      const prod = roots.reduce(mul, { re: 1, im: 0 });
      expect(prod.re).toBeCloseTo((-1) ** p * alpha[p - 1], 13);
      expect(prod.im).toBeCloseTo(0, 13);
    }
  });

  it('complex λ: of each conjugate pair of the real representation, the root kept solves (*) and its conjugate does not', () => {
    const lambda = { re: 0.4, im: -0.7 };
    const alpha = [0.3, 0.2];
    for (const mu of modeRoots(lambda, alpha)) {
      expect(abs(charPoly({ re: mu.re, im: -mu.im }, lambda, alpha))).toBeGreaterThan(0.1);
    }
  });

  it('the real representation [[Re M, −Im M], [Im M, Re M]] of the companion matrix, entry by entry', () => {
    const r = modeCompanionRealForm({ re: 0.4, im: -0.7 }, [0.3, 0.2]).to2DArray();
    // M = [[0.4 − 0.7i, 0.3, 0.2], [1, 0, 0], [0, 1, 0]]
    expect(r).toEqual([
      [0.4, 0.3, 0.2, 0.7, -0, -0],
      [1, 0, 0, -0, 0, 0],
      [0, 1, 0, 0, -0, 0],
      [-0.7, 0, 0, 0.4, 0.3, 0.2],
      [0, 0, 0, 1, 0, 0],
      [0, 0, 0, 0, 1, 0],
    ]);
  });
});

describe('ρ(F) and the stationary law', () => {
  it('memoryStability reports the worst mode, the slots and a copy of α', () => {
    const alpha = [1];
    const s = memoryStability(makeCase([[0.5]], [[0.5]], [[1]]), alpha);
    // λ = 0.25; μ² − 0.25μ − 1 = 0 → μ = (0.25 + √4.0625)/2
    expect(s.worstMode.lambda).toEqual({ re: 0.25, im: 0 });
    expect(s.worstMode.mu.re).toBeCloseTo((0.25 + Math.sqrt(4.0625)) / 2, 15);
    expect(s.worstMode.mu.im).toBe(0);
    expect(s.slots).toBe(1);
    expect(s.alpha).toEqual([1]);
    expect(s.alpha).not.toBe(alpha);
  });

  it('the complex worst mode of two rotations with p = 0: ρ(F) = r_U r_V, μ = λ', () => {
    const s = memoryStability(makeCase(rotation(0.9, 0.7), rotation(0.8, 0.4), [[1, 0], [0, 1]]), []);
    expect(s.spectralRadius).toBeCloseTo(0.72, 14);
    expect(s.worstMode.mu).toEqual(s.worstMode.lambda);
    expect(Math.abs(s.worstMode.lambda.im)).toBeGreaterThan(0.1);
    expect(s.stable).toBe(true);
  });

  it('ρ(F) exactly 1 − margin is not stable; just below it is', () => {
    const edge = 1 - STABILITY_MARGIN;
    expect(memoryStability(makeCase([[edge]], [[1]], [[1]]), []).stable).toBe(false);
    expect(memoryStability(makeCase([[edge - 1e-9]], [[1]], [[1]]), []).stable).toBe(true);
  });

  it('assertMemoryStationary passes a stable system through and explains each kind of unstable one', () => {
    const half = makeCase([[0.5]], [[0.5]], [[1]]);
    expect(assertMemoryStationary(half, [0.3]).stable).toBe(true);
    const refusal = (c: typeof half, alpha: number[]) => {
      try {
        assertMemoryStationary(c, alpha);
      } catch (e) {
        if (e instanceof ModelUndefinedError) return e;
      }
      throw new Error('expected a ModelUndefinedError');
    };
    const one = refusal(half, [1]);
    expect(one.reason).toBe('unstable');
    expect(one.details.lambdaRe).toBe(0.25);
    expect(one.details.lambdaIm).toBe(0);
    expect(one.details.spectralRadius).toBeCloseTo((0.25 + Math.sqrt(4.0625)) / 2, 15);
    expect(one.message).toContain('p = 1, α = [1]');
    expect(one.message).toContain('whose two roots multiply to −1');
    expect(one.message).toContain('(mode λ = 0.25 of Vᵀ⊗Uᵀ)');
    expect(one.message).toContain('--horizon T');
    // Σα = 1 with two slots: the λ = 0 mode has the root μ = 1
    const zero = makeCase([[0]], [[0]], [[1]]);
    const sumOne = refusal(zero, [0.5, 0.5]);
    expect(sumOne.message).toContain('With Σα = 1 a mode with λ = 0 has the root μ = 1');
    expect(sumOne.message).not.toContain('whose two roots');
    // one slot, α₁ = 0.999 (μ ≈ 1.13 for λ = 0.25): unstable, and neither explanation applies
    const other = refusal(half, [0.999]);
    expect(other.message).not.toContain('whose two roots');
    expect(other.message).not.toContain('Σα = 1');
    expect(other.message).toContain('has spectral radius ρ(F) = 1.13');
    // two slots summing to 1.5: no explanation either
    expect(refusal(zero, [0.75, 0.75]).message).not.toMatch(/Σα = 1|whose two roots/);
  });

  it('fmtComplex: real when |Im| < 1e-15, otherwise a ± bi with the sign of Im', () => {
    expect(fmtComplex({ re: 0.5, im: 0 })).toBe('0.5');
    expect(fmtComplex({ re: 1, im: 1e-16 })).toBe('1');
    expect(fmtComplex({ re: 1, im: 2 })).toBe('1+2i');
    expect(fmtComplex({ re: 0.5, im: -0.25 })).toBe('0.5−0.25i');
    expect(fmtComplex({ re: 1, im: -1e-15 })).toBe('1−1e-15i');
    expect(fmtComplex({ re: 1 / 3, im: 0 })).toBe('0.333333');
  });
});
