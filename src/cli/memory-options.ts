/**
 * Options and JSON builders for the memory-augmented system of Eq. 34, shared by `matmem fmc` and
 * `matmem simulate`: --memory-slots, --alpha, --truncation, --horizon.
 */
import { Command } from 'commander';
import { InputError } from '../errors.ts';
import { relativeDifference } from '../linalg/dense.ts';
import { spectralRadius } from '../linalg/eigen.ts';
import { Matrix } from 'ml-matrix';
import { caseSize, type MatrixCase } from '../models/case.ts';
import { simulateFisherMemory } from '../models/simulate.ts';
import {
  assertMemoryStationary,
  DEFAULT_PAPER_TRUNCATION_DEPTH,
  memoryExactCovarianceDense,
  MEMORY_DENSE_MAX_DIMENSION,
  memoryFisherSummary,
  memoryStability,
  resolveAlpha,
  type MemoryModelName,
  type MemoryTruncation,
} from '../models/memory/index.ts';
import { note, parseNumberOption } from './common.ts';
import { FMC_FORMAT } from '../core/types.ts';

export interface MemoryCliOptions {
  memorySlots?: string;
  alpha?: string;
  truncation?: string;
  horizon?: string;
}

export interface ParsedMemoryOptions {
  slots: number;
  alpha: number[];
  truncation: MemoryTruncation;
  horizon: number | undefined;
}

export function addMemoryOptions(cmd: Command): Command {
  return cmd
    .option(
      '--memory-slots <P>',
      'add the queue memory of Eq. 34/35 with P slots: X(n) = UᵀX(n−1)V + Σ_{t=1..P} α_t X(n−1−t) + W s(n) + Z(n). ' +
        'The system is run as a first-order system on [X(n); …; X(n−P)]; its spectral radius ρ(F) is reported as ' +
        '"stability". With P = 1 and α₁ = 1 (the paper\'s Theorem 4) ρ(F) ≥ 1 for every U, V: no stationary law.',
    )
    .option('--alpha <a1,...,aP>', 'read weights α₁..α_P of Eq. 35 (default 1/P each, so Σα = 1 as in the paper); try 0.3 for a stable system')
    .option(
      '--truncation <M[,L]>',
      `paper model: keep m = 0..M in the sums over m of Eq. 40 (default ${DEFAULT_PAPER_TRUNCATION_DEPTH}); optional L bounds each inner index i_j − 2 ≤ L ` +
        '(default: the inner sums in closed form). The untruncated sums diverge for most U, V (the per-level growth factors are printed; JSON: seriesRatios).',
    )
    .option(
      '--horizon <T>',
      'exact model: the law of X(T) for the state started at zero and run T steps (finite horizon), instead of the ' +
        'stationary law; use it where the stationary law does not exist (ρ(F) ≥ 1) to see what happens over time',
    );
}

/** null when --memory-slots is absent (the command then runs Eq. 5 as before). */
export function parseMemoryOptions(opts: MemoryCliOptions): ParsedMemoryOptions | null {
  if (opts.memorySlots === undefined) {
    for (const [flag, v] of [['--alpha', opts.alpha], ['--truncation', opts.truncation], ['--horizon', opts.horizon]] as const) {
      if (v !== undefined) throw new InputError(`${flag} needs --memory-slots P (it applies to the memory system of Eq. 34)`);
    }
    return null;
  }
  const slots = parseNumberOption('--memory-slots', opts.memorySlots, { integer: true, min: 1, max: 64 });
  const alpha =
    opts.alpha === undefined
      ? undefined
      : String(opts.alpha)
          .split(',')
          .map((s, i) => parseNumberOption(`--alpha (weight ${i + 1})`, s));
  let truncation: MemoryTruncation = { depth: DEFAULT_PAPER_TRUNCATION_DEPTH };
  if (opts.truncation !== undefined) {
    const parts = String(opts.truncation).split(',');
    if (parts.length > 2) throw new InputError(`--truncation must be M or M,L, got "${opts.truncation}"`);
    truncation = {
      depth: parseNumberOption('--truncation (depth M)', parts[0], { integer: true, min: 0, max: 10000 }),
      inner: parts.length === 2 ? parseNumberOption('--truncation (inner bound L)', parts[1], { integer: true, min: 0, max: 100000 }) : undefined,
    };
  }
  const horizon = opts.horizon === undefined ? undefined : parseNumberOption('--horizon', opts.horizon, { integer: true, min: 1, max: 100000 });
  return { slots, alpha: resolveAlpha(slots, alpha), truncation, horizon };
}

function memoryEcho(m: ParsedMemoryOptions) {
  return {
    slots: m.slots,
    alpha: m.alpha,
    truncation: { depth: m.truncation.depth, inner: m.truncation.inner ?? null },
    horizon: m.horizon ?? null,
  };
}

/**
 * JSON of `matmem fmc --memory-slots P`: as for Eq. 5 ({models, spectralRadius, N, e1, e2, k}) plus
 * `stability: {spectralRadius, stable}` of the stacked system and `memory` (the options used).
 * Throws ModelUndefinedError (exit 2) when the exact stationary law is asked of an unstable system.
 */
