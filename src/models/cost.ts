/**
 * What a request will cost before it runs: memory and time of the models and of the simulation, so
 * the CLI can refuse what cannot fit (naming the limit and the largest size that fits) and warn
 * about long runs. The estimates are calibrated on the README's 2-core machines: at N = 64 the
 * exact model peaks at 621–633 MiB of RSS, the size of about five n×n float64 arrays (n = N²; the
 * Stein doubling alone holds three), and takes 15–35 s, i.e. about
 * 5e-10·N⁶ s at the slower end (the paper model is faster); the simulation costs about 5e-8 s per
 * multiply-add of its inner loops.
 */
import { totalmem } from 'node:os';

export interface Cost {
  bytes: number;
  seconds: number;
}

/** The memory a request may use: MATMEM_MAX_MEMORY_MB, or three quarters of this machine's memory. */
export function memoryLimitBytes(): number {
  const env = Number(process.env.MATMEM_MAX_MEMORY_MB);
  return Number.isFinite(env) && env > 0 ? env * 2 ** 20 : 0.75 * totalmem();
}

/** Longest run accepted (24 h); anything above a minute is announced. */
export const TIME_LIMIT_SECONDS = 24 * 3600;
export const WARN_SECONDS = 60;

/** N²×N² float64 arrays alive at the peak of the exact or paper model. */
export const MODEL_ARRAYS = 5;

/** The exact or paper model of an N×N case (both work with N²×N² matrices). */
export function modelCost(N: number): Cost {
  const n = N * N;
  return { bytes: MODEL_ARRAYS * 8 * n * n, seconds: 5e-10 * N ** 6 };
}

/** The largest N whose model fits in `bytes`. */
export function largestModelN(bytes: number): number {
  return Math.floor((bytes / (8 * MODEL_ARRAYS)) ** 0.25);
}

/** Monte Carlo with S trajectories of T steps: per trajectory T steps of UᵀXV (2N³) and the accumulators (n², n·T, T²). */
export function simulationCost(N: number, samples: number, steps: number): Cost {
  const n = N * N;
  const perSample = steps * (2 * N ** 3 + n) + n * n + n * steps + steps * steps;
  return { bytes: 8 * (n * n + n * steps + steps * steps) * 4, seconds: 5e-8 * samples * perSample };
}

export function formatDuration(s: number): string {
  if (s < 90) return `${s.toFixed(0)} s`;
  if (s < 5400) return `${(s / 60).toFixed(0)} min`;
  if (s < 48 * 3600) return `${(s / 3600).toFixed(1)} h`;
  if (s < 730 * 24 * 3600) return `${(s / 86400).toFixed(0)} days`;
  return `${(s / (365 * 86400)).toExponential(1)} years`;
}

export function formatBytes(b: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB'];
  let i = 0;
  while (b >= 1024 && i < units.length - 1) {
    b /= 1024;
    i++;
  }
  return `${b.toPrecision(3)} ${units[i]}`;
}
