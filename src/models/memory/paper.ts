/**
 * The `paper` model of the memory-augmented system (Section 3.2.2, Eqs. 36–47), implemented
 * literally under the reconstruction of the missing Eq. 40 (proofs/eq-40-reconstruction.md).
 *
 * With one slot and α₁ = 1 the paper unrolls X(n) = Σ_{m≥0} [S_A(m) + S_B(m)] (Eqs. 37–39), where
 *   S_A(m) = Σ_{i_1..i_m ≥ 2} U^{(Σi_j − 2m)ᵀ} A V^{(Σi_j − 2m)},  A = Σ_k U^{kᵀ} W s_k V^k,
 *   S_B(m) = the same with B^{(n − Σ i_j)} = Σ_k U^{kᵀ} Z(n − Σi_j − k) V^k.
 * The number of (i_1..i_m) with Σ(i_j − 2) = r is C(r+m−1, m−1), so the m-fold sum is the m-th
 * power of the operator P(X) = Σ_{r=0}^{L} U^{rᵀ} X V^r (L = ∞ in the paper; L finite is the
 * inner truncation "each i_j − 2 ≤ L" of a program that loops over the indices).
 * Reconstructed Eq. 40 (assumptions A1–A4 in the proof file):
 *   M = Σ_m S_A(m),  ∂M/∂s_k = U^{kᵀ}WV^k + Σ_{m≥1} P^m(U^{kᵀ}WV^k) = U^{kᵀ} (Σ_{m≥0} P^m(W)) V^k,
 *   Ψ = Ψ_STATE + Ψ_MEM, Ψ_STATE = ε₁ Σ_k U^{kᵀ}U^k (Eq. 9),  Ψ_MEM = Σ_{m≥1} P_U^m(Ψ_STATE), P_U(X) = Σ_r U^{rᵀ} X U^r,
 *   Σ = Σ_STATE + Σ_MEM,    Σ_STATE = ε₂ Σ_k V^{kᵀ}V^k,         Σ_MEM = Σ_{m≥1} P_V^m(Σ_STATE), P_V(X) = Σ_r V^{rᵀ} X V^r,
 * each P^m term being "the recursive use of the discrete-time Lyapunov equation" of Section 5
 * (P_U(X) solves Y = Uᵀ Y U + X). The sums over m are truncated at depth D (Figure 3's caption).
 * Read weights: the paper fixes α₁ = 1. Under its assumption A2 (every X(n−i) carries the law of
 * X(n)) the lag of a slot drops out, so p slots with weights α act as one slot with weight a = Σα,
 * and level m carries a^m in the mean and |a|^m in each of Ψ and Σ (assumption A5, an extension).
 */
import { Matrix } from 'ml-matrix';
import { InputError, ModelUndefinedError } from '../../errors.ts';
import { identity, spdConditionNumber, spdInverse, trace } from '../../linalg/dense.ts';
import { eigenvalues } from '../../linalg/eigen.ts';
import { caseSize, type MatrixCase } from '../case.ts';
import { meanResponses } from '../mean.ts';
import { assertPaperModelDefined, paperCovariances, paperFisherMemoryCurve, paperTotalCapacity, type PaperCovariances } from '../paper.ts';
import type { Complex } from './stability.ts';

export interface MemoryTruncation {
  /** Depth D: the sums over m run over m = 0..D (m = 0 is the state without memory). */
  depth: number;
  /** Inner bound L on each i_j − 2 (default ∞: the inner sums in closed form). */
  inner?: number;
}

export interface PaperMemoryOptions {
  /** Effective read weight a (= Σ α_t; the paper's case is a = 1). */
  weight: number;
  truncation: MemoryTruncation;
}

