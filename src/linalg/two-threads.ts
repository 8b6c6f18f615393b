/**
 * A second core for the exact model's large kernels, kept synchronous: one worker thread shares the
 * buffers (SharedArrayBuffer) and, for each phase of a kernel, computes the second half while the
 * calling thread computes the first; the caller then waits on an Atomics flag. Each kernel's split is
 * fixed and cuts between whole units of its arithmetic (two-thread-kernels.ts), so results are
 * bit-identical with and without the worker. If the worker cannot start, fails, or threads are off
 * (MATMEM_THREADS=1), the calling thread computes both halves.
 */
import { availableParallelism } from 'node:os';
import { MessageChannel, Worker, type MessagePort } from 'node:worker_threads';

/** control[0]: request counter, [1]: completion counter, [2]: phase, [3]: 1 after a worker error. */
const REQUEST = 0;
const DONE = 1;
const PHASE = 2;
const FAILED = 3;
/** The phase code that tells the worker to take a new job (kind and buffers) from its port. */
export const LOAD_JOB = -1;
const START_TIMEOUT_MS = 10_000;

export type KernelKind = 'sandwich' | 'cholesky';

const WORKER_ENTRY = new URL(import.meta.url.endsWith('.ts') ? './two-threads-worker.mjs' : './two-threads-worker-main.js', import.meta.url);

class SecondCore {
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

  /** Starts `phase` in the worker (its half); returns a function that waits for it (false: it failed). */
  start(phase: number): () => boolean {
    const ticket = ++this.requests;
    Atomics.store(this.control, PHASE, phase);
    Atomics.store(this.control, REQUEST, ticket);
    Atomics.notify(this.control, REQUEST);
    return () => {
      const deadline = Date.now() + START_TIMEOUT_MS;
      while (Atomics.load(this.control, DONE) < ticket) {
        if (Atomics.load(this.control, FAILED) === 1 || this.broken) return false;
        // the first request also waits for the worker to start; a later phase finishes or the worker fails
        if (ticket === 1 && Date.now() > deadline) return false;
        Atomics.wait(this.control, DONE, Atomics.load(this.control, DONE), 1000);
      }
      return Atomics.load(this.control, FAILED) !== 1;
    };
  }

  load(kind: KernelKind, buffers: object): boolean {
    this.port.postMessage({ kind, buffers });
    return this.start(LOAD_JOB)();
  }

  terminate(): void {
    this.broken = true;
    void this.worker.terminate();
  }
}

let secondCore: SecondCore | null = null;

function threadsWanted(): number {
  const env = Number(process.env.MATMEM_THREADS);
  return Number.isInteger(env) && env > 0 ? env : availableParallelism();
}

/** Float64Array on shared memory (the worker reads and writes it in place). */
export function sharedFloat64(length: number): Float64Array {
  return new Float64Array(new SharedArrayBuffer(length * 8));
}

/** Whether a kernel should allocate shared buffers and use the second core (threads wanted, not forced off). */
export function twoThreadsWanted(threads = threadsWanted()): boolean {
  return threads >= 2;
}

/** Runs the phases of one job (a kernel over fixed buffers) on two threads when it can. */
export class TwoThreadRunner {
  private core: SecondCore | null = null;
  private loaded = false;

  /** `buffers`: the kernel's Float64Arrays (on shared memory, else everything runs here) and numbers. */
  constructor(private readonly kind: KernelKind, private readonly buffers: Record<string, unknown>, threads = threadsWanted()) {
    const arrays = Object.values(buffers).filter((b): b is Float64Array => b instanceof Float64Array);
    const sharedMemory = arrays.every((a) => a.buffer instanceof SharedArrayBuffer);
    if (twoThreadsWanted(threads) && sharedMemory) {
      try {
        secondCore ??= new SecondCore();
        this.core = secondCore.broken ? null : secondCore;
      } catch {
        this.core = null;
      }
    }
  }

  get threads(): number {
    return this.core ? 2 : 1;
  }

  /** Phase `phase`: `mine` here, the other half in the worker (or here, after `mine`, without one). */
  run(phase: number, mine: () => void, theirs: () => void): void {
    if (this.core && !this.loaded) {
      this.loaded = this.core.load(this.kind, this.buffers);
      if (!this.loaded) this.dropCore();
    }
    if (!this.core) {
      mine();
      theirs();
      return;
    }
    const wait = this.core.start(phase);
    mine();
    if (!wait()) {
      // the worker failed: its half is computed here (the same instructions, the same numbers)
      this.dropCore();
      theirs();
    }
  }

  private dropCore(): void {
    this.core?.terminate();
    if (secondCore === this.core) secondCore = null;
    this.core = null;
  }
}
