/**
 * Output locks: a second run on an output refuses while the first lives; a lock whose process is
 * gone (killed, even with kill -9) or whose pid was reused is taken over; the lock goes when the
 * process ends.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { lockOutputs, lockPathOf, releaseOutputLocks } from '../../src/io/output-lock.ts';

const root = join(import.meta.dirname, '..', '..');
const dir = () => mkdtempSync(join(tmpdir(), 'matmem-lock-'));
const startTicks = (pid: number) => {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]);
};
const holder = (pid: number, extra: object = {}) => JSON.stringify({ pid, host: hostname(), started: startTicks(pid), since: '2026-01-01T00:00:00.000Z', command: 'matmem verify --out o', ...extra });

afterEach(() => releaseOutputLocks());

describe('lockOutputs', () => {
  it('takes a lock beside the output, holding this process, and releases it', () => {
    const d = dir();
    lockOutputs([join(d, 'out')]);
    const lock = JSON.parse(readFileSync(join(d, '.out.matmem-lock'), 'utf8'));
    expect(lock.pid).toBe(process.pid);
    expect(lock.host).toBe(hostname());
    expect(() => lockOutputs([join(d, 'out')]), 'the same process may lock again').not.toThrow();
    releaseOutputLocks();
    expect(existsSync(join(d, '.out.matmem-lock'))).toBe(false);
  });

  it('refuses while a live process holds the lock, naming it', () => {
    const d = dir();
    const sleeper = spawn('sleep', ['30']);
    try {
      writeFileSync(lockPathOf(join(d, 'out')), holder(sleeper.pid!));
      expect(() => lockOutputs([join(d, 'out')])).toThrow(new RegExp(`out is being written by another matmem run \\(pid ${sleeper.pid}, since 2026-01-01T00:00:00\\.000Z: matmem verify --out o\\); wait for it to finish or choose another output`));
    } finally {
      sleeper.kill('SIGKILL');
    }
  });

  it('takes over a lock whose process was killed with kill -9', async () => {
    const d = dir();
    const child = spawn('sleep', ['30']);
    const pid = child.pid!;
    writeFileSync(lockPathOf(join(d, 'out')), holder(pid));
    child.kill('SIGKILL');
    await new Promise((r) => child.on('exit', r));
    lockOutputs([join(d, 'out')]);
    expect(JSON.parse(readFileSync(lockPathOf(join(d, 'out')), 'utf8')).pid).toBe(process.pid);
  });

  it('takes over a lock whose process was killed but not yet reaped (a zombie)', () => {
    const d = dir();
    const child = spawn('sleep', ['30']);
    const pid = child.pid!;
    writeFileSync(lockPathOf(join(d, 'out')), holder(pid));
    child.kill('SIGKILL');
    // synchronously, so that this process cannot reap it: the killed child stays a zombie meanwhile
    const t0 = Date.now();
    while (readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1][0] !== 'Z' && Date.now() - t0 < 5000);
    expect(readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1][0]).toBe('Z');
    lockOutputs([join(d, 'out')]);
    expect(JSON.parse(readFileSync(lockPathOf(join(d, 'out')), 'utf8')).pid).toBe(process.pid);
  });

  it('takes over a lock whose pid now belongs to another process (its start time differs)', () => {
    const d = dir();
    writeFileSync(lockPathOf(join(d, 'out')), holder(process.ppid, { started: startTicks(process.ppid) + 12345 }));
    lockOutputs([join(d, 'out')]);
    expect(JSON.parse(readFileSync(lockPathOf(join(d, 'out')), 'utf8')).pid).toBe(process.pid);
  });

  it("counts another host's lock as held and names its file", () => {
    const d = dir();
    writeFileSync(lockPathOf(join(d, 'out')), holder(process.pid, { host: 'elsewhere', pid: 1 }));
    expect(() => lockOutputs([join(d, 'out')])).toThrow(/pid 1 on elsewhere.*if that run is gone, remove .*\.out\.matmem-lock/);
  });

  it('the lock is removed when the process ends', () => {
    const d = dir();
    const script = `import { lockOutputs } from ${JSON.stringify(join(root, 'src', 'io', 'output-lock.ts'))}; lockOutputs([${JSON.stringify(join(d, 'out'))}]); console.log(require('node:fs').existsSync(${JSON.stringify(join(d, '.out.matmem-lock'))}));`;
    const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script.replace("require('node:fs')", '(await import("node:fs"))')], { cwd: root, encoding: 'utf8' });
    expect(r.stdout.trim(), r.stderr).toBe('true');
    expect(existsSync(join(d, '.out.matmem-lock'))).toBe(false);
  });
});
