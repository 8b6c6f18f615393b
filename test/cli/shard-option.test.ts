/** --shard from the scheduler's variables: Slurm arrays (any start, step) and Kubernetes indexed Jobs. */
import { describe, expect, it } from 'vitest';
import { shardOption } from '../../src/cli/shard-option.ts';
import { inShard } from '../../src/core/shard.ts';

describe('shardOption', () => {
  it('i/n as given', () => expect(shardOption('2/5', {})).toEqual({ index: 2, count: 5 }));
  it('slurm: the task\'s place in the array, whatever its first index and step', () => {
    expect(shardOption('slurm', { SLURM_ARRAY_TASK_ID: '0', SLURM_ARRAY_TASK_MIN: '0', SLURM_ARRAY_TASK_COUNT: '4' })).toEqual({ index: 1, count: 4 });
    expect(shardOption('slurm', { SLURM_ARRAY_TASK_ID: '4', SLURM_ARRAY_TASK_MIN: '1', SLURM_ARRAY_TASK_COUNT: '4' })).toEqual({ index: 4, count: 4 });
    // --array=10-16:2 → tasks 10, 12, 14, 16
    expect(shardOption('slurm', { SLURM_ARRAY_TASK_ID: '14', SLURM_ARRAY_TASK_MIN: '10', SLURM_ARRAY_TASK_STEP: '2', SLURM_ARRAY_TASK_COUNT: '4' })).toEqual({ index: 3, count: 4 });
    expect(() => shardOption('slurm', { SLURM_ARRAY_TASK_ID: '3', SLURM_ARRAY_TASK_MIN: '0', SLURM_ARRAY_TASK_STEP: '2', SLURM_ARRAY_TASK_COUNT: '4' })).toThrow(/not on the array's grid/);
    expect(() => shardOption('slurm', {})).toThrow(/SLURM_ARRAY_TASK_ID is not set/);
  });
  it('k8s/n: JOB_COMPLETION_INDEX is 0-based', () => {
    expect(shardOption('k8s/3', { JOB_COMPLETION_INDEX: '0' })).toEqual({ index: 1, count: 3 });
    expect(shardOption('k8s/3', { JOB_COMPLETION_INDEX: '2' })).toEqual({ index: 3, count: 3 });
    expect(() => shardOption('k8s/3', { JOB_COMPLETION_INDEX: '3' })).toThrow(/JOB_COMPLETION_INDEX = 3 is not below the 3 completions/);
    expect(() => shardOption('k8s/0', { JOB_COMPLETION_INDEX: '0' })).toThrow(/n \(the Job's completions\) must be between 1 and 100000, got 0/);
  });
  it("errors name the scheduler's variables, never a computed i/n the user did not type", () => {
    const before = () => shardOption('slurm', { SLURM_ARRAY_TASK_ID: '0', SLURM_ARRAY_TASK_MIN: '1', SLURM_ARRAY_TASK_COUNT: '2' });
    expect(before).toThrow(/task 0 is not on the array's grid \(SLURM_ARRAY_TASK_MIN 1/);
    expect(before).not.toThrow(/--shard \d+\/\d+/);
    const beyond = () => shardOption('slurm', { SLURM_ARRAY_TASK_ID: '5', SLURM_ARRAY_TASK_MIN: '0', SLURM_ARRAY_TASK_COUNT: '2' });
    expect(beyond).toThrow(/task 5 is the 6th of an array of SLURM_ARRAY_TASK_COUNT = 2 tasks/);
    expect(() => shardOption('slurm', { SLURM_ARRAY_TASK_ID: '0', SLURM_ARRAY_TASK_MIN: '0', SLURM_ARRAY_TASK_COUNT: '0' })).toThrow(/SLURM_ARRAY_TASK_COUNT must be between 1 and 100000, got 0/);
    expect(() => shardOption('slurm', { SLURM_ARRAY_TASK_ID: '0x1', SLURM_ARRAY_TASK_MIN: '0', SLURM_ARRAY_TASK_COUNT: '2' })).toThrow(/SLURM_ARRAY_TASK_ID must be a non-negative integer/);
  });
  it('the shards of n partition the positions', () => {
    const n = 4;
    for (let p = 0; p < 50; p++) expect([1, 2, 3, 4].filter((i) => inShard(p, { index: i, count: n }))).toEqual([(p % n) + 1]);
  });
});
