/**
 * The side pairs of the numeric claims report the values they compare, not a derived distance:
 * Eq. 17 as printed, on a normal case with a complex spectrum built by hand (rotations), where the
 * printed formula's value is computed here from the construction, with no eigensolver.
 */
import { describe, expect, it } from 'vitest';
import { Matrix } from 'ml-matrix';
import { eq17Pairs } from '../../../src/claims/checks/identity-pairs.ts';
import { paperCovariances, paperFisherMemoryCurve } from '../../../src/models/paper.ts';

/** r·R(θ): eigenvalues r e^{±iθ}, eigenvectors (1, ∓i)/√2. */
const scaledRotation = (r: number, t: number) => new Matrix([[r * Math.cos(t), -r * Math.sin(t)], [r * Math.sin(t), r * Math.cos(t)]]);

/** Eq. 17 as printed, Σ_{j,k} (1 − λ_{V_k}²) λ_{V_k}^{2i} (1 − λ_{U_j}²) λ_{U_j}^{2i} |b_jk|², in complex arithmetic. */
function eq17ByHand(ru: number, tu: number, rv: number, tv: number, W: number[][], i: number): { re: number; im: number } {
  const lam = (r: number, t: number) => [{ re: r * Math.cos(t), im: r * Math.sin(t) }, { re: r * Math.cos(t), im: -r * Math.sin(t) }];
  const vecs = [[{ re: 1, im: 0 }, { re: 0, im: -1 }], [{ re: 1, im: 0 }, { re: 0, im: 1 }]].map((v) => v.map((z) => ({ re: z.re / Math.SQRT2, im: z.im / Math.SQRT2 })));
  const mul = (a: { re: number; im: number }, b: { re: number; im: number }) => ({ re: a.re * b.re - a.im * b.im, im: a.re * b.im + a.im * b.re });
  const pow = (a: { re: number; im: number }, n: number) => Array.from({ length: n }).reduce<{ re: number; im: number }>((p) => mul(p, a), { re: 1, im: 0 });
  const oneMinusSq = (a: { re: number; im: number }) => { const s = mul(a, a); return { re: 1 - s.re, im: -s.im }; };
  const lu = lam(ru, tu);
  const lv = lam(rv, tv);
  let sum = { re: 0, im: 0 };
  for (let j = 0; j < 2; j++) {
    for (let k = 0; k < 2; k++) {
      // b_jk = e_{U_j}ᴴ W e_{V_k}
      let b = { re: 0, im: 0 };
      for (let p = 0; p < 2; p++) for (let q = 0; q < 2; q++) {
        const conjU = { re: vecs[j][p].re, im: -vecs[j][p].im };
        b = ((x) => ({ re: b.re + x.re, im: b.im + x.im }))(mul(mul(conjU, { re: W[p][q], im: 0 }), vecs[k][q]));
      }
      const b2 = b.re * b.re + b.im * b.im;
      const t = mul(mul(oneMinusSq(lv[k]), pow(lv[k], 2 * i)), mul(oneMinusSq(lu[j]), pow(lu[j], 2 * i)));
      sum = { re: sum.re + t.re * b2, im: sum.im + t.im * b2 };
    }
  }
  return sum;
}

describe('Eq. 17 side pairs', () => {
  it('left is Eq. 17 as printed (real part), right is J(i), the gap is the complex distance', () => {
    const [ru, tu, rv, tv] = [0.8, 0.9, 0.6, 0.4];
    const W = [[1, 0.3], [-0.2, 0.7]];
    const c = { U: scaledRotation(ru, tu), V: scaledRotation(rv, tv), W: new Matrix(W), e1: 1, e2: 1 };
    const truth = paperFisherMemoryCurve(c, paperCovariances(c), 3);
    const pairs = eq17Pairs(c, truth);
    pairs.forEach((p, i) => {
      const e = eq17ByHand(ru, tu, rv, tv, W, i);
      // both sides are a handful of float64 products of O(1) numbers: agreement to 1e-12 relative
      expect(Math.abs(p.a - e.re)).toBeLessThan(1e-12 * Math.max(1, Math.abs(e.re)));
      expect(p.b).toBe(truth[i]);
      const gap = Math.hypot(e.re - truth[i], e.im) / Math.max(Math.hypot(e.re, e.im), Math.abs(truth[i]));
      expect(Math.abs(p.relGap! - gap)).toBeLessThan(1e-10);
    });
    // a complex spectrum makes the printed form wrong (it lacks the conjugates) already at i = 0
    expect(pairs[0].relGap!).toBeGreaterThan(0.01);
  });
});
