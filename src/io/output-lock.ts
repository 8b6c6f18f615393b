/**
 * One writer per output at a time. Before its work a run takes a lock on each output (a file or a
 * folder): `.NAME.matmem-lock` beside it, created exclusively (O_EXCL), holding the writer's pid, the
 * host, its start time and its command. A second run that finds the lock held by a live process
 * refuses (exit 2, naming the holder); a lock whose process is gone (killed, even with kill -9) or
 * whose pid now belongs to another process (the start time differs) is stale and is taken over, so a
 * killed run never blocks the next one. The lock is removed when the run ends. A lock from another host
 * cannot be checked and counts as held; the message names its file.
 */
import { linkSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { InputError } from '../errors.ts';
import { canonicalPath } from './output-guard.ts';

interface LockHolder {
  pid: number;
  host: string;
  /** The process's start time (clock ticks since boot, from /proc; null where unknown). */
  started: number | null;
  since: string;
  command: string;
}

const held = new Set<string>();
let releaseRegistered = false;

/** Where the lock of an output lives. */
export function lockPathOf(target: string): string {
  const abs = canonicalPath(target);
  return join(dirname(abs), `.${basename(abs)}.matmem-lock`);
}

/** A process's state letter and start time in clock ticks since boot (fields 3 and 22 of /proc/PID/stat), or null. */
function procStat(pid: number): { state: string; started: number } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { state: fields[0], started: Number(fields[19]) };
  } catch {
    return null;
  }
}

function startTicks(pid: number): number | null {
  return procStat(pid)?.started ?? null;
}

/** Whether the lock's writer still runs: its pid answers, is not a zombie (killed, not yet reaped), and started when the lock says. */
function alive(h: LockHolder): boolean {
  if (h.host !== hostname()) return true;
  try {
    process.kill(h.pid, 0);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const now = procStat(h.pid);
  if (now && (now.state === 'Z' || now.state === 'X')) return false;
  return h.started === null || now === null || now.started === h.started;
}

function readHolder(lockPath: string): LockHolder | null {
  try {
    const h = JSON.parse(readFileSync(lockPath, 'utf8')) as LockHolder;
    return typeof h.pid === 'number' && typeof h.host === 'string' ? h : null;
  } catch {
    return null;
  }
}

function me(): LockHolder {
  return { pid: process.pid, host: hostname(), started: startTicks(process.pid), since: new Date().toISOString(), command: `matmem ${process.argv.slice(2).join(' ')}`.slice(0, 300) };
}

/** Creates the lock whole in one step (written aside, then hard-linked into place, which fails if it exists). */
function tryCreate(lockPath: string, holder: LockHolder): boolean {
  const temp = `${lockPath}.${process.pid}.tmp`;
  try {
    writeFileSync(temp, `${JSON.stringify(holder)}\n`);
    linkSync(temp, lockPath);
    return true;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code === 'EPERM' || code === 'ENOTSUP' || code === 'EOPNOTSUPP') return createExclusive(lockPath, holder); // no hard links here
    throw new InputError(`cannot lock ${lockPath}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  } finally {
    rmSync(temp, { force: true });
  }
}

function createExclusive(lockPath: string, holder: LockHolder): boolean {
  try {
    writeFileSync(lockPath, `${JSON.stringify(holder)}\n`, { flag: 'wx' });
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw new InputError(`cannot lock ${lockPath}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
}

/** Moves a stale lock aside; if what was moved is not the stale lock read before (another run's fresh one), it is put back. */
function removeStale(lockPath: string, stale: LockHolder | null): void {
  const aside = `${lockPath}.stale.${process.pid}`;
  try {
    renameSync(lockPath, aside);
  } catch {
    return; // another run moved it first
  }
  const moved = readHolder(aside);
  const same = stale === null ? moved === null : moved !== null && moved.pid === stale.pid && moved.since === stale.since && moved.host === stale.host;
  if (!same) {
    try {
      linkSync(aside, lockPath);
    } catch {
      // a third run has created a lock meanwhile; it holds it
    }
  }
  rmSync(aside, { force: true });
}

function releaseAll(): void {
  for (const lockPath of held) {
    if (readHolder(lockPath)?.pid === process.pid) rmSync(lockPath, { force: true });
  }
  held.clear();
}

function busy(target: string, lockPath: string, holder: LockHolder, host: string): InputError {
  return new InputError(`${target} is being written by another matmem run (pid ${holder.pid}${holder.host !== host ? ` on ${holder.host}` : ''}, since ${holder.since}: ${holder.command}); wait for it to finish or choose another output${holder.host !== host ? ` (if that run is gone, remove ${lockPath})` : ''}`);
}

/** Throws the InputError of lockOutputs if another live run holds one of the outputs (a check before other checks; takes nothing). */
export function refuseIfLocked(targets: string[]): void {
  for (const target of targets) {
    const lockPath = lockPathOf(target);
    const holder = readHolder(lockPath);
    if (holder && holder.pid !== process.pid && alive(holder)) throw busy(target, lockPath, holder, hostname());
  }
}

/** Takes the lock of one output, or throws an InputError naming the run that holds it. */
function lockOne(target: string): void {
  const lockPath = lockPathOf(target);
  if (held.has(lockPath)) return;
  mkdirSync(dirname(lockPath), { recursive: true });
  const mine = me();
  for (let attempt = 0; attempt < 3; attempt++) {
    if (tryCreate(lockPath, mine)) {
      held.add(lockPath);
      return;
    }
    const holder = readHolder(lockPath);
    if (holder && holder.pid === process.pid && holder.host === mine.host) {
      held.add(lockPath);
      return;
    }
    if (holder && alive(holder)) throw busy(target, lockPath, holder, mine.host);
    // stale (its writer is gone) or unreadable (locks are created whole, so only a damaged one is): taken over
    removeStale(lockPath, holder);
  }
  throw new InputError(`${target}: could not take its lock ${lockPath} (other runs keep taking it); try again`);
}

/** Locks every output of the run (files or folders) until the process exits. */
export function lockOutputs(targets: string[]): void {
  if (!releaseRegistered) {
    process.on('exit', releaseAll);
    releaseRegistered = true;
  }
  for (const t of [...new Set(targets.map((x) => canonicalPath(x)))].sort()) lockOne(t);
}

/** Releases the locks now (tests; the process's exit releases them anyway). */
export function releaseOutputLocks(): void {
  releaseAll();
}