export interface PaperMemoryModel {
  weight: number;
  truncation: { depth: number; inner: number };
  /** Ψ_STATE, Σ_STATE of Eq. 9 and their inverses. */
  state: PaperCovariances;
  psiMem: Matrix;
  sigmaMem: Matrix;
  psi: Matrix;
  sigma: Matrix;
  psiInv: Matrix;
  sigmaInv: Matrix;
  /** ∂M_STATE/∂s_0 = W and ∂M_MEM/∂s_0 = Σ_{m=1}^{D} a^m P^m(W); ∂M(k) = U^{kᵀ} ∂M(0) V^k. */
  meanState0: Matrix;
  meanMem0: Matrix;
  /** Frobenius norms of the level-m terms (m = 1..D): how the sums over m behave. */
  levels: { m: number; mean: number; psi: number; sigma: number }[];
}

/** Σ_{r=0}^{L} aʳ X bʳ (L = ∞: doubling, needs ρ(a)ρ(b) < 1). */
export function sandwichSeries(a: Matrix, x: Matrix, b: Matrix, inner: number): Matrix {
  if (Number.isFinite(inner)) {
    let s = x.clone();
    let t = x.clone();
    for (let r = 1; r <= inner; r++) {
      t = a.mmul(t).mmul(b);
      s = Matrix.add(s, t);
    }
    return s;
  }
  let s = x.clone();
  let ak = a.clone();
  let bk = b.clone();
  for (let it = 0; it < 64; it++) {
    const term = ak.mmul(s).mmul(bk);
    s = Matrix.add(s, term);
    const sn = s.norm('frobenius');
    if (!Number.isFinite(sn)) break;
    if (term.norm('frobenius') <= 1e-17 * sn && ak.norm('frobenius') * bk.norm('frobenius') <= 1e-8) return s;
    ak = ak.mmul(ak);
    bk = bk.mmul(bk);
  }
  throw new ModelUndefinedError('paper memory model: the inner series Σ_r U^{rᵀ} X V^r does not converge', 'divergent', {});
}

export function validateTruncation(t: MemoryTruncation): { depth: number; inner: number } {
  if (!Number.isInteger(t.depth) || t.depth < 0) throw new InputError(`truncation depth must be a non-negative integer, got ${t.depth}`);
  const inner = t.inner ?? Infinity;
  if (inner !== Infinity && (!Number.isInteger(inner) || inner < 0)) throw new InputError(`inner truncation must be a non-negative integer or Infinity, got ${inner}`);
  return { depth: t.depth, inner };
}

/** Reconstructed Eq. 40 at depth D: the STATE and MEM parts of the mean derivative and of Ψ, Σ. */
export function paperMemoryModel(c: MatrixCase, opts: PaperMemoryOptions): PaperMemoryModel {
  const { depth, inner } = validateTruncation(opts.truncation);
  const a = opts.weight;
  if (!Number.isFinite(a)) throw new InputError(`read weight must be finite, got ${a}`);
  assertPaperModelDefined(c);
  const state = paperCovariances(c);
  const N = caseSize(c);
  const ut = c.U.transpose();
  const vt = c.V.transpose();
  let meanLevel = c.W.clone();
  let psiLevel = state.psi.clone();
  let sigmaLevel = state.sigma.clone();
  let meanMem = Matrix.zeros(N, N);
  let psiMem = Matrix.zeros(N, N);
  let sigmaMem = Matrix.zeros(N, N);
  const levels: PaperMemoryModel['levels'] = [];
  for (let m = 1; m <= depth; m++) {
    meanLevel = sandwichSeries(ut, meanLevel, c.V, inner).mul(a);
    psiLevel = sandwichSeries(ut, psiLevel, c.U, inner).mul(Math.abs(a));
    sigmaLevel = sandwichSeries(vt, sigmaLevel, c.V, inner).mul(Math.abs(a));
    meanMem = Matrix.add(meanMem, meanLevel);
    psiMem = Matrix.add(psiMem, psiLevel);
    sigmaMem = Matrix.add(sigmaMem, sigmaLevel);
    levels.push({ m, mean: meanLevel.norm('frobenius'), psi: psiLevel.norm('frobenius'), sigma: sigmaLevel.norm('frobenius') });
  }
  const psi = Matrix.add(state.psi, psiMem);
  const sigma = Matrix.add(state.sigma, sigmaMem);
  if (![psi, sigma, meanMem].every((x) => Number.isFinite(x.norm('frobenius')))) {
    throw new ModelUndefinedError(`paper memory model: the truncated sums of Eq. 40 overflow at depth ${depth}`, 'divergent', { depth });
  }
  return {
    weight: a,
    truncation: { depth, inner },
    state,
    psiMem,
    sigmaMem,
    psi,
    sigma,
    psiInv: inverseOrExplain(psi, 'Ψ = Ψ_STATE + Ψ_MEM', depth),
    sigmaInv: inverseOrExplain(sigma, 'Σ = Σ_STATE + Σ_MEM', depth),
    meanState0: c.W.clone(),
    meanMem0: meanMem,
    levels,
  };
}

