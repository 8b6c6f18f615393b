/**
 * A full verify on several threads: the run's work list (shard.ts's units: each claim in each model,
 * each derivation step, each model check) and, first, the figures, shared out by marks in one shared
 * array: a thread takes an item by marking it, so each item is computed once. Each unit's result
 * depends only on the seed, the runs and the unit, so the report is the one-thread report, byte for
 * byte apart from `generated` (tested); the threads only decide who computes what.
 *
 * Each thread walks its own stretch of the list (this thread from the start, the last worker from the
 * end backwards, the others from evenly spaced points), then takes what is left nearest to it. Items
 * of one kind sit together in the list, so each thread mostly runs one kind of code: every thread is
 * a separate V8 isolate that compiles the code it runs for itself, and on two cores that compiling
 * (and the garbage collection beside it) competes with the other thread's work (docs/performance.md,
 * bench/verify-contention.ts). One shared counter, as before, made both threads run every kind of item.
 */
import { Worker } from 'node:worker_threads';
import type { FigureReport, Report } from '../core/types.ts';
import { VERSION } from '../core/version.ts';
import type { ClaimRunOptions, Units } from './registry.ts';
import { reportFromUnitResults, runUnit, unitMeta, workUnits, type Unit } from './shard.ts';

/** What a thread sends back for one item of the work list. */
export type ItemResult = { index: number; unit: ReturnType<typeof runUnit> } | { index: number; figures: FigureReport[] };

export interface ParallelVerifyOptions extends Pick<ClaimRunOptions, 'seed' | 'runs' | 'experiments' | 'caseTimeoutSeconds'> {
  /** Threads in all, this one included (≥ 2 to start workers). */
  threads: number;
  /**
   * Figures 2–4 (the first item of the list), drawn by whichever thread takes it: the URL of a module
   * exporting `reportFigures(seed)` (the CLI's; the claims layer does not import the renderers), or null.
   */
  figures: string | null;
  /** Called when an item is done, with the count of items done and the total. */
  onItem?: (label: string, done: number, total: number) => void;
  /** Worker threads started earlier (startVerifyWorkers: threads − 1 of them); else they start here. */
  workers?: VerifyWorker[];
}

/** The entry of a worker: compiled, the JavaScript itself; from the sources, a .mjs that registers tsx first. */
const WORKER_ENTRY = new URL(import.meta.url.endsWith('.ts') ? './parallel-verify-worker.mjs' : './parallel-verify-worker-main.js', import.meta.url);

/**
 * The units in the order the threads walk them: the claims in the exact model (the costliest units)
 * first, then the other claims, the derivation steps and the model checks. This thread starts at the
 * front, after the figures; the last worker at the back; so they meet among the cheap claims of the
 * paper model, and the one that finishes first waits for a short unit only. The report does not
 * depend on this order (reportFromUnitResults orders by the registry).
 */
export function itemUnits(units: Units): Unit[] {
  const list = workUnits(units);
  const exactClaims = list.filter((u) => u.kind === 'claim' && u.model === 'exact');
  return [...exactClaims, ...list.filter((u) => !exactClaims.includes(u))];
}

/** The work list's length: the figures (when drawn) and every unit. */
export function itemCount(units: Units, figures: string | null): number {
  return (figures ? 1 : 0) + itemUnits(units).length;
}

/** Computes item `index` of the list (item 0 is the figures when they are drawn). */
export async function runItem(units: Units, index: number, opts: Pick<ParallelVerifyOptions, 'seed' | 'runs' | 'experiments' | 'figures' | 'caseTimeoutSeconds'>): Promise<ItemResult> {
  if (opts.figures && index === 0) {
    const { reportFigures } = (await import(opts.figures)) as { reportFigures: (seed: number) => Promise<FigureReport[]> };
    return { index, figures: await reportFigures(opts.seed) };
  }
  const list = itemUnits(units);
  return { index, unit: runUnit(units, list[index - (opts.figures ? 1 : 0)], opts) };
}

