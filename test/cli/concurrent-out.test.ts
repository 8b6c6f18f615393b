/**
 * Two runs on one --out at once: the second refuses (exit 2, one line naming the first), the first
 * finishes and its result is there. A run killed with kill -9 leaves a lock that does not block the
 * next run.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.ts';

const root = join(import.meta.dirname, '..', '..');
const ARGS = ['verify', '--claim', 'eq-13.fmm', '--runs', '5'];

function start(args: string[]) {
  const child = spawn(process.execPath, [join(root, 'bin', 'matmem.js'), ...args], { cwd: root, env: { ...process.env, FORCE_COLOR: '0' } });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const done = new Promise<{ code: number | null; stderr: string }>((resolve) => child.on('close', (code) => resolve({ code, stderr })));
  return { child, done };
}

async function until(cond: () => boolean, ms: number): Promise<void> {
  const t0 = Date.now();
  while (!cond()) {
    if (Date.now() - t0 > ms) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('one writer per --out', () => {
  it('a second train on the same --out refuses while the first runs; the first finishes its run', async () => {
    const d = mkdtempSync(join(tmpdir(), 'matmem-concurrent-'));
    const out = join(d, 'run');
    const TRAIN = ['train', 'copy', '--batch', '2', '--length', '2', '--threads', '1', '--no-progress', '--backend', 'fused', '--out', out];
    const first = start([...TRAIN, '--iterations', '400']);
    await until(() => existsSync(join(d, '.run.matmem-lock')), 60_000);
    const second = runCli([...TRAIN, '--iterations', '5', '--json'], { timeoutMs: 60_000 });
    expect(second.code, second.stderr).toBe(2);
    expect(second.stdout).toBe('');
    expect(second.stderr.trim().split('\n')).toHaveLength(1);
    expect(second.stderr).toMatch(new RegExp(`run is being written by another matmem run \\(pid ${first.child.pid},`));
    const r = await first.done;
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(readFileSync(join(out, 'checkpoint.json'), 'utf8')).iteration, "the first run's result, not the second's").toBe(400);
    expect(existsSync(join(d, '.run.matmem-lock')), 'the lock is gone when the run ends').toBe(false);
  }, 300_000);

  it('a run killed with kill -9 while holding the lock does not block the next one', async () => {
    const d = mkdtempSync(join(tmpdir(), 'matmem-concurrent-'));
    const out = join(d, 'report');
    const first = start([...ARGS, '--out', out]);
    await until(() => existsSync(join(d, '.report.matmem-lock')), 60_000);
    first.child.kill('SIGKILL');
    await first.done;
    expect(existsSync(join(d, '.report.matmem-lock')), 'kill -9 leaves the lock behind').toBe(true);
    const next = runCli([...ARGS, '--out', out], { timeoutMs: 120_000 });
    expect(next.code, next.stderr).toBe(0);
    expect(existsSync(join(out, 'report.json'))).toBe(true);
    expect(existsSync(join(d, '.report.matmem-lock'))).toBe(false);
  }, 180_000);
});
