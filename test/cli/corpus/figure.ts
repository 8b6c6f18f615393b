/** The bad-input corpus: figure. */
import { join } from 'node:path';
import { bad, type BadInput, type Fixtures } from './types.ts';

export const figureInputs = (fx: Fixtures): BadInput[] => [
  bad('figure 1', ['figure', '1'], /figure must be 2, 3, 4, 5, 6, 7, 8 or 9/),
  bad('figure abc', ['figure', 'abc'], /figure must be/),
  bad('figure 11', ['figure', '11'], /figure must be/),
  bad('no figure number', ['figure'], /missing required argument/),
  bad('figure 2 --k 0', ['figure', '2', '--k', '0'], /--k must be ≥ 1/),
  bad('figure 2 --seed -1', ['figure', '2', '--seed', '-1'], /--seed must be ≥ 0/),
  bad('figure 2 --out onto a folder', ['figure', '2', '--out', fx.f('adir')], /a folder is in the way/),
  bad('figure 2 --out under /proc', ['figure', '2', '--out', '/proc/x.svg'], /kernel file system/),
  bad('figure 3 --depth -1', ['figure', '3', '--depth', '-1'], /--depth must be ≥ 0/),
  bad('figure 4 --horizon 0', ['figure', '4', '--horizon', '0'], /--horizon must be ≥ 1/),
  bad('figure 3 --out under a file', ['figure', '3', '--out', join(fx.f('afile'), 'x.svg')], /is a file, not a folder/),
  bad('figure 5 without an experiment', ['figure', '5'], /give --experiment DIR/),
  bad('figure 7 from a copy experiment', ['figure', '7', '--experiment', fx.f('exp')], /figure 7 needs a recall experiment/),
  bad('figure 5 from a missing experiment', ['figure', '5', '--experiment', fx.f('nothing')], /no experiment record/),
  bad('figure 9 --out under /proc', ['figure', '9', '--experiment', fx.f('exp'), '--out', '/proc/x.svg'], /kernel file system/),
];
