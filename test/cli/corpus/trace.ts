/** The bad-input corpus: trace. */
import { bad, type BadInput, type Fixtures } from './types.ts';

export const traceInputs = (fx: Fixtures): BadInput[] => [
  bad('a missing path', ['trace', fx.f('nothing')], /no such file or folder/),
  bad('the wrong task', ['trace', fx.f('exp'), '--task', 'recall'], /holds copy networks, not recall/),
  bad('an unknown task', ['trace', fx.f('exp'), '--task', 'sort'], /task must be copy or recall/),
  bad('an unknown run', ['trace', fx.f('exp'), '--run', 'matntm-seed9'], /--run matntm-seed9: no such MatNTM run/),
  bad('a Matrix RNN only', ['trace', fx.f('exp-rnn')], /no MatNTM network/),
  bad('--length 0', ['trace', fx.f('exp'), '--length', '0'], /--length must be ≥ 1/),
  bad('--sequence past the batch', ['trace', fx.f('exp'), '--sequence', '99'], /--sequence must be below the batch size 2/),
  bad('--batches 0', ['trace', fx.f('exp'), '--batches', '0'], /--batches must be ≥ 1/),
  bad('--out under /proc', ['trace', fx.f('exp'), '--out', '/proc/x.svg'], /kernel file system/),
  bad('--out onto a folder', ['trace', fx.f('exp'), '--out', fx.f('adir')], /a folder is in the way/),
];
