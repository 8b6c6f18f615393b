/**
 * The sharded fused engine: a batch cut into fixed shards of consecutive sequences, run on worker
 * threads, gives the same loss, outputs and gradient as the fused engine on the whole batch (up to
 * the order of float64 sums), and bit-identical results whatever the number of threads.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { FusedEngine } from '../../src/matntm/engines/fused.ts';
import { SHARD_SIZE, ShardedFusedEngine, shardRanges, sliceBatch } from '../../src/matntm/engines/sharded.ts';
import type { ModelKind } from '../../src/matntm/config.ts';
import { maxAbs, maxAbsDiff, tinyProblem } from './helpers.ts';

const engines: ShardedFusedEngine[] = [];
const sharded = (p: ReturnType<typeof tinyProblem>, threads: number) => {
  const e = new ShardedFusedEngine(p.layout, threads);
  engines.push(e);
  return e;
};
afterAll(() => engines.forEach((e) => e.dispose()));

describe('shards', () => {
  it('cuts a batch into consecutive shards of SHARD_SIZE, the last one shorter', () => {
    expect(shardRanges(2 * SHARD_SIZE + 1)).toEqual([[0, SHARD_SIZE], [SHARD_SIZE, 2 * SHARD_SIZE], [2 * SHARD_SIZE, 2 * SHARD_SIZE + 1]]);
    expect(shardRanges(3)).toEqual([[0, 3]]);
  });

  it('a slice holds exactly the chosen sequences, step by step', () => {
    const p = tinyProblem('matntm', 7, 'clamped', 3, 5);
    const s = sliceBatch(p.batch, 1, 3);
    const mat = p.batch.rows * p.batch.cols;
    for (let t = 0; t < p.batch.steps; t++) {
      for (let b = 0; b < 2; b++) {
        for (let e = 0; e < mat; e++) expect(s.inputs[(t * 2 + b) * mat + e]).toBe(p.batch.inputs[(t * 5 + b + 1) * mat + e]);
      }
    }
    expect(s.targets.length).toBe((p.batch.targets.length / 5) * 2);
  });
});

describe('sharded = whole batch', () => {
  for (const model of ['matntm', 'matrnn'] as ModelKind[]) {
    it(`${model}: 2 shards and a partial one, on 1, 2 and 3 threads`, async () => {
      const B = 2 * SHARD_SIZE + 3;
      const p = tinyProblem(model, 31, 'clamped', 3, B);
      const whole = new FusedEngine(p.layout).runSync(p.theta, p.batch, p.w0, true);
      const r1 = await sharded(p, 1).run(p.theta, p.batch, p.w0, true);
      // the shards' sums are added in another order than the whole batch's: float64 roundoff, then
      // both are rounded to float32 (relative 6e-8), so 1e-6 of the largest entry separates them
      // from an indexing slip (an O(1) change of some sequence's share)
      expect(Math.abs(r1.loss - whole.loss)).toBeLessThan(1e-12);
      expect(maxAbsDiff(r1.grad!, whole.grad!)).toBeLessThan(1e-6 * maxAbs(whole.grad!));
      expect(maxAbsDiff(r1.outputs, whole.outputs)).toBeLessThan(1e-7);
      for (const threads of [2, 3]) {
        const r = await sharded(p, threads).run(p.theta, p.batch, p.w0, true);
        expect(r.loss).toBe(r1.loss);
        expect(Array.from(r.grad!)).toEqual(Array.from(r1.grad!));
        expect(Array.from(r.outputs)).toEqual(Array.from(r1.outputs));
      }
    });
  }

  it('forward only: no gradient, the same loss', async () => {
    const p = tinyProblem('matntm', 32, 'clamped', 2, SHARD_SIZE + 1);
    const r = await sharded(p, 2).run(p.theta, p.batch, p.w0, false);
    expect(r.grad).toBeUndefined();
    expect(Math.abs(r.loss - new FusedEngine(p.layout).runSync(p.theta, p.batch, p.w0, false).loss)).toBeLessThan(1e-12);
  });

  it('an error in a shard reaches the caller as a rejection, with no unhandled rejection left behind', async () => {
    const p = tinyProblem('matntm', 33, 'clamped', 2, 2 * SHARD_SIZE);
    // matrices that do not fit the model make every shard fail (the local one throws, the worker's answer is dropped)
    await expect(sharded(p, 2).run(p.theta, { ...p.batch, rows: p.batch.rows + 1 }, p.w0, true)).rejects.toThrow(/batch matrices are/);
  });
});
