/** Options shared by commands that take a case of Eq. 5 (--case, --u/--v/--w, --e1, --e2). */
import { Command } from 'commander';
import { loadCase } from '../io/case-file.ts';
import type { MatrixCase } from '../models/case.ts';
import { parseNumberOption } from './common.ts';

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
  return loadCase({
    case: opts.case,
    u: opts.u,
    v: opts.v,
    w: opts.w,
    e1: opts.e1 === undefined ? undefined : parseNumberOption('--e1', opts.e1, { min: 0, exclusiveMin: true }),
    e2: opts.e2 === undefined ? undefined : parseNumberOption('--e2', opts.e2, { min: 0, exclusiveMin: true }),
  });
}
