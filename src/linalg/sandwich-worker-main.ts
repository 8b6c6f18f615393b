/** The worker thread of sandwich-pool.ts: waits for a phase, computes its second half, signals. */
import { receiveMessageOnPort, workerData, type MessagePort } from 'node:worker_threads';
import { sandwichPhase, type SandwichBuffers } from './sandwich-phases.ts';

const { control, port } = workerData as { control: Int32Array; port: MessagePort };
let buffers: SandwichBuffers | null = null;
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
      if (!m) throw new Error('no buffers on the port');
      buffers = m.message as SandwichBuffers;
    } else {
      if (!buffers) throw new Error('no buffers loaded');
      sandwichPhase(buffers, phase, 1);
    }
  } catch {
    Atomics.store(control, 3, 1);
  }
  Atomics.store(control, 1, ticket);
  Atomics.notify(control, 1);
}
