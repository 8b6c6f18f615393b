/**
 * Reference computations for the model checks, written independently of src/linalg and src/models:
 * the Kronecker product and vec by their definitions, covariances as their defining series summed
 * until the terms vanish, inverses by ml-matrix's LU, powers by repeated products. Slow and plain
 * on purpose: they exist to disagree with a typo in the fast code.
 */
import { EigenvalueDecomposition, inverse, Matrix } from 'ml-matrix';
import type { MatrixCase } from '../../models/case.ts';

/** A ⊗ B: block (i, j) is a_ij B. */
export function refKron(a: Matrix, b: Matrix): Matrix {
  const out = new Matrix(a.rows * b.rows, a.columns * b.columns);
  for (let i = 0; i < a.rows; i++) for (let j = 0; j < a.columns; j++) for (let k = 0; k < b.rows; k++) for (let l = 0; l < b.columns; l++) out.set(i * b.rows + k, j * b.columns + l, a.get(i, j) * b.get(k, l));
  return out;
}

/** Column-stacking vec, as a column vector. */
export function refVec(x: Matrix): Matrix {
  const out = new Matrix(x.rows * x.columns, 1);
  for (let j = 0; j < x.columns; j++) for (let i = 0; i < x.rows; i++) out.set(i + x.rows * j, 0, x.get(i, j));
  return out;
}

/** 𝒜 = Vᵀ ⊗ Uᵀ, the transition of vec X(n) = 𝒜 vec X(n−1) + … (X(n) = UᵀX(n−1)V + …). */
export function refTransition(c: MatrixCase): Matrix {
  return refKron(c.V.transpose(), c.U.transpose());
}

/** Σ_k T^k Q T^{kᵀ}, summed until a term is below 1e-17 of the sum (at most 200 000 terms). */
export function refSteinSeries(t: Matrix, q: Matrix): Matrix {
  let s = q.clone();
  let p = t.clone();
  for (let k = 1; k < 200_000; k++) {
    const term = p.mmul(q).mmul(p.transpose());
    s = s.add(term);
    if (term.norm('frobenius') <= 1e-17 * s.norm('frobenius')) return s;
    p = p.mmul(t);
  }
  throw new Error('reference series did not converge');
}

/** The exact model's covariance of vec X: ε₁ε₂ Σ_k 𝒜^k 𝒜^{kᵀ}. */
export function refExactCovariance(c: MatrixCase): Matrix {
  const a = refTransition(c);
  return refSteinSeries(a, Matrix.eye(a.rows).mul(c.e1 * c.e2));
}

/** m_k = 𝒜^k vec W for k = 0..K−1. */
export function refMeans(c: MatrixCase, count: number): Matrix[] {
  const a = refTransition(c);
  const out: Matrix[] = [];
  let m = refVec(c.W);
  for (let k = 0; k < count; k++) {
    out.push(m);
    m = a.mmul(m);
  }
  return out;
}

/** xᵀ K x for a column vector x. */
function quad(x: Matrix, k: Matrix): number {
  return x.transpose().mmul(k).mmul(x).get(0, 0);
}

/** J(k) = m_kᵀ C⁻¹ m_k and J_tot = Σ_k J(k) (summed until a term is below 1e-17 of the sum), for a covariance C of vec X. */
export function refFisherMemory(c: MatrixCase, covariance: Matrix, count: number): { fmc: number[]; jtot: number } {
  const k = inverse(covariance);
  const a = refTransition(c);
  const fmc: number[] = [];
  let m = refVec(c.W);
  let jtot = 0;
  for (let i = 0; i < 200_000; i++) {
    const j = quad(m, k);
    if (i < count) fmc.push(j);
    jtot += j;
    if (i >= count && j <= 1e-17 * jtot) break;
    m = a.mmul(m);
  }
  return { fmc, jtot };
}

/** The paper's Ψ = ε₁ Σ_k U^{kᵀ}U^k and Σ = ε₂ Σ_k V^{kᵀ}V^k (Eq. 9), as series. */
export function refPaperCovariances(c: MatrixCase): { psi: Matrix; sigma: Matrix } {
  const n = c.U.rows;
  return { psi: refSteinSeries(c.U.transpose(), Matrix.eye(n).mul(c.e1)), sigma: refSteinSeries(c.V.transpose(), Matrix.eye(n).mul(c.e2)) };
}

