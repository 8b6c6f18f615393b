/** Options shared by commands that take a case of Eq. 5 (--case, --u/--v/--w, --e1, --e2). */
import { Command } from 'commander';
import { InputError } from '../errors.ts';
import { loadCase } from '../io/case-file.ts';
import type { MatrixCase } from '../models/case.ts';
import { formatBytes, formatDuration, largestModelN, memoryLimitBytes, MODEL_ARRAYS, modelCost, TIME_LIMIT_SECONDS, WARN_SECONDS } from '../models/cost.ts';
import { note, parseNumberOption } from './common.ts';

export function addCaseOptions(cmd: Command): Command {
  return cmd
    .option('--case <file>', 'JSON case file: {"U": [[..]], "V": [[..]], "W": [[..]], "e1"?: 1, "e2"?: 1}')
    .option('--u <file>', 'U alone, as .json (2-D array), .csv or .npy (float64/float32, C or Fortran order)')
    .option('--v <file>', 'V alone (same formats)')
    .option('--w <file>', 'W alone (same formats)')
    .option('--e1 <x>', 'row noise variance ε₁ (overrides the case file; default 1)')
    .option('--e2 <x>', 'column noise variance ε₂ (overrides the case file; default 1)');
}

export function caseFromOptions(opts: { case?: string; u?: string; v?: string; w?: string; e1?: string; e2?: string }): MatrixCase {
  const c = loadCase({
    case: opts.case,
    u: opts.u,
    v: opts.v,
    w: opts.w,
    e1: opts.e1 === undefined ? undefined : parseNumberOption('--e1', opts.e1, { min: 0, exclusiveMin: true }),
    e2: opts.e2 === undefined ? undefined : parseNumberOption('--e2', opts.e2, { min: 0, exclusiveMin: true }),
  });
  if (c.W.to2DArray().every((row) => row.every((x) => x === 0))) {
    throw new InputError('W is zero: the input never reaches the state, so I(W) = 0, every J(k) = 0 and J_tot,rel = J_tot/I(W) is undefined');
  }
  return c;
}

/**
 * Refuses a case whose N²×N² models cannot fit in memory (naming the limit and the largest N that
 * fits) and announces one that will run for more than a minute.
 */
export function checkModelBudget(N: number, what: string): void {
  const cost = modelCost(N);
  const limit = memoryLimitBytes();
  if (cost.bytes > limit) {
    throw new InputError(`${what} at N = ${N} needs about ${formatBytes(cost.bytes)} (${MODEL_ARRAYS} N²×N² float64 arrays at the peak), above the limit of ${formatBytes(limit)} (MATMEM_MAX_MEMORY_MB, default ¾ of this machine's memory); the largest N that fits is ${largestModelN(limit)}`);
  }
  if (cost.seconds > TIME_LIMIT_SECONDS) throw new InputError(`${what} at N = ${N} would take about ${formatDuration(cost.seconds)}, above the limit of ${formatDuration(TIME_LIMIT_SECONDS)}`);
  if (cost.seconds > WARN_SECONDS) note(`matmem: note: ${what} at N = ${N} takes about ${formatDuration(cost.seconds)} and ${formatBytes(cost.bytes)} on a 2-core machine`);
}
