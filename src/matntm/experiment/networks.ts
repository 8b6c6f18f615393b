/**
 * Trained networks from disk: every run of an experiment folder, a `train --out` folder, or a
 * checkpoint file. Each comes with its training spec (task, lengths, item length, seed).
 */
import { existsSync, readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { InputError } from '../../errors.ts';
import { pathNature } from '../../io/read-input.ts';
import type { TrainSpec } from '../spec.ts';
import { CHECKPOINT_FILE, readCheckpoint } from '../train.ts';
import { CONFIG_FILE } from './run.ts';

export interface TrainedNetwork {
  /** "matntm-seed3" for an experiment run, the folder name for a train folder. */
  id: string;
  dir: string;
  spec: TrainSpec;
  iteration: number;
  theta: Float32Array;
}

/** The networks at `path`: an experiment folder (every run with a checkpoint), a train folder, or a checkpoint.json. */
export function loadNetworks(path: string): TrainedNetwork[] {
  const nature = pathNature(path);
  if (nature === 'missing') throw new InputError(`${path}: no such file or folder`);
  if (nature === 'loop') throw new InputError(`${path}: a loop of symbolic links`);
  if (nature === 'denied') throw new InputError(`${path}: permission denied`);
  if (nature === 'special') throw new InputError(`${path}: not a regular file or folder (give an experiment folder, a train --out folder or its ${CHECKPOINT_FILE})`);
  if (nature === 'file') {
    if (basename(path) !== CHECKPOINT_FILE) throw new InputError(`${path}: give an experiment folder, a train --out folder or its ${CHECKPOINT_FILE}`);
    return [fromDir(dirname(path))];
  }
  if (existsSync(join(path, CHECKPOINT_FILE))) return [fromDir(path)];
  const runs = join(path, 'runs');
  if (existsSync(join(path, CONFIG_FILE)) && existsSync(runs)) {
    const ids = readdirSync(runs).filter((d) => existsSync(join(runs, d, CHECKPOINT_FILE))).sort();
    if (ids.length === 0) throw new InputError(`${path}: the experiment has no checkpointed run yet`);
    return ids.map((id) => ({ ...fromDir(join(runs, id)), id }));
  }
  throw new InputError(`${path}: neither an experiment folder (config.json and runs/) nor a train folder (${CHECKPOINT_FILE})`);
}

function fromDir(dir: string): TrainedNetwork {
  const { spec, state } = readCheckpoint(dir);
  return { id: basename(dir), dir, spec, iteration: state.iteration, theta: state.theta };
}
