/**
 * The memory-augmented system of Eq. 34 in both models, behind one entry point each.
 *  - stability.ts: the stacked companion system, ρ(F), refusal of stationary quantities when ρ(F) ≥ 1;
 *  - paper.ts: Eqs. 36–47 under the reconstructed Eq. 40, with the truncation of the sums over m;
 *  - exact.ts: the true law of X(n) (stationary or finite horizon);
 *  - claims.ts: the verdicts of theorem-4.memory-fmc, memory.stability, memory.capacity-increase;
 *  - figures.ts: the data of Figures 3 and 4.
 */
import { InputError, ModelUndefinedError } from '../../errors.ts';
import type { MatrixCase } from '../case.ts';
import { inputFisherInformation } from '../paper.ts';
import { memoryExactFisherMemory, type MemoryExactMethod } from './exact.ts';
import {
  paperMemoryFmcEq41,
  paperMemoryModel,
  paperMemorySeriesRatios,
  paperMemoryTotalCapacity,
  type MemoryTruncation,
  type SeriesRatios,
} from './paper.ts';
import { defaultAlpha, memoryStability, validateAlpha, type MemoryStability } from './stability.ts';

export * from './stability.ts';
export * from './exact.ts';
export * from './paper.ts';

/** Default truncation depth of the sums over m in the paper model (the paper's own value is not stated). */
export const DEFAULT_PAPER_TRUNCATION_DEPTH = 10;

export type MemoryModelName = 'paper' | 'exact';

export interface MemoryCapacityOptions {
  /** p ≥ 1 slots. */
  slots: number;
  /** α₁..α_p (default: 1/p each, Σα = 1 as in the paper). */
  alpha?: number[];
  model: MemoryModelName;
  /** Paper model: the truncation of the sums over m. Omitted: the untruncated Eq. 40, which exists only when its series converge. */
  truncation?: MemoryTruncation;
  /** Exact model: finite horizon T (state started at zero); omitted: the stationary law. */
  horizon?: number;
}

export interface MemoryCapacity {
  jtot: number;
  /** Stability of the stacked system of Eq. 34 (the exact dynamics), reported in both models. */
  stable: boolean;
  spectralRadius: number;
  /** Paper model only: growth factors of the sums over m (convergent iff all < 1). */
  seriesRatios?: SeriesRatios;
}

export function resolveAlpha(slots: number, alpha?: number[]): number[] {
  if (!Number.isInteger(slots) || slots < 1) throw new InputError(`memory slots must be a positive integer, got ${slots}`);
  const a = alpha ?? defaultAlpha(slots);
  validateAlpha(a);
  if (a.length !== slots) throw new InputError(`--alpha has ${a.length} weights but --memory-slots is ${slots}; give one weight per slot`);
  return a;
}

/**
 * J'_tot of Eq. 34 in one model, with the stability of the stacked system. Throws ModelUndefinedError
 * where the quantity does not exist: exact stationary with ρ(F) ≥ 1; paper untruncated with a
 * divergent series over m (or ρ(U), ρ(V) ≥ 1, or a numerically singular truncated covariance).
 */
export function memoryTotalCapacity(c: MatrixCase, opts: MemoryCapacityOptions): MemoryCapacity {
  const alpha = resolveAlpha(opts.slots, opts.alpha);
  const stability = memoryStability(c, alpha);
  if (opts.model === 'exact') {
    const r = memoryExactFisherMemory(c, { alpha, count: 1, horizon: opts.horizon });
    return { jtot: r.jtot, stable: stability.stable, spectralRadius: stability.spectralRadius };
  }
  const weight = alpha.reduce((s, x) => s + x, 0);
  const ratios = paperMemorySeriesRatios(c, weight, opts.truncation?.inner ?? Infinity);
  let truncation = opts.truncation;
  if (!truncation) {
    if (!ratios.convergent) {
      throw new ModelUndefinedError(
        `paper memory model undefined without truncation: the sums over m of Eq. 40 grow by factors ` +
          `${ratios.mean.toPrecision(4)} (mean), ${ratios.psi.toPrecision(4)} (Ψ), ${ratios.sigma.toPrecision(4)} (Σ) per level; ` +
          'they converge only if all are < 1. Pass a truncation depth (as the paper does for Figure 3).',
        'divergent',
        { meanRatio: ratios.mean, psiRatio: ratios.psi, sigmaRatio: ratios.sigma },
      );
    }
    // convergent: the truncation at which the slowest series is below float64 resolution
    const slowest = Math.max(ratios.mean, ratios.psi, ratios.sigma, 1e-3);
    truncation = { depth: Math.min(2000, Math.ceil(Math.log(1e-17) / Math.log(slowest))) };
  }
  const model = paperMemoryModel(c, { weight, truncation });
  return { jtot: paperMemoryTotalCapacity(c, model).jtot, stable: stability.stable, spectralRadius: stability.spectralRadius, seriesRatios: ratios };
}

export interface MemoryFisherSummary {
  fmc: number[];
  jtot: number;
  inputFisher: number;
  jtotRel: number;
  residuals: Record<string, number>;
  /** Paper: truncation used and series ratios; exact: horizon (null = stationary) and method. */
  truncation?: { depth: number; inner: number | null };
  seriesRatios?: SeriesRatios;
  horizon?: number | null;
  method?: string;
}

/** FMC and J'_tot of Eq. 34 in one model (as `fisherMemorySummary` does for Eq. 5). */
export function memoryFisherSummary(
  c: MatrixCase,
  model: MemoryModelName,
  opts: { alpha: number[]; count: number; truncation?: MemoryTruncation; horizon?: number; method?: MemoryExactMethod },
): MemoryFisherSummary {
  if (model === 'exact') {
    const r = memoryExactFisherMemory(c, { alpha: opts.alpha, count: opts.count, horizon: opts.horizon, method: opts.method });
    return { fmc: r.fmc, jtot: r.jtot, inputFisher: r.inputFisher, jtotRel: r.jtotRel, residuals: r.residuals, horizon: r.horizon, method: r.method };
  }
  const weight = opts.alpha.reduce((s, x) => s + x, 0);
  const truncation = opts.truncation ?? { depth: DEFAULT_PAPER_TRUNCATION_DEPTH };
  const m = paperMemoryModel(c, { weight, truncation });
  const fmc = paperMemoryFmcEq41(c, m, opts.count);
  const tot = paperMemoryTotalCapacity(c, m);
  const inputFisher = inputFisherInformation(c);
  return {
    fmc,
    jtot: tot.jtot,
    inputFisher,
    jtotRel: tot.jtot / inputFisher,
    residuals: { psi: m.state.residuals.psi, sigma: m.state.residuals.sigma, gram: tot.relativeResidual },
    truncation: { depth: m.truncation.depth, inner: Number.isFinite(m.truncation.inner) ? m.truncation.inner : null },
    seriesRatios: paperMemorySeriesRatios(c, weight, m.truncation.inner),
  };
}

export type { MemoryStability };
