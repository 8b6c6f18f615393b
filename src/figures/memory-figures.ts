/**
 * Data of Figures 3 and 4: the FMC J(k)' and its cumulative sum for the system of Eq. 34 with p = 1,
 * α₁ = 1, normal connectivity, N² ∈ {16, 36, 64, 100, 144, 196, 225}, in both models:
 *  - paper: Eq. 41 under the reconstructed Eq. 40, sums over m truncated at depth D (Figure 3 caption);
 *  - exact: the system has no stationary law (ρ(F) ≥ 1 always for α₁ = 1), so the exact curve is the
 *    finite-horizon one: state started at zero, T steps (what a simulation of Eq. 34 would show).
 * Cases: U = Q_U diag(λ_U) Q_Uᵀ, V likewise, Q orthogonal (QR of a Gaussian matrix), λ uniform in
 * (−ρ, ρ) with ρ = 0.9; W Gaussian scaled to Tr(WᵀW) = 1; ε₁ = ε₂ = 1 (as in the paper's Figure 2).
 */
import { Matrix, QrDecomposition } from 'ml-matrix';
import type { MatrixCase } from '../models/case.ts';
import { independentGaussianStreams } from '../core/random.ts';
import { fisherMemorySummary } from '../models/summary.ts';
import { memoryExactFisherMemory } from '../models/memory/exact.ts';
import { paperMemoryFmcEq41, paperMemoryModel, paperMemoryTotalCapacity } from '../models/memory/paper.ts';
import { inputFisherInformation } from '../models/paper.ts';
import { memoryStability } from '../models/memory/stability.ts';
import { InputError, ModelUndefinedError } from '../errors.ts';

export const PAPER_FIGURE_NEURONS = [16, 36, 64, 100, 144, 196, 225];

export interface MemoryFigureSeries {
  label: string;
  model: 'paper' | 'exact';
  neurons: number;
  fmc: number[];
  /** Running sum of fmc (Figure 4). */
  cumulative: number[];
  /** The infinite sum (paper, over all k) or the horizon sum (exact). */
  jtot: number | null;
  /** J_tot of the same case without memory (Eq. 5) in the same model. */
  jtotWithoutMemory: number;
  /** I(W) = Tr(WᵀW)/(ε₁ε₂): the exact total at every horizon for normal U, V. */
  inputFisher: number;
  spectralRadius: number;
  note?: string;
}

export interface MemoryFigureData {
  neurons: number[];
  /** Points of each curve, J(0)′ … J(k−1)′: by default the horizon, so the exact curves sum to their total. */
  k: number;
  truncationDepth: number;
  horizon: number;
  seed: number;
  series: MemoryFigureSeries[];
}

/** A normal convergent case with real spectrum uniform in (−rho, rho); deterministic in the seed. */
export function normalFigureCase(N: number, seed: number, rho = 0.9): MatrixCase {
  const [g] = independentGaussianStreams(seed, 1);
  const gauss = (r: number, c: number) => {
    const m = new Matrix(r, c);
    for (let i = 0; i < r; i++) for (let j = 0; j < c; j++) m.set(i, j, g.next());
    return m;
  };
  const uniform = () => {
    // uniform on (−1, 1) from two normals: 2Φ(z) − 1 via erf-free atan2 angle of a 2-D Gaussian
    const a = Math.atan2(g.next(), g.next());
    return a / Math.PI;
  };
  const normal = () => {
    const q = new QrDecomposition(gauss(N, N)).orthogonalMatrix;
    const d = Matrix.diag(Array.from({ length: N }, () => rho * uniform()));
    return q.mmul(d).mmul(q.transpose());
  };
  const U = normal();
  const V = normal();
  const W = gauss(N, N);
  W.mul(1 / W.norm('frobenius'));
  return { U, V, W, e1: 1, e2: 1 };
}

export function memoryFigureData(opts: { neurons?: number[]; k?: number; depth?: number; horizon?: number; seed?: number } = {}): MemoryFigureData {
  const neurons = opts.neurons ?? PAPER_FIGURE_NEURONS;
  const depth = opts.depth ?? 10;
  const horizon = opts.horizon ?? 100;
  const K = opts.k ?? horizon;
  // the exact system starts from zero at time 0: no input lies further back than the horizon
  if (K > horizon) throw new InputError(`figures 3 and 4: --k (${K}) must be at most the horizon --horizon (${horizon}): the exact system has no input further back`);
  const seed = opts.seed ?? 1;
  const series: MemoryFigureSeries[] = [];
  for (const nn of neurons) {
    const N = Math.round(Math.sqrt(nn));
    const c = normalFigureCase(N, seed * 1000 + N);
    const stab = memoryStability(c, [1]);
    const label = `MAT-${N * N}`;
    const inputFisher = inputFisherInformation(c);
    // paper
    try {
      const m = paperMemoryModel(c, { weight: 1, truncation: { depth } });
      const fmc = paperMemoryFmcEq41(c, m, K);
      series.push({
        label,
        model: 'paper',
        neurons: N * N,
        fmc,
        cumulative: cumsum(fmc),
        jtot: paperMemoryTotalCapacity(c, m).jtot,
        jtotWithoutMemory: fisherMemorySummary(c, 'paper', 1).jtot,
        inputFisher,
        spectralRadius: stab.spectralRadius,
        note: `sums over m truncated at depth ${depth}`,
      });
    } catch (err) {
      if (!(err instanceof ModelUndefinedError)) throw err;
      series.push({ label, model: 'paper', neurons: N * N, fmc: [], cumulative: [], jtot: null, jtotWithoutMemory: fisherMemorySummary(c, 'paper', 1).jtot, inputFisher, spectralRadius: stab.spectralRadius, note: err.message });
    }
    // exact, finite horizon
    const e = memoryExactFisherMemory(c, { alpha: [1], count: K, horizon });
    series.push({
      label,
      model: 'exact',
      neurons: N * N,
      fmc: e.fmc,
      cumulative: cumsum(e.fmc),
      jtot: e.jtot,
      jtotWithoutMemory: fisherMemorySummary(c, 'exact', 1).jtot,
      inputFisher,
      spectralRadius: stab.spectralRadius,
      note: `no stationary law (ρ(F) = ${stab.spectralRadius.toPrecision(4)}); finite horizon T = ${horizon}, J'_tot = Σ_{k<T} J(k)'`,
    });
  }
  return { neurons: neurons.map((x) => Math.round(Math.sqrt(x)) ** 2), k: K, truncationDepth: depth, horizon, seed, series };
}

function cumsum(x: number[]): number[] {
  let s = 0;
  return x.map((v) => (s += v));
}
