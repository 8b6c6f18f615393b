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
  if (!/^\d+$/.test(v)) throw new InputError(`--shard ${how}: ${name} must be a non-negative integer, got "${v}"`);
  return Number(v);
}

export function shardOption(text: string, env: NodeJS.ProcessEnv = process.env): ShardSpec {
  if (text === 'slurm') {
    const id = envInt(env, 'SLURM_ARRAY_TASK_ID', 'slurm');
    const min = envInt(env, 'SLURM_ARRAY_TASK_MIN', 'slurm');
    const count = envInt(env, 'SLURM_ARRAY_TASK_COUNT', 'slurm');
    const step = env.SLURM_ARRAY_TASK_STEP ? envInt(env, 'SLURM_ARRAY_TASK_STEP', 'slurm') : 1;
    if (step < 1 || (id - min) % step !== 0) throw new InputError(`--shard slurm: task ${id} is not on the array's grid (min ${min}, step ${step})`);
    return parseShardSpec(`${(id - min) / step + 1}/${count}`);
  }
  const k8s = /^k8s\/(\d+)$/.exec(text);
  if (k8s) return parseShardSpec(`${envInt(env, 'JOB_COMPLETION_INDEX', 'k8s') + 1}/${k8s[1]}`);
  if (text === 'k8s') throw new InputError('--shard k8s/n: give the Job\'s completions n (e.g. --shard k8s/4); the index comes from JOB_COMPLETION_INDEX');
  return parseShardSpec(text);
}
