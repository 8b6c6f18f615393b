/**
 * An experiment of Section 6: a grid of models × seeds trained on one task with one preset, with
 * held-out evaluation during training, a length-generalization evaluation (Fig. 9) and, for the
 * MatNTM, the NTM-algorithm statistic (Figs. 6, 8) at the end of every run.
 */
import { InputError } from '../../errors.ts';
import type { ModelKind, SoftmaxKind } from '../config.ts';
import { FINAL_EVAL_BATCHES, HELD_OUT_SEED, range } from '../evaluate.ts';
import { presetFor, type PresetName } from '../presets.ts';
import type { Curriculum, TrainSpec } from '../spec.ts';
import type { OptimizerSettings } from '../optim.ts';
import type { TaskName } from '../tasks/types.ts';

export interface ExperimentConfig {
  task: TaskName;
  models: ModelKind[];
  seeds: number[];
  preset: PresetName;
  iterations: number;
  batch: number;
  /** Training lengths: copy l, recall k. */
  minLength: number;
  maxLength: number;
  /** Recall: matrices per item n. */
  itemLength?: number;
  softmax: SoftmaxKind;
  /** Memory slots, when not the preset's. */
  slots?: number;
  /** The optimizer, when not the preset's. */
  optimizer?: OptimizerSettings;
  /** A curriculum over the training length (the preset's or given). */
  curriculum?: Curriculum;
  /** Held-out evaluation every this many iterations (and at the last one), `evalBatches` batches per training length. */
  evalEvery: number;
  evalBatches: number;
  /** Seed of every held-out batch (the same sequences for every run and model). */
  evalSeed: number;
  /** After training: cost at these lengths (copy l, recall k) and, for recall, item lengths n (at k = maxLength). */
  generalization: { lengths: number[]; itemLengths?: number[]; batches: number };
  /** Held-out batches per training length traced for the NTM-algorithm statistic (MatNTM runs). */
  traceBatches: number;
}

export interface ExperimentOverrides {
  iterations?: number;
  slots?: number;
  optimizer?: OptimizerSettings;
  /** null: no curriculum even where the preset has one. */
  curriculum?: Curriculum | null;
  batch?: number;
  minLength?: number;
  maxLength?: number;
  itemLength?: number;
  softmax?: SoftmaxKind;
  evalEvery?: number;
  evalBatches?: number;
  evalSeed?: number;
  lengths?: number[];
  itemLengths?: number[];
  generalizationBatches?: number;
  traceBatches?: number;
}

export const DEFAULT_EXPERIMENT_EVAL_SEED = HELD_OUT_SEED;

