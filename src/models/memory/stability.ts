/**
 * Stability of the memory-augmented system of Eq. 34/35,
 *   X(n) = Uᵀ X(n−1) V + Σ_{t=1}^{p} α_t X(n−1−t) + W s(n) + Z(n),
 * written as a first-order system on the stacked state y(n) = [vec X(n); vec X(n−1); …; vec X(n−p)]:
 *   y(n) = F y(n−1) + [vec W; 0; …] s(n) + [vec Z(n); 0; …],
 *   F = ⎡𝒜  α₁I  α₂I … α_pI⎤   (𝒜 = Vᵀ ⊗ Uᵀ)
 *       ⎢I   0    0   …  0  ⎥
 *       ⎢    ⋱              ⎥
 *       ⎣0   …    I       0 ⎦.
 * Every eigenvalue μ of F solves, for some eigenvalue λ of 𝒜 (λ = λ_U λ_V, a product of eigenvalues
 * of U and V), the scalar characteristic equation of one mode
 *   μ^{p+1} = λ μ^p + Σ_t α_t μ^{p−t}                                       (*)
 * (block-triangularize 𝒜 by Schur: det(μ^{p+1} − μ^p 𝒜 − Σ α_t μ^{p−t}) = Π_λ (*)).
 * The stationary law of X(n) exists iff ρ(F) < 1.
 * For p = 1, α₁ = 1 (the case of Theorem 4), (*) is μ² − λμ − 1 = 0, whose roots multiply to −1,
 * so ρ(F) ≥ 1 for every U, V: the system the paper analyses has no stationary law.
 */
import { Matrix } from 'ml-matrix';
import { InputError, ModelUndefinedError } from '../../errors.ts';
import { eigenvalues, realEigendecomposition } from '../../linalg/eigen.ts';
import type { MatrixCase } from '../case.ts';

/** ρ(F) below 1 − this counts as stable; a root numerically on the unit circle counts as unstable. */
export const STABILITY_MARGIN = 1e-10;

export interface Complex {
  re: number;
  im: number;
}

export interface MemoryStability {
  /** ρ(F) of the stacked companion system (ρ(U)·ρ(V) when p = 0). */
  spectralRadius: number;
  stable: boolean;
  /** The eigenvalue λ of 𝒜 whose mode attains ρ(F), and the root μ of (*) that does. */
  worstMode: { lambda: Complex; mu: Complex };
  slots: number;
  alpha: number[];
}

/** Validate read weights α₁..α_p (finite numbers; p ≥ 0). */
export function validateAlpha(alpha: number[]): number[] {
  if (!Array.isArray(alpha)) throw new InputError('alpha must be a list of numbers');
  alpha.forEach((a, i) => {
    if (typeof a !== 'number' || !Number.isFinite(a)) throw new InputError(`alpha[${i + 1}] must be a finite number, got ${a}`);
  });
  return alpha;
}

/** The paper's default read weights for p slots: equal strength, Σ α = 1 (Section 3.2.1). */
export function defaultAlpha(slots: number): number[] {
  if (!Number.isInteger(slots) || slots < 0) throw new InputError(`memory slots must be a non-negative integer, got ${slots}`);
  return Array.from({ length: slots }, () => 1 / slots);
}

/** Eigenvalues λ_i(U)·λ_j(V) of 𝒜 = Vᵀ ⊗ Uᵀ (the spectrum of a transpose is the spectrum). */
export function kroneckerEigenvalues(c: MatrixCase): Complex[] {
  const eu = eigenvalues(c.U);
  const ev = eigenvalues(c.V);
  const out: Complex[] = [];
  for (let j = 0; j < ev.re.length; j++) {
    for (let i = 0; i < eu.re.length; i++) {
      out.push({ re: eu.re[i] * ev.re[j] - eu.im[i] * ev.im[j], im: eu.re[i] * ev.im[j] + eu.im[i] * ev.re[j] });
    }
  }
  return out;
}

/**
 * Roots μ of (*) for one λ: the eigenvalues of the (p+1)×(p+1) complex companion matrix
 * [[λ, α₁, …, α_p], [1, 0, …], …], computed as the eigenvalues of its real 2(p+1)×2(p+1)
 * representation [[Re, −Im], [Im, Re]] (whose spectrum is spec ∪ conj(spec): of each conjugate pair
 * we keep the member that solves (*)); for real λ the real companion matrix directly.
 */
export function modeRoots(lambda: Complex, alpha: number[]): Complex[] {
  const p = alpha.length;
  if (p === 0) return [{ ...lambda }];
  if (p === 1) return quadraticRoots(lambda, alpha[0]);
  const d = p + 1;
  if (lambda.im === 0) {
    // real λ: the real companion matrix itself
    const m = Matrix.zeros(d, d);
    m.set(0, 0, lambda.re);
    for (let t = 1; t <= p; t++) m.set(0, t, alpha[t - 1]);
    for (let i = 1; i < d; i++) m.set(i, i - 1, 1);
    const e = realEigendecomposition(m);
    return e.realEigenvalues.map((re, k) => ({ re, im: e.imaginaryEigenvalues[k] }));
  }
  const r = modeCompanionRealForm(lambda, alpha);
  const e = realEigendecomposition(r);
  // spec(real rep) = spec(M) ∪ conj(spec(M)): of each μ and its conjugate keep the one that solves (*)
  const res = (mu: Complex) => {
    const v = charPoly(mu, lambda, alpha);
    return Math.hypot(v.re, v.im);
  };
  const out: Complex[] = [];
  e.realEigenvalues.forEach((re, k) => {
    const mu = { re, im: e.imaginaryEigenvalues[k] };
    if (res(mu) <= res({ re, im: -mu.im })) out.push(mu);
  });
  return out;
}

