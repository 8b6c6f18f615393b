/**
 * Every model function, evaluated on the pinned cases by two independent computations: the fast
 * route matmem uses (Stein doubling, Cholesky, closed forms, certified series) against the plain
 * reference (reference.ts: defining series, LU, repeated products), and Monte Carlo at a pinned
 * seed. A typo in either route shows up as a disagreement; the subject's numbers are also the
 * evidence the regression guard fingerprints.
 */
import { inverse, Matrix } from 'ml-matrix';
import { choleskyLower, inverseQuadraticForm } from '../../linalg/cholesky.ts';
import { kron, unvec, vec } from '../../linalg/dense.ts';
import { spectralRadius } from '../../linalg/eigen.ts';
import { applyKronecker, solveStein } from '../../linalg/stein.ts';
import type { MatrixCase } from '../../models/case.ts';
import { exactCovariance, exactFisherMemoryCurve, exactTotalCapacity, exactTotalCapacityByGram } from '../../models/exact.ts';
import { memoryExactFisherMemory } from '../../models/memory/exact.ts';
import { paperMemoryFmcEq41, paperMemoryModel, paperMemoryTotalCapacity } from '../../models/memory/paper.ts';
import { memoryStability } from '../../models/memory/stability.ts';
import { inputFisherInformation, paperCovariances, paperFisherMemoryCurve, paperTotalCapacity } from '../../models/paper.ts';
import { simulateFisherMemory } from '../../models/simulate.ts';
import { vectorFisherMemory } from '../../models/vector.ts';
import { PINNED_CASES, PINNED_MEMORY_CASES } from './pinned-cases.ts';
import { refExactCovariance, refFisherMemory, refKron, refMemoryCompanion, refMemoryFisherMemory, refPaperCovariances, refPaperFisherMemory, refSpectralRadius, refSpectralRadius2x2, refSteinSeries, refTransition, refVec, refVectorFisherMemory } from './reference.ts';

export interface CheckCase {
  case: string;
  subject: number[];
  reference: number[];
  /** For 'z' checks: the z-score |subject − reference| / standard error. */
  z?: number;
}

export interface ModelCheck {
  id: string;
  subject: string;
  against: string;
  /** 'relative': max |subject − reference| / max(|·|) per case; 'z': Monte Carlo z-score. */
  measure: 'relative' | 'z';
  tolerance: number;
  toleranceReason: string;
  run(): CheckCase[];
}

const EXACT = PINNED_CASES;

/**
 * The covariances several checks share, computed once per run of the checks (clearSharedRoutes
 * starts each run afresh, so a run always computes them itself): the reference series behind
 * exact.covariance, exact.fmc, exact.capacity and simulation.fmc, and the fast route's covariance.
 */
const refCovariances = new Map<MatrixCase, Matrix>();
const fastCovariances = new Map<MatrixCase, ReturnType<typeof exactCovariance>>();
export function clearSharedRoutes(): void {
  refCovariances.clear();
  fastCovariances.clear();
}
function refExactCovarianceOnce(c: MatrixCase): Matrix {
  let m = refCovariances.get(c);
  if (!m) refCovariances.set(c, (m = refExactCovariance(c)));
  return m;
}
function exactCovarianceOnce(c: MatrixCase): ReturnType<typeof exactCovariance> {
  let m = fastCovariances.get(c);
  if (!m) fastCovariances.set(c, (m = exactCovariance(c)));
  return m;
}
const K = 6;
const entries = (m: Matrix): number[] => m.to2DArray().flat();

/** Dense route tolerance: the reference series sum up to ~1e4 terms (P5) and invert matrices with κ ≲ 1e6 (P3): 1e-7 relative covers both with room; a typo moves the numbers by O(1). */
const DENSE = 1e-7;
const DENSE_WHY = 'float64 on both routes: series of ≤ 1e4 terms (rounding ≲ 1e-12) and inverses of covariances with condition numbers up to ~1e6 (case P3) give agreement to ~1e-9; 1e-7 leaves margin, while a wrong formula changes the numbers at order one';

