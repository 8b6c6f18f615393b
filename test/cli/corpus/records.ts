/**
 * The bad-input corpus: files matmem reads back, each with one defect (fixtures-records.ts), checked
 * against their schema (schemas/) and for consistent values before use: checkpoints (by eval, trace
 * and train --resume), verify and experiment shards (by merge), baselines, experiment folders.
 */
import { bad, type BadInput, type Fixtures } from './types.ts';

const CHECKPOINT_MESSAGES: [string, RegExp][] = [
  ['no-curve', /checkpoint\.json: the field "curve" is missing/],
  ['no-spec', /checkpoint\.json: the field "spec" is missing/],
  ['short-theta', /checkpoint\.json: theta holds 75 numbers, not the \d+ float32 numbers its model layout needs/],
  ['nan-theta', /checkpoint\.json: theta\[2\] is not a finite number/],
  ['inf-optimizer', /checkpoint\.json: optimizer\.v\[2\] is not a finite number/],
  ['iteration-abc', /checkpoint\.json: iteration must be an integer \(got "abc"\)/],
  ['iteration-negative', /checkpoint\.json: iteration must be >= 0/],
  ['rng-three-words', /checkpoint\.json: rng must NOT have fewer than 4 items/],
  ['rng-zero', /checkpoint\.json: rng is all zero/],
  ['step-mismatch', /checkpoint\.json: optimizer\.step is \d+, the iteration \d+/],
  ['task-sort', /checkpoint\.json: spec\.task must be one of "copy", "recall" \(got "sort"\)/],
  ['hidden-zero', /checkpoint\.json: spec\.config\.hidden\[0\] must be >= 1/],
  ['base64-garbage', /checkpoint\.json: theta is not base64 text/],
  ['other-format', /checkpoint\.json is not a matmem training checkpoint/],
  ['lengths-empty', /checkpoint\.json: spec: the training lengths 5\.\.2 are empty/],
  ['curve-short', /checkpoint\.json: curve\.loss holds \d+ numbers, not the \d+ float64 numbers its iteration count needs/],
  ['heldout-future', /checkpoint\.json: heldOut\[0\] is at iteration 99, after the checkpoint's \d+/],
  ['rollback-forward', /checkpoint\.json: rollbacks\[0\] goes from iteration 1 back to 3/],
  ['model-mismatch', /checkpoint\.json: spec\.config\.model is matntm, spec\.model matrnn/],
  ['lr-zero', /checkpoint\.json: spec\.optimizer\.lr must be > 0/],
  ['negative-curve', /checkpoint\.json: curve\.loss\[0\] is -1, outside \[0, Infinity\]/],
  ['bits-beyond-output', /checkpoint\.json: curve\.bitErrorPerMatrix\[0\] is 26, outside \[0, 25\]/],
  ['not-json', /checkpoint\.json: not valid JSON .*\(the text ends before the JSON does/],
  ['empty', /checkpoint\.json: not valid JSON \(the file is empty\)/],
  ['comments', /checkpoint\.json: not valid JSON at line 1, column 1: unexpected "\/" \(JSON has no comments\)/],
  ['array', /checkpoint\.json is not a matmem training checkpoint/],
  ['infinite-iteration', /checkpoint\.json: iteration must be an integer \(got Infinity\)|iteration must be <= /],
  ['utf16', /checkpoint\.json: the file is UTF-16 text; matmem reads UTF-8/],
];

const VERIFY_SHARD_MESSAGES: [string, RegExp][] = [
  ['count-one', /verify-shard-1-of-2\.json: it lists 2 units, but shard 1 of 1 of 4 units has 4/],
  ['empty-claim', /verify-shard-1-of-2\.json: claims\[0\]: the field "id" is missing/],
  ['verdict-maybe', /claims\[0\]\.result\.verdict must be one of "holds", "fails", "inconclusive" \(got "maybe"\)/],
  ['no-tool', /verify-shard-1-of-2\.json: the field "tool" is missing/],
  ['no-model-checks', /verify-shard-1-of-2\.json: the field "modelChecks" is missing/],
  ['no-unit-keys', /verify-shard-1-of-2\.json: the field "unitKeys" is missing/],
  ['index-beyond', /verify-shard-1-of-2\.json: shard 3 of 2 does not exist/],
  ['unit-twice', /verify-shard-1-of-2\.json: a unit is listed twice/],
  ['result-not-a-unit', /it holds a result for eq-13\.fmm\/experiment|the result of eq-13\.fmm\/experiment is for model paper/],
  ['result-of-other-model', /the result of eq-13\.fmm\/paper is for model exact/],
  ['edited-key', /merge: the shards' units are not the run's 4 units/],
  ['negative-seconds', /generated\.seconds must be >= 0/],
  ['seed-string', /config\.seed must be an integer \(got "1"\)/],
  ['other-format', /verify-shard-1-of-2\.json is not a verify shard \(format matmem-verify-shard\/1\)/],
  ['cases-negative', /claims\[0\]\.result\.cases must be >= 0/],
];

const EXPERIMENT_SHARD_MESSAGES: [string, RegExp][] = [
  ['no-grid', /experiment-shard-1-of-2\.json: the field "grid" is missing/],
  ['grid-edited', /experiment-shard-1-of-2\.json: grid lists matntm-seed1, matntm-seed9, the configuration's grid is matntm-seed1, matntm-seed2/],
  ['empty-run', /experiment-shard-1-of-2\.json: runs\[0\]: the field "id" is missing/],
  ['task-sort', /config\.task must be one of "copy", "recall" \(got "sort"\)/],
  ['index-beyond', /experiment-shard-1-of-2\.json: shard 5 of 2 does not exist/],
  ['metric-nan', /runs\[0\]\.final\.mean\.bitErrorPerMatrix must be a finite number \(got "NaN"\)/],
  ['run-of-other-shard', /experiment-shard-1-of-2\.json should hold runs matntm-seed1 and holds matntm-seed2|should hold runs/],
  ['too-many-wrong-bits', /the merged experiment record is not consistent: run matntm-seed1: final\.mean\.bitErrorPerMatrix is 26, more than the 25 bits/],
];

const BASELINE_MESSAGES: [string, RegExp][] = [
  ['no-tool', /baseline-no-tool\.json: the field "tool" is missing/],
  ['seed-string', /config\.seed must be an integer \(got "1"\)/],
  ['runs-zero', /config\.runs must be >= 1/],
  ['evidence-object', /evidence\.eq-13\.fmm\/paper\.cases must be of type number,string/],
  ['no-tolerance', /the field "tolerance" is missing/],
  ['digest-bad', /config\.experiments\[0\]\.digest is not in the expected form \(got "xyz"\)/],
  ['verdicts-array', /verdicts must be of type object/],
  ['old-seed-negative', /seed must be >= 0/],
  ['no-verdicts', /the field "verdicts" is missing/],
  ['comments', /not valid JSON at line 1, column 1: unexpected "\/" \(JSON has no comments\)/],
  ['utf16', /the file is UTF-16 text; matmem reads UTF-8/],
  ['trailing-comma', /not valid JSON at line 1, column \d+: expected double-quoted property name \(a trailing comma\)/],
];

export const recordInputs = (fx: Fixtures): BadInput[] => [
  ...CHECKPOINT_MESSAGES.map(([name, message]) => bad(`eval a checkpoint: ${name}`, ['eval', fx.f(`ck-${name}`)], message, { unchanged: [`ck-${name}/checkpoint.json`] })),
  ...(['nan-theta', 'short-theta', 'no-spec', 'model-mismatch', 'comments'] as const).map((name) =>
    bad(`trace a checkpoint: ${name}`, ['trace', fx.f(`ck-${name}/checkpoint.json`)], CHECKPOINT_MESSAGES.find(([n]) => n === name)![1], { unchanged: [`ck-${name}/checkpoint.json`] }),
  ),
  ...(['iteration-abc', 'no-curve', 'nan-theta', 'curve-short', 'base64-garbage'] as const).map((name) =>
    bad(`train --resume from a checkpoint: ${name}`, ['train', 'copy', '--resume', '--out', fx.f(`ck-${name}`), '--batch', '2', '--length', '2'], CHECKPOINT_MESSAGES.find(([n]) => n === name)![1], { unchanged: [`ck-${name}/checkpoint.json`] }),
  ),
  ...VERIFY_SHARD_MESSAGES.map(([name, message]) => bad(`merge verify shards: ${name}`, ['merge', fx.f(`vshards-${name}`), '--out', fx.f(`vshards-${name}/merged`)], message, { unchanged: [`vshards-${name}/verify-shard-1-of-2.json`] })),
  bad('merge a verify shard that is not JSON', ['merge', fx.f('vshards-not-json')], /verify-shard-1-of-1\.json: not valid JSON/),
  ...EXPERIMENT_SHARD_MESSAGES.map(([name, message]) => bad(`merge experiment shards: ${name}`, ['merge', fx.f(`eshards-${name}`)], message, { unchanged: [`eshards-${name}/experiment-shard-1-of-2.json`] })),
  ...BASELINE_MESSAGES.map(([name, message]) => bad(`verify --baseline: ${name}`, ['verify', '--baseline', fx.f(`baseline-${name}.json`)], message)),
  bad('experiment resumed in a folder whose config.json is not JSON', ['experiment', 'copy', '--seeds', '1', '--iterations', '2', '--batch', '2', '--eval-batches', '1', '--eval-lengths', '1..2', '--out', fx.f('exp-config-not-json')], /config\.json: not valid JSON/, { unchanged: ['exp-config-not-json/config.json'] }),
  bad('experiment resumed in a folder whose config.json has task sort', ['experiment', 'copy', '--seeds', '1', '--out', fx.f('exp-config-task')], /config\.json \(remove it or use another --out\): task must be one of "copy", "recall" \(got "sort"\)/),
  bad('experiment resumed with a damaged run.json', ['experiment', 'copy', '--seeds', '1', '--iterations', '2', '--batch', '2', '--eval-batches', '1', '--eval-lengths', '1..2', '--threads', '1', '--out', fx.f('exp-run-garbage')], /run\.json \(remove the run's folder to train it again\): final must be of type object/, { unchanged: ['exp-run-garbage/runs/matntm-seed1/run.json'] }),
  bad('experiment resumed with a damaged checkpoint', ['experiment', 'copy', '--seeds', '1', '--iterations', '2', '--batch', '2', '--eval-batches', '1', '--eval-lengths', '1..2', '--threads', '1', '--out', fx.f('exp-checkpoint-short')], /checkpoint\.json: theta holds \d+ (numbers|bytes), not the \d+ float32 numbers/, { unchanged: ['exp-checkpoint-short/runs/matntm-seed1/checkpoint.json'] }),
  bad('eval an experiment whose config.json is damaged', ['eval', fx.f('exp-config-task')], /config\.json \(remove it or use another --out\): task must be one of/),
  bad('figure 5 from a record with a comment', ['figure', '5', '--experiment', fx.f('exp-record-comments')], /experiment\.json: not valid JSON at line 1, column 1: unexpected "\/" \(JSON has no comments\)/),
  bad('verify --experiment with a loss of 1e999', ['verify', '--experiment', fx.f('exp-record-infinite'), '--claim', 'sec6.copy-memory-helps', '--no-files'], /loss must be a finite number \(got Infinity\)/),
];
