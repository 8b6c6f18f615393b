/**
 * The fused engine on several CPU cores: a batch is cut into fixed shards of consecutive sequences
 * (SHARD_SIZE each), every shard runs through the fused engine (forward and backward through time),
 * and the shards' float64 gradients are added in shard order. The cut depends only on the batch
 * size, never on the number of threads, so one thread and eight give bit-identical results; the
 * threads only decide who computes which shard (the calling thread takes the first share).
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Layout } from '../config.ts';
import type { Engine, StepResult } from '../model.ts';
import type { TaskBatch } from '../tasks/types.ts';
import type { HeadTrace } from '../trace.ts';
import { FusedEngine } from './fused.ts';

/**
 * Sequences per shard. The fused engine's cost per sequence is nearly flat from 4 to 16 sequences
 * (about 6 ms per sequence of the paper's copy configuration at l = 10 on the README's 2-core
 * machine); in interleaved runs on 2 threads, shards of 8 beat shards of 4 by about 10 % (fewer
 * per-call costs), so a batch of 16 uses 2 cores.
 */
export const SHARD_SIZE = 8;

/** [start, end) of each shard of a batch of B sequences. */
export function shardRanges(B: number): [number, number][] {
  const out: [number, number][] = [];
  for (let b = 0; b < B; b += SHARD_SIZE) out.push([b, Math.min(B, b + SHARD_SIZE)]);
  return out;
}

/** Sequences b0..b1−1 of a batch (inputs [t][b][r][c], targets [s][b][r][c]). */
export function sliceBatch(batch: TaskBatch, b0: number, b1: number): TaskBatch {
  const n = b1 - b0;
  const inSize = batch.rows * batch.cols;
  const outSize = batch.targets.length / (batch.outputSteps * batch.batch);
  const inputs = new Float32Array(batch.steps * n * inSize);
  for (let t = 0; t < batch.steps; t++) inputs.set(batch.inputs.subarray((t * batch.batch + b0) * inSize, (t * batch.batch + b1) * inSize), t * n * inSize);
  const targets = new Float32Array(batch.outputSteps * n * outSize);
  for (let s = 0; s < batch.outputSteps; s++) targets.set(batch.targets.subarray((s * batch.batch + b0) * outSize, (s * batch.batch + b1) * outSize), s * n * outSize);
  return { ...batch, batch: n, inputs, targets, ...(batch.queries ? { queries: batch.queries.slice(b0, b1) } : {}) };
}

/** Initial head weights [(h·B + b)·N + j] of sequences b0..b1−1. */
function sliceHeadWeights(w0: Float32Array | null, B: number, slots: number, b0: number, b1: number): Float32Array | null {
  if (!w0) return null;
  const n = b1 - b0;
  const out = new Float32Array(2 * n * slots);
  for (let h = 0; h < 2; h++) out.set(w0.subarray((h * B + b0) * slots, (h * B + b1) * slots), h * n * slots);
  return out;
}

interface ShardResult {
  loss: number;
  outputs: Float32Array;
  grad?: Float64Array;
}

interface Pending {
  resolve: (r: ShardResult) => void;
  reject: (e: Error) => void;
}

/**
 * The worker's entry: compiled (dist/), the JavaScript itself; from the sources, a small .mjs that
 * registers tsx in the worker first (a worker does not inherit its parent's module loader).
 */
const WORKER_ENTRY = new URL(import.meta.url.endsWith('.ts') ? './fused-worker.mjs' : './fused-worker-main.js', import.meta.url);

/** One worker thread holding a fused engine of the same layout. */
class ShardWorker {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;
  private failure: Error | null = null;

  constructor(layout: Layout) {
    this.worker = new Worker(WORKER_ENTRY, { workerData: { config: layout.config } });
    this.worker.unref(); // an idle worker never keeps the process alive
    this.worker.on('message', (m: { id: number; error?: string } & ShardResult) => {
      const p = this.pending.get(m.id);
      if (!p) return;
      this.pending.delete(m.id);
      if (m.error !== undefined) p.reject(new Error(`fused engine worker: ${m.error}`));
      else p.resolve(m);
    });
    const fail = (e: Error) => {
      this.failure = e;
      for (const p of this.pending.values()) p.reject(e);
      this.pending.clear();
    };
    this.worker.on('error', fail);
    this.worker.on('exit', (code) => {
      if (code !== 0) fail(new Error(`fused engine worker exited with code ${code}`));
    });
  }

