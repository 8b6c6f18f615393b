/** One batch of a run's task (copy or recall), with the MatNTM's initial head weights drawn after it. */
import { initialHeadWeights } from '../model.ts';
import type { Rng } from '../rng.ts';
import type { TrainSpec } from '../spec.ts';
import { copyBatch } from './copy.ts';
import { recallBatch } from './recall.ts';
import type { TaskBatch } from './types.ts';

/**
 * `length` fixes l (copy) or k (recall); `itemLength` overrides the recall item length n; `maxLength`
 * caps the drawn length (a curriculum's current upper end).
 */
export function drawBatch(spec: TrainSpec, rng: Rng, length?: number, itemLength?: number, maxLength?: number): { batch: TaskBatch; w0: Float32Array | null } {
  const lo = length ?? spec.minLength;
  const hi = length ?? Math.max(lo, Math.min(spec.maxLength, maxLength ?? spec.maxLength));
  const batch =
    spec.task === 'copy'
      ? copyBatch(rng, { batch: spec.batch, minLength: lo, maxLength: hi })
      : recallBatch(rng, { batch: spec.batch, minItems: lo, maxItems: hi, itemLength: itemLength ?? spec.itemLength ?? 2 });
  const w0 = spec.config.model === 'matntm' ? initialHeadWeights(rng, spec.batch, spec.config.slots, spec.config.eps) : null;
  return { batch, w0 };
}
