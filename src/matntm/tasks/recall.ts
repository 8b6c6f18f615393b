/**
 * The matrix associative-recall task (paper Section 6.2), laid out as the reference's
 * RunnerAssRec.py does: k ~ U{minItems..maxItems} items per batch, each an item delimiter (fifth
 * row [1,0,0,0,1]) followed by two data matrices (top four rows random bits, fifth row zero); then
 * a query delimiter (fifth row [0,1,1,1,0]), the two matrices of item q (q ~ U{1..k−1} per
 * sequence), and two zero inputs during which the outputs are read. The target is item q+1.
 * With `itemLength` n ≠ 2 every item, the query and the answer have n matrices (Fig. 9, right).
 */
import { InputError } from '../../errors.ts';
import type { Rng } from '../rng.ts';
import type { TaskBatch } from './types.ts';

export interface RecallOptions {
  batch: number;
  minItems: number;
  maxItems: number;
  /** Matrices per item (the paper's n = 2). */
  itemLength?: number;
}

export function recallBatch(rng: Rng, opts: RecallOptions): TaskBatch {
  const rows = 5;
  const cols = 5;
  const n = opts.itemLength ?? 2;
  if (!Number.isInteger(n) || n < 1) throw new InputError('recall item length must be an integer ≥ 1');
  if (opts.minItems < 2 || opts.maxItems < opts.minItems) throw new InputError('recall item counts must satisfy 2 ≤ min ≤ max');
  const k = rng.int(opts.minItems, opts.maxItems);
  const B = opts.batch;
  const mat = rows * cols;
  const steps = k * (n + 1) + 1 + n + n;
  const inputs = new Float32Array(steps * B * mat);
  const targets = new Float32Array(n * B * mat);
  const at = (t: number, b: number) => (t * B + b) * mat;
  const queries = new Int32Array(B);
  for (let b = 0; b < B; b++) {
    const q = rng.int(1, k - 1); // 1-based query item
    queries[b] = q;
    for (let item = 0; item < k; item++) {
      const t0 = item * (n + 1);
      const d = at(t0, b) + (rows - 1) * cols;
      inputs[d] = 1;
      inputs[d + cols - 1] = 1;
      for (let m = 0; m < n; m++) {
        const base = at(t0 + 1 + m, b);
        for (let i = 0; i < rows - 1; i++) for (let j = 0; j < cols; j++) inputs[base + i * cols + j] = rng.uniform() > 0.5 ? 1 : 0;
      }
    }
    const tq = k * (n + 1);
    const d = at(tq, b) + (rows - 1) * cols;
    for (let j = 1; j < cols - 1; j++) inputs[d + j] = 1;
    for (let m = 0; m < n; m++) {
      const src = at((q - 1) * (n + 1) + 1 + m, b);
      inputs.copyWithin(at(tq + 1 + m, b), src, src + mat);
      const tgt = at(q * (n + 1) + 1 + m, b);
      targets.set(inputs.subarray(tgt, tgt + mat), (m * B + b) * mat);
    }
  }
  return { batch: B, steps, rows, cols, inputs, outputSteps: n, targets, length: k, itemLength: n, queries };
}
