/** The worker thread of two-threads.ts: waits for a phase, computes the kernel's second half, signals. */
import { receiveMessageOnPort, workerData, type MessagePort } from 'node:worker_threads';
import { runSecondHalf } from './two-thread-kernels.ts';
import type { KernelKind } from './two-threads.ts';

const { control, port } = workerData as { control: Int32Array; port: MessagePort };
interface Job {
  kind: KernelKind;
  buffers: Record<string, unknown>;
}
let job: Job | null = null;
let seen = 0;
for (;;) {
  Atomics.wait(control, 0, seen);
  const ticket = Atomics.load(control, 0);
  if (ticket === seen) continue;
  seen = ticket;
  const phase = Atomics.load(control, 2);
  try {
    if (phase === -1) {
      const m = receiveMessageOnPort(port);
      if (!m) throw new Error('no job on the port');
      job = m.message as Job;
    } else {
      const current = job as Job | null;
      if (!current) throw new Error('no job loaded');
      runSecondHalf(current.kind, current.buffers, phase);
    }
  } catch {
    Atomics.store(control, 3, 1);
  }
  Atomics.store(control, 1, ticket);
  Atomics.notify(control, 1);
}
