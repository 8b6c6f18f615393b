/** The bad-input corpus: options that a command would silently ignore, or lists read other than as written, are refused. */
import { bad, type BadInput, type Fixtures } from './types.ts';

export const optionInputs = (fx: Fixtures): BadInput[] => [
  bad('verify --shard with --no-files', ['verify', '--shard', '1/2', '--no-files', '--out', fx.f('o1')], /--no-files: a shard's result is its file/),
  bad('figure 2 --depth', ['figure', '2', '--depth', '3'], /figure 2 has no --depth \(its options: --seed, --k, --out, --json\)/),
  bad('figure 2 --horizon', ['figure', '2', '--horizon', '5'], /figure 2 has no --horizon/),
  bad('figure 2 --experiment', ['figure', '2', '--experiment', fx.f('exp')], /figure 2 has no --experiment/),
  bad('figure 3 --experiment', ['figure', '3', '--experiment', fx.f('exp')], /figure 3 has no --experiment/),
  bad('figure 5 --seed', ['figure', '5', '--experiment', fx.f('exp'), '--seed', '2'], /figure 5 has no --seed \(its options: --experiment, --out, --json\)/),
  bad('figure 9 --k', ['figure', '9', '--experiment', fx.f('exp'), '--k', '3'], /figure 9 has no --k/),
  bad('figure 6 --depth', ['figure', '6', '--experiment', fx.f('exp'), '--depth', '2'], /figure 6 has no --depth/),
  bad('--train-lengths 3,5 (not one range)', ['experiment', 'copy', '--train-lengths', '3,5', '--out', fx.f('o2')], /--train-lengths is one range A\.\.B .*"3,5" is not one/),
  bad('--train-lengths 2,2', ['experiment', 'copy', '--train-lengths', '2,2', '--out', fx.f('o3')], /--train-lengths is one range/),
  bad('--train-lengths 1..3,7', ['experiment', 'copy', '--train-lengths', '1..3,7', '--out', fx.f('o4')], /--train-lengths is one range/),
  bad('train --force without --out', ['train', 'copy', '--force'], /--force replaces the run in --out DIR: give --out/),
  bad('eval --lengths 5,x', ['eval', fx.f('exp'), '--lengths', '5,x'], /--lengths must be integers or ranges/),
  bad('merge --baseline for experiment shards', ['merge', fx.f('exp-shards'), '--baseline', fx.f('baseline-runs.json')], /--baseline is for verify shards/),
  bad('verify --list with --write-baseline', ['verify', '--list', '--write-baseline', fx.f('listed.json')], /--list only lists the claim ids; it does not run, so --write-baseline would be ignored/),
  bad('verify --list with --claim and --junit', ['verify', '--list', '--claim', 'eq-13.fmm', '--junit', fx.f('listed.xml')], /so --junit, --claim would be ignored/),
  bad('verify --list with --shard', ['verify', '--list', '--shard', '1/2'], /--list belongs to the merged run/),
];
