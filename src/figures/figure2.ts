/**
 * Data of Figure 2: Fisher memory of vector networks (Eq. 14) and matrix networks (Eq. 12) with
 * normal connectivity, Tr(WᵀW) = 1 (and ‖v‖ = 1), ε₁ = ε₂ = 1, so J_tot,rel = J_tot. The paper does
 * not give its spectra; here every eigenvalue is uniform on (−0.95, 0.95) and eigenvectors are
 * Haar-random, from a seed. A vector network with n neurons is compared with an N×N matrix network
 * with N² = n neurons. The matrix network is computed in both models.
 */
import { Matrix } from 'ml-matrix';
import { makeCase } from '../models/case.ts';
import { fisherMemorySummary } from '../models/summary.ts';
import { vectorFisherMemory } from '../models/vector.ts';
import { independentGaussianStreams, type GaussianStream } from '../core/random.ts';
import { gaussianMatrix, normalWithRealSpectrum } from '../cases/families.ts';

export interface FigureSeries {
  label: string;
  /** 'vector', 'paper' or 'exact'. */
  model: string;
  neurons: number;
  fmc: number[];
  jtot: number;
}

export interface Figure2Numbers {
  /** Panels A and C: vector vs matrix (both models) at the same neuron count. */
  small: FigureSeries[];
  /** Panels B and D: matrix networks (both models) with more neurons. */
  large: FigureSeries[];
  /** Panel E: J_tot against the number of neurons. */
  capacity: { neurons: number; jtot: number; series: string }[];
}

function spectrum(n: number, g: GaussianStream): number[] {
  return Array.from({ length: n }, () => 0.95 * (2 * g.uniform() - 1));
}

function unitFrobenius(m: Matrix): Matrix {
  return m.mul(1 / m.norm('frobenius'));
}

export function matrixNetworkSeries(N: number, K: number, g: GaussianStream): FigureSeries[] {
  const U = normalWithRealSpectrum(spectrum(N, g), g);
  const V = normalWithRealSpectrum(spectrum(N, g), g);
  const W = unitFrobenius(gaussianMatrix(N, N, g));
  const c = makeCase(U.to2DArray(), V.to2DArray(), W.to2DArray(), 1, 1);
  return (['paper', 'exact'] as const).map((model) => {
    const s = fisherMemorySummary(c, model, K);
    return { label: `matrix ${N}×${N} (${model})`, model, neurons: N * N, fmc: s.fmc, jtot: s.jtot };
  });
}

export function vectorNetworkSeries(n: number, K: number, g: GaussianStream): FigureSeries {
  const A = normalWithRealSpectrum(spectrum(n, g), g);
  const v = unitFrobenius(gaussianMatrix(n, 1, g)).getColumn(0);
  const r = vectorFisherMemory({ A, v, epsilon: 1 }, K);
  return { label: `vector ${n}`, model: 'vector', neurons: n, fmc: r.fmc, jtot: r.jtot };
}

export function figure2Numbers(opts: { seed: number; K?: number; smallN?: number; largeN?: number[]; capacityN?: number[]; onProgress?: (done: number, total: number) => void } = { seed: 1 }): Figure2Numbers {
  const K = opts.K ?? 40;
  const [g] = independentGaussianStreams((opts.seed * 31 + 2) | 0, 1);
  const smallN = opts.smallN ?? 4;
  const largeN = opts.largeN ?? [6, 8, 10];
  const capacityN = opts.capacityN ?? [2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
  const total = 2 + largeN.length + 2 * capacityN.length;
  let done = 0;
  const tick = () => opts.onProgress?.(++done, total);
  const small = [vectorNetworkSeries(smallN * smallN, K, g)];
  tick();
  small.push(...matrixNetworkSeries(smallN, K, g));
  tick();
  const large = largeN.flatMap((N) => {
    const s = matrixNetworkSeries(N, K, g);
    tick();
    return s;
  });
  const capacity: Figure2Numbers['capacity'] = [];
  for (const N of capacityN) {
    for (const s of matrixNetworkSeries(N, 1, g)) capacity.push({ neurons: N * N, jtot: s.jtot, series: `matrix (${s.model})` });
    tick();
    capacity.push({ neurons: N * N, jtot: vectorNetworkSeries(N * N, 1, g).jtot, series: 'vector' });
    tick();
  }
  return { small, large, capacity };
}
