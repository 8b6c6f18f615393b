/**
 * A worker thread of the parallel verify: loads matmem's claims and derivations at once, then waits
 * for its job (parallel-verify.ts) and takes items along its walk.
 */
import { parentPort } from 'node:worker_threads';
import { loadUnits } from './registry.ts';
import { runItem, takeItem, type WorkerJob } from './parallel-verify.ts';

const port = parentPort!;
const job = new Promise<WorkerJob>((resolve) => port.once('message', (m: { job: WorkerJob }) => resolve(m.job)));
try {
  const units = await loadUnits();
  const data = await job;
  for (let i = takeItem(data.taken, data.start, data.step); i >= 0; i = takeItem(data.taken, i + data.step, data.step)) {
    port.postMessage({ result: await runItem(units, i, data) });
  }
  port.postMessage({ done: true });
} catch (err) {
  port.postMessage({ error: (err as Error).stack ?? String(err) });
}
