/** Hand-built experiment records for the Section 6 claim tests: every number chosen, so the verdict is known. */
import type { ExperimentRecord, RunRecord } from '../../../src/matntm/experiment/record.ts';
import { experimentConfig, runSpec } from '../../../src/matntm/experiment/config.ts';
import type { LengthMetrics } from '../../../src/matntm/spec.ts';
import type { TaskName } from '../../../src/matntm/tasks/types.ts';

/** Held-out batches behind every hand-built metric (sequences = batches × batch 16). */
export const BATCHES = 16;

export function metrics(length: number, loss: number, bits: number, se = 0.001, itemLength?: number): LengthMetrics {
  return { length, ...(itemLength !== undefined ? { itemLength } : {}), loss, bitErrorPerMatrix: bits, bitErrorPerSequence: bits * length, sequences: BATCHES * 16, lossSe: se, bitErrorPerMatrixSe: se };
}

export interface RunShape {
  model: 'matntm' | 'matrnn';
  seed: number;
  /** Final held-out wrong bits per matrix (0: learned, the paper's "zero error"). */
  final: number;
  /** Training BCE, one window mean per evaluation interval. */
  training?: number[];
  /** Held-out BCE at the longest training length, one value per evaluation (the mean over lengths: `heldOutMean`). */
  heldOut?: number[];
  heldOutMean?: number[];
  /** BCE at the training edge, then beyond it (copy l; recall k). */
  costBeyond?: number[];
  /** Recall: BCE at item length n = 2 (the edge), 3, 4, … */
  itemCostBeyond?: number[];
  costSe?: number;
  algorithm?: { following: number; sequences: number };
}

export function makeRecord(task: TaskName, shapes: RunShape[]): ExperimentRecord {
  const seeds = [...new Set(shapes.map((s) => s.seed))];
  const models = [...new Set(shapes.map((s) => s.model))];
  const config = experimentConfig(task, models, seeds, 'quick', { iterations: 100, evalEvery: 10 });
  const trainingLengths = Array.from({ length: config.maxLength - config.minLength + 1 }, (_, i) => config.minLength + i);
  const runs: RunRecord[] = shapes.map((s) => {
    const series = s.heldOut ?? [0.5, 0.4, 0.3];
    const means = s.heldOutMean ?? series;
    const training = s.training ?? [0.5, 0.45, 0.4];
    const beyond = s.costBeyond ?? [0.1, 0.2, 0.3];
    const byLength = trainingLengths.map((L) => metrics(L, s.final / 10, s.final));
    return {
      id: `${s.model}-seed${s.seed}`,
      model: s.model,
      seed: s.seed,
      parameters: 1,
      spec: runSpec(config, s.model, s.seed),
      iterations: 100,
      rollbacks: [],
      training: { iteration: training.map((_, i) => 10 * (i + 1)), loss: training, bitErrorPerMatrix: training.map(() => 5) },
      heldOut: series.map((loss, i) => ({ iteration: 10 * (i + 1), byLength: trainingLengths.map((L) => metrics(L, L === config.maxLength ? loss : 0.5, 1)), mean: { loss: means[i], bitErrorPerMatrix: 1, bitErrorPerSequence: 1 } })),
      final: { byLength, mean: { loss: s.final / 10, bitErrorPerMatrix: s.final, bitErrorPerSequence: s.final * 3 } },
      generalization: {
        lengths: beyond.map((c, i) => metrics(config.maxLength + i, c, Math.min(25, c * 10), s.costSe ?? 0.001)),
        ...(task === 'recall' ? { itemLengths: (s.itemCostBeyond ?? [0.1, 0.2, 0.3]).map((c, i) => metrics(config.maxLength, c, Math.min(25, c * 10), s.costSe ?? 0.001, 2 + i)) } : {}),
      },
      ...(s.algorithm ? { algorithm: { task, sequences: s.algorithm.sequences, following: s.algorithm.following, fraction: s.algorithm.following / s.algorithm.sequences, readMatch: 0.9, counts: { advances: 0, advanceSteps: 0, readMatches: 9, readSteps: 10 } } } : {}),
      timing: { seconds: 1, secondsPerIteration: 0.01, backend: 'fused' },
    };
  });
  // the generalization lengths the runs were evaluated at belong to the configuration
  config.generalization.lengths = [...new Set([...config.generalization.lengths, ...runs.flatMap((r) => r.generalization.lengths.map((m) => m.length))])].sort((a, b) => a - b);
  return { format: 'matmem-experiment/1', tool: { name: 'matmem', version: 'test' }, config, runs, timing: { seconds: runs.length } };
}

/** Five seeds (or as many as given) of both models with the given final errors. */
export function finals(task: TaskName, ntm: number[], rnn: number[]): ExperimentRecord {
  return makeRecord(task, [...ntm.map((final, i) => ({ model: 'matntm' as const, seed: i + 1, final })), ...rnn.map((final, i) => ({ model: 'matrnn' as const, seed: i + 1, final }))]);
}
