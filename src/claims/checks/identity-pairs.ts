/**
 * The two sides of the paper's identities, per case, for the claims decided by numeric comparison
 * (identityCheck): the Fisher memory entries of the models, the covariance of Eq. 10 summed term by
 * term, Eq. 17 as printed, Eq. 30's sum, Ψ and Σ by their series.
 */
import { Matrix } from 'ml-matrix';
import { ModelUndefinedError } from '../../errors.ts';
import { identity, kron, relativeDifference, trace, vec } from '../../linalg/dense.ts';
import { caseSize, type MatrixCase } from '../../models/case.ts';
import { exactCovariance, exactFisherMemoryMatrixEntry } from '../../models/exact.ts';
import { meanResponses } from '../../models/mean.ts';
import { normalEigenData, paperCovariances, paperFisherMemoryCurveEq17AsPrinted, spaceTimeMatrices } from '../../models/paper.ts';
import type { SidePair } from './identity.ts';

export const LAGS = [0, 1, 2, 3];

/** cov(vec X) implied by the paper's own solution, Eq. 10: ε₁ε₂ Σ_k (V^{kᵀ}V^k) ⊗ (U^{kᵀ}U^k), summed term by term. */
export function eq10NoiseCovariance(c: MatrixCase): Matrix {
  const n = caseSize(c) ** 2;
  let s = Matrix.zeros(n, n);
  let u = identity(caseSize(c));
  let v = identity(caseSize(c));
  for (let k = 0; k < 100000; k++) {
    const term = kron(v.transpose().mmul(v), u.transpose().mmul(u)).mul(c.e1 * c.e2);
    s = Matrix.add(s, term);
    if (term.norm('frobenius') <= 1e-18 * s.norm('frobenius')) return s;
    u = u.mmul(c.U);
    v = v.mmul(c.V);
  }
  throw new ModelUndefinedError('the noise series of Eq. 10 does not converge', 'divergent');
}

export function covariancePairs(c: MatrixCase, other: Matrix): SidePair[] {
  const cov = paperCovariances(c);
  const paper = kron(cov.sigma, cov.psi);
  return [{ a: paper.norm('frobenius'), b: other.norm('frobenius'), what: '‖Σ⊗Ψ − cov‖/‖cov‖ (a, b: the two Frobenius norms)', relGap: relativeDifference(paper, other) }];
}

export function fisherPairs(c: MatrixCase, truth: (i: number, j: number) => number, claimed: (i: number, j: number) => number, diagonalOnly: boolean): SidePair[] {
  const out: SidePair[] = [];
  for (const i of LAGS) for (const j of LAGS) {
    if (diagonalOnly && i !== j) continue;
    out.push({ a: claimed(i, j), b: truth(i, j), what: `J(${i},${j})` });
  }
  return out;
}

/** m_iᵀ K m_j with K = (Σ ⊗ Ψ)⁻¹: the Fisher memory of a Gaussian with the paper's covariance, by vectorization. */
export function vectorizedPaperFisher(c: MatrixCase): (i: number, j: number) => number {
  const cov = paperCovariances(c);
  const k = kron(cov.sigmaInv, cov.psiInv);
  const ms = meanResponses(c, 4).map((m) => Matrix.columnVector([...vec(m)]));
  return (i, j) => ms[i].transpose().mmul(k).mmul(ms[j]).get(0, 0);
}

export function exactFisher(c: MatrixCase): (i: number, j: number) => number {
  const cov = exactCovariance(c);
  return (i, j) => exactFisherMemoryMatrixEntry(c, cov, i, j);
}

/** Eq. 17 as printed against J(i) from a model (exported for its test). */
export function eq17Pairs(c: MatrixCase, truth: number[]): SidePair[] {
  const eig = normalEigenData(c);
  return truth.map((t, i) => {
    const e = paperFisherMemoryCurveEq17AsPrinted(c, eig, i);
    // left is Eq. 17's real part as computed; the gap is the complex distance |Eq. 17 − J(i)|, so a
    // non-zero imaginary part (which a Fisher information cannot have) counts against Eq. 17 too
    const relGap = Math.hypot(e.re - t, e.im) / Math.max(Math.hypot(e.re, e.im), Math.abs(t), 1e-300);
    return { a: e.re, b: t, relGap, what: `J(${i}) (Eq. 17 = ${e.re.toPrecision(6)}${e.im >= 0 ? '+' : '−'}${Math.abs(e.im).toPrecision(3)}i)` };
  });
}

/** Eq. 30's sum, summed term by term until the terms are negligible, against J_tot. */
export function eq30Pair(c: MatrixCase, jtot: number): SidePair {
  const cov = paperCovariances(c);
  let s = 0;
  for (let i = 0; i < 5000; i++) {
    const { jV, jU } = spaceTimeMatrices(c, cov, i, i);
    const term = trace(c.W.mmul(jV).mmul(c.W.transpose()).mmul(jU));
    s += term;
    if (Math.abs(term) <= 1e-17 * Math.abs(s)) break;
  }
  return { a: s, b: jtot, what: 'J_tot (Eq. 30 summed)' };
}

/** Ψ and Σ by their defining series (Eq. 9), independently of the Lyapunov solver. */
export function eq9BySeries(c: MatrixCase): { psi: Matrix; sigma: Matrix } {
  const n = caseSize(c);
  const series = (a: Matrix, e: number) => {
    let s = Matrix.zeros(n, n);
    let p = identity(n);
    for (let k = 0; k < 100000; k++) {
      const term = p.transpose().mmul(p).mul(e);
      s = Matrix.add(s, term);
      if (term.norm('frobenius') <= 1e-18 * s.norm('frobenius')) return s;
      p = p.mmul(a);
    }
    throw new ModelUndefinedError('the series of Eq. 9 does not converge', 'divergent');
  };
  return { psi: series(c.U, c.e1), sigma: series(c.V, c.e2) };
}

