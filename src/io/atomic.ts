/** Atomic file writes: write to a temporary sibling, then rename, so no reader sees a partial file. */
import { mkdirSync, renameSync, writeFileSync, rmSync } from 'node:fs';
import { dirname, join, basename } from 'node:path';

export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  try {
    writeFileSync(tmp, data);
    renameSync(tmp, path);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
}

/**
 * Write several files so that either all appear or none do: each is written to a temporary
 * sibling first, and only when every write succeeded are they renamed into place.
 */
export function writeFilesAtomic(files: { path: string; data: string | Uint8Array }[]): void {
  const staged: { tmp: string; path: string }[] = [];
  try {
    for (const f of files) {
      mkdirSync(dirname(f.path), { recursive: true });
      const tmp = join(dirname(f.path), `.${basename(f.path)}.${process.pid}.${Date.now()}.tmp`);
      writeFileSync(tmp, f.data);
      staged.push({ tmp, path: f.path });
    }
    for (const s of staged) renameSync(s.tmp, s.path);
  } catch (err) {
    for (const s of staged) rmSync(s.tmp, { force: true });
    throw err;
  }
}
