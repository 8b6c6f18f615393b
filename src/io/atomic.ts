/**
 * Atomic file writes. Each file is written to a temporary sibling, flushed to disk (fsync), and
 * renamed over the target, so a reader sees the old file or the new one, never a partial one, and a
 * target that existed never goes missing (rename replaces it in one step). Several files are all
 * written first and renamed afterwards; a kill between two renames leaves a mix of old and new
 * files, each of them whole. Temporary files left by a killed writer are removed by the next write
 * into the same folder.
 */
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { InputError } from '../errors.ts';

const TEMP_PATTERN = /^\.(.+)\.(\d+)\.(\d+)\.(tmp|bak)$/;

function tempSibling(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
}

function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes the temporary (and older backup) siblings of `target` left by writers that are gone. */
export function removeStaleTemporaries(target: string): string[] {
  const dir = dirname(target);
  const name = basename(target);
  if (!existsSync(dir)) return [];
  const removed: string[] = [];
  for (const f of readdirSync(dir)) {
    const m = TEMP_PATTERN.exec(f);
    if (!m || m[1] !== name || alive(Number(m[2]))) continue;
    rmSync(join(dir, f), { force: true });
    removed.push(join(dir, f));
  }
  return removed;
}

function writeDurably(path: string, data: string | Uint8Array): void {
  const fd = openSync(path, 'w');
  try {
    const buf = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    let off = 0;
    while (off < buf.length) off += writeSync(fd, buf, off, buf.length - off);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function syncDirectory(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // some file systems cannot fsync a directory; the renames are still atomic
  }
}

export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  writeFilesAtomic([{ path, data }]);
}

/**
 * Writes every file to a flushed temporary sibling, then renames each over its target. If writing
 * a temporary fails, nothing is renamed and the temporaries are removed.
 */
export function writeFilesAtomic(files: { path: string; data: string | Uint8Array }[]): void {
  for (const f of files) {
    if (existsSync(f.path) && statSync(f.path).isDirectory()) throw new InputError(`cannot write ${f.path}: a directory is in the way`);
  }
  const staged: { tmp: string; path: string }[] = [];
  try {
    for (const f of files) {
      mkdirSync(dirname(f.path), { recursive: true });
      removeStaleTemporaries(f.path);
      const tmp = tempSibling(f.path);
      staged.push({ tmp, path: f.path });
      writeDurably(tmp, f.data);
    }
  } catch (err) {
    for (const s of staged) rmSync(s.tmp, { force: true });
    throw err;
  }
  for (const s of staged) renameSync(s.tmp, s.path);
  for (const d of new Set(staged.map((s) => dirname(s.path)))) syncDirectory(d);
}