export const MODEL_CHECKS: ModelCheck[] = [
  {
    id: 'exact.covariance',
    subject: 'exactCovariance: C = 𝒜C𝒜ᵀ + ε₁ε₂I by Kronecker Stein doubling',
    against: 'the series ε₁ε₂ Σ_k 𝒜^k 𝒜^{kᵀ} with 𝒜 = Vᵀ ⊗ Uᵀ formed entry by entry',
    measure: 'relative',
    tolerance: DENSE,
    toleranceReason: DENSE_WHY,
    run: () => EXACT.map((p) => ({ case: p.id, subject: Array.from(exactCovarianceOnce(p.case).covariance), reference: entries(refExactCovarianceOnce(p.case)) })),
  },
  {
    id: 'exact.fmc',
    subject: 'exactFisherMemoryCurve: J(k) = m_kᵀC⁻¹m_k through the Cholesky factor',
    against: 'm_k = 𝒜^k vec W by repeated products, C by its series, C⁻¹ by LU',
    measure: 'relative',
    tolerance: DENSE,
    toleranceReason: DENSE_WHY,
    run: () => EXACT.map((p) => ({ case: p.id, subject: exactFisherMemoryCurve(p.case, exactCovarianceOnce(p.case), K), reference: refFisherMemory(p.case, refExactCovarianceOnce(p.case), K).fmc })),
  },
  {
    id: 'exact.capacity',
    subject: 'exactTotalCapacity (certified series) and exactTotalCapacityByGram (Gram Stein equation)',
    against: 'Σ_k J(k) of the plain route, summed until the terms vanish',
    measure: 'relative',
    tolerance: DENSE,
    toleranceReason: DENSE_WHY,
    run: () =>
      EXACT.map((p) => {
        const cov = exactCovarianceOnce(p.case);
        const ref = refFisherMemory(p.case, refExactCovarianceOnce(p.case), 1).jtot;
        return { case: p.id, subject: [exactTotalCapacity(p.case, cov).jtot, exactTotalCapacityByGram(p.case, cov)], reference: [ref, ref] };
      }),
  },
  {
    id: 'paper.covariances',
    subject: 'paperCovariances: Ψ, Σ of Eq. 9 from Stein solves',
    against: 'the series ε₁ Σ_k U^{kᵀ}U^k, ε₂ Σ_k V^{kᵀ}V^k',
    measure: 'relative',
    tolerance: DENSE,
    toleranceReason: DENSE_WHY,
    run: () =>
      EXACT.map((p) => {
        const cov = paperCovariances(p.case);
        const ref = refPaperCovariances(p.case);
        return { case: p.id, subject: [...entries(cov.psi), ...entries(cov.sigma)], reference: [...entries(ref.psi), ...entries(ref.sigma)] };
      }),
  },
  {
    id: 'paper.fmc',
    subject: 'paperFisherMemoryCurve: Eq. 12, J(i) = Tr(Σ⁻¹ ∂M_iᵀ Ψ⁻¹ ∂M_i)',
    against: 'm_iᵀ (Σ ⊗ Ψ)⁻¹ m_i with the Kronecker product formed and inverted by LU',
    measure: 'relative',
    tolerance: DENSE,
    toleranceReason: DENSE_WHY,
    run: () => EXACT.map((p) => ({ case: p.id, subject: paperFisherMemoryCurve(p.case, paperCovariances(p.case), K), reference: refPaperFisherMemory(p.case, K).fmc })),
  },
  {
    id: 'paper.capacity',
    subject: 'paperTotalCapacity: Eq. 16 as Tr((Σ⁻¹ ⊗ Ψ⁻¹) G), G from its Stein equation',
    against: 'Σ_i J(i) of the plain route, summed until the terms vanish',
    measure: 'relative',
    tolerance: DENSE,
    toleranceReason: DENSE_WHY,
    run: () => EXACT.map((p) => ({ case: p.id, subject: [paperTotalCapacity(p.case, paperCovariances(p.case)).jtot], reference: [refPaperFisherMemory(p.case, 1).jtot] })),
  },
  {
    id: 'input-fisher',
    subject: 'inputFisherInformation: Lemma 2, I(W) = Tr(WᵀW)/(ε₁ε₂)',
    against: 'Σ w_ij² / (ε₁ε₂) summed entry by entry',
    measure: 'relative',
    tolerance: 1e-14,
    toleranceReason: 'a sum of ≤ 9 squares: rounding ≲ 1e-15 relative',
    run: () => EXACT.map((p) => ({ case: p.id, subject: [inputFisherInformation(p.case)], reference: [p.case.W.to2DArray().flat().reduce((s, w) => s + w * w, 0) / (p.case.e1 * p.case.e2)] })),
  },
  {
    id: 'vector.fmc',
    subject: 'vectorFisherMemory (Ganguli et al., Eq. 14): J(k) and J_tot by Stein solves',
    against: 'C = ε Σ_k A^k A^{kᵀ} as a series, inverted by LU; J_tot summed',
    measure: 'relative',
    tolerance: DENSE,
    toleranceReason: DENSE_WHY,
    run: () =>
      EXACT.filter((p) => p.case.U.rows > 1).map((p) => {
        // the vector network of the case: A = Uᵀ, v = the first column of W, ε = ε₁
        const net = { A: p.case.U.transpose(), v: p.case.W.getColumn(0), epsilon: p.case.e1 };
        const s = vectorFisherMemory(net, K);
        const r = refVectorFisherMemory(net.A, net.v, net.epsilon, K);
        return { case: p.id, subject: [...s.fmc, s.jtot], reference: [...r.fmc, r.jtot] };
      }),
  },
  {
    id: 'simulation.fmc',
    subject: 'simulateFisherMemory: Monte Carlo J(0) (40 000 trajectories, seed 20261202)',
    against: 'the exact model J(0) (plain route)',
    measure: 'z',
    tolerance: 4.5,
    toleranceReason: 'the estimate is a mean over independent batches: |z| > 4.5 has probability ≈ 7e-6 under the exact law, while the paper model sits at |z| ≈ 20 or more on these cases',
    run: () =>
      EXACT.filter((p) => p.id === 'P1' || p.id === 'P2').map((p) => {
        const sim = simulateFisherMemory(p.case, { samples: 40_000, steps: 25, seed: 20_261_202 });
        const ref = refFisherMemory(p.case, refExactCovarianceOnce(p.case), 1).fmc[0];
        return { case: p.id, subject: [sim.fmc[0].estimate], reference: [ref], z: Math.abs(sim.fmc[0].estimate - ref) / sim.fmc[0].stderr };
      }),
  },
  {
    id: 'memory.stability',
    subject: 'memoryStability: ρ(F) of the stacked system from the per-mode characteristic polynomials',
    against: "the eigenvalues of the stacked matrix F formed entry by entry (ml-matrix's eigen-solver)",
    measure: 'relative',
    tolerance: 1e-9,
    toleranceReason: 'eigenvalues of a ≤ 18×18 matrix to ~1e-13 relative; multiple roots (α₁ = 1, λ = 0) are found to ~√ε ≈ 1e-8 in the worst case, which the pinned cases avoid',
    run: () => PINNED_MEMORY_CASES.map((m) => ({ case: m.id, subject: [memoryStability(m.case, m.alpha).spectralRadius], reference: [refSpectralRadius(refMemoryCompanion(m.case, m.alpha))] })),
  },
  {
    id: 'memory.exact-fmc',
    subject: 'memoryExactFisherMemory: J(k) and J_tot of Eq. 34 (stationary, or at the finite horizon)',
    against: 'the stacked system formed entry by entry: covariance by its series (or its first T terms), mean responses by repeated products, LU',
    measure: 'relative',
    tolerance: DENSE,
    toleranceReason: DENSE_WHY,
    run: () =>
      PINNED_MEMORY_CASES.map((m) => {
        const s = memoryExactFisherMemory(m.case, { alpha: m.alpha, count: K, ...(m.horizon ? { horizon: m.horizon } : {}) });
        const r = refMemoryFisherMemory(m.case, m.alpha, K, m.horizon);
        return { case: m.id, subject: [...s.fmc, s.jtot], reference: [...r.fmc, r.jtot] };
      }),
  },
  {
    id: 'memory.paper-fmc',
    subject: "paperMemoryModel + Eq. 41 (depth 3): the reconstructed Eq. 40's Ψ, Σ, ∂M and J(k)', J'_tot",
    against: 'the sums P(X) = Σ_r U^{rᵀ} X V^r taken term by term, levels m = 1..3, inverses by LU',
    measure: 'relative',
    tolerance: DENSE,
    toleranceReason: DENSE_WHY,
    run: () =>
      PINNED_MEMORY_CASES.filter((m) => m.alpha.reduce((a, b) => a + b, 0) < 1).map((m) => {
        const a = m.alpha.reduce((x, y) => x + y, 0);
        const model = paperMemoryModel(m.case, { weight: a, truncation: { depth: 3 } });
        const subject = [...paperMemoryFmcEq41(m.case, model, K), paperMemoryTotalCapacity(m.case, model).jtot];
        return { case: m.id, subject, reference: refPaperMemory(m.case, a, 3, K) };
      }),
  },
  {
    id: 'linalg.kronecker',
    subject: 'kron, vec, unvec and applyKronecker (src/linalg)',
    against: 'the definitions: block a_ij·B, column stacking, and vec(UᵀXV) = (Vᵀ⊗Uᵀ) vec X by direct products',
    measure: 'relative',
    tolerance: 1e-13,
    toleranceReason: 'the same ≤ 9-term sums in another order: rounding ≲ 1e-15 relative',
    run: () =>
      EXACT.map((p) => {
        const c = p.case;
        const x = Matrix.add(c.W, c.U); // a new matrix (ml-matrix add() changes its receiver)
        const direct = c.U.transpose().mmul(x).mmul(c.V);
        const subject = [...entries(kron(c.V.transpose(), c.U.transpose())), ...Array.from(applyKronecker(c.U, c.V, vec(x))), ...entries(unvec(vec(direct), c.U.rows, c.V.columns))];
        const reference = [...entries(refTransition(c)), ...entries(refVec(direct)), ...entries(direct)];
        return { case: p.id, subject, reference };
      }),
  },
  {
    id: 'linalg.stein-cholesky',
    subject: 'solveStein (doubling) and the Cholesky quadratic form inverseQuadraticForm',
    against: 'the Stein series Σ_k A^k Q A^{kᵀ}, and xᵀC⁻¹x with C⁻¹ by LU',
    measure: 'relative',
    tolerance: DENSE,
    toleranceReason: DENSE_WHY,
    run: () =>
      EXACT.map((p) => {
        const c = p.case;
        const q = c.W.mmul(c.W.transpose()).add(Matrix.eye(c.W.rows));
        const stein = solveStein(c.U, q).solution;
        const cov = refExactCovarianceOnce(c);
        const n = cov.rows;
        const l = choleskyLower(Float64Array.from(cov.to2DArray().flat()), n);
        const x = refVec(Matrix.add(c.W, c.V));
        const viaLu = x.transpose().mmul(inverse(cov)).mmul(x).get(0, 0);
        return { case: p.id, subject: [...entries(stein), inverseQuadraticForm(l, n, x.getColumn(0))], reference: [...entries(refSteinSeries(c.U, q)), viaLu] };
      }),
  },
  {
    id: 'linalg.spectral-radius',
    subject: 'spectralRadius (src/linalg/eigen.ts)',
    against: 'the roots of λ² − Tr(A)λ + det(A) for the 2×2 U and V',
    measure: 'relative',
    tolerance: 1e-10,
    toleranceReason: 'simple eigenvalues of 2×2 matrices to ~1e-15; the defective shear of P3 (a double root) is found to ~√ε·‖A‖ ≈ 1e-7, so P3 is left out',
    run: () => EXACT.filter((p) => p.case.U.rows === 2 && p.id !== 'P3').map((p) => ({ case: p.id, subject: [spectralRadius(p.case.U), spectralRadius(p.case.V)], reference: [refSpectralRadius2x2(p.case.U), refSpectralRadius2x2(p.case.V)] })),
  },
];

