/**
 * What a checkpoint's schema (schemas/checkpoint.schema.json) cannot say: its arrays have the sizes
 * its spec implies (θ the layout's size in float32, the optimizer's v and m as many float64, each
 * curve array one float64 per iteration), every number in them is finite, and the spec and the
 * counters agree with each other. A checkpoint that fails is refused before any network is built.
 */
import { InputError } from '../errors.ts';
import { layoutOf, type ModelConfig } from './config.ts';
import type { TrainSpec } from './spec.ts';

interface RawCheckpoint {
  spec: TrainSpec;
  iteration: number;
  theta: string;
  optimizer: { step: number; v: string; m: string };
  rng: number[];
  rollbacks: { iteration: number; restoredTo: number }[];
  curve: { loss: string; bitErrorPerMatrix: string; bitErrorPerSequence: string };
  heldOut?: { iteration: number }[];
}

/** The bytes a base64 string decodes to (the schema has checked its alphabet and padding). */
function decodedBytes(s: string): number {
  return (s.length / 4) * 3 - (s.endsWith('==') ? 2 : s.endsWith('=') ? 1 : 0);
}

function firstNonFinite(bytes: Buffer, width: 4 | 8): number {
  const n = bytes.length / width;
  for (let i = 0; i < n; i++) {
    const x = width === 4 ? bytes.readFloatLE(i * width) : bytes.readDoubleLE(i * width);
    if (!Number.isFinite(x)) return i;
  }
  return -1;
}

function specInconsistency(spec: TrainSpec): string | null {
  if (spec.config.model !== spec.model) return `spec.config.model is ${spec.config.model}, spec.model ${spec.model}`;
  if (spec.maxLength < spec.minLength) return `spec: the training lengths ${spec.minLength}..${spec.maxLength} are empty`;
  if (spec.task === 'recall' && spec.minLength < 2) return 'spec.minLength: recall needs at least 2 items';
  if (spec.task === 'copy' && spec.itemLength !== undefined) return 'spec.itemLength: copy has no items';
  return null;
}

/** The layout size of a checkpoint's config, or an InputError naming the file. */
function layoutSize(config: ModelConfig, path: string): number {
  try {
    return layoutOf(config).size;
  } catch (err) {
    throw new InputError(`${path}: spec.config: ${(err as Error).message}`);
  }
}

/** Throws an InputError naming the file and the field unless the checkpoint's sizes, counters and numbers agree. */
export function assertCheckpointConsistent(raw: RawCheckpoint, path: string): void {
  const why = specInconsistency(raw.spec);
  if (why) throw new InputError(`${path}: ${why}`);
  const size = layoutSize(raw.spec.config, path);
  const arrays: [string, string, 4 | 8, number][] = [
    ['theta', raw.theta, 4, size],
    ['optimizer.v', raw.optimizer.v, 8, size],
    ['optimizer.m', raw.optimizer.m, 8, size],
    ['curve.loss', raw.curve.loss, 8, raw.iteration],
    ['curve.bitErrorPerMatrix', raw.curve.bitErrorPerMatrix, 8, raw.iteration],
    ['curve.bitErrorPerSequence', raw.curve.bitErrorPerSequence, 8, raw.iteration],
  ];
  for (const [field, text, width, count] of arrays) {
    const have = decodedBytes(text);
    if (have !== count * width) throw new InputError(`${path}: ${field} holds ${have % width === 0 ? `${have / width} numbers` : `${have} bytes`}, not the ${count} ${width === 4 ? 'float32' : 'float64'} numbers its ${field.startsWith('curve') ? 'iteration count' : 'model layout'} needs`);
    const bad = firstNonFinite(Buffer.from(text, 'base64'), width);
    if (bad >= 0) throw new InputError(`${path}: ${field}[${bad}] is not a finite number (a damaged or edited checkpoint)`);
  }
  const bits = raw.spec.config.output[0] * raw.spec.config.output[1];
  for (const [field, max] of [['loss', Infinity], ['bitErrorPerMatrix', bits], ['bitErrorPerSequence', Infinity]] as const) {
    const values = Buffer.from(raw.curve[field], 'base64');
    for (let i = 0; i < raw.iteration; i++) {
      const x = values.readDoubleLE(8 * i);
      if (x < 0 || x > max) throw new InputError(`${path}: curve.${field}[${i}] is ${x}, outside [0, ${max}] (a damaged or edited checkpoint)`);
    }
  }
  if (raw.optimizer.step !== raw.iteration) throw new InputError(`${path}: optimizer.step is ${raw.optimizer.step}, the iteration ${raw.iteration} (one optimizer step per iteration)`);
  if (raw.rng.every((w) => w === 0)) throw new InputError(`${path}: rng is all zero (not a state of the generator)`);
  for (const [i, r] of raw.rollbacks.entries()) {
    if (r.restoredTo >= r.iteration || r.restoredTo > raw.iteration) throw new InputError(`${path}: rollbacks[${i}] goes from iteration ${r.iteration} back to ${r.restoredTo}, which this checkpoint (iteration ${raw.iteration}) cannot have`);
  }
  for (const [i, h] of (raw.heldOut ?? []).entries()) {
    if (h.iteration > raw.iteration) throw new InputError(`${path}: heldOut[${i}] is at iteration ${h.iteration}, after the checkpoint's ${raw.iteration}`);
  }
}
