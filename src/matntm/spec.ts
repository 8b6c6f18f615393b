/** What a training run is (its spec) and the numbers it produces, shared by the loop, the evaluation and the plots. */
import type { ModelConfig, ModelKind } from './config.ts';
import type { OptimizerSettings } from './optim.ts';
import type { PresetName } from './presets.ts';
import type { TaskName } from './tasks/types.ts';

export interface TrainSpec {
  task: TaskName;
  model: ModelKind;
  preset: PresetName;
  config: ModelConfig;
  optimizer: OptimizerSettings;
  batch: number;
  /** Copy: l range; recall: k range. */
  minLength: number;
  maxLength: number;
  /** Recall only: matrices per item n (absent: the paper's 2). */
  itemLength?: number;
  seed: number;
}

/** One training iteration's numbers (on its own training batch). */
export interface CurvePoint {
  iteration: number;
  loss: number;
  bitErrorPerMatrix: number;
  bitErrorPerSequence: number;
}

export interface Metrics {
  loss: number;
  bitErrorPerMatrix: number;
  bitErrorPerSequence: number;
}

/** Held-out metrics at one length (copy l, recall k) and item length (recall n), with standard errors over batches. */
export interface LengthMetrics extends Metrics {
  length: number;
  itemLength?: number;
  sequences: number;
  /** Standard errors of the mean over the held-out batches (batch means are independent draws). */
  lossSe: number;
  bitErrorPerMatrixSe: number;
}

/** A held-out evaluation during training: every training length, on batches with their own seed. */
export interface HeldOutPoint {
  iteration: number;
  byLength: LengthMetrics[];
  /** Every length weighted equally. */
  mean: Metrics;
}

/** The recall item length of a spec (the paper's n = 2 unless set). */
export function itemLengthOf(spec: Pick<TrainSpec, 'task' | 'itemLength'>): number | undefined {
  return spec.task === 'recall' ? (spec.itemLength ?? 2) : undefined;
}
