/**
 * Building blocks of the encoded equations, generic in the field. Each function is one formula of
 * the paper (or of its correct counterpart), named after it; proofs/*.ts compose them into sides.
 */
import type { Field } from '../symbolic/field.ts';
import { absSquared, scalarPower } from '../symbolic/field.ts';
import { type Mat, conjTranspose, diag, eye, inverse, mulAll, power, scale, sub, trace, transpose, add, mul, kron, zeros, conjugate } from '../symbolic/matrix.ts';

/** ∂M/∂s_k = U^{kᵀ} W V^k (Eq. 9). */
export function meanDerivative<T>(F: Field<T>, U: Mat<T>, W: Mat<T>, V: Mat<T>, k: number): Mat<T> {
  return mulAll(F, transpose(power(F, U, k)), W, power(F, V, k));
}

/** Eq. 8 with precisions P = Σ⁻¹, Q = Ψ⁻¹: Tr(P D_iᵀ Q D_j). */
export function fmmEq8<T>(F: Field<T>, P: Mat<T>, Q: Mat<T>, Di: Mat<T>, Dj: Mat<T>): T {
  return trace(F, mulAll(F, P, transpose(Di), Q, Dj));
}

/** Ψ = ε Σ_{k<K} A^{kᵀ} A^k (a truncation of Eq. 9's sum). */
export function truncatedGramSeries<T>(F: Field<T>, A: Mat<T>, eps: T, K: number): Mat<T> {
  let s = zeros(F, A.length, A.length);
  for (let k = 0; k < K; k++) {
    const p = power(F, A, k);
    s = add(F, s, mul(F, transpose(p), p));
  }
  return scale(F, eps, s);
}

/** The 2×2 Cayley rotation Q(q) = (I − S)(I + S)⁻¹, S = [[0, q], [−q, 0]]: rational and orthogonal. */
export function cayley2<T>(F: Field<T>, q: T): Mat<T> {
  const d = F.add(F.one(), F.mul(q, q));
  const a = F.div(F.sub(F.one(), F.mul(q, q)), d);
  const b = F.div(F.mul(F.rational(2), q), d);
  return [
    [a, F.neg(b)],
    [b, a],
  ];
}

/**
 * A real normal 2×2 matrix and its unitary eigendecomposition, exactly.
 * real spectrum: A = Q diag(λ1, λ2) Qᵀ, E = Q.  complex spectrum: A = Q [[a, −b], [b, a]] Qᵀ,
 * eigenvalues a ± ib, E = Q G/√2 with G = [[1, 1], [−i, i]]; E is returned without the 1/√2 (as G̃)
 * and `halfScale` says that B = EᵤᴴWEᵥ carries the factor (1/√2)² = 1/2 — kept exact that way.
 */
export interface NormalDecomposition<T> {
  A: Mat<T>;
  /** E·√2^{[complex]}: columns are eigenvectors (orthonormal up to the factor). */
  Escaled: Mat<T>;
  /** Whether Escaled = √2·E. */
  scaled: boolean;
  lambda: T[];
}

export function normal2<T>(F: Field<T>, spectrum: 'real' | 'complex', p1: T, p2: T, q: T): NormalDecomposition<T> {
  const Q = cayley2(F, q);
  if (spectrum === 'real') {
    return { A: mulAll(F, Q, diag(F, [p1, p2]), transpose(Q)), Escaled: Q, scaled: false, lambda: [p1, p2] };
  }
  const R: Mat<T> = [
    [p1, F.neg(p2)],
    [p2, p1],
  ];
  const i = F.imag();
  const G: Mat<T> = [
    [F.one(), F.one()],
    [F.neg(i), i],
  ];
  // R G = G diag(a + ib, a − ib): column 1 (1, −i) ↦ (a + ib, b − ia) = (a + ib)(1, −i).
  const lambda = [F.add(p1, F.mul(i, p2)), F.sub(p1, F.mul(i, p2))];
  return { A: mulAll(F, Q, R, transpose(Q)), Escaled: mul(F, Q, G), scaled: true, lambda };
}

/** B = E_Uᴴ W E_V (Eq. 17), exact: the √2 factors of complex decompositions are divided out. */
export function eigenbasisB<T>(F: Field<T>, du: NormalDecomposition<T>, dv: NormalDecomposition<T>, W: Mat<T>): Mat<T> {
  const b = mulAll(F, conjTranspose(F, du.Escaled), W, dv.Escaled);
  const factor = (du.scaled ? 2 : 1) * (dv.scaled ? 2 : 1);
  // (1/√2)(1/√2) = 1/2 per complex pair of factors; one complex side alone would give 1/√2 (not used).
  if (factor === 1) return b;
  if (factor === 4) return scale(F, F.rational(1, 2), b);
  throw new RangeError('eigenbasisB: mixed real/complex decompositions need √2 (not encoded)');
}

/**
 * Eq. 17 for normal U, V. `form`: 'printed' — (1/ε₁ε₂) Tr((I − Λ_V²) Λ_V^i Bᴴ Λ_U^i (I − Λ_U²) Λ_U^i B Λ_V^i);
 * 'corrected' — (1/ε₁ε₂) Tr((I − |Λ_V|²) Λ̄_V^i Bᴴ Λ_U^i (I − |Λ_U|²) Λ̄_U^i B Λ_V^i).
 */
export function eq17<T>(F: Field<T>, form: 'printed' | 'corrected', lu: T[], lv: T[], B: Mat<T>, i: number, e1: T, e2: T): T {
  const D = (xs: T[], f: (x: T) => T): Mat<T> => diag(F, xs.map(f));
  const oneMinus = (xs: T[], sq: (x: T) => T): Mat<T> => D(xs, (x) => F.sub(F.one(), sq(x)));
  const square = (x: T): T => F.mul(x, x);
  const mod2 = (x: T): T => absSquared(F, x);
  const pw = (x: T): T => scalarPower(F, x, i);
  const cpw = (x: T): T => scalarPower(F, F.conj(x), i);
  const p = form === 'printed';
  const m = mulAll(
    F,
    oneMinus(lv, p ? square : mod2),
    D(lv, p ? pw : cpw),
    conjTranspose(F, B),
    D(lu, pw),
    oneMinus(lu, p ? square : mod2),
    D(lu, p ? pw : cpw),
    B,
    D(lv, pw),
  );
  return F.div(trace(F, m), F.mul(e1, e2));
}

/** Remark 3 / Eq. 23 weight g = (1 − |λ_V|²)(1 − |λ_U|²)/(1 − |λ_V|²|λ_U|²). */
export function eq23Weight<T>(F: Field<T>, lv: T, lu: T): T {
  const a = absSquared(F, lv);
  const b = absSquared(F, lu);
  return F.div(F.mul(F.sub(F.one(), a), F.sub(F.one(), b)), F.sub(F.one(), F.mul(a, b)));
}

/** Eq. 23: (1/ε₁ε₂) Σ_{j,k} g(λ_{V_k}, λ_{U_j}) |b_jk|². */
export function eq23<T>(F: Field<T>, lu: T[], lv: T[], B: Mat<T>, e1: T, e2: T): T {
  let s = F.zero();
  for (let j = 0; j < lu.length; j++) for (let k = 0; k < lv.length; k++) s = F.add(s, F.mul(eq23Weight(F, lv[k], lu[j]), absSquared(F, B[j][k])));
  return F.div(s, F.mul(e1, e2));
}

export { eye, inverse, kron, sub, conjugate };