/** μ² − λμ − a = 0: μ = (λ ± √(λ² + 4a))/2 with complex square root. */
export function quadraticRoots(lambda: Complex, a: number): Complex[] {
  const dre = lambda.re * lambda.re - lambda.im * lambda.im + 4 * a;
  const dim = 2 * lambda.re * lambda.im;
  const mod = Math.hypot(dre, dim);
  let sre = Math.sqrt((mod + dre) / 2);
  let sim = Math.sqrt(Math.max(0, (mod - dre) / 2));
  if (dim < 0) sim = -sim;
  if (mod === 0) {
    sre = 0;
    sim = 0;
  }
  return [
    { re: (lambda.re + sre) / 2, im: (lambda.im + sim) / 2 },
    { re: (lambda.re - sre) / 2, im: (lambda.im - sim) / 2 },
  ];
}

/** Value of μ^{p+1} − λμ^p − Σ α_t μ^{p−t} (residual of (*)). */
export function charPoly(mu: Complex, lambda: Complex, alpha: number[]): Complex {
  const p = alpha.length;
  // Horner with coefficients [1, −λ, −α₁, …, −α_p]
  let re = 1;
  let im = 0;
  const coeffs: Complex[] = [{ re: -lambda.re, im: -lambda.im }, ...alpha.map((a) => ({ re: -a, im: 0 }))];
  for (let k = 0; k < p + 1; k++) {
    const nr = re * mu.re - im * mu.im + coeffs[k].re;
    const ni = re * mu.im + im * mu.re + coeffs[k].im;
    re = nr;
    im = ni;
  }
  return { re, im };
}

/** ρ(F) and whether the stationary law exists; reported with every memory result. */
export function memoryStability(c: MatrixCase, alpha: number[]): MemoryStability {
  validateAlpha(alpha);
  let best = { rho: -1, lambda: { re: 0, im: 0 }, mu: { re: 0, im: 0 } };
  for (const lambda of kroneckerEigenvalues(c)) {
    for (const mu of modeRoots(lambda, alpha)) {
      const r = Math.hypot(mu.re, mu.im);
      if (r > best.rho) best = { rho: r, lambda, mu };
    }
  }
  return {
    spectralRadius: best.rho,
    stable: best.rho < 1 - STABILITY_MARGIN,
    worstMode: { lambda: best.lambda, mu: best.mu },
    slots: alpha.length,
    alpha: [...alpha],
  };
}

/** Throws ModelUndefinedError (CLI exit 2) when a stationary quantity is asked of an unstable system. */
export function assertMemoryStationary(c: MatrixCase, alpha: number[]): MemoryStability {
  const s = memoryStability(c, alpha);
  if (!s.stable) {
    const l = s.worstMode.lambda;
    const sumAlpha = alpha.reduce((a, b) => a + b, 0);
    const why =
      alpha.length === 1 && Math.abs(alpha[0] - 1) < 1e-15
        ? ' With one slot and α₁ = 1 this holds for every U and V: each mode solves μ² − λμ − 1 = 0, whose two roots multiply to −1, so one has |μ| ≥ 1.'
        : Math.abs(sumAlpha - 1) < 1e-12
          ? ' With Σα = 1 a mode with λ = 0 has the root μ = 1, and every real λ ≥ 0 gives a real root μ ≥ 1.'
          : '';
    throw new ModelUndefinedError(
      `memory system (Eq. 34, p = ${alpha.length}, α = [${alpha.map(fmtNum).join(', ')}]) has no stationary law: ` +
        `the stacked state y(n) = [vec X(n); …; vec X(n−p)] has spectral radius ρ(F) = ${fmtNum(s.spectralRadius)} ≥ 1 ` +
        `(mode λ = ${fmtComplex(l)} of Vᵀ⊗Uᵀ).${why} Use --horizon T for the finite-horizon law (state started at zero, T steps).`,
      'unstable',
      { spectralRadius: s.spectralRadius, lambdaRe: l.re, lambdaIm: l.im },
    );
  }
  return s;
}

function fmtNum(x: number): string {
  return Number.isFinite(x) ? String(Number(x.toPrecision(6))) : String(x);
}

export function fmtComplex(z: Complex): string {
  if (Math.abs(z.im) < 1e-15) return fmtNum(z.re);
  return `${fmtNum(z.re)}${z.im < 0 ? '−' : '+'}${fmtNum(Math.abs(z.im))}i`;
}

/**
 * The real 2(p+1)×2(p+1) representation [[Re M, −Im M], [Im M, Re M]] of one mode's complex companion
 * matrix M = [[λ, α₁, …, α_p], [1, 0, …], …].
 */
export function modeCompanionRealForm(lambda: Complex, alpha: number[]): Matrix {
  const d = alpha.length + 1;
  const r = Matrix.zeros(2 * d, 2 * d);
  const setC = (i: number, j: number, re: number, im: number) => {
    r.set(i, j, re);
    r.set(i + d, j + d, re);
    r.set(i, j + d, -im);
    r.set(i + d, j, im);
  };
  setC(0, 0, lambda.re, lambda.im);
  for (let t = 1; t < d; t++) setC(0, t, alpha[t - 1], 0);
  for (let i = 1; i < d; i++) setC(i, i - 1, 1, 0);
  return r;
}