function totalCovariances(model: PaperMemoryModel): PaperCovariances {
  return { psi: model.psi, sigma: model.sigma, psiInv: model.psiInv, sigmaInv: model.sigmaInv, residuals: model.state.residuals };
}

/** ∂M/∂s_k split as STATE (m = 0) and MEM (m ≥ 1) parts, Eq. 42, for k = 0..count−1. */
export function paperMemoryMeanResponses(c: MatrixCase, model: PaperMemoryModel, count: number): { state: Matrix[]; mem: Matrix[]; total: Matrix[] } {
  const state = meanResponses(c, count);
  const mem = meanResponses({ ...c, W: model.meanMem0 }, count);
  return { state, mem, total: state.map((s, k) => Matrix.add(s, mem[k])) };
}

/** Eq. 41: J(k)' = Tr(Σ⁻¹ ∂Mᵀ Ψ⁻¹ ∂M), Σ = Σ_STATE + Σ_MEM, Ψ = Ψ_STATE + Ψ_MEM. */
export function paperMemoryFmcEq41(c: MatrixCase, model: PaperMemoryModel, count: number): number[] {
  return paperFisherMemoryCurve({ ...c, W: Matrix.add(model.meanState0, model.meanMem0) }, totalCovariances(model), count);
}

/** Eq. 43: the four terms T(MEM,MEM) + T(STATE,MEM) + T(MEM,STATE) + J'_1, with T(x, y) = Tr(Σ⁻¹ xᵀ Ψ⁻¹ y). */
export function paperMemoryFmcEq43(c: MatrixCase, model: PaperMemoryModel, count: number): { terms: [number, number, number, number]; sum: number }[] {
  const r = paperMemoryMeanResponses(c, model, count);
  const t = (x: Matrix, y: Matrix) => trace(model.sigmaInv.mmul(x.transpose()).mmul(model.psiInv).mmul(y));
  return r.state.map((s, k) => {
    const m = r.mem[k];
    const terms: [number, number, number, number] = [t(m, m), t(s, m), t(m, s), t(s, s)];
    return { terms, sum: terms[0] + terms[1] + terms[2] + terms[3] };
  });
}

/** Eq. 44: Σ_COMB⁻¹ = Σ_S⁻¹ (Σ_MEM⁻¹ + Σ_S⁻¹)⁻¹ Σ_S⁻¹ (and Ψ), as printed; needs Σ_MEM invertible (depth ≥ 1). */
export function paperMemoryCombinedPrecisions(model: PaperMemoryModel): { sigmaComb: Matrix; psiComb: Matrix } {
  requireMemoryPart(model);
  const comb = (sInv: Matrix, mem: Matrix) => sInv.mmul(spdInverse(Matrix.add(spdInverse(mem), sInv))).mmul(sInv);
  return { sigmaComb: comb(model.state.sigmaInv, model.sigmaMem), psiComb: comb(model.state.psiInv, model.psiMem) };
}

