/** A worker thread of the parallel verify: loads matmem's claims and derivations and takes items along its walk (parallel-verify.ts). */
import { parentPort, workerData } from 'node:worker_threads';
import { loadUnits } from './registry.ts';
import { runItem, takeItem, type WorkerWalk } from './parallel-verify.ts';
import type { ClaimRunOptions } from './registry.ts';

const data = workerData as WorkerWalk & { seed: number; runs: number; figures: string | null; experiments: ClaimRunOptions['experiments']; caseTimeoutSeconds?: number };
try {
  const units = await loadUnits();
  for (let i = takeItem(data.taken, data.start, data.step); i >= 0; i = takeItem(data.taken, i + data.step, data.step)) {
    parentPort!.postMessage({ result: await runItem(units, i, data) });
  }
  parentPort!.postMessage({ done: true });
} catch (err) {
  parentPort!.postMessage({ error: (err as Error).stack ?? String(err) });
}
