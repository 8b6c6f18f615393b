/**
 * Monte Carlo witness: independent trajectories of the linear system, with memory slots optional,
 *   X(n) = Uᵀ X(n−1) V + Σ_{t=1}^{p} α_t X(n−1−t) + W s(n) + Z(n)      (Eq. 5 when p = 0; Eq. 34/35 else),
 * with i.i.d. input s(n) ~ N(0, 1) and matrix Gaussian noise Z ~ MN(0, ε₁I, ε₂I), started from zero.
 * From the final states alone it estimates, without any closed form of either model:
 *  - the mean response m_k to s(n−k), by least squares of vec X(T) on all T inputs;
 *  - the state covariance C given the inputs, from the residuals;
 *  - the Fisher memory J(k) = m_kᵀ C⁻¹ m_k, debiased, and J_tot = Σ_k J(k);
 * with standard errors from independent batches (batch means).
 */
import { Matrix } from 'ml-matrix';
import { InputError } from '../errors.ts';
import { spdInverse } from '../linalg/dense.ts';
import { caseSize, type MatrixCase } from './case.ts';
import { independentGaussianStreams, type GaussianStream } from '../core/random.ts';

export interface SimulationOptions {
  samples: number;
  steps: number;
  seed: number;
  /** Independent batches for the standard errors (default 20). */
  batches?: number;
  /** Memory read weights α₁..α_p of Eq. 35 (default: none, i.e. Eq. 5). */
  alpha?: number[];
  /** Called after each batch. */
  onProgress?: (batchesDone: number, batches: number) => void;
}

export interface Estimate {
  estimate: number;
  stderr: number;
}

export interface SimulationResult {
  samples: number;
  steps: number;
  batches: number;
  seed: number;
  /** Ĵ(k) for k = 0..steps−1. */
  fmc: (Estimate & { k: number })[];
  jtot: Estimate;
  /** Pooled estimate of the covariance of vec X(T) given the inputs (n×n, n = N²). */
  covariance: Matrix;
  /** Pooled least-squares mean responses m̂_k (vec convention of src/linalg/dense.ts). */
  meanResponses: Float64Array[];
}

interface Accumulator {
  count: number;
  sxx: Float64Array; // n×n
  sxs: Float64Array; // n×L
  sss: Float64Array; // L×L (upper triangle filled)
}

export function simulateFisherMemory(c: MatrixCase, opts: SimulationOptions): SimulationResult {
  const N = caseSize(c);
  const n = N * N;
  const T = opts.steps;
  const L = T;
  const B = opts.batches ?? 20;
  const alpha = opts.alpha ?? [];
  if (!Number.isInteger(opts.samples) || opts.samples < 1) throw new InputError(`samples must be a positive integer, got ${opts.samples}`);
  if (!Number.isInteger(T) || T < 1) throw new InputError(`steps must be a positive integer, got ${T}`);
  if (!Number.isInteger(B) || B < 2) throw new InputError(`batches must be an integer ≥ 2, got ${B}`);
  const perBatch = Math.floor(opts.samples / B);
  if (perBatch < L + n + 10) {
    throw new InputError(
      `too few samples: each of the ${B} batches needs more than steps + N² + 10 = ${L + n + 10} trajectories for the regression, ` +
        `so --samples must be at least ${B * (L + n + 10)} (got ${opts.samples})`,
    );
  }
  const streams = independentGaussianStreams(opts.seed, B);
  const pooled = newAccumulator(n, L);
  const batchFmc: number[][] = [];
  for (let b = 0; b < B; b++) {
    const acc = newAccumulator(n, L);
    simulateBatch(c, alpha, T, perBatch, streams[b], acc);
    batchFmc.push(fisherFromAccumulator(acc, n, L).fmc);
    addInto(pooled, acc);
    opts.onProgress?.(b + 1, B);
  }
  const pooledFit = fisherFromAccumulator(pooled, n, L);
  const fmc = pooledFit.fmc.map((estimate, k) => ({ k, estimate, stderr: batchStderr(batchFmc.map((f) => f[k])) }));
  const jtotBatches = batchFmc.map((f) => f.reduce((s, x) => s + x, 0));
  return {
    samples: perBatch * B,
    steps: T,
    batches: B,
    seed: opts.seed,
    fmc,
    jtot: { estimate: pooledFit.fmc.reduce((s, x) => s + x, 0), stderr: batchStderr(jtotBatches) },
    covariance: pooledFit.covariance,
    meanResponses: pooledFit.means,
  };
}

function newAccumulator(n: number, L: number): Accumulator {
  return { count: 0, sxx: new Float64Array(n * n), sxs: new Float64Array(n * L), sss: new Float64Array(L * L) };
}

function addInto(into: Accumulator, from: Accumulator): void {
  into.count += from.count;
  for (let i = 0; i < into.sxx.length; i++) into.sxx[i] += from.sxx[i];
  for (let i = 0; i < into.sxs.length; i++) into.sxs[i] += from.sxs[i];
  for (let i = 0; i < into.sss.length; i++) into.sss[i] += from.sss[i];
}