/** The configuration of `matmem experiment TASK` from the preset and the overrides given. */
export function experimentConfig(task: TaskName, models: ModelKind[], seeds: number[], preset: PresetName, o: ExperimentOverrides = {}): ExperimentConfig {
  if (models.length === 0) throw new InputError('--models: give at least one of matntm, matrnn');
  if (seeds.length === 0) throw new InputError('--seeds: give at least one seed');
  if (new Set(models).size !== models.length) throw new InputError('--models: a model is listed twice');
  if (new Set(seeds).size !== seeds.length) throw new InputError('--seeds: a seed is listed twice');
  const iterations = o.iterations ?? presetFor(task, 'matntm', preset).iterations;
  const p = presetFor(task, 'matntm', preset, iterations);
  const minLength = o.minLength ?? p.minLength;
  const maxLength = o.maxLength ?? p.maxLength;
  if (maxLength < minLength) throw new InputError(`the length range ${minLength}..${maxLength} is empty`);
  if (task === 'recall' && minLength < 2) throw new InputError('recall needs at least 2 items (k ≥ 2)');
  const slots = o.slots ?? p.config.slots;
  if (task === 'copy' && maxLength > slots) throw new InputError(`copy length ${maxLength} is more than the ${slots} memory slots${o.slots === undefined ? ` of preset ${preset}` : ''}`);
  const curriculum = o.curriculum === null ? undefined : (o.curriculum ?? p.curriculum);
  if (curriculum && (curriculum.from < minLength || curriculum.from > maxLength)) throw new InputError(`the curriculum starts at length ${curriculum.from}, outside the training lengths ${minLength}..${maxLength}`);
  if (curriculum && curriculum.until > iterations) throw new InputError(`the curriculum reaches the full length range at iteration ${curriculum.until}, after the last iteration ${iterations}`);
  const itemLength = task === 'recall' ? (o.itemLength ?? 2) : undefined;
  if (task !== 'recall' && o.itemLength !== undefined) throw new InputError('--item-length is a recall option');
  if (task !== 'recall' && o.itemLengths !== undefined) throw new InputError('item lengths are a recall option');
  const lengths = o.lengths ?? (task === 'copy' ? range(1, Math.min(2 * maxLength, slots)) : range(2, 2 * maxLength));
  return {
    task,
    models,
    seeds,
    preset,
    iterations,
    batch: o.batch ?? p.batch,
    minLength,
    maxLength,
    ...(itemLength !== undefined ? { itemLength } : {}),
    softmax: o.softmax ?? 'clamped',
    ...(o.slots !== undefined && o.slots !== p.config.slots ? { slots: o.slots } : {}),
    ...(o.optimizer ? { optimizer: o.optimizer } : {}),
    ...(curriculum ? { curriculum } : {}),
    evalEvery: o.evalEvery ?? Math.max(1, Math.round(iterations / 36)),
    evalBatches: o.evalBatches ?? 2,
    evalSeed: o.evalSeed ?? DEFAULT_EXPERIMENT_EVAL_SEED,
    generalization: { lengths, ...(task === 'recall' ? { itemLengths: o.itemLengths ?? range(1, 6) } : {}), batches: o.generalizationBatches ?? FINAL_EVAL_BATCHES },
    traceBatches: o.traceBatches ?? 2,
  };
}

/** The training spec of one run of the grid. */
export function runSpec(c: ExperimentConfig, model: ModelKind, seed: number): TrainSpec {
  const p = presetFor(c.task, model, c.preset, c.iterations);
  return {
    task: c.task,
    model,
    preset: c.preset,
    config: { ...p.config, softmax: c.softmax, ...(c.slots !== undefined ? { slots: c.slots } : {}) },
    optimizer: c.optimizer ?? p.optimizer,
    batch: c.batch,
    minLength: c.minLength,
    maxLength: c.maxLength,
    ...(c.itemLength !== undefined ? { itemLength: c.itemLength } : {}),
    ...(c.curriculum ? { curriculum: c.curriculum } : {}),
    seed,
  };
}

/** The runs of the grid in their fixed order: models outer, seeds inner. */
export function gridRuns(c: ExperimentConfig): { model: ModelKind; seed: number; id: string }[] {
  return c.models.flatMap((model) => c.seeds.map((seed) => ({ model, seed, id: `${model}-seed${seed}` })));
}

/** "1..5", "1,3,7" or "1..3,9" → [1, 2, 3, …]. */
export function parseIntegerList(name: string, raw: string, min: number, max: number): number[] {
  const out: number[] = [];
  for (const part of String(raw).split(',')) {
    const t = part.trim();
    const m = /^(\d+)\s*\.\.\s*(\d+)$/.exec(t);
    if (m) {
      const a = Number(m[1]);
      const b = Number(m[2]);
      if (b < a) throw new InputError(`${name}: the range ${t} is empty`);
      if (b - a > 100_000) throw new InputError(`${name}: the range ${t} is too long`);
      for (let x = a; x <= b; x++) out.push(x);
    } else if (/^\d+$/.test(t)) out.push(Number(t));
    else throw new InputError(`${name} must be integers or ranges like 1..5 (comma separated), got "${raw}"`);
  }
  for (const x of out) if (x < min || x > max) throw new InputError(`${name}: ${x} is outside ${min}..${max}`);
  return out;
}