/** Eq. 47 as printed: Σ_MF⁻¹ = I − Σ_S⁻¹ (Σ_MEM⁻¹ + Σ_S⁻¹)⁻¹, Ψ_MF⁻¹ likewise. */
export function paperMemoryMarginalizedFactors(model: PaperMemoryModel): { sigmaMF: Matrix; psiMF: Matrix } {
  requireMemoryPart(model);
  const n = model.psi.rows;
  const mf = (sInv: Matrix, mem: Matrix) => Matrix.sub(identity(n), sInv.mmul(spdInverse(Matrix.add(spdInverse(mem), sInv))));
  return { sigmaMF: mf(model.state.sigmaInv, model.sigmaMem), psiMF: mf(model.state.psiInv, model.psiMem) };
}

/** Eq. 45: J'_1 = J_S − T(COMB, S) − T(S, COMB) + T(COMB, COMB) (precision pairs in Σ, Ψ slots). */
export function paperMemoryEq45(c: MatrixCase, model: PaperMemoryModel, count: number): { terms: [number, number, number, number]; sum: number; direct: number }[] {
  const { sigmaComb, psiComb } = paperMemoryCombinedPrecisions(model);
  const sS = model.state.sigmaInv;
  const pS = model.state.psiInv;
  return meanResponses(c, count).map((d) => {
    const t = (sInv: Matrix, pInv: Matrix) => trace(sInv.mmul(d.transpose()).mmul(pInv).mmul(d));
    const terms: [number, number, number, number] = [t(sS, pS), -t(sigmaComb, pS), -t(sS, psiComb), t(sigmaComb, psiComb)];
    return { terms, sum: terms[0] + terms[1] + terms[2] + terms[3], direct: t(model.sigmaInv, model.psiInv) };
  });
}

/** Eq. 46 as printed: Tr(Σ_MF⁻¹Σ_S⁻¹ ∂M_MEMᵀ Ψ_MF⁻¹Ψ_S⁻¹ ∂M + Σ_MF⁻¹Σ_S⁻¹ ∂Mᵀ Ψ_MF⁻¹Ψ_S⁻¹ ∂M_STATE). */
export function paperMemoryFmcEq46(c: MatrixCase, model: PaperMemoryModel, count: number): number[] {
  const { sigmaMF, psiMF } = paperMemoryMarginalizedFactors(model);
  const sEff = sigmaMF.mmul(model.state.sigmaInv);
  const pEff = psiMF.mmul(model.state.psiInv);
  const r = paperMemoryMeanResponses(c, model, count);
  return r.total.map((d, k) => {
    const a = trace(sEff.mmul(r.mem[k].transpose()).mmul(pEff).mmul(d));
    const b = trace(sEff.mmul(d.transpose()).mmul(pEff).mmul(r.state[k]));
    return a + b;
  });
}

/** J'_tot = Σ_k J(k)' without truncating k: Tr((Σ⁻¹ ⊗ Ψ⁻¹) G'), G' the Gram matrix of the ∂M(k) (Stein). */
export function paperMemoryTotalCapacity(c: MatrixCase, model: PaperMemoryModel): { jtot: number; relativeResidual: number } {
  return paperTotalCapacity({ ...c, W: Matrix.add(model.meanState0, model.meanMem0) }, totalCovariances(model));
}

export interface SeriesRatios {
  /** Growth factor per level m of the mean: |a|·max_λ |g_L(λ)| over eigenvalues λ of 𝒜 = Vᵀ⊗Uᵀ. */
  mean: number;
  /** Of Ψ_MEM: |a|·max |g_L(λ_iλ_j)| over eigenvalue pairs of U; of Σ_MEM likewise for V. */
  psi: number;
  sigma: number;
  /** True when all three are below 1, i.e. the untruncated Eq. 40 converges. */
  convergent: boolean;
}

/**
 * How the sums over m in Eq. 40 behave: level m of each part is the m-th power of the operator P
 * (times a^m), whose eigenvalues are g_L(λ) = Σ_{r≤L} λ^r (= 1/(1−λ) for L = ∞). The series over m
 * converge iff the largest |a·g_L| is below 1. For L = ∞ and a = 1 the Ψ series contains the mode
 * λ_i λ̄_i = |λ_i|² ∈ (0, 1) of U, with 1/(1 − |λ_i|²) > 1: Ψ_MEM diverges unless U is nilpotent.
 */
