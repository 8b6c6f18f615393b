/** Small shared helpers for the matntm tests: a tiny configuration and a batch drawn from a fixed seed. */
import { copyPaperConfig, initParameters, layoutOf, type ModelConfig, type ModelKind, type SoftmaxKind } from '../../src/matntm/config.ts';
import { Rng } from '../../src/matntm/rng.ts';
import { copyBatch } from '../../src/matntm/tasks/copy.ts';
import { initialHeadWeights } from '../../src/matntm/model.ts';

/** Every dimension different, so a transposed index cannot pass unnoticed. */
export function tinyConfig(model: ModelKind, softmax: SoftmaxKind = 'clamped'): ModelConfig {
  return { ...copyPaperConfig(model), hidden: [4, 3], layers: 2, slots: 7, slot: [2, 3], softmax };
}

export function tinyProblem(model: ModelKind, seed: number, softmax: SoftmaxKind = 'clamped', length = 3, batch = 2) {
  const config = tinyConfig(model, softmax);
  const layout = layoutOf(config);
  const rng = new Rng(seed);
  const theta = initParameters(layout, rng);
  const data = copyBatch(rng, { batch, minLength: length, maxLength: length });
  const w0 = model === 'matntm' ? initialHeadWeights(rng, batch, config.slots, config.eps) : null;
  return { config, layout, theta, batch: data, w0 };
}

export function maxAbs(a: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]));
  return m;
}

export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}