export function memoryFmcJson(c: MatrixCase, opts: MemoryCliOptions, run: { models: MemoryModelName[]; K: number }): Record<string, unknown> {
  const m = parseMemoryOptions(opts);
  if (!m) throw new InputError('memoryFmcJson needs --memory-slots');
  const stability = memoryStability(c, m.alpha);
  // existence first: nothing is computed for a request that cannot be answered
  if (run.models.includes('exact') && m.horizon === undefined) assertMemoryStationary(c, m.alpha);
  const out: Record<string, unknown> = {};
  for (const model of run.models) {
    const s = memoryFisherSummary(c, model, { alpha: m.alpha, count: run.K, truncation: m.truncation, horizon: m.horizon });
    out[model] = s;
    const ratios = (s as { seriesRatios?: { convergent?: boolean; mean: number; psi: number; sigma: number } }).seriesRatios;
    if (model === 'paper' && ratios && ratios.convergent === false) {
      note(
        `matmem: note: the paper model's sums over m (Eq. 40) diverge for this case: each level multiplies the mean by up to ${ratios.mean.toPrecision(4)}, Ψ_MEM by ${ratios.psi.toPrecision(4)} and Σ_MEM by ${ratios.sigma.toPrecision(4)} (a sum converges only below 1); ` +
          `its values are the depth-${m.truncation.depth} truncation (as in Figure 3), not a limit (JSON: models.paper.seriesRatios)`,
      );
    }
  }
  return {
    format: FMC_FORMAT,
    models: out,
    spectralRadius: { U: spectralRadius(c.U), V: spectralRadius(c.V) },
    stability: { spectralRadius: stability.spectralRadius, stable: stability.stable },
    memory: memoryEcho(m),
    N: caseSize(c),
    e1: c.e1,
    e2: c.e2,
    k: run.K,
  };
}

/** Steps for the Monte Carlo of a stable memory system: ρ(F)^{2T} < 1e-12, within [10, 400]. */
export function memoryDefaultSteps(rho: number): number {
  if (rho <= 0) return 10;
  const t = Math.ceil(Math.log(1e-12) / (2 * Math.log(rho)));
  return Math.min(400, Math.max(10, t));
}

/**
 * JSON of `matmem simulate --memory-slots P`: the Monte Carlo of Eq. 34 (src/models/simulate.ts),
 * set beside the exact model at the same horizon T (exact: the simulation starts at zero and runs T
 * steps, so the finite-horizon exact law is what it estimates, stable or not) and, when stable, the
 * stationary exact values. Unstable systems need --steps or --horizon (there is no "long enough").
 */
export function memorySimulateJson(
  c: MatrixCase,
  opts: MemoryCliOptions,
  run: { samples: number; steps?: number; seed: number; batches: number; onProgress?: (done: number, total: number) => void },
): Record<string, unknown> {
  const m = parseMemoryOptions(opts);
  if (!m) throw new InputError('memorySimulateJson needs --memory-slots');
  const stability = memoryStability(c, m.alpha);
  let steps = run.steps ?? m.horizon;
  if (steps === undefined) {
    if (!stability.stable) {
      throw new InputError(
        `the memory system has ρ(F) = ${stability.spectralRadius.toPrecision(6)} ≥ 1 (no stationary law), so there is no default number of steps: pass --steps T (or --horizon T)`,
      );
    }
    steps = memoryDefaultSteps(stability.spectralRadius);
  }
  const sim = simulateFisherMemory(c, { samples: run.samples, steps, seed: run.seed, batches: run.batches, alpha: m.alpha, onProgress: run.onProgress });
  const finite = memoryFisherSummary(c, 'exact', { alpha: m.alpha, count: steps, horizon: steps });
  const stationary = stability.stable ? memoryFisherSummary(c, 'exact', { alpha: m.alpha, count: steps }) : null;
  const n = caseSize(c) ** 2;
  let relDiffExact: number | null = null;
  if ((m.slots + 1) * n <= MEMORY_DENSE_MAX_DIMENSION) {
    const cov = memoryExactCovarianceDense(c, m.alpha, steps).covariance;
    const ref = new Matrix(n, n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) ref.set(i, j, cov[i * n + j]);
    relDiffExact = relativeDifference(sim.covariance, ref);
  }
  return {
    jtot: sim.jtot,
    fmc: sim.fmc,
    exact: {
      finiteHorizon: { horizon: steps, fmc: finite.fmc, jtot: finite.jtot },
      stationary: stationary ? { fmc: stationary.fmc, jtot: stationary.jtot } : null,
    },
    covariance: { relDiffExactFiniteHorizon: relDiffExact },
    samples: sim.samples,
    steps: sim.steps,
    batches: sim.batches,
    seed: sim.seed,
    N: caseSize(c),
    spectralRadius: { U: spectralRadius(c.U), V: spectralRadius(c.V) },
    stability: { spectralRadius: stability.spectralRadius, stable: stability.stable },
    memory: memoryEcho({ ...m, horizon: steps }),
  };
}
