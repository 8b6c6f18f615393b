/** Runs the matmem CLI as a user would (node bin/matmem.js …) and captures exit code and output. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

const root = join(import.meta.dirname, '..', '..');

export function runCli(args: string[], opts: { cwd?: string; timeoutMs?: number } = {}): CliRun {
  const r = spawnSync(process.execPath, [join(root, 'bin', 'matmem.js'), ...args], {
    cwd: opts.cwd ?? root,
    encoding: 'utf8',
    timeout: opts.timeoutMs ?? 120_000,
    // a full report.json on stdout is most of a megabyte (spawnSync's default buffer)
    maxBuffer: 1 << 28,
    env: { ...process.env, FORCE_COLOR: '0' },
  });
  const died = r.signal ? `\n(the test harness saw matmem killed by ${r.signal}${r.error ? `: ${r.error.message}` : ''})` : '';
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr + died };
}
