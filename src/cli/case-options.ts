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

/** The magnitudes of a case: its largest |U|, |V| entry, its largest |W| entry and ε₁ε₂. */
function magnitudes(c: MatrixCase): { connectivity: number; w: number; noise: number } {
  const big = (m: MatrixCase['U']) => Math.max(m.max(), -m.min());
  return { connectivity: Math.max(big(c.U), big(c.V)), w: big(c.W), noise: c.e1 * c.e2 };
}

/** Whether a case's magnitudes are far from 1 (where float64 products of covariances can over- or underflow). */
function extreme(c: MatrixCase): boolean {
  const m = magnitudes(c);
  return m.connectivity > 1e3 || m.w > 1e30 || m.w < 1e-30 || m.noise > 1e30 || m.noise < 1e-30;
}

/**
 * A model computation on the user's case. When it fails, or gives a number that is not finite, on a
 * case of extreme magnitudes, float64 cannot hold that case: bad input (exit 2) naming the magnitudes.
 * On an ordinary case the failure is a bug and stays one (exit 3).
 */
export function computeOnCase<T>(c: MatrixCase, compute: () => T, numbers: (result: T) => number[]): T {
  const m = magnitudes(c);
  const why = `the largest |U|, |V| entry is ${m.connectivity.toPrecision(3)}, |W| ${m.w.toPrecision(3)}, ε₁ε₂ ${m.noise.toPrecision(3)}; rescale W and the noise (J scales as ‖W‖²/(ε₁ε₂)), or use U, V with a smaller transient gain`;
  let result: T;
  try {
    result = compute();
  } catch (err) {
    if (err instanceof InputError || !extreme(c)) throw err;
    throw new InputError(`float64 cannot hold this case's covariances (${(err as Error).message.split('\n')[0]}): ${why}`);
  }
  if (extreme(c) && numbers(result).some((x) => !Number.isFinite(x))) throw new InputError(`float64 over- or underflows on this case (a J value is not finite): ${why}`);
  return result;
}
