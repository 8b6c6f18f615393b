/** Atomic file writes: write to a temporary sibling, then rename, so no reader sees a partial file. */
import { existsSync, mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { InputError } from '../errors.ts';

function tempSibling(path: string, tag: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.${tag}`);
}

export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = tempSibling(path, 'tmp');
  try {
    writeFileSync(tmp, data);
    renameSync(tmp, path);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
}

/**
 * Write several files so that either all appear or none change: each is written to a temporary
 * sibling first; then every existing target is moved aside and the new files renamed into place.
 * If any rename fails, the files already placed are removed and the old ones put back.
 */
export function writeFilesAtomic(files: { path: string; data: string | Uint8Array }[]): void {
  for (const f of files) {
    if (existsSync(f.path) && statSync(f.path).isDirectory()) throw new InputError(`cannot write ${f.path}: a directory is in the way`);
  }
  const staged: { tmp: string; path: string; backup?: string; placed: boolean }[] = [];
  try {
    for (const f of files) {
      mkdirSync(dirname(f.path), { recursive: true });
      const tmp = tempSibling(f.path, 'tmp');
      staged.push({ tmp, path: f.path, placed: false });
      writeFileSync(tmp, f.data);
    }
    for (const s of staged) {
      if (existsSync(s.path)) {
        s.backup = tempSibling(s.path, 'bak');
        renameSync(s.path, s.backup);
      }
      renameSync(s.tmp, s.path);
      s.placed = true;
    }
  } catch (err) {
    for (const s of staged.reverse()) {
      if (s.placed) rmSync(s.path, { force: true });
      rmSync(s.tmp, { force: true });
      if (s.backup) renameSync(s.backup, s.path);
    }
    throw err;
  }
  for (const s of staged) if (s.backup) rmSync(s.backup, { force: true });
}
