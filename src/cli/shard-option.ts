/**
 * --shard: "i/n" (1-based), or the scheduler's own variables: "slurm" (an array job: the task's place
 * in the array and the array's size) or "k8s/n" (an indexed Job: JOB_COMPLETION_INDEX, 0-based, of n).
 */
import { InputError } from '../errors.ts';
import { parseShardSpec, type ShardSpec } from '../core/shard.ts';

export const SHARD_HELP =
  'Sharding (a cluster): --shard i/n runs share i of n (1 ≤ i ≤ n) and writes DIR/<kind>-shard-i-of-n.json;\n' +
  '`matmem merge DIR...` combines the shards into the output of the unsharded run. --shard slurm takes i and\n' +
  'n from a Slurm array job (SLURM_ARRAY_TASK_ID, _MIN, _STEP, _COUNT); --shard k8s/n from an indexed\n' +
  'Kubernetes Job (JOB_COMPLETION_INDEX). Ready-made job scripts: examples/slurm, examples/k8s.';

function envInt(env: NodeJS.ProcessEnv, name: string, how: string): number {
  const v = env[name];
  if (v === undefined || v === '') throw new InputError(`--shard ${how}: ${name} is not set (run it inside ${how === 'slurm' ? 'an sbatch --array job' : 'an indexed Job (completionMode: Indexed)'}, or give --shard i/n)`);
  if (!/^\d{1,9}$/.test(v)) throw new InputError(`--shard ${how}: ${name} must be a non-negative integer (decimal, at most 9 digits), got "${v.slice(0, 20)}"`);
  return Number(v);
}

export function shardOption(text: string, env: NodeJS.ProcessEnv = process.env): ShardSpec {
  if (text === 'slurm') {
    const id = envInt(env, 'SLURM_ARRAY_TASK_ID', 'slurm');
    const min = envInt(env, 'SLURM_ARRAY_TASK_MIN', 'slurm');
    const count = envInt(env, 'SLURM_ARRAY_TASK_COUNT', 'slurm');
    const step = env.SLURM_ARRAY_TASK_STEP ? envInt(env, 'SLURM_ARRAY_TASK_STEP', 'slurm') : 1;
    if (step < 1 || id < min || (id - min) % step !== 0) throw new InputError(`--shard slurm: task ${id} is not on the array's grid (SLURM_ARRAY_TASK_MIN ${min}, step ${step})`);
    const index = (id - min) / step + 1;
    if (count < 1 || count > 100_000) throw new InputError(`--shard slurm: SLURM_ARRAY_TASK_COUNT must be between 1 and 100000, got ${count}`);
    if (index > count) throw new InputError(`--shard slurm: task ${id} is the ${index}th of an array of SLURM_ARRAY_TASK_COUNT = ${count} tasks (min ${min}, step ${step}); the array's variables disagree`);
    return { index, count };
  }
  const k8s = /^k8s\/(\d+)$/.exec(text);
  if (k8s) {
    const count = Number(k8s[1]);
    if (count < 1 || count > 100_000) throw new InputError(`--shard k8s/n: n (the Job's completions) must be between 1 and 100000, got ${k8s[1]}`);
    const index = envInt(env, 'JOB_COMPLETION_INDEX', 'k8s') + 1;
    if (index > count) throw new InputError(`--shard ${text}: JOB_COMPLETION_INDEX = ${index - 1} is not below the ${count} completions`);
    return { index, count };
  }
  if (text === 'k8s') throw new InputError('--shard k8s/n: give the Job\'s completions n (e.g. --shard k8s/4); the index comes from JOB_COMPLETION_INDEX');
  return parseShardSpec(text);
}
