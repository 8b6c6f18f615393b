/** The second halves the worker of two-threads.ts computes, by kernel. */
import { choleskyTrailingHalf, type CholeskyBuffers } from './cholesky.ts';
import { sandwichPhase, type SandwichBuffers } from './sandwich-phases.ts';
import type { KernelKind } from './two-threads.ts';

export function runSecondHalf(kind: KernelKind, buffers: Record<string, unknown>, phase: number): void {
  if (kind === 'sandwich') sandwichPhase(buffers as unknown as SandwichBuffers, phase, 1);
  else if (kind === 'cholesky') choleskyTrailingHalf(buffers as unknown as CholeskyBuffers, phase, 1);
  else throw new RangeError(`no kernel ${String(kind)}`);
}
