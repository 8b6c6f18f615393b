/**
 * A second core for the Kronecker sandwich of the exact model's Stein solve, kept synchronous: one
 * worker thread shares the buffers (SharedArrayBuffer) and, for each phase, computes the second
 * half while the calling thread computes the first; the caller then waits on an Atomics flag. The
 * split is fixed (sandwich-phases.ts), so the solution is bit-identical with and without the worker.
 * If the worker cannot start (or threads are off: MATMEM_THREADS=1), everything runs here.
 */
import { availableParallelism } from 'node:os';
import { MessageChannel, Worker, type MessagePort } from 'node:worker_threads';
import { sandwichPhase, SANDWICH_PHASES, type SandwichBuffers } from './sandwich-phases.ts';

/** control[0]: request counter, control[1]: completion counter, control[2]: phase, control[3]: 1 after a worker error. */
const REQUEST = 0;
const DONE = 1;
const PHASE = 2;
const FAILED = 3;
/** The phase code that tells the worker to take new buffers from its port. */
export const LOAD_BUFFERS = -1;
const START_TIMEOUT_MS = 10_000;

const WORKER_ENTRY = new URL(import.meta.url.endsWith('.ts') ? './sandwich-worker.mjs' : './sandwich-worker-main.js', import.meta.url);

/** Below this N the sandwich takes milliseconds and a thread hand-off costs more than it saves. */
export const PARALLEL_MIN_N = 16;

class SandwichWorker {
  readonly control = new Int32Array(new SharedArrayBuffer(16));
  private readonly port: MessagePort;
  private readonly worker: Worker;
  private requests = 0;
  broken = false;

  constructor() {
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    this.worker = new Worker(WORKER_ENTRY, { workerData: { control: this.control, port: port2 }, transferList: [port2] });
    this.worker.unref();
    this.port.unref();
    this.worker.on('error', () => {
      this.broken = true;
    });
  }

  /** Runs `phase` in the worker (half 1); returns a function that waits for it. */
  start(phase: number): () => boolean {
    const ticket = ++this.requests;
    Atomics.store(this.control, PHASE, phase);
    Atomics.store(this.control, REQUEST, ticket);
    Atomics.notify(this.control, REQUEST);
    return () => {
      const deadline = Date.now() + START_TIMEOUT_MS;
      while (Atomics.load(this.control, DONE) < ticket) {
        if (Atomics.load(this.control, FAILED) === 1 || this.broken) return false;
        const left = deadline - Date.now();
        // the first request also waits for the worker to start; after that a phase takes seconds at most
        if (left <= 0 && ticket === 1) return false;
        Atomics.wait(this.control, DONE, Atomics.load(this.control, DONE), Math.max(1, Math.min(left > 0 ? left : 1000, 1000)));
      }
      return Atomics.load(this.control, FAILED) !== 1;
    };
  }

  load(buffers: SandwichBuffers): () => boolean {
    this.port.postMessage(buffers);
    return this.start(LOAD_BUFFERS);
  }

  terminate(): void {
    this.broken = true;
    void this.worker.terminate();
  }
}

let shared: SandwichWorker | null = null;

function threadsWanted(): number {
  const env = Number(process.env.MATMEM_THREADS);
  return Number.isInteger(env) && env > 0 ? env : availableParallelism();
}

/** Float64Array on shared memory (the worker reads and writes it in place). */
export function sharedFloat64(length: number): Float64Array {
  return new Float64Array(new SharedArrayBuffer(length * 8));
}

/**
 * The sandwich's phases over `buffers`, on two threads when `threads` ≥ 2 and N ≥ PARALLEL_MIN_N
 * (buffers on shared memory), else here. Returns the number of threads that ran it.
 */
export class SandwichRunner {
  private worker: SandwichWorker | null = null;
  private loaded = false;

  constructor(private readonly buffers: SandwichBuffers, threads = threadsWanted()) {
    const sharedMemory = [buffers.x, buffers.y1, buffers.y2, buffers.factors].every((a) => a.buffer instanceof SharedArrayBuffer);
    if (threads >= 2 && buffers.N >= PARALLEL_MIN_N && sharedMemory) {
      try {
        shared ??= new SandwichWorker();
        this.worker = shared.broken ? null : shared;
      } catch {
        this.worker = null;
      }
    }
  }

  get threads(): number {
    return this.worker ? 2 : 1;
  }

  run(): void {
    if (this.worker && !this.loaded) {
      this.loaded = this.worker.load(this.buffers)();
      if (!this.loaded) this.dropWorker();
    }
    for (let phase = 0; phase < SANDWICH_PHASES; phase++) {
      if (!this.worker) {
        sandwichPhase(this.buffers, phase, 0);
        sandwichPhase(this.buffers, phase, 1);
        continue;
      }
      const wait = this.worker.start(phase);
      sandwichPhase(this.buffers, phase, 0);
      if (!wait()) {
        // the worker failed: its half is recomputed here (the same instructions, the same numbers)
        this.dropWorker();
        sandwichPhase(this.buffers, phase, 1);
      }
    }
  }

  private dropWorker(): void {
    this.worker?.terminate();
    if (shared === this.worker) shared = null;
    this.worker = null;
  }
}
