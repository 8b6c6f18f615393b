/**
 * The matrix copy task (paper Section 6.1), laid out as the reference's RunnerCopy.py does:
 * l data matrices of 5×5 whose top four rows are random bits and whose fifth row is zero, then one
 * end delimiter (fifth row all ones, the rest zero), then l zero inputs during which the outputs
 * are read; the target is the l data matrices. (The reference also adds N(0, 10⁻⁶) noise to the
 * inputs; matmem does not.) l ~ U{minLength..maxLength}, one l per batch as in the reference.
 */
import { InputError } from '../../errors.ts';
import type { Rng } from '../rng.ts';
import type { TaskBatch } from './types.ts';

export interface CopyOptions {
  batch: number;
  minLength: number;
  maxLength: number;
  rows?: number;
  cols?: number;
}

export function copyBatch(rng: Rng, opts: CopyOptions): TaskBatch {
  const rows = opts.rows ?? 5;
  const cols = opts.cols ?? 5;
  if (opts.minLength < 1 || opts.maxLength < opts.minLength) throw new InputError('copy lengths must satisfy 1 ≤ min ≤ max');
  const l = rng.int(opts.minLength, opts.maxLength);
  const B = opts.batch;
  const steps = 2 * l + 1;
  const mat = rows * cols;
  const inputs = new Float32Array(steps * B * mat);
  const targets = new Float32Array(l * B * mat);
  for (let t = 0; t < l; t++) {
    for (let b = 0; b < B; b++) {
      const base = (t * B + b) * mat;
      for (let i = 0; i < rows - 1; i++) {
        for (let j = 0; j < cols; j++) {
          const bit = rng.uniform() > 0.5 ? 1 : 0;
          inputs[base + i * cols + j] = bit;
          targets[base + i * cols + j] = bit;
        }
      }
    }
  }
  for (let b = 0; b < B; b++) {
    const base = (l * B + b) * mat + (rows - 1) * cols;
    for (let j = 0; j < cols; j++) inputs[base + j] = 1; // end delimiter: fifth row all ones
  }
  return { batch: B, steps, rows, cols, inputs, outputSteps: l, targets, length: l };
}
