/**
 * Exact small-sample tests for the empirical claims (a handful of seeds): the binomial tail, the
 * sign test on paired runs, Clopper–Pearson intervals and Fisher's exact test on a 2×2 table. All
 * sums are over at most a few thousand terms, in float64.
 */

/** C(n, k) as a float64 (exact for the n of a few seeds; relative error ~1e-15 beyond). */
export function binomialCoefficient(n: number, k: number): number {
  if (k < 0 || k > n) return 0;
  let c = 1;
  const m = Math.min(k, n - k);
  for (let i = 1; i <= m; i++) c = (c * (n - m + i)) / i;
  return c;
}

export function binomialPmf(k: number, n: number, p: number): number {
  if (k < 0 || k > n) return 0;
  if (p === 0) return k === 0 ? 1 : 0;
  if (p === 1) return k === n ? 1 : 0;
  return binomialCoefficient(n, k) * p ** k * (1 - p) ** (n - k);
}

/** P(X ≥ k) for X ~ Binomial(n, p). */
export function binomialUpperTail(k: number, n: number, p = 0.5): number {
  let s = 0;
  for (let i = Math.max(0, k); i <= n; i++) s += binomialPmf(i, n, p);
  return Math.min(1, s);
}

/** P(X ≤ k) for X ~ Binomial(n, p). */
export function binomialLowerTail(k: number, n: number, p = 0.5): number {
  let s = 0;
  for (let i = 0; i <= Math.min(n, k); i++) s += binomialPmf(i, n, p);
  return Math.min(1, s);
}

export interface SignTest {
  /** Pairs where the claimed direction holds, where the opposite holds, and ties (left out of the test). */
  agree: number;
  disagree: number;
  ties: number;
  /** One-sided p of the claimed direction: P(X ≥ agree), X ~ Binomial(agree + disagree, ½). */
  p: number;
  /** One-sided p of the opposite direction. */
  pOpposite: number;
  /** The smallest p that this many untied pairs can give (all agreeing): 2^−n. */
  smallestP: number;
}

/** The exact sign test on paired differences d_i (positive: the claimed direction). */
export function signTest(differences: number[]): SignTest {
  const agree = differences.filter((d) => d > 0).length;
  const disagree = differences.filter((d) => d < 0).length;
  const n = agree + disagree;
  return { agree, disagree, ties: differences.length - n, p: binomialUpperTail(agree, n), pOpposite: binomialUpperTail(disagree, n), smallestP: 0.5 ** n };
}

/** The two-sided Clopper–Pearson interval of a binomial proportion k/n at level 1 − alpha. */
export function clopperPearson(k: number, n: number, alpha = 0.05): [number, number] {
  if (n === 0) return [0, 1];
  const solve = (f: (p: number) => number): number => {
    // f is monotone in p on [0, 1]; bisection to 1e-12
    let lo = 0;
    let hi = 1;
    for (let i = 0; i < 60; i++) {
      const mid = 0.5 * (lo + hi);
      if (f(mid) > 0) hi = mid;
      else lo = mid;
    }
    return 0.5 * (lo + hi);
  };
  // lower: P(X ≥ k | p) = α/2; upper: P(X ≤ k | p) = α/2
  const lower = k === 0 ? 0 : solve((p) => binomialUpperTail(k, n, p) - alpha / 2);
  const upper = k === n ? 1 : solve((p) => alpha / 2 - binomialLowerTail(k, n, p));
  return [lower, upper];
}

/** Fisher's exact test, two-sided, on the table [[a, b], [c, d]] (sum of the probabilities ≤ that of the table). */
export function fisherExact(a: number, b: number, c: number, d: number): number {
  const r1 = a + b;
  const c1 = a + c;
  const n = a + b + c + d;
  const prob = (x: number) => (binomialCoefficient(r1, x) * binomialCoefficient(n - r1, c1 - x)) / binomialCoefficient(n, c1);
  const observed = prob(a);
  let p = 0;
  for (let x = Math.max(0, c1 - (n - r1)); x <= Math.min(r1, c1); x++) {
    const q = prob(x);
    if (q <= observed * (1 + 1e-9)) p += q;
  }
  return Math.min(1, p);
}