export async function runVerifyParallel(units: Units, opts: ParallelVerifyOptions): Promise<Report> {
  const started = Date.now();
  const total = itemCount(units, opts.figures);
  const taken = new Int32Array(new SharedArrayBuffer(4 * total));
  const results: ItemResult[] = new Array(total);
  let done = 0;
  const record = (r: ItemResult, label: string) => {
    results[r.index] = r;
    opts.onItem?.(label, ++done, total);
  };
  const list = itemUnits(units);
  const labelOf = (i: number) => (opts.figures && i === 0 ? 'figures 2–4' : (() => {
    const u = list[i - (opts.figures ? 1 : 0)];
    return u.kind === 'claim' ? `${u.id} (${u.model})` : u.kind === 'step' ? `${u.derivation}#${u.index}` : `model check ${u.id}`;
  })());
  const threads = Math.max(1, opts.threads);
  const workers = opts.workers ?? startVerifyWorkers(threads - 1);
  if (workers.length !== threads - 1) throw new RangeError(`runVerifyParallel: ${workers.length} workers started for ${threads} threads`);
  try {
    const finished = workers.map((w, k) =>
      w.run({ taken, total, ...walkOf(k + 1, threads, total), seed: opts.seed, runs: opts.runs, figures: opts.figures, experiments: opts.experiments ?? [], caseTimeoutSeconds: opts.caseTimeoutSeconds }, (r) => record(r, labelOf(r.index))),
    );
    // this thread takes items too; an await between items lets the workers' answers in
    const walk = walkOf(0, threads, total);
    for (let i = takeItem(taken, walk.start, walk.step); i >= 0; i = takeItem(taken, i + walk.step, walk.step)) {
      record(await runItem(units, i, opts), labelOf(i));
    }
    await Promise.all(finished);
  } finally {
    for (const w of workers) w.stop();
  }
  const claims = results.flatMap((r) => ('unit' in r ? r.unit.claims : []));
  const steps = results.flatMap((r) => ('unit' in r && r.unit.step ? [r.unit.step] : []));
  const checks = results.flatMap((r) => ('unit' in r && r.unit.check ? [r.unit.check] : []));
  const figures = results.flatMap((r) => ('figures' in r ? r.figures : []));
  const { claimMeta, derivationMeta } = unitMeta(units);
  const report = reportFromUnitResults(claimMeta, derivationMeta, claims, steps, checks, { seed: opts.seed, runs: opts.runs, version: VERSION }, { at: new Date().toISOString(), seconds: (Date.now() - started) / 1000 });
  return figures.length ? { ...report, figures } : report;
}

/** Where thread `k` of `threads` starts in a list of `total` items, and its direction (+1 or −1). */
export function walkOf(k: number, threads: number, total: number): { start: number; step: 1 | -1 } {
  if (k === 0) return { start: 0, step: 1 };
  if (k === threads - 1) return { start: total - 1, step: -1 };
  return { start: Math.floor((k * total) / threads), step: 1 };
}

/**
 * Marks and returns the first unmarked item from `from` on in direction `step`, else the nearest
 * unmarked one behind `from`; −1 when every item is marked. Atomic: two threads never take one item.
 */
export function takeItem(taken: Int32Array, from: number, step: 1 | -1): number {
  for (let i = from; i >= 0 && i < taken.length; i += step) if (Atomics.compareExchange(taken, i, 0, 1) === 0) return i;
  for (let i = from - step; i >= 0 && i < taken.length; i -= step) if (Atomics.compareExchange(taken, i, 0, 1) === 0) return i;
  return -1;
}

/** What a worker needs to take items: the shared marks and its walk. */
export interface WorkerWalk {
  taken: Int32Array;
  total: number;
  start: number;
  step: 1 | -1;
}

/** A worker's whole job: its walk and the run's options. */
export type WorkerJob = WorkerWalk & Pick<ParallelVerifyOptions, 'seed' | 'runs' | 'figures' | 'caseTimeoutSeconds'> & { experiments: NonNullable<ParallelVerifyOptions['experiments']> };

/** A worker thread that loads matmem's units as soon as it starts and runs its job when given one. */
export interface VerifyWorker {
  run(job: WorkerJob, onResult: (r: ItemResult) => void): Promise<void>;
  /** Ends the thread (after its job, or instead of it when the run stops early). */
  stop(): void;
}

/**
 * Starts the worker threads of a parallel verify before the run knows its work list: each loads the
 * claims and derivations (a quarter of a second) while this thread loads its own. A worker without a
 * job does not keep the process alive, so a run that stops before `runVerifyParallel` just ends.
 */
export function startVerifyWorkers(count: number): VerifyWorker[] {
  return Array.from({ length: Math.max(0, count) }, () => startWorker());
}

function startWorker(): VerifyWorker {
  const worker = new Worker(WORKER_ENTRY);
  let onResult: ((r: ItemResult) => void) | null = null;
  let settle: { resolve: () => void; reject: (e: Error) => void } | null = null;
  let failure: Error | null = null;
  const fail = (e: Error) => {
    failure ??= e;
    settle?.reject(e);
  };
  worker.on('message', (m: { result?: ItemResult; done?: boolean; error?: string }) => {
    if (m.result) onResult?.(m.result);
    if (m.error !== undefined) fail(new Error(`verify worker: ${m.error}`));
    if (m.done) settle?.resolve();
  });
  worker.on('error', fail);
  worker.on('exit', (code) => (code === 0 ? settle?.resolve() : fail(new Error(`verify worker exited with code ${code}`))));
  // until it has a job, the thread does not keep the process alive (a run that stops on bad input just
  // ends); unref after the listeners, which would otherwise take the reference again
  worker.unref();
  return {
    run(job, handle) {
      onResult = handle;
      worker.ref();
      return new Promise<void>((resolve, reject) => {
        if (failure) return reject(failure);
        settle = { resolve, reject };
        worker.postMessage({ job });
      });
    },
    stop() {
      void worker.terminate();
    },
  };
}
