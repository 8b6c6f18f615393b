/** The exact tests against values worked out by hand (binomial sums, closed-form Clopper–Pearson ends, hypergeometric tables). */
import { describe, expect, it } from 'vitest';
import { binomialUpperTail, clopperPearson, fisherExact, signTest } from '../../src/claims/exact-tests.ts';
import { fisherOneSided, holmAdjust, incompleteBeta, studentUpperTail, welchGreater } from '../../src/claims/exact-tests.ts';

describe('exact small-sample tests', () => {
  it('binomial tails: P(X ≥ 5 | 5, ½) = 1/32, P(X ≥ 4 | 5, ½) = 6/32, P(X ≥ 9 | 10, ½) = 11/1024', () => {
    expect(binomialUpperTail(5, 5)).toBeCloseTo(1 / 32, 15);
    expect(binomialUpperTail(4, 5)).toBeCloseTo(6 / 32, 15);
    expect(binomialUpperTail(9, 10)).toBeCloseTo(11 / 1024, 15);
    expect(binomialUpperTail(0, 7)).toBe(1);
  });

  it('the sign test drops ties and reports the smallest p its pairs can reach', () => {
    const t = signTest([1, 2, 3, 0, -1]);
    expect([t.agree, t.disagree, t.ties]).toEqual([3, 1, 1]);
    expect(t.p).toBeCloseTo(5 / 16, 15); // P(X ≥ 3 | 4)
    expect(t.pOpposite).toBeCloseTo(15 / 16, 15); // P(X ≥ 1 | 4)
    expect(t.smallestP).toBe(1 / 16);
  });

  it('Clopper–Pearson: the ends for k = 0 and k = n have closed forms (α/2)^(1/n)', () => {
    const [lo0, hi0] = clopperPearson(0, 10);
    expect(lo0).toBe(0);
    expect(hi0).toBeCloseTo(1 - 0.025 ** (1 / 10), 9);
    const [lo1, hi1] = clopperPearson(10, 10);
    expect(lo1).toBeCloseTo(0.025 ** (1 / 10), 9);
    expect(hi1).toBe(1);
    // k = 5 of 10: symmetric around ½ (0.187, 0.813 in the standard tables)
    const [a, b] = clopperPearson(5, 10);
    expect(a + b).toBeCloseTo(1, 9);
    expect(a).toBeCloseTo(0.187086, 5);
  });

  it("Fisher's exact test: 5/0 vs 0/5 gives 2/252; identical rows give 1", () => {
    expect(fisherExact(5, 0, 0, 5)).toBeCloseTo(2 / 252, 12);
    expect(fisherExact(2, 3, 2, 3)).toBeCloseTo(1, 12);
    // 3/2 vs 0/5: tables at least as extreme are x = 3 (10/252·…); sum computed from the hypergeometric pmf
    const p = (x: number) => (comb(5, x) * comb(5, 3 - x)) / comb(10, 3);
    expect(fisherExact(3, 2, 0, 5)).toBeCloseTo(p(3) + p(0), 12);
  });
});

function comb(n: number, k: number): number {
  let c = 1;
  for (let i = 1; i <= k; i++) c = (c * (n - k + i)) / i;
  return c;
}

describe('one-sided Fisher, Student t, Welch and Holm (the Section 6 parts)', () => {
  it("Fisher's one-sided test is the hypergeometric upper tail: 3 of 5 against 0 of 5 is C(5,3)/C(10,3) = 10/120", () => {
    expect(fisherOneSided(3, 2, 0, 5)).toBeCloseTo(10 / 120, 15);
    expect(fisherOneSided(4, 1, 0, 5)).toBeCloseTo(5 / 210, 15);
    expect(fisherOneSided(5, 0, 0, 5)).toBeCloseTo(1 / 252, 15);
    // nothing learned anywhere: every outcome is at least as extreme
    expect(fisherOneSided(0, 5, 0, 5)).toBe(1);
  });

  it("Student's t tail against printed table values (t 0.975 and 0.995 quantiles at 15 df, 12.706 at 1 df) and the normal limit", () => {
    // tables give 3-4 digits: the tails agree with them to the table's rounding
    expect(studentUpperTail(2.131, 15)).toBeCloseTo(0.025, 4);
    expect(studentUpperTail(2.947, 15)).toBeCloseTo(0.005, 4);
    expect(studentUpperTail(12.706, 1)).toBeCloseTo(0.025, 5);
    expect(studentUpperTail(1.959964, 1e7)).toBeCloseTo(0.025, 6);
    expect(studentUpperTail(0, 7)).toBeCloseTo(0.5, 14);
    expect(studentUpperTail(-2.131, 15) + studentUpperTail(2.131, 15)).toBeCloseTo(1, 14);
    // I_x(a, b) at a point computable by hand: I_0.3(2, 3) = 0.3483 (the beta(2,3) CDF: 6x² − 8x³ + 3x⁴)
    expect(incompleteBeta(0.3, 2, 3)).toBeCloseTo(6 * 0.09 - 8 * 0.027 + 3 * 0.0081, 13);
  });

  it('Welch: equal standard errors and batches give t = Δ/(se·√2) on 2(n − 1) degrees of freedom', () => {
    const w = welchGreater(1.2, 0.1, 16, 1.0, 0.1, 16);
    expect(w.t).toBeCloseTo(0.2 / (0.1 * Math.SQRT2), 12);
    expect(w.df).toBeCloseTo(30, 10);
    // df is 30 up to the rounding of the Welch–Satterthwaite formula (≈1e-15), which moves the tail by as little
    expect(w.p).toBeCloseTo(studentUpperTail(w.t, 30), 13);
    expect(welchGreater(1, 0, 4, 1, 0, 4).p).toBe(0.5);
  });

  it("Holm's adjustment: sorted p's times m, m − 1, …, made monotone, capped at 1", () => {
    expect(holmAdjust([0.01, 0.04, 0.03])).toEqual([0.03, 0.06, 0.06]);
    expect(holmAdjust([0.5, 0.6])).toEqual([1, 1]);
    expect(holmAdjust([])).toEqual([]);
  });
});
