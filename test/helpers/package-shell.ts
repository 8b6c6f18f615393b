/**
 * Running npm and installed matmem commands as a user would, from the tests of the package
 * (test/package): plain environment (none of the outer `npm test`'s lifecycle variables), no
 * colours, the compiled build (never the sources through tsx), long timeouts.
 */
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';

export interface ShellResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** The environment of a user's shell: the outer npm's lifecycle and package variables removed. */
export function userEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (/^npm_(lifecycle|package)_/.test(k) || k === 'npm_config_local_prefix' || k === 'INIT_CWD') continue;
    env[k] = v;
  }
  return { ...env, FORCE_COLOR: '0', NO_COLOR: '1', MATMEM_FROM_SOURCE: '', ...extra };
}

export function run(cmd: string, args: string[], cwd: string, opts: SpawnSyncOptions & { extraEnv?: Record<string, string> } = {}): ShellResult {
  const { extraEnv, ...rest } = opts;
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', timeout: 600_000, maxBuffer: 1 << 28, env: userEnv(extraEnv), ...rest });
  return {
    code: r.status ?? -1,
    stdout: String(r.stdout ?? ''),
    stderr: `${String(r.stderr ?? '')}${r.signal ? ` (killed by ${r.signal})` : ''}${r.error ? ` (${r.error.message})` : ''}`,
  };
}

/** npm with the registry's packages taken from the cache when it has them (those of the checkout's own install). */
export function npm(args: string[], cwd: string): ShellResult {
  return run('npm', ['--no-audit', '--no-fund', '--prefer-offline', ...args], cwd);
}

/** A command line through sh (examples with quotes or redirections), with the folder's node_modules/.bin on PATH. */
export function shell(line: string, cwd: string, timeoutMs = 300_000): ShellResult {
  return run('sh', ['-c', line], cwd, { timeout: timeoutMs, extraEnv: { PATH: `${cwd}/node_modules/.bin:${process.env.PATH ?? ''}` } });
}
