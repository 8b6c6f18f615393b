/**
 * What an experiment folder receives (from `experiment` or from `merge` of experiment shards),
 * checked before any training or merging: the folder is not a train run or a run of another
 * experiment, and the record and figures written into it replace only matmem's own earlier ones.
 */
import { existsSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { InputError } from '../errors.ts';
import { guardOutputs, type PlannedOutput, type RunInput } from '../io/output-guard.ts';
import { pathNature } from '../io/read-input.ts';

/** The figure files an experiment writes into its folder: figure-5.svg (copy) or figure-7.svg (recall), and figure-9.svg. */
export function experimentFigurePaths(task: 'copy' | 'recall', dir: string): string[] {
  return [join(dir, `figure-${task === 'copy' ? 5 : 7}.svg`), join(dir, 'figure-9.svg')];
}

/** The experiment folder that holds `dir` as one of its runs (DIR/runs/<id>), or null. */
export function experimentOfRunFolder(dir: string): string | null {
  const runs = dirname(dir);
  const exp = dirname(runs);
  return basename(runs) === 'runs' && existsSync(join(exp, 'config.json')) ? exp : null;
}

/** Refuses an experiment --out that is a train folder or a run inside another experiment. */
export function refuseForeignExperimentDir(option: string, dir: string): void {
  if (pathNature(join(dir, 'checkpoint.json')) !== 'missing') throw new InputError(`${option} ${dir} holds a train run (checkpoint.json); an experiment needs a folder of its own`);
  const parent = experimentOfRunFolder(dir);
  if (parent) throw new InputError(`${option} ${dir} is a run folder of the experiment ${parent}; an experiment needs a folder of its own`);
  if (basename(resolve(dir)) === 'runs' && existsSync(join(dir, '..', 'config.json'))) throw new InputError(`${option} ${dir} is the runs folder of the experiment ${dirname(resolve(dir))}; an experiment needs a folder of its own`);
  if (pathNature(join(dir, 'experiment.json')) === 'file' && pathNature(join(dir, 'config.json')) === 'missing') {
    throw new InputError(`${option} ${dir} holds an experiment.json without its config.json (a copied record?); use another folder`);
  }
}

/** Checks the record (or shard file) and figures an experiment writes into `dir` against the inputs. */
export function checkExperimentOutputs(dir: string, task: 'copy' | 'recall', opts: { shardFile?: string; inputs?: RunInput[] } = {}): void {
  const outputs: PlannedOutput[] = opts.shardFile
    ? [{ option: '--out', path: opts.shardFile, kind: 'experiment-shard', record: 'experiment' }]
    : [{ option: '--out', path: join(dir, 'experiment.json'), kind: 'experiment-record', record: 'experiment' }, ...experimentFigurePaths(task, dir).map((path) => ({ option: '--out', path, kind: 'svg' as const, figure: path.slice(path.lastIndexOf('/') + 1, -'.svg'.length), record: 'experiment' as const }))];
  guardOutputs(outputs, opts.inputs ?? []);
}