/** The reconstructed Eq. 40 and Eq. 41 by plain sums: J(k)' for k < count and J'_tot. */
function refPaperMemory(c: MatrixCase, a: number, depth: number, count: number): number[] {
  const sandwich = (left: Matrix, x: Matrix, right: Matrix) => {
    let s = x.clone();
    let t = x.clone();
    for (let r = 1; r < 100_000; r++) {
      t = left.mmul(t).mmul(right);
      s = s.add(t);
      if (t.norm('frobenius') <= 1e-17 * s.norm('frobenius')) break;
    }
    return s;
  };
  const ut = c.U.transpose();
  const vt = c.V.transpose();
  const { psi: psiS, sigma: sigmaS } = refPaperCovariances(c);
  let mean = c.W.clone();
  let psiL = psiS.clone();
  let sigmaL = sigmaS.clone();
  let meanSum = c.W.clone();
  let psi = psiS.clone();
  let sigma = sigmaS.clone();
  for (let m = 1; m <= depth; m++) {
    mean = sandwich(ut, mean, c.V).mul(a);
    psiL = sandwich(ut, psiL, c.U).mul(Math.abs(a));
    sigmaL = sandwich(vt, sigmaL, c.V).mul(Math.abs(a));
    meanSum = meanSum.add(mean);
    psi = psi.add(psiL);
    sigma = sigma.add(sigmaL);
  }
  const memCase: MatrixCase = { ...c, W: meanSum };
  const r = refFisherMemory(memCase, refKron(sigma, psi), count);
  return [...r.fmc, r.jtot];
}
