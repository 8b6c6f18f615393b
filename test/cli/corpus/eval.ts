/** The bad-input corpus: eval. */
import { bad, type BadInput, type Fixtures } from './types.ts';

export const evalInputs = (fx: Fixtures): BadInput[] => [
  bad('a missing path', ['eval', fx.f('nothing')], /no such file or folder/),
  bad('an empty folder', ['eval', fx.f('emptydir')], /neither an experiment folder/),
  bad('a file that is not a checkpoint', ['eval', fx.f('afile')], /give an experiment folder, a train --out folder or its checkpoint\.json/),
  bad('--lengths 5..1', ['eval', fx.f('exp'), '--lengths', '5..1'], /the range 5\.\.1 is empty/),
  bad('--lengths abc', ['eval', fx.f('exp'), '--lengths', 'abc'], /--lengths must be integers or ranges/),
  bad('--lengths 0..3', ['eval', fx.f('exp'), '--lengths', '0..3'], /--lengths: 0 is outside/),
  bad('--item-length for copy', ['eval', fx.f('exp'), '--item-length', '1..3'], /--item-length is a recall option/),
  bad('--batches 0', ['eval', fx.f('exp'), '--batches', '0'], /--batches must be ≥ 1/),
  bad('--model lstm', ['eval', fx.f('exp'), '--model', 'lstm'], /--model must be matntm or matrnn/),
  bad('--model with no such runs', ['eval', fx.f('exp-rnn'), '--model', 'matntm'], /no matntm network to evaluate/),
  bad('--out under /proc', ['eval', fx.f('exp'), '--out', '/proc/x'], /kernel file system/),
  bad('--eval-seed -1', ['eval', fx.f('exp'), '--eval-seed', '-1'], /--eval-seed must be ≥ 0/),
];
