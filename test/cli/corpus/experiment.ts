/** The bad-input corpus: experiment. */
import { bad, type BadInput, type Fixtures } from './types.ts';

export const experimentInputs = (fx: Fixtures): BadInput[] => [
  bad('an unknown task', ['experiment', 'sort', '--out', fx.f('e1')], /task must be copy or recall/),
  bad('no --out', ['experiment', 'copy'], /required option '--out <dir>' not specified/),
  bad('--models lstm', ['experiment', 'copy', '--models', 'lstm', '--out', fx.f('e2')], /--models must be matntm or matrnn/),
  bad('--models empty', ['experiment', 'copy', '--models', '', '--out', fx.f('e3')], /give at least one of matntm, matrnn/),
  bad('--models twice', ['experiment', 'copy', '--models', 'matntm,matntm', '--out', fx.f('e4')], /a model is listed twice/),
  bad('--seeds 5..1', ['experiment', 'copy', '--seeds', '5..1', '--out', fx.f('e5')], /the range 5\.\.1 is empty/),
  bad('--seeds abc', ['experiment', 'copy', '--seeds', 'abc', '--out', fx.f('e6')], /--seeds must be integers or ranges/),
  bad('--seeds 1,1', ['experiment', 'copy', '--seeds', '1,1', '--out', fx.f('e7')], /a seed is listed twice/),
  bad('--seeds -1', ['experiment', 'copy', '--seeds', '-1', '--out', fx.f('e8')], /--seeds must be integers/),
  bad('--preset fast', ['experiment', 'copy', '--preset', 'fast', '--out', fx.f('e9')], /--preset must be one of quick, paper-sizes, paper, got "fast"/),
  bad('--iterations -1', ['experiment', 'copy', '--iterations', '-1', '--out', fx.f('e10')], /--iterations must be ≥ 0/),
  bad('--batch 0', ['experiment', 'copy', '--batch', '0', '--out', fx.f('e11')], /--batch must be ≥ 1/),
  bad('--train-lengths 0..3', ['experiment', 'copy', '--train-lengths', '0..3', '--out', fx.f('e12')], /--train-lengths: 0 is outside 1\.\.1000/),
  bad('--train-lengths past the memory', ['experiment', 'copy', '--train-lengths', '1..50', '--out', fx.f('e13')], /more than the 20 memory slots/),
  bad('recall --train-lengths 1..3', ['experiment', 'recall', '--train-lengths', '1..3', '--out', fx.f('e14')], /--train-lengths: 1 is outside 2\.\.1000/),
  bad('--item-length for copy', ['experiment', 'copy', '--item-length', '3', '--out', fx.f('e15')], /--item-length is a recall option/),
  bad('--eval-every 0', ['experiment', 'copy', '--eval-every', '0', '--out', fx.f('e16')], /--eval-every must be ≥ 1/),
  bad('--eval-batches 0', ['experiment', 'copy', '--eval-batches', '0', '--out', fx.f('e17')], /--eval-batches must be ≥ 1/),
  bad('--eval-item-lengths for copy', ['experiment', 'copy', '--eval-item-lengths', '1..3', '--out', fx.f('e18')], /--eval-item-lengths is a recall option/),
  bad('--backend cuda', ['experiment', 'copy', '--backend', 'cuda', '--out', fx.f('e19')], /--backend must be one of/),
  bad('--threads 0', ['experiment', 'copy', '--threads', '0', '--out', fx.f('e20')], /--threads must be ≥ 1/),
  bad('--out onto a file', ['experiment', 'copy', '--out', fx.f('afile')], /a file is in the way/),
  bad('--out under /proc', ['experiment', 'copy', '--out', '/proc/x'], /kernel file system/),
  bad('another experiment in --out', ['experiment', 'copy', '--iterations', '3', '--seeds', '1', '--batch', '2', '--eval-batches', '1', '--eval-lengths', '1..2', '--threads', '1', '--out', fx.f('exp')], /holds an experiment with other settings \(iterations/),
];