/** Runs `count` trajectories of T steps and accumulates the moments of (vec X(T), s(T), …, s(1)). */
function simulateBatch(c: MatrixCase, alpha: number[], T: number, count: number, rng: GaussianStream, acc: Accumulator): void {
  const N = caseSize(c);
  const n = N * N;
  const L = T;
  const p = alpha.length;
  const noiseScale = Math.sqrt(c.e1 * c.e2);
  // column-major copies: entry (i, j) at i + N j
  const ut = new Float64Array(n);
  const vm = new Float64Array(n);
  const wm = new Float64Array(n);
  for (let i = 0; i < N; i++) {
    for (let j = 0; j < N; j++) {
      ut[i + N * j] = c.U.get(j, i);
      vm[i + N * j] = c.V.get(i, j);
      wm[i + N * j] = c.W.get(i, j);
    }
  }
  // ring of the last p + 1 states (index 0 = X(n−1))
  const ring: Float64Array[] = Array.from({ length: p + 1 }, () => new Float64Array(n));
  const next = new Float64Array(n);
  const tmp = new Float64Array(n);
  const s = new Float64Array(T);
  for (let sample = 0; sample < count; sample++) {
    for (const r of ring) r.fill(0);
    for (let t = 0; t < T; t++) s[t] = rng.next();
    for (let t = 0; t < T; t++) {
      const x = ring[0];
      // tmp = X V
      tmp.fill(0);
      for (let l = 0; l < N; l++) {
        for (let col = 0; col < N; col++) {
          const v = vm[l + N * col];
          if (v === 0) continue;
          for (let i = 0; i < N; i++) tmp[i + N * col] += x[i + N * l] * v;
        }
      }
      // next = Uᵀ tmp + Σ α_t X(n−1−t) + W s + noise
      for (let col = 0; col < N; col++) {
        for (let i = 0; i < N; i++) {
          let acc2 = 0;
          for (let m = 0; m < N; m++) acc2 += ut[i + N * m] * tmp[m + N * col];
          next[i + N * col] = acc2;
        }
      }
      for (let q = 0; q < p; q++) {
        const a = alpha[q];
        if (a === 0) continue;
        const old = ring[q + 1];
        for (let i = 0; i < n; i++) next[i] += a * old[i];
      }
      const st = s[t];
      for (let i = 0; i < n; i++) next[i] += wm[i] * st + noiseScale * rng.next();
      // rotate the ring: the oldest buffer becomes the new X(n)
      const oldest = ring.pop() as Float64Array;
      oldest.set(next);
      ring.unshift(oldest);
    }
    // accumulate moments of x = vec X(T) and lags s_{T−k} = s[T−1−k]
    const x = ring[0];
    acc.count++;
    for (let i = 0; i < n; i++) {
      const xi = x[i];
      const row = i * n;
      for (let j = i; j < n; j++) acc.sxx[row + j] += xi * x[j];
      const rs = i * L;
      for (let k = 0; k < L; k++) acc.sxs[rs + k] += xi * s[T - 1 - k];
    }
    for (let k = 0; k < L; k++) {
      const sk = s[T - 1 - k];
      const row = k * L;
      for (let l = k; l < L; l++) acc.sss[row + l] += sk * s[T - 1 - l];
    }
  }
}

/** Least squares of x on the lags, residual covariance, and debiased Fisher memory per lag. */
function fisherFromAccumulator(acc: Accumulator, n: number, L: number): { fmc: number[]; covariance: Matrix; means: Float64Array[] } {
  const S = acc.count;
  const sss = new Matrix(L, L);
  for (let k = 0; k < L; k++) for (let l = k; l < L; l++) {
    sss.set(k, l, acc.sss[k * L + l]);
    sss.set(l, k, acc.sss[k * L + l]);
  }
  const sssInv = spdInverse(sss);
  const sxs = new Matrix(n, L);
  for (let i = 0; i < n; i++) for (let k = 0; k < L; k++) sxs.set(i, k, acc.sxs[i * L + k]);
  const mHat = sxs.mmul(sssInv); // n×L
  const sxx = new Matrix(n, n);
  for (let i = 0; i < n; i++) for (let j = i; j < n; j++) {
    sxx.set(i, j, acc.sxx[i * n + j]);
    sxx.set(j, i, acc.sxx[i * n + j]);
  }
  const dof = S - L;
  const rss = Matrix.sub(sxx, mHat.mmul(sxs.transpose()));
  const covariance = rss.mul(1 / dof);
  const cInv = spdInverse(covariance);
  // E[Ĉ⁻¹] = C⁻¹ · dof/(dof − n − 1) (inverse Wishart), and E[m̂ᵀ C⁻¹ m̂] = mᵀ C⁻¹ m + n (S_ss⁻¹)_kk.
  const wishartCorrection = (dof - n - 1) / dof;
  const fmc: number[] = [];
  const means: Float64Array[] = [];
  for (let k = 0; k < L; k++) {
    const m = mHat.getColumn(k);
    means.push(Float64Array.from(m));
    let q = 0;
    for (let i = 0; i < n; i++) {
      let r = 0;
      for (let j = 0; j < n; j++) r += cInv.get(i, j) * m[j];
      q += m[i] * r;
    }
    fmc.push(wishartCorrection * q - n * sssInv.get(k, k));
  }
  return { fmc, covariance, means };
}

function batchStderr(values: number[]): number {
  const B = values.length;
  const mean = values.reduce((s, x) => s + x, 0) / B;
  const variance = values.reduce((s, x) => s + (x - mean) ** 2, 0) / (B - 1);
  return Math.sqrt(variance / B);
}
