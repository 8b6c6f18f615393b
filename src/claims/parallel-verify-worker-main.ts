/** A worker thread of the parallel verify: loads matmem's claims and derivations and takes items from the shared counter. */
import { parentPort, workerData } from 'node:worker_threads';
import { loadUnits } from './registry.ts';
import { runItem } from './parallel-verify.ts';
import type { ClaimRunOptions } from './registry.ts';

const data = workerData as { counter: Int32Array; total: number; seed: number; runs: number; figures: string | null; experiments: ClaimRunOptions['experiments']; caseTimeoutSeconds?: number };
try {
  const units = await loadUnits();
  for (let i = Atomics.add(data.counter, 0, 1); i < data.total; i = Atomics.add(data.counter, 0, 1)) {
    parentPort!.postMessage({ result: await runItem(units, i, data) });
  }
  parentPort!.postMessage({ done: true });
} catch (err) {
  parentPort!.postMessage({ error: (err as Error).stack ?? String(err) });
}
