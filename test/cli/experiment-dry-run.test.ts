/** `experiment --dry-run`: the grid and its measured cost on this machine, the Slurm command, nothing written. */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.ts';
import { formatDuration } from '../../src/matntm/experiment/cost.ts';

describe('matmem experiment --dry-run', () => {
  it('prints the cost per run of each model and the Slurm command, and writes nothing', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'matmem-dry-')), 'grid');
    const r = runCli(['experiment', 'copy', '--preset', 'paper', '--seeds', '1..3', '--threads', '1', '--out', out, '--dry-run', '--json'], { timeoutMs: 120_000 });
    expect(r.code, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.dryRun).toBe(true);
    expect(j.cost.runs).toBe(6);
    expect(j.cost.models.map((m: { model: string }) => m.model)).toEqual(['matntm', 'matrnn']);
    for (const m of j.cost.models) {
      expect(m.secondsPerIteration).toBeGreaterThan(0);
      // 200,000 iterations of the paper preset dominate a run's cost
      expect(m.seconds.training).toBeCloseTo(200_000 * m.secondsPerIteration, 6);
      expect(m.seconds.total).toBeGreaterThan(m.seconds.training);
    }
    // three runs of each model, one after another
    expect(j.cost.serialSeconds).toBeCloseTo(3 * (j.cost.models[0].seconds.total + j.cost.models[1].seconds.total), 6);
    expect(j.slurm).toBe(`TASK=copy PRESET=paper MODELS=matntm,matrnn SEEDS=1..3 OUT=${out} bash examples/slurm/experiment.sbatch`);
    expect(existsSync(out)).toBe(false);
  });

  it('formats durations in hours and minutes without a 60th minute', () => {
    expect(formatDuration(93_599)).toBe('26 h 0 min');
    expect(formatDuration(3_570)).toBe('1 h 0 min');
    expect(formatDuration(600)).toBe('10 min');
    expect(formatDuration(42.4)).toBe('42 s');
  });
});
