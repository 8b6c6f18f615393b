/**
 * The bad-input corpus: outputs that would clobber an input, an earlier result or each other. Each
 * is refused before any work, and the file it would have replaced is checked unchanged (`unchanged`).
 */
import { join } from 'node:path';
import { bad, type BadInput, type Fixtures } from './types.ts';

export const overwriteInputs = (fx: Fixtures): BadInput[] => {
  const f = fx.f;
  const claim = ['--claim', 'eq-13.fmm', '--runs', '5'];
  return [
    bad('figure 5 --out the experiment record it draws', ['figure', '5', '--experiment', f('exp'), '--out', f('exp/experiment.json')], /--out .*exp\/experiment\.json is the experiment record .* an input of this run/, { unchanged: ['exp/experiment.json'] }),
    bad('figure 9 --out the experiment configuration', ['figure', '9', '--experiment', f('exp'), '--out', f('exp/config.json')], /is the experiment record .*config\.json.*an input of this run/, { unchanged: ['exp/config.json'] }),
    bad('figure 9 --out a run checkpoint of the experiment', ['figure', '9', '--experiment', f('exp'), '--out', f('exp/runs/matntm-seed1/checkpoint.json')], /would replace a file of the experiment record/, { unchanged: ['exp/runs/matntm-seed1/checkpoint.json'] }),
    bad('figure 6 --out a trained network', ['figure', '6', '--experiment', f('exp'), '--out', f('exp/runs/matntm-seed1/checkpoint.json')], /would replace a file of the experiment/, { unchanged: ['exp/runs/matntm-seed1/checkpoint.json'] }),
    bad('trace --out the record of the experiment it traces', ['trace', f('exp'), '--out', f('exp/experiment.json')], /is the experiment .*an input of this run/, { unchanged: ['exp/experiment.json'] }),
    bad('trace --out a trained network', ['trace', f('exp'), '--out', f('exp/runs/matntm-seed1/checkpoint.json')], /would replace a file of the experiment/, { unchanged: ['exp/runs/matntm-seed1/checkpoint.json'] }),
    bad('trace --out a finished run record', ['trace', f('exp'), '--out', f('exp/runs/matntm-seed1/run.json')], /would replace a file of the experiment/, { unchanged: ['exp/runs/matntm-seed1/run.json'] }),
    bad('trace a train folder --out its checkpoint', ['trace', f('run'), '--out', f('run/checkpoint.json')], /is the trained network's run .*an input of this run/, { unchanged: ['run/checkpoint.json'] }),
    bad('trace a checkpoint --out its curve.json', ['trace', f('run/checkpoint.json'), '--out', f('run/curve.json')], /is the trained network's run .*curve\.json/, { unchanged: ['run/curve.json'] }),
    bad('trace --out the record through a symbolic link', ['trace', f('exp'), '--out', f('exp-link/experiment.json')], /is the experiment .*an input of this run/, { unchanged: ['exp/experiment.json'] }),
    bad('figure 5 --out a hard link of the record', ['figure', '5', '--experiment', f('exp'), '--out', f('exp-record-hardlink.json')], /is the experiment record .*an input of this run/, { unchanged: ['exp-record-hardlink.json', 'exp/experiment.json'] }),
    bad('verify --junit onto report.json of --out', ['verify', ...claim, '--out', f('earlier'), '--junit', f('earlier/report.json')], /--junit .*earlier\/report\.json is the same file as --out's/, { unchanged: ['earlier/report.json'] }),
    bad('verify --junit and --write-baseline the same file', ['verify', ...claim, '--no-files', '--junit', f('same.xml'), '--write-baseline', f('same.xml')], /--write-baseline .*same\.xml is the same file as --junit's/),
    bad('verify --write-baseline over the --baseline it compares with', ['verify', '--baseline', f('baseline-runs.json'), '--runs', '7', '--no-files', '--write-baseline', f('baseline-runs.json')], /--write-baseline .*baseline-runs\.json is the --baseline .*an input of this run/, { unchanged: ['baseline-runs.json'] }),
    bad('verify --junit over the --baseline', ['verify', '--baseline', f('baseline-runs.json'), '--runs', '7', '--no-files', '--junit', f('baseline-runs.json')], /--junit .*is the --baseline/, { unchanged: ['baseline-runs.json'] }),
    bad('verify --write-baseline over a case file', ['verify', ...claim, '--no-files', '--write-baseline', f('ok.json')], /--write-baseline .*ok\.json already exists and is a file matmem did not write, not a matmem baseline/, { unchanged: ['ok.json'] }),
    bad('verify --write-baseline over an earlier report.json', ['verify', ...claim, '--no-files', '--write-baseline', f('earlier/report.json')], /already exists and is a "matmem-report\/1" file, not a matmem baseline/, { unchanged: ['earlier/report.json'] }),
    bad('verify --junit over the --experiment record', ['verify', '--experiment', f('exp'), '--claim', 'sec6.copy-memory-helps', '--no-files', '--junit', f('exp/experiment.json')], /--junit .*is an --experiment record .*an input of this run/, { unchanged: ['exp/experiment.json'] }),
    bad('verify --junit over an experiment record not given', ['verify', ...claim, '--no-files', '--junit', f('exp-rnn/experiment.json')], /--junit .*exp-rnn\/experiment\.json would replace a file of the experiment .*exp-rnn \(an earlier result\)/, { unchanged: ['exp-rnn/experiment.json'] }),
    bad('verify --junit over a --load unit file', ['verify', '--load', f('units-ok'), '--claim', 'mine.ok', '--no-files', '--junit', f('units-ok/mine.js')], /would replace a file of a --load folder/, { unchanged: ['units-ok/mine.js'] }),
    bad('verify --out whose report.json is a user file', ['verify', ...claim, '--out', f('foreign-eval'), '--junit', f('foreign-eval/report.json')], /--junit .*report\.json is the same file as --out's/),
    bad('verify --shard --out over a foreign shard file', ['verify', '--shard', '1/2', '--out', f('foreign-shard-out')], /verify-shard-1-of-2\.json already exists and is a file matmem did not write, not a matmem verify shard/, { unchanged: ['foreign-shard-out/verify-shard-1-of-2.json'] }),
    bad('train --out a folder holding a run, without --resume', ['train', 'copy', '--out', f('run'), '--iterations', '1', '--batch', '2', '--length', '2'], /--out .*run already holds a training run \(checkpoint\.json\): continue it with --resume, start it over with --force/, { unchanged: ['run/checkpoint.json', 'run/curve.json', 'run/curve.svg'] }),
    bad('train --out a run folder of an experiment', ['train', 'copy', '--out', f('exp/runs/matntm-seed1'), '--resume'], /is a run of the experiment .*exp; train would change the experiment's network/, { unchanged: ['exp/runs/matntm-seed1/checkpoint.json'] }),
    bad('train --out a run folder of an experiment with --force', ['train', 'copy', '--out', f('exp/runs/matntm-seed1'), '--force'], /is a run of the experiment/, { unchanged: ['exp/runs/matntm-seed1/checkpoint.json'] }),
    bad('train --out an experiment folder', ['train', 'copy', '--out', f('exp')], /--out .*exp holds an experiment; give train a folder of its own/, { unchanged: ['exp/experiment.json'] }),
    bad('train --resume and --force together', ['train', 'copy', '--out', f('run'), '--resume', '--force'], /give --resume .* or --force .*, not both/, { unchanged: ['run/checkpoint.json'] }),
    bad('experiment --out a train folder', ['experiment', 'copy', '--out', f('run')], /--out .*run holds a train run \(checkpoint\.json\); an experiment needs a folder of its own/, { unchanged: ['run/checkpoint.json'] }),
    bad('experiment --out a run folder of another experiment', ['experiment', 'copy', '--out', f('exp/runs/matntm-seed1')], /holds a train run|is a run folder of the experiment/, { unchanged: ['exp/runs/matntm-seed1/checkpoint.json'] }),
    bad('experiment --out a folder with a record but no config', ['experiment', 'copy', '--out', f('record-without-config')], /holds an experiment\.json without its config\.json/, { unchanged: ['record-without-config/experiment.json'] }),
    bad('eval --out a folder whose eval.json is a user file', ['eval', f('run'), '--out', f('foreign-eval'), '--lengths', '1..2'], /eval\.json already exists and is a file matmem did not write, not a matmem eval\.json/, { unchanged: ['foreign-eval/eval.json'] }),
    bad('figure 2 --out a case file', ['figure', '2', '--out', f('ok.json')], /--out .*ok\.json already exists and is a file matmem did not write, not an SVG figure/, { unchanged: ['ok.json'] }),
    bad('figure 3 --out an experiment record', ['figure', '3', '--out', f('exp-rnn/experiment.json')], /--out .*exp-rnn\/experiment\.json would replace a file of the experiment/, { unchanged: ['exp-rnn/experiment.json'] }),
    bad('figure 4 --out a checkpoint', ['figure', '4', '--out', f('run/checkpoint.json')], /--out .*run\/checkpoint\.json would replace a file of the train run .*run \(an earlier result\)/, { unchanged: ['run/checkpoint.json'] }),
    bad('merge --junit onto a merged report.json', ['merge', f('vshards-ok'), '--out', f('earlier'), '--junit', f('earlier/report.json')], /--junit .*is the same file as --out's/, { unchanged: ['earlier/report.json'] }),
    bad('merge --write-baseline over a shard it merges', ['merge', f('vshards-ok'), '--no-files', '--write-baseline', f('vshards-ok/verify-shard-2-of-2.json')], /is a shard being merged .*an input of this run/, { unchanged: ['vshards-ok/verify-shard-2-of-2.json'] }),
    bad('merge experiment shards --out another experiment', ['merge', f('exp-shards'), '--out', f('exp')], /--out .*exp holds another experiment \(its config\.json differs from the shards'\)/, { unchanged: ['exp/experiment.json', 'exp/config.json'] }),
    bad('merge experiment shards --out a train folder', ['merge', f('exp-shards'), '--out', f('run')], /holds a train run/, { unchanged: ['run/checkpoint.json'] }),
    bad('a second verify on an --out being written', ['verify', ...claim, '--out', f('locked-out')], /locked-out is being written by another matmem run \(pid \d+, since 2026-01-01T00:00:00\.000Z/),
    bad('a second train on an --out being written', ['train', 'copy', '--iterations', '1', '--batch', '2', '--length', '2', '--threads', '1', '--no-progress', '--out', f('locked-run')], /locked-run is being written by another matmem run/),
    bad('a second figure on an --out being written', ['figure', '2', '--k', '2', '--out', f('locked.svg')], /locked\.svg is being written by another matmem run/),
    bad('figure 5 --out the experiment figure 9', ['figure', '5', '--experiment', f('exp'), '--out', f('exp/figure-9.svg')], /--out .*figure-9\.svg already exists and is matmem's figure-9, not figure-5: matmem replaces only the same figure drawn again/, { unchanged: ['exp/figure-9.svg'] }),
    bad('trace --out the learning-curve figure', ['trace', f('exp'), '--out', f('exp/figure-5.svg')], /already exists and is matmem's figure-5, not figure-6/, { unchanged: ['exp/figure-5.svg'] }),
    bad("figure 2 --out a train run's curve.svg", ['figure', '2', '--out', f('run/curve.svg')], /--out .*run\/curve\.svg would replace a file of the train run/, { unchanged: ['run/curve.svg'] }),
    bad('figure 3 --out an SVG of the user', ['figure', '3', '--out', f('mine.svg')], /--out .*mine\.svg already exists and is an SVG matmem did not draw/, { unchanged: ['mine.svg'] }),
    bad('train --out the runs folder of an experiment', ['train', 'copy', '--out', f('exp/runs')], /--out .*exp\/runs is the runs folder of the experiment/),
    bad('experiment --out the runs folder of an experiment', ['experiment', 'copy', '--out', f('exp/runs')], /--out .*exp\/runs is the runs folder of the experiment/),
    bad('verify --out an empty path', ['verify', '--out', ''], /--out: the path is empty \(an unset variable\?\)/),
    bad('verify --junit an empty path', ['verify', '--no-files', '--junit', ''], /--junit: the path is empty/),
    bad('figure 2 --out a blank path', ['figure', '2', '--out', ' '], /--out: the path is empty/),
    bad('verify --out under a file', ['verify', '--out', join(f('ok.json'), 'sub')], /is a file, not a folder/, { unchanged: ['ok.json'] }),
  ];
};
