/**
 * Sharded runs merged: verify in 3 shards, merged, gives the unsharded report.json (apart from
 * `generated`) and the same verdict table; the merged report works with --baseline; missing,
 * duplicated and mismatched shards are refused (exit 2, nothing written). An experiment grid in 2
 * shards merges into the unsharded experiment.json apart from timings.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'matmem-merge-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('verify --shard i/n and merge', () => {
  const shardDirs = [1, 2, 3].map((i) => join(dir, `s${i}`));
  it('three shards merge into the unsharded report, byte for byte apart from generated', () => {
    for (const [i, d] of shardDirs.entries()) {
      const r = runCli(['verify', '--runs', '20', '--shard', `${i + 1}/3`, '--out', d], { timeoutMs: 300_000 });
      expect(r.code, r.stderr).toBe(0);
      expect(existsSync(join(d, `verify-shard-${i + 1}-of-3.json`))).toBe(true);
      expect(existsSync(join(d, 'report.json')), 'a shard writes no report').toBe(false);
    }
    const merged = runCli(['merge', ...shardDirs, '--out', join(dir, 'merged'), '--write-baseline', join(dir, 'b.json')], { timeoutMs: 300_000 });
    expect(merged.code, merged.stderr).toBe(0);
    const full = runCli(['verify', '--runs', '20', '--out', join(dir, 'full')], { timeoutMs: 300_000 });
    expect(full.code, full.stderr).toBe(0);
    const text = (p: string) => readFileSync(p, 'utf8').replace(/,\n {2}"generated": \{[^}]*\}/, '');
    expect(text(join(dir, 'merged', 'report.json'))).toBe(text(join(dir, 'full', 'report.json')));
    expect(merged.stdout).toBe(full.stdout);
    // the merged run's baseline guards the unsharded run
    const guard = runCli(['verify', '--runs', '20', '--no-files', '--baseline', join(dir, 'b.json')], { timeoutMs: 300_000 });
    expect(guard.code, guard.stderr).toBe(0);
    expect(guard.stderr).toContain('all verdicts and evidence equal the baseline');
  });

  it('one property cut into slices: 3 shards of 2000 cases of Corollary 2.1 merge into the unsharded run (report.json, counts, coverage, shrunk counterexamples)', () => {
    const parts = [1, 2, 3].map((i) => join(dir, `c${i}`));
    for (const [i, d] of parts.entries()) {
      const r = runCli(['verify', '--claim', 'corollary-2.1', '--runs', '2000', '--shard', `${i + 1}/3`, '--out', d], { timeoutMs: 300_000 });
      expect(r.code, r.stderr).toBe(0);
    }
    const merged = runCli(['merge', ...parts, '--out', join(dir, 'c-merged')], { timeoutMs: 300_000 });
    expect(merged.code, merged.stderr).toBe(0);
    const whole = runCli(['verify', '--claim', 'corollary-2.1', '--runs', '2000', '--out', join(dir, 'c-whole')], { timeoutMs: 300_000 });
    expect(whole.code, whole.stderr).toBe(0);
    const text = (p: string) => readFileSync(p, 'utf8').replace(/,\n {2}"generated": \{[^}]*\}/, '');
    const report = JSON.parse(text(join(dir, 'c-whole', 'report.json')));
    // the run exercises what the slices must carry: ties and holds, coverage, a shrunk counterexample
    expect(report.claims[0].results[0].caseCounts.tried).toBe(2000);
    expect(report.claims[0].results[0].caseCounts.held).toBeGreaterThan(0);
    expect(report.claims[0].results[0].counterexample.shrinks).toBeGreaterThan(0);
    expect(text(join(dir, 'c-merged', 'report.json'))).toBe(text(join(dir, 'c-whole', 'report.json')));
    expect(merged.stdout).toBe(whole.stdout);
  });

  it('--baseline works on the merged result', () => {
    const ok = runCli(['merge', ...shardDirs, '--no-files', '--baseline', join(dir, 'b.json')], { timeoutMs: 300_000 });
    expect(ok.code, ok.stderr).toBe(0);
  });

  it('refuses a missing shard, a duplicated one and one of another run (exit 2, one line, nothing written)', () => {
    const out = join(dir, 'never');
    const missing = runCli(['merge', shardDirs[0], shardDirs[2], '--out', out]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/shard 2\/3 missing/);
    const twice = runCli(['merge', ...shardDirs, join(shardDirs[0], 'verify-shard-1-of-3.json'), '--out', out]);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toMatch(/shard 1\/3 is there twice/);
    const other = join(dir, 'other');
    expect(runCli(['verify', '--runs', '21', '--shard', '2/3', '--out', other], { timeoutMs: 300_000 }).code).toBe(0);
    const mixed = runCli(['merge', shardDirs[0], other, shardDirs[2], '--out', out]);
    expect(mixed.code).toBe(2);
    expect(mixed.stderr).toMatch(/another run.*runs: 20 against 21/);
    for (const r of [missing, twice, mixed]) expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(existsSync(out)).toBe(false);
  });

  it('--shard is checked before work: a bad spec, and options that belong to the merge', () => {
    for (const [args, pattern] of [
      [['--shard', '4/3'], /i must be between 1 and n/],
      [['--shard', 'x'], /--shard must be i\/n/],
      [['--shard', '1/2', '--baseline', 'verdicts.baseline.json'], /--baseline belongs to the merged run/],
      [['--shard', 'slurm'], /SLURM_ARRAY_TASK_ID is not set/],
      [['--shard', 'k8s'], /give the Job's completions n/],
    ] as const) {
      const r = runCli(['verify', ...args, '--out', join(dir, 'x')]);
      expect(r.code, String(args)).toBe(2);
      expect(r.stderr).toMatch(pattern);
    }
  });
});

describe('experiment --shard and merge', () => {
  const GRID = ['copy', '--models', 'matntm,matrnn', '--seeds', '1..2', '--iterations', '30', '--eval-every', '15', '--batch', '4', '--eval-batches', '1', '--train-lengths', '1..2', '--eval-lengths', '1..3', '--no-progress', '--threads', '1'];
  it('two shards (runs 1, 3 and 2, 4 of the grid) merge into the unsharded experiment.json apart from timings', () => {
    const shared = join(dir, 'exp-shards');
    for (const i of [1, 2]) {
      const r = runCli(['experiment', ...GRID, '--shard', `${i}/2`, '--out', shared], { timeoutMs: 300_000 });
      expect(r.code, r.stderr).toBe(0);
    }
    expect(existsSync(join(shared, 'experiment.json')), 'shards write no experiment.json').toBe(false);
    const m = runCli(['merge', shared], { timeoutMs: 300_000 });
    expect(m.code, m.stderr).toBe(0);
    const straight = join(dir, 'exp-straight');
    expect(runCli(['experiment', ...GRID, '--out', straight], { timeoutMs: 300_000 }).code).toBe(0);
    const noTiming = (p: string) => {
      const r = JSON.parse(readFileSync(join(p, 'experiment.json'), 'utf8'));
      delete r.timing;
      for (const run of r.runs) delete run.timing;
      return r;
    };
    expect(noTiming(shared)).toEqual(noTiming(straight));
    expect(existsSync(join(shared, 'figure-5.svg'))).toBe(true);
  });
});

