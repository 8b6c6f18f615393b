/** A worker thread of the sharded fused engine: runs the shards it is sent and answers with their results. */
import { parentPort, workerData } from 'node:worker_threads';
import { layoutOf, type ModelConfig } from '../config.ts';
import type { TaskBatch } from '../tasks/types.ts';
import { FusedEngine } from './fused.ts';

interface ShardRequest {
  id: number;
  theta: Float32Array;
  batch: TaskBatch;
  w0: Float32Array | null;
  wantGrad: boolean;
  normalizer: number;
}

const engine = new FusedEngine(layoutOf((workerData as { config: ModelConfig }).config));
parentPort!.on('message', (m: ShardRequest) => {
  try {
    const r = engine.runShard(m.theta, m.batch, m.w0, m.wantGrad, m.normalizer);
    parentPort!.postMessage({ id: m.id, ...r }, [r.outputs.buffer as ArrayBuffer, ...(r.grad ? [r.grad.buffer as ArrayBuffer] : [])]);
  } catch (err) {
    parentPort!.postMessage({ id: m.id, error: (err as Error).message });
  }
});
