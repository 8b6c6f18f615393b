// The Monte Carlo witness's arithmetic, checked draw for draw against a plain matrix transcription of
// the same estimator (ml-matrix products and solves, no accumulators): the trajectories of Eq. 5 / Eq. 35
// from the same Gaussian streams, the least squares of vec X(T) on the inputs, the residual covariance,
// the debiased Fisher memory and the batch standard errors. simulate.test.ts checks the estimator's law
// against the exact model; this file checks that the fused loops compute what the estimator says, with
// a few dozen trajectories, so that it is cheap enough to rerun for every mutant.
import { describe, expect, it } from 'vitest';
import { inverse, Matrix, solve } from 'ml-matrix';
import { InputError } from '../../src/errors.ts';
import { independentGaussianStreams } from '../../src/core/random.ts';
import { makeCase, type MatrixCase } from '../../src/models/case.ts';
import { simulateFisherMemory } from '../../src/models/simulate.ts';

interface Reference {
  fmc: { estimate: number; stderr: number }[];
  jtot: { estimate: number; stderr: number };
  covariance: Matrix;
  means: number[][];
}

/** vec stacks columns: entry (i, j) at i + N j. */
const vecOf = (x: Matrix): number[] => {
  const out: number[] = [];
  for (let j = 0; j < x.columns; j++) for (let i = 0; i < x.rows; i++) out.push(x.get(i, j));
  return out;
};

/** Draw order of the simulator: per trajectory, T inputs, then per step the N² noise entries in vec order. */
function trajectories(c: MatrixCase, alpha: number[], T: number, count: number, seed: number, batch: number, batches: number): { x: number[][]; lags: number[][] } {
  const N = c.U.rows;
  const rng = independentGaussianStreams(seed, batches)[batch];
  const noise = Math.sqrt(c.e1 * c.e2);
  const x: number[][] = [];
  const lags: number[][] = [];
  for (let sample = 0; sample < count; sample++) {
    const s = Array.from({ length: T }, () => rng.next());
    const states: Matrix[] = [Matrix.zeros(N, N)]; // states[t] = X(t), X(0) = 0
    for (let t = 1; t <= T; t++) {
      const z = new Matrix(N, N);
      const draws = Array.from({ length: N * N }, () => rng.next());
      draws.forEach((d, k) => z.set(k % N, Math.floor(k / N), d));
      let next = c.U.transpose().mmul(states[t - 1]).mmul(c.V);
      alpha.forEach((a, q) => {
        const old = t - 2 - q >= 0 ? states[t - 2 - q] : Matrix.zeros(N, N);
        next = Matrix.add(next, old.clone().mul(a));
      });
      next = Matrix.add(next, c.W.clone().mul(s[t - 1]));
      next = Matrix.add(next, z.mul(noise));
      states.push(next);
    }
    x.push(vecOf(states[T]));
    lags.push(Array.from({ length: T }, (_, k) => s[T - 1 - k]));
  }
  return { x, lags };
}

/** Least squares m̂ = (Xᵀ S)(Sᵀ S)⁻¹, Ĉ = residualsᵀ residuals/(count − L), Ĵ(k) debiased as in the simulator's comment. */
function fisher(x: number[][], lags: number[][]): { fmc: number[]; covariance: Matrix; means: number[][] } {
  const X = new Matrix(x);
  const S = new Matrix(lags);
  const n = X.columns;
  const L = S.columns;
  const sts = S.transpose().mmul(S);
  const mHat = solve(sts, S.transpose().mmul(X)).transpose(); // n × L
  const residuals = Matrix.sub(X, S.mmul(mHat.transpose()));
  const dof = x.length - L;
  const covariance = residuals.transpose().mmul(residuals).div(dof);
  const cInv = inverse(covariance);
  const stsInv = inverse(sts);
  const fmc = Array.from({ length: L }, (_, k) => {
    const m = mHat.getColumnVector(k);
    const q = m.transpose().mmul(cInv).mmul(m).get(0, 0);
    return ((dof - n - 1) / dof) * q - n * stsInv.get(k, k);
  });
  return { fmc, covariance, means: Array.from({ length: L }, (_, k) => mHat.getColumn(k)) };
}

function reference(c: MatrixCase, alpha: number[], T: number, samples: number, seed: number, batches: number): Reference {
  const perBatch = Math.floor(samples / batches);
  const all = { x: [] as number[][], lags: [] as number[][] };
  const perBatchFmc: number[][] = [];
  for (let b = 0; b < batches; b++) {
    const draw = trajectories(c, alpha, T, perBatch, seed, b, batches);
    perBatchFmc.push(fisher(draw.x, draw.lags).fmc);
    all.x.push(...draw.x);
    all.lags.push(...draw.lags);
  }
  const stderr = (values: number[]) => {
    const mean = values.reduce((a, v) => a + v, 0) / values.length;
    return Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / (values.length - 1) / values.length);
  };
  const pooled = fisher(all.x, all.lags);
  return {
    fmc: pooled.fmc.map((estimate, k) => ({ estimate, stderr: stderr(perBatchFmc.map((f) => f[k])) })),
    jtot: { estimate: pooled.fmc.reduce((a, v) => a + v, 0), stderr: stderr(perBatchFmc.map((f) => f.reduce((a, v) => a + v, 0))) },
    covariance: pooled.covariance,
    means: pooled.means,
  };
}

// A non-normal 2×2 case with ε₁ ≠ ε₂ (so a noise scale of ε₁/ε₂ or ε₁ + ε₂ would show).
const c = makeCase([[0.5, 0.3], [-0.2, 0.4]], [[0.6, -0.1], [0.25, 0.3]], [[1, -0.4], [0.7, 0.2]], 0.6, 1.7);