export function paperMemorySeriesRatios(c: MatrixCase, weight: number, inner = Infinity): SeriesRatios {
  const eu = eigenvalues(c.U);
  const ev = eigenvalues(c.V);
  const zs = (x: { re: number[]; im: number[] }, y: { re: number[]; im: number[] }) => {
    const out: Complex[] = [];
    for (let i = 0; i < x.re.length; i++) for (let j = 0; j < y.re.length; j++) out.push({ re: x.re[i] * y.re[j] - x.im[i] * y.im[j], im: x.re[i] * y.im[j] + x.im[i] * y.re[j] });
    return out;
  };
  const maxG = (ls: Complex[]) => Math.max(...ls.map((l) => geometricSumModulus(l, inner)));
  const a = Math.abs(weight);
  const mean = a * maxG(zs(eu, ev));
  const psi = a * maxG(zs(eu, eu));
  const sigma = a * maxG(zs(ev, ev));
  return { mean, psi, sigma, convergent: mean < 1 && psi < 1 && sigma < 1 };
}

/** |Σ_{r=0}^{L} λ^r| (L = ∞: |1/(1−λ)|, needs |λ| < 1). */
export function geometricSumModulus(l: Complex, inner: number): number {
  if (!Number.isFinite(inner)) {
    const dr = 1 - l.re;
    const di = -l.im;
    return 1 / Math.hypot(dr, di);
  }
  let sr = 0;
  let si = 0;
  let pr = 1;
  let pi = 0;
  for (let r = 0; r <= inner; r++) {
    sr += pr;
    si += pi;
    const nr = pr * l.re - pi * l.im;
    pi = pr * l.im + pi * l.re;
    pr = nr;
  }
  return Math.hypot(sr, si);
}

export interface TruncationStudyRow {
  depth: number;
  /** null where the truncated model is numerically undefined (see `undefinedReason`). */
  jtot: number | null;
  /** J(k)' at the requested k. */
  fmc: (number | null)[];
  /** Condition numbers of Σ and Ψ (λmax/λmin) at this depth. */
  condition?: { sigma: number; psi: number };
  undefinedReason?: string;
}

/** J'_tot and J(k)' as the depth D grows (one model build per depth; cheap for small N). */
export function paperMemoryTruncationStudy(
  c: MatrixCase,
  opts: { weight: number; depths: number[]; inner?: number; ks: number[] },
): TruncationStudyRow[] {
  const count = Math.max(...opts.ks) + 1;
  return opts.depths.map((depth) => {
    try {
      const model = paperMemoryModel(c, { weight: opts.weight, truncation: { depth, inner: opts.inner } });
      const fmc = paperMemoryFmcEq41(c, model, count);
      return {
        depth,
        jtot: paperMemoryTotalCapacity(c, model).jtot,
        fmc: opts.ks.map((k) => fmc[k]),
        condition: { sigma: spdConditionNumber(model.sigma), psi: spdConditionNumber(model.psi) },
      };
    } catch (err) {
      if (!(err instanceof ModelUndefinedError)) throw err;
      return { depth, jtot: null, fmc: opts.ks.map(() => null), undefinedReason: err.message };
    }
  });
}

/** Inverse of an SPD matrix; ModelUndefinedError when it is numerically singular (condition ≥ 1e15). */
function inverseOrExplain(a: Matrix, name: string, depth: number): Matrix {
  const cond = spdConditionNumber(a);
  if (!(cond < 1e15)) {
    throw new ModelUndefinedError(
      `paper memory model: ${name} is numerically singular at truncation depth ${depth} (condition number ${cond.toPrecision(3)}): ` +
        'the sums over m of Eq. 40 grow geometrically and the covariance collapses onto its slowest mode',
      'singular',
      { depth, condition: cond },
    );
  }
  return spdInverse(a);
}

function requireMemoryPart(model: PaperMemoryModel): void {
  if (model.truncation.depth < 1) throw new InputError('Eqs. 44–47 need Σ_MEM and Ψ_MEM invertible: truncation depth must be ≥ 1');
}
