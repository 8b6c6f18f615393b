/**
 * The side pairs of the numeric claims report the values they compare, not a derived distance:
 * Eq. 17 as printed, on a normal case with a complex spectrum built by hand (rotations), where the
 * printed formula's value is computed here from the construction, with no eigensolver.
 */
import { describe, expect, it } from 'vitest';
import { Matrix } from 'ml-matrix';
import { covariancePairs, eq10NoiseCovariance, eq17Pairs, eq30Pair, eq9BySeries, exactFisher, fisherPairs, LAGS, vectorizedPaperFisher } from '../../../src/claims/checks/identity-pairs.ts';
import { makeCase } from '../../../src/models/case.ts';
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

describe('the other side pairs, on diagonal U and V where every side has a closed form', () => {
  const u = [0.8, -0.5];
  const v = [0.6, 0.3];
  const w = [[1, -0.4], [0.7, 2]];
  const [e1, e2] = [0.5, 3];
  const e = e1 * e2;
  const c = () => makeCase([[u[0], 0], [0, u[1]]], [[v[0], 0], [0, v[1]]], w, e1, e2);
  /** Σ_ab w_ab² (u_a v_b)^{i+j} (1 − u_a²)(1 − v_b²)/(ε₁ε₂): the paper's J(i, j) for diagonal U, V (Eq. 12). */
  const paperJ = (i: number, j: number) => {
    let s = 0;
    for (let a = 0; a < 2; a++) for (let b = 0; b < 2; b++) s += (w[a][b] ** 2 * (u[a] * v[b]) ** (i + j) * (1 - u[a] ** 2) * (1 - v[b] ** 2)) / e;
    return s;
  };
  /** The true J(i, j): C is diagonal with ε/(1 − u_a² v_b²), so the weight is (1 − u_a² v_b²) instead. */
  const exactJ = (i: number, j: number) => {
    let s = 0;
    for (let a = 0; a < 2; a++) for (let b = 0; b < 2; b++) s += (w[a][b] ** 2 * (u[a] * v[b]) ** (i + j) * (1 - (u[a] * v[b]) ** 2)) / e;
    return s;
  };
  // sums of a few products of O(1) numbers, against Stein and Cholesky solutions of 2×2 and 4×4 systems: 1e-12 relative
  const close = (a: number, b: number) => expect(Math.abs(a - b)).toBeLessThan(1e-12 * Math.max(1, Math.abs(b)));

  it('fisherPairs: claimed on the left, truth on the right, every lag pair of 0..3 (or the diagonal), labelled J(i,j)', () => {
    const all = fisherPairs(c(), (i, j) => 10 * i + j, (i, j) => 100 + 10 * i + j, false);
    expect(all.map((p) => p.what)).toEqual(LAGS.flatMap((i) => LAGS.map((j) => `J(${i},${j})`)));
    all.forEach((p) => expect(p.a - p.b).toBe(100));
    const diagonal = fisherPairs(c(), (i, j) => 10 * i + j, (i, j) => 100 + 10 * i + j, true);
    expect(diagonal.map((p) => [p.what, p.b])).toEqual([['J(0,0)', 0], ['J(1,1)', 11], ['J(2,2)', 22], ['J(3,3)', 33]]);
  });

  it('vectorizedPaperFisher and exactFisher give Eq. 12 and the true J(i, j)', () => {
    const paper = vectorizedPaperFisher(c());
    const exact = exactFisher(c());
    for (const i of LAGS) for (const j of LAGS) {
      close(paper(i, j), paperJ(i, j));
      close(exact(i, j), exactJ(i, j));
    }
  });

  it('eq10NoiseCovariance is diagonal with ε₁ε₂/(1 − u_a² v_b²) at a + 2b; covariancePairs compares it with Σ ⊗ Ψ', () => {
    const cov = eq10NoiseCovariance(c());
    for (let a = 0; a < 2; a++) for (let b = 0; b < 2; b++) close(cov.get(a + 2 * b, a + 2 * b), e / (1 - (u[a] * v[b]) ** 2));
    expect(Math.abs(cov.get(0, 1))).toBe(0);
    const [pair] = covariancePairs(c(), cov);
    // Σ ⊗ Ψ is diagonal with ε₁ε₂/((1 − u_a²)(1 − v_b²)): the Frobenius norms of the two diagonals
    const paperNorm = Math.hypot(...[0, 1].flatMap((a) => [0, 1].map((b) => e / ((1 - u[a] ** 2) * (1 - v[b] ** 2)))));
    close(pair.a, paperNorm);
    close(pair.b, cov.norm('frobenius'));
    expect(pair.relGap!).toBeGreaterThan(0.1);
  });

  it('eq9BySeries gives Ψ = diag(ε₁/(1 − u_a²)) and Σ = diag(ε₂/(1 − v_b²))', () => {
    const { psi, sigma } = eq9BySeries(c());
    u.forEach((x, a) => close(psi.get(a, a), e1 / (1 - x * x)));
    v.forEach((x, b) => close(sigma.get(b, b), e2 / (1 - x * x)));
    expect(psi.get(0, 1)).toBe(0);
  });

  it('eq30Pair sums Eq. 30 to the paper J_tot and puts the given J_tot on the right', () => {
    let jtot = 0;
    for (let a = 0; a < 2; a++) for (let b = 0; b < 2; b++) jtot += (w[a][b] ** 2 * (1 - u[a] ** 2) * (1 - v[b] ** 2)) / (e * (1 - (u[a] * v[b]) ** 2));
    const pair = eq30Pair(c(), 12.5);
    close(pair.a, jtot);
    expect(pair.b).toBe(12.5);
    expect(pair.what).toBe('J_tot (Eq. 30 summed)');
  });
});
