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

/**
 * Fisher's exact test, one-sided, on the table [[a, b], [c, d]] (rows: two groups; columns: success,
 * failure): P(X ≥ a) for X hypergeometric with the table's margins, the chance that the first group
 * has at least a of the a + c successes if both groups had the same rate.
 */
export function fisherOneSided(a: number, b: number, c: number, d: number): number {
  const r1 = a + b;
  const c1 = a + c;
  const n = a + b + c + d;
  let p = 0;
  for (let x = a; x <= Math.min(r1, c1); x++) p += (binomialCoefficient(r1, x) * binomialCoefficient(n - r1, c1 - x)) / binomialCoefficient(n, c1);
  return Math.min(1, p);
}

/**
 * The regularized incomplete beta function I_x(a, b), by Lentz's continued fraction (converges
 * for x < (a + 1)/(a + b + 2); the symmetry I_x(a, b) = 1 − I_{1−x}(b, a) covers the rest), to
 * about 1e-14 relative.
 */
export function incompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  if (x > (a + 1) / (a + b + 2)) return 1 - incompleteBeta(1 - x, b, a);
  const lnFront = lnGamma(a + b) - lnGamma(a) - lnGamma(b) + a * Math.log(x) + b * Math.log1p(-x);
  const TINY = 1e-300;
  let f = 1;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  f = d;
  for (let m = 1; m <= 500; m++) {
    // even step
    let num = (m * (b - m) * x) / ((a + 2 * m - 1) * (a + 2 * m));
    d = 1 + num * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + num / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    f *= d * c;
    // odd step
    num = (-(a + m) * (a + b + m) * x) / ((a + 2 * m) * (a + 2 * m + 1));
    d = 1 + num * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + num / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-15) break;
  }
  return (Math.exp(lnFront) * f) / a;
}

/** ln Γ(x) for x > 0 (Lanczos, g = 7, 9 terms: ~1e-15 relative). */
export function lnGamma(x: number): number {
  const g = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - lnGamma(1 - x);
  const z = x - 1;
  let s = g[0];
  for (let i = 1; i < 9; i++) s += g[i] / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(s);
}

/** P(T ≥ t) for Student's t with df degrees of freedom (df need not be an integer). */
export function studentUpperTail(t: number, df: number): number {
  const tail = 0.5 * incompleteBeta(df / (df + t * t), df / 2, 0.5);
  return t >= 0 ? tail : 1 - tail;
}

/**
 * Welch's one-sided test that the mean behind (m1, se1) exceeds the one behind (m2, se2), each a
 * mean of n1, n2 independent batch means with the given standard errors: t = (m1 − m2)/√(se1² + se2²)
 * on Welch–Satterthwaite degrees of freedom. Returns the statistic, the degrees of freedom and
 * P(T ≥ t) under equal means.
 */
export function welchGreater(m1: number, se1: number, n1: number, m2: number, se2: number, n2: number): { t: number; df: number; p: number } {
  const v = se1 * se1 + se2 * se2;
  if (!(v > 0)) {
    const d = m1 - m2;
    return { t: d > 0 ? Infinity : d < 0 ? -Infinity : 0, df: Math.max(1, n1 + n2 - 2), p: d > 0 ? 0 : d < 0 ? 1 : 0.5 };
  }
  const t = (m1 - m2) / Math.sqrt(v);
  const a = se1 ** 4 / Math.max(1, n1 - 1);
  const b = se2 ** 4 / Math.max(1, n2 - 1);
  const df = a + b > 0 ? (v * v) / (a + b) : Math.max(1, n1 + n2 - 2);
  return { t, df, p: studentUpperTail(t, df) };
}

/** Holm's step-down adjustment of p-values (family-wise error): adjusted p's in the input order. */
export function holmAdjust(ps: number[]): number[] {
  const order = ps.map((p, i) => [p, i] as const).sort((x, y) => x[0] - y[0]);
  const out = new Array<number>(ps.length);
  let running = 0;
  order.forEach(([p, i], rank) => {
    running = Math.max(running, Math.min(1, (ps.length - rank) * p));
    out[i] = running;
  });
  return out;
}