/**
 * Agreement: the two sides sum the same products in other orders (accumulated moments against dense
 * products) and invert matrices of κ of a few tens at these sizes; seen: within 1e-14 of each
 * quantity's scale. 1e-12 leaves a factor 100 for other platforms' rounding, while a change to the
 * estimator (a lag, a noise scale, a debiasing term) moves these quantities by 1e-3 or more.
 */
function expectSame(actual: ReturnType<typeof simulateFisherMemory>, expected: Reference): void {
  const close = (a: number, b: number, scale: number) => expect(Math.abs(a - b)).toBeLessThan(1e-12 * scale);
  const fmcScale = Math.max(1, ...expected.fmc.map((f) => Math.abs(f.estimate)));
  expect(actual.fmc).toHaveLength(expected.fmc.length);
  actual.fmc.forEach((f, k) => {
    expect(f.k).toBe(k);
    close(f.estimate, expected.fmc[k].estimate, fmcScale);
    close(f.stderr, expected.fmc[k].stderr, fmcScale);
  });
  close(actual.jtot.estimate, expected.jtot.estimate, fmcScale);
  close(actual.jtot.stderr, expected.jtot.stderr, fmcScale);
  const covScale = Math.max(...expected.covariance.to1DArray().map(Math.abs));
  expect(actual.covariance.rows).toBe(expected.covariance.rows);
  expect(actual.covariance.columns).toBe(expected.covariance.columns);
  for (let i = 0; i < expected.covariance.rows; i++) for (let j = 0; j < expected.covariance.columns; j++) close(actual.covariance.get(i, j), expected.covariance.get(i, j), covScale);
  expect(actual.meanResponses).toHaveLength(expected.means.length);
  actual.meanResponses.forEach((m, k) => m.forEach((v, i) => close(v, expected.means[k][i], 1)));
}

describe('simulateFisherMemory computes its estimator exactly (against a dense transcription, same draws)', () => {
  it('Eq. 5: 3 batches of 20 trajectories of 3 steps', () => {
    const result = simulateFisherMemory(c, { samples: 61, steps: 3, seed: 7, batches: 3 });
    expect(result).toMatchObject({ samples: 60, steps: 3, batches: 3, seed: 7 });
    expectSame(result, reference(c, [], 3, 61, 7, 3));
  });

  it('Eq. 35 with two memory slots: 4 batches of 25 trajectories of 5 steps', () => {
    const alpha = [0.3, -0.2];
    const result = simulateFisherMemory(c, { samples: 100, steps: 5, seed: 11, batches: 4, alpha });
    expectSame(result, reference(c, alpha, 5, 100, 11, 4));
    // the slots matter: without them the same draws give another estimate
    const without = simulateFisherMemory(c, { samples: 100, steps: 5, seed: 11, batches: 4 });
    expect(Math.abs(without.jtot.estimate - result.jtot.estimate)).toBeGreaterThan(1e-3);
  });

  it('the default is 20 batches, and progress is reported after each', () => {
    const seen: [number, number][] = [];
    const result = simulateFisherMemory(c, { samples: 20 * 17, steps: 3, seed: 3, onProgress: (done, total) => seen.push([done, total]) });
    expect(result.batches).toBe(20);
    expect(seen).toEqual(Array.from({ length: 20 }, (_, b) => [b + 1, 20]));
    expectSame(result, reference(c, [], 3, 20 * 17, 3, 20));
  });
});

describe('simulateFisherMemory refuses bad options before drawing anything', () => {
  const refuses = (opts: Parameters<typeof simulateFisherMemory>[1], message: RegExp) => {
    expect(() => simulateFisherMemory(c, opts)).toThrow(InputError);
    expect(() => simulateFisherMemory(c, opts)).toThrow(message);
  };

  it('samples, steps and batches must be integers in range', () => {
    refuses({ samples: 0, steps: 3, seed: 1 }, /samples must be a positive integer, got 0/);
    refuses({ samples: 100.5, steps: 3, seed: 1 }, /samples must be a positive integer, got 100\.5/);
    refuses({ samples: 1000, steps: 0, seed: 1 }, /steps must be a positive integer, got 0/);
    refuses({ samples: 1000, steps: 2.5, seed: 1 }, /steps must be a positive integer, got 2\.5/);
    refuses({ samples: 1000, steps: 3, seed: 1, batches: 1 }, /batches must be an integer ≥ 2, got 1/);
    refuses({ samples: 1000, steps: 3, seed: 1, batches: 2.5 }, /batches must be an integer ≥ 2, got 2\.5/);
  });

  it('each batch needs more than steps + N² + 10 trajectories, and the message says how many samples that is', () => {
    // N = 2, steps = 3: 3 + 4 + 10 = 17 per batch; 3 batches of 17 are the least accepted
    refuses({ samples: 3 * 17 - 1, steps: 3, seed: 1, batches: 3 }, /needs more than steps \+ N² \+ 10 = 17 trajectories.*at least 51 \(got 50\)/);
    expect(simulateFisherMemory(c, { samples: 3 * 17, steps: 3, seed: 1, batches: 3 }).samples).toBe(51);
    // one sample is a positive integer, only too few
    refuses({ samples: 1, steps: 3, seed: 1 }, /too few samples/);
  });

  it('the smallest accepted values: one step, two batches', () => {
    const r = simulateFisherMemory(c, { samples: 2 * 15, steps: 1, seed: 2, batches: 2 });
    expect([r.steps, r.batches, r.samples, r.fmc.length]).toEqual([1, 2, 30, 1]);
    expectSame(r, reference(c, [], 1, 30, 2, 2));
  });
});