  run(theta: Float32Array, batch: TaskBatch, w0: Float32Array | null, wantGrad: boolean, normalizer: number): Promise<ShardResult> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.ref(); // a request in flight keeps the process alive until its answer
      this.worker.postMessage({ id, theta, batch, w0, wantGrad, normalizer });
    }).finally(() => {
      if (this.pending.size === 0) this.worker.unref();
    }) as Promise<ShardResult>;
  }

  terminate(): void {
    void this.worker.terminate();
  }
}

/** The default thread count: every core, at most 8 (a batch of 16 has 2 shards; larger batches use more). */
export function defaultThreads(): number {
  return Math.max(1, Math.min(8, availableParallelism()));
}

export class ShardedFusedEngine implements Engine {
  readonly name = 'fused';
  private readonly local: FusedEngine;
  private readonly workers: ShardWorker[] = [];

  constructor(
    readonly layout: Layout,
    readonly threads: number = defaultThreads(),
  ) {
    if (!Number.isInteger(threads) || threads < 1) throw new RangeError(`threads must be a positive integer, got ${threads}`);
    this.local = new FusedEngine(layout);
  }

  private worker(i: number): ShardWorker {
    while (this.workers.length <= i) this.workers.push(new ShardWorker(this.layout));
    return this.workers[i];
  }

  /** Tracing is a forward pass of a few sequences: it runs on this thread. */
  trace(theta: Float32Array, batch: TaskBatch, w0: Float32Array): Promise<HeadTrace> {
    return this.local.trace(theta, batch, w0);
  }

  async run(theta: Float32Array, batch: TaskBatch, w0: Float32Array | null, wantGrad: boolean): Promise<StepResult> {
    const shards = shardRanges(batch.batch);
    const [ro, co] = this.layout.config.output;
    const normalizer = batch.batch * batch.outputSteps * ro * co;
    if (shards.length === 1) return this.local.runSync(theta, batch, w0, wantGrad);
    const slots = this.layout.config.slots;
    // shard i goes to thread i mod threads (thread 0 is this one); the workers start first
    const results: (ShardResult | Promise<ShardResult>)[] = new Array(shards.length);
    const threads = Math.min(this.threads, shards.length);
    shards.forEach(([b0, b1], i) => {
      const owner = i % threads;
      if (owner > 0) results[i] = this.worker(owner - 1).run(theta, sliceBatch(batch, b0, b1), sliceHeadWeights(w0, batch.batch, slots, b0, b1), wantGrad, normalizer);
    });
    try {
      shards.forEach(([b0, b1], i) => {
        if (i % threads === 0) results[i] = this.local.runShard(theta, sliceBatch(batch, b0, b1), sliceHeadWeights(w0, batch.batch, slots, b0, b1), wantGrad, normalizer);
      });
    } catch (err) {
      // the workers' answers are no longer awaited: keep their rejections from going unhandled
      for (const r of results) if (r instanceof Promise) r.catch(() => {});
      throw err;
    }
    const done = await Promise.all(results);
    // combine in shard order: loss and gradient are sums over shards; outputs interleave by step
    let loss = 0;
    const grad = wantGrad ? new Float64Array(theta.length) : null;
    const outSize = ro * co;
    const outputs = new Float32Array(batch.outputSteps * batch.batch * outSize);
    done.forEach((r, i) => {
      const [b0, b1] = shards[i];
      const n = b1 - b0;
      loss += r.loss;
      if (grad) {
        const g = r.grad!;
        for (let k = 0; k < grad.length; k++) grad[k] += g[k];
      }
      for (let s = 0; s < batch.outputSteps; s++) outputs.set(r.outputs.subarray(s * n * outSize, (s + 1) * n * outSize), (s * batch.batch + b0) * outSize);
    });
    return { loss, outputs, ...(grad ? { grad: Float32Array.from(grad) } : {}) };
  }

  dispose(): void {
    for (const w of this.workers) w.terminate();
    this.workers.length = 0;
  }
}
