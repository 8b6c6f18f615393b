/**
 * What an experiment grid costs on this machine, measured rather than guessed: a few training
 * iterations and forward passes of each model at the middle training length, timed after a warm-up,
 * then scaled by the number of steps of every batch the grid will run (a pass costs about its
 * number of steps): training, the held-out evaluations during training, the final evaluation at
 * every length and the traced batches.
 */
import { layoutOf, initParameters, type Layout, type ModelKind } from '../config.ts';
import type { Engine } from '../model.ts';
import { Rng } from '../rng.ts';
import { drawBatch } from '../tasks/draw.ts';
import { gridRuns, runSpec, type ExperimentConfig } from './config.ts';
import { traceLengths } from './run.ts';

export interface ModelCost {
  model: ModelKind;
  /** Measured here, at the middle training length. */
  secondsPerIteration: number;
  secondsPerForwardBatch: number;
  /** Estimated seconds of one run: training, held-out during training, final evaluation, tracing. */
  seconds: { training: number; heldOut: number; final: number; trace: number; total: number };
}

export interface GridCost {
  runs: number;
  models: ModelCost[];
  /** All runs one after another on this machine. */
  serialSeconds: number;
  /** The longest single run: the wall time of a cluster array with one task per run. */
  longestRunSeconds: number;
  lengthMeasured: number;
}

/** Steps of a batch at a length (copy l, recall k), from the task's own batch builder. */
function stepsAt(config: ExperimentConfig, model: ModelKind, length: number, itemLength?: number): number {
  const spec = { ...runSpec(config, model, 0), batch: 1 };
  return drawBatch(spec, new Rng(1), length, itemLength).batch.steps;
}

async function timeIt(n: number, f: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  for (let i = 0; i < n; i++) await f();
  return (performance.now() - t0) / 1000 / n;
}

export async function estimateGridCost(config: ExperimentConfig, createEngine: (layout: Layout) => Promise<{ engine: Engine }>, probe = { warmup: 3, iterations: 6 }): Promise<GridCost> {
  const mid = Math.round((config.minLength + config.maxLength) / 2);
  const models: ModelCost[] = [];
  for (const model of config.models) {
    const spec = runSpec(config, model, 1);
    const layout = layoutOf(spec.config);
    const { engine } = await createEngine(layout);
    try {
      const rng = new Rng(7);
      const theta = initParameters(layout, rng);
      const { batch, w0 } = drawBatch(spec, rng, mid);
      await timeIt(probe.warmup, () => engine.run(theta, batch, w0, true));
      const perIt = await timeIt(probe.iterations, () => engine.run(theta, batch, w0, true));
      const perFwd = await timeIt(probe.iterations, () => engine.run(theta, batch, w0, false));
      const midSteps = batch.steps;
      const fwdAt = (length: number, itemLength?: number) => (perFwd * stepsAt(config, model, length, itemLength)) / midSteps;
      const training = perIt * config.iterations;
      const trainingLengths = Array.from({ length: config.maxLength - config.minLength + 1 }, (_, i) => config.minLength + i);
      const evaluations = Math.ceil(config.iterations / config.evalEvery);
      const heldOut = evaluations * config.evalBatches * trainingLengths.reduce((s, L) => s + fwdAt(L), 0);
      const finalLengths = [...new Set([...trainingLengths, ...config.generalization.lengths])];
      const items = (config.generalization.itemLengths ?? []).reduce((s, n) => s + fwdAt(config.maxLength, n), 0);
      const final = config.generalization.batches * (finalLengths.reduce((s, L) => s + fwdAt(L), 0) + items);
      const trace = model === 'matntm' ? config.traceBatches * traceLengths(config).reduce((s, L) => s + fwdAt(L), 0) : 0;
      models.push({ model, secondsPerIteration: perIt, secondsPerForwardBatch: perFwd, seconds: { training, heldOut, final, trace, total: training + heldOut + final + trace } });
    } finally {
      engine.dispose?.();
    }
  }
  const byModel = new Map(models.map((m) => [m.model, m.seconds.total]));
  const runs = gridRuns(config);
  const serialSeconds = runs.reduce((s, r) => s + (byModel.get(r.model) ?? 0), 0);
  return { runs: runs.length, models, serialSeconds, longestRunSeconds: Math.max(...models.map((m) => m.seconds.total)), lengthMeasured: mid };
}

/** "3 h 12 min", "14 min", "42 s". */
export function formatDuration(seconds: number): string {
  const minutes = Math.round(seconds / 60);
  if (minutes >= 60) return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
  if (seconds >= 60) return `${minutes} min`;
  return `${seconds.toFixed(0)} s`;
}
