/**
 * The bad-input corpus: numbers. Only decimal notation is read (no 0x10, 0b1, 0o7, 1_000), every
 * count has a cap stated in --help (no 1e300 iterations), and --path is checked against --runs and
 * its claim before it is replayed.
 */
import { bad, type BadInput, type Fixtures } from './types.ts';

export const numberInputs = (fx: Fixtures): BadInput[] => {
  const C = fx.f('ok.json');
  return [
    bad('verify --runs 0x10', ['verify', '--runs', '0x10'], /--runs must be a finite number written in decimal, got "0x10"/),
    bad('verify --runs 1e300', ['verify', '--runs', '1e300'], /--runs must be ≤ 1000000, got 1e300/),
    bad('verify --seed 0b1', ['verify', '--seed', '0b1'], /--seed must be a finite number written in decimal, got "0b1"/),
    bad('verify --runs 1_000', ['verify', '--runs', '1_000'], /--runs must be a finite number, got "1_000"/),
    bad('verify --runs empty', ['verify', '--runs', ''], /--runs must be a finite number, got ""/),
    bad('fmc --k 0o7', ['fmc', '--case', C, '--k', '0o7'], /--k must be a finite number written in decimal, got "0o7"/),
    bad('fmc --e1 0x1p3', ['fmc', '--case', C, '--e1', '0x1p3'], /--e1 must be a finite number written in decimal/),
    bad('simulate --samples 1_000', ['simulate', '--case', C, '--samples', '1_000'], /--samples must be a finite number, got "1_000"/),
    bad('simulate --steps 1e99', ['simulate', '--case', C, '--steps', '1e99'], /--steps must be ≤ 100000/),
    bad('train --iterations 1e300', ['train', 'copy', '--iterations', '1e300'], /--iterations must be ≤ 10000000, got 1e300/),
    bad('train --iterations 0x10', ['train', 'copy', '--iterations', '0x10'], /--iterations must be a finite number written in decimal/),
    bad('train --checkpoint-every 1e99', ['train', 'copy', '--checkpoint-every', '1e99'], /--checkpoint-every must be ≤ 10000000/),
    bad('train --seed 1e10', ['train', 'copy', '--seed', '1e10'], /--seed must be ≤ 4294967295/),
    bad('experiment --iterations 1e300', ['experiment', 'copy', '--iterations', '1e300', '--out', fx.f('n1')], /--iterations must be ≤ 10000000/),
    bad('experiment --eval-every 1e99', ['experiment', 'copy', '--eval-every', '1e99', '--out', fx.f('n2')], /--eval-every must be ≤ 10000000/),
    bad('experiment --slots 1e9', ['experiment', 'copy', '--slots', '1e9', '--out', fx.f('n3')], /--slots must be ≤ 4096/),
    bad('experiment --lr 0x1', ['experiment', 'copy', '--lr', '0x1', '--out', fx.f('n4')], /--lr must be a finite number written in decimal/),
    bad('experiment --threads 0x2', ['experiment', 'copy', '--threads', '0x2', '--out', fx.f('n5')], /--threads must be a finite number written in decimal/),
    bad('experiment --seeds 0x1', ['experiment', 'copy', '--seeds', '0x1', '--out', fx.f('n6')], /--seeds must be integers or ranges/),
    bad('experiment --seeds 99999999999999999999', ['experiment', 'copy', '--seeds', '99999999999999999999', '--out', fx.f('n7')], /--seeds: 100000000000000000000 is outside 0\.\.4294967295/),
    bad('trace --sequence 1e9', ['trace', fx.f('exp'), '--sequence', '1e9'], /--sequence must be ≤ 65535/),
    bad('trace --batches 0x2', ['trace', fx.f('exp'), '--batches', '0x2'], /--batches must be a finite number written in decimal/),
    bad('eval --batches 1e5', ['eval', fx.f('exp'), '--batches', '1e5'], /--batches must be ≤ 10000/),
    bad('eval --lengths 1e3', ['eval', fx.f('exp'), '--lengths', '1e3'], /--lengths must be integers or ranges/),
    bad('figure 2 --k 0x10', ['figure', '2', '--k', '0x10'], /--k must be a finite number written in decimal/),
    bad('figure 3 --horizon 1e99', ['figure', '3', '--horizon', '1e99'], /--horizon must be ≤ 100000/),
    bad('figure 4 --depth 0x1', ['figure', '4', '--depth', '0x1'], /--depth must be a finite number written in decimal/),
    bad('fmc --alpha 0x1', ['fmc', '--case', C, '--memory-slots', '1', '--alpha', '0x1'], /--alpha \(weight 1\) must be a finite number written in decimal/),
    bad('fmc --truncation 1e99', ['fmc', '--case', C, '--memory-slots', '1', '--truncation', '1e99'], /--truncation \(depth M\) must be ≤ 10000/),
    bad('verify --path beyond --runs', ['verify', '--claim', 'corollary-2.1', '--runs', '10', '--path', '5000'], /--path 5000: the run 5000 is not below --runs 10/),
    bad('verify --path 99999999999999999999999', ['verify', '--claim', 'corollary-2.1', '--path', '99999999999999999999999'], /the run 99999999999999999999 is not below 1000000, the most runs a property has/),
    bad('verify --path with a huge shrink step', ['verify', '--claim', 'corollary-2.1', '--path', '0:99999999'], /the shrink step 99999999 is above 10000/),
    bad('verify --path of 2000 steps', ['verify', '--claim', 'corollary-2.1', '--path', Array(2000).fill('0').join(':')], /--path has 2000 steps/),
    bad('verify --path on a claim without property cases', ['verify', '--claim', 'eq-13.fmm', '--path', '0', '--no-files'], /--path replays a case of a property check \(fast-check\); claim eq-13\.fmm has none/),
    bad('experiment --seeds 1..2000', ['experiment', 'copy', '--seeds', '1..2000', '--out', fx.f('n8')], /--seeds lists 2000 seeds; one experiment takes at most 1000/),
    bad('verify --check-timeout 0', ['verify', '--check-timeout', '0'], /--check-timeout must be ≥ 1, got 0/),
    bad('verify --check-timeout 0x10', ['verify', '--check-timeout', '0x10'], /--check-timeout must be a finite number written in decimal/),
    bad('verify --load-timeout 0', ['verify', '--load-timeout', '0'], /--load-timeout must be ≥ 1, got 0/),
    bad('verify --load-timeout 1e9', ['verify', '--load-timeout', '1e9'], /--load-timeout must be ≤ 3600/),
    bad('verify --shard slurm with a hexadecimal task id', ['verify', '--shard', 'slurm'], /SLURM_ARRAY_TASK_ID must be a non-negative integer/, { env: { SLURM_ARRAY_TASK_ID: '0x1', SLURM_ARRAY_TASK_MIN: '0', SLURM_ARRAY_TASK_COUNT: '2' } }),
    bad('verify --shard slurm beyond the array', ['verify', '--shard', 'slurm'], /--shard slurm: task 5 is the 6th of an array of SLURM_ARRAY_TASK_COUNT = 2 tasks/, { env: { SLURM_ARRAY_TASK_ID: '5', SLURM_ARRAY_TASK_MIN: '0', SLURM_ARRAY_TASK_COUNT: '2' } }),
    bad('verify --shard k8s/2 with index 2', ['verify', '--shard', 'k8s/2'], /JOB_COMPLETION_INDEX = 2 is not below the 2 completions/, { env: { JOB_COMPLETION_INDEX: '2' } }),
  ];
};