/** The paper's covariance of vec X is Σ ⊗ Ψ (Eq. 9): its Fisher memory by the same plain route. */
export function refPaperFisherMemory(c: MatrixCase, count: number): { fmc: number[]; jtot: number } {
  const { psi, sigma } = refPaperCovariances(c);
  return refFisherMemory(c, refKron(sigma, psi), count);
}

/** The vector network x(n) = A x(n−1) + v s(n) + z(n), z ~ N(0, εI): J(k) = vᵀA^{kᵀ}C⁻¹A^k v, C = ε Σ A^k A^{kᵀ}. */
export function refVectorFisherMemory(a: Matrix, v: number[], epsilon: number, count: number): { fmc: number[]; jtot: number } {
  const c = refSteinSeries(a, Matrix.eye(a.rows).mul(epsilon));
  const k = inverse(c);
  let x = Matrix.columnVector(v);
  const fmc: number[] = [];
  let jtot = 0;
  for (let i = 0; i < 200_000; i++) {
    const j = quad(x, k);
    if (i < count) fmc.push(j);
    jtot += j;
    if (i >= count && j <= 1e-17 * jtot) break;
    x = a.mmul(x);
  }
  return { fmc, jtot };
}

/** The stacked memory system (Eq. 34/35): state (x(n), …, x(n−p)), first block row [𝒜, α₁I, …, α_pI]. */
export function refMemoryCompanion(c: MatrixCase, alpha: number[]): Matrix {
  const a = refTransition(c);
  const n = a.rows;
  const p = alpha.length;
  const f = Matrix.zeros((p + 1) * n, (p + 1) * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) f.set(i, j, a.get(i, j));
    for (let t = 1; t <= p; t++) f.set(i, t * n + i, alpha[t - 1]);
    for (let b = 1; b <= p; b++) f.set(b * n + i, (b - 1) * n + i, 1);
  }
  return f;
}

/**
 * The memory system's Fisher memory of x(n): the mean response h_k is the top block of F^k [vec W; 0],
 * the covariance the top-left block of Σ_k F^k Q F^{kᵀ} (stationary) or of its first T terms.
 */
export function refMemoryFisherMemory(c: MatrixCase, alpha: number[], count: number, horizon?: number): { fmc: number[]; jtot: number } {
  const f = refMemoryCompanion(c, alpha);
  const n = c.U.rows * c.V.rows;
  const d = f.rows;
  const q = Matrix.zeros(d, d);
  for (let i = 0; i < n; i++) q.set(i, i, c.e1 * c.e2);
  let cov: Matrix;
  if (horizon === undefined) cov = refSteinSeries(f, q);
  else {
    cov = Matrix.zeros(d, d);
    let p = Matrix.eye(d);
    for (let k = 0; k < horizon; k++) {
      cov = cov.add(p.mmul(q).mmul(p.transpose()));
      p = p.mmul(f);
    }
  }
  const top = cov.subMatrix(0, n - 1, 0, n - 1);
  const kInv = inverse(top);
  let h = Matrix.zeros(d, 1);
  const w = refVec(c.W);
  for (let i = 0; i < n; i++) h.set(i, 0, w.get(i, 0));
  const fmc: number[] = [];
  let jtot = 0;
  const limit = horizon ?? 200_000;
  for (let k = 0; k < limit; k++) {
    const hk = h.subMatrix(0, n - 1, 0, 0);
    const j = quad(hk, kInv);
    if (k < count) fmc.push(j);
    jtot += j;
    if (horizon === undefined && k >= count && j <= 1e-17 * jtot) break;
    h = f.mmul(h);
  }
  return { fmc, jtot };
}

/** Largest eigenvalue modulus of a dense matrix (ml-matrix's eigen-solver, not src/linalg). */
export function refSpectralRadius(m: Matrix): number {
  const e = new EigenvalueDecomposition(m);
  return Math.max(...e.realEigenvalues.map((re, i) => Math.hypot(re, e.imaginaryEigenvalues[i])));
}

/** Eigenvalue moduli of a 2×2 matrix from its characteristic polynomial λ² − tλ + d. */
export function refSpectralRadius2x2(m: Matrix): number {
  const t = m.get(0, 0) + m.get(1, 1);
  const d = m.get(0, 0) * m.get(1, 1) - m.get(0, 1) * m.get(1, 0);
  const disc = t * t - 4 * d;
  if (disc >= 0) return Math.max(Math.abs((t + Math.sqrt(disc)) / 2), Math.abs((t - Math.sqrt(disc)) / 2));
  return Math.sqrt(d); // complex pair: |λ|² = d
}
