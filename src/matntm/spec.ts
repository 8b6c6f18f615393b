/** What a training run is (its spec) and the numbers it produces, shared by the loop, the evaluation and the plots. */
import type { ModelConfig, ModelKind } from './config.ts';
import type { OptimizerSettings } from './optim.ts';
import type { Curriculum, PresetName } from './presets.ts';

export type { Curriculum };
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
  /** A curriculum over the training length (absent: every batch from the whole range). */
  curriculum?: Curriculum;
  seed: number;
}

/** The longest training length drawn at `iteration` (1-based). */
export function trainingMaxLength(spec: Pick<TrainSpec, 'minLength' | 'maxLength' | 'curriculum'>, iteration: number): number {
  const c = spec.curriculum;
  if (!c || iteration >= c.until) return spec.maxLength;
  const from = Math.max(spec.minLength, Math.min(c.from, spec.maxLength));
  return Math.min(spec.maxLength, from + Math.floor(((spec.maxLength - from) * Math.max(0, iteration - 1)) / c.until));
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
