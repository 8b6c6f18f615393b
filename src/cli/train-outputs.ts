/**
 * What `train --out DIR` may write over: a folder of its own (not an experiment, not a run inside
 * one), and a run already there only when told (--resume continues it, --force starts it over).
 */
import { basename, dirname, join, resolve } from 'node:path';
import { InputError } from '../errors.ts';
import { guardOutputs } from '../io/output-guard.ts';
import { refuseIfLocked } from '../io/output-lock.ts';
import { pathNature } from '../io/read-input.ts';
import { experimentOfRunFolder } from './experiment-outputs.ts';

/** The most training iterations a run may ask for (train and experiment). */
export const MAX_ITERATIONS = 10_000_000;

export function checkTrainOutputs(dir: string, o: { resume: boolean; force: boolean }): void {
  refuseIfLocked([dir]); // a run writing there now is the first thing to say
  const experiment = experimentOfRunFolder(dir);
  if (experiment) throw new InputError(`--out ${dir} is a run of the experiment ${experiment}; train would change the experiment's network behind its record (continue it with matmem experiment … --out ${experiment})`);
  if (pathNature(join(dir, 'config.json')) !== 'missing' && pathNature(join(dir, 'runs')) === 'folder') throw new InputError(`--out ${dir} holds an experiment; give train a folder of its own`);
  if (basename(resolve(dir)) === 'runs' && pathNature(join(dir, '..', 'config.json')) !== 'missing') throw new InputError(`--out ${dir} is the runs folder of the experiment ${dirname(resolve(dir))}; give train a folder of its own`);
  const checkpoint = join(dir, 'checkpoint.json');
  if (!o.resume && !o.force && pathNature(checkpoint) !== 'missing') {
    throw new InputError(`--out ${dir} already holds a training run (checkpoint.json): continue it with --resume, start it over with --force (its checkpoint is replaced), or choose another --out`);
  }
  // the checkpoint is new here, or the run's own (--resume reads and checks it; --force replaces it on purpose)
  guardOutputs(
    [
      { option: '--out', path: join(dir, 'curve.json'), kind: 'train-curve', record: 'train' },
      { option: '--out', path: join(dir, 'curve.svg'), kind: 'svg', figure: 'curve', record: 'train' },
    ],
    [],
  );
}
