/**
 * Reading an input file safely: only a regular file (a FIFO, device, socket or directory given where
 * a file is expected is refused before it is opened, so nothing blocks or streams for ever), no
 * larger than a stated cap for its kind; every refusal is an InputError naming the file.
 */
import { readFileSync, statSync } from 'node:fs';
import { InputError } from '../errors.ts';

/** Size caps per kind of input (bytes). */
export const INPUT_CAPS = {
  /** An experiment record: 10 runs of the paper preset hold about 5 MB. */
  experiment: 256 * 1024 * 1024,
} as const;

function mib(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MiB` : `${bytes} bytes`;
}

/** The bytes of a regular file of at most maxBytes, or an InputError saying why not. */
export function readRegularFile(path: string, maxBytes: number, what = 'file'): Buffer {
  let st;
  try {
    st = statSync(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InputError(`cannot read ${path}: no such ${what}`);
    if (code === 'ELOOP') throw new InputError(`cannot read ${path}: a loop of symbolic links`);
    if (code === 'EACCES') throw new InputError(`cannot read ${path}: permission denied`);
    throw new InputError(`cannot read ${path}: ${(err as Error).message}`);
  }
  if (st.isDirectory()) throw new InputError(`cannot read ${path}: it is a directory, not a ${what}`);
  if (!st.isFile()) {
    const kind = st.isFIFO() ? 'a named pipe (FIFO)' : st.isSocket() ? 'a socket' : st.isCharacterDevice() || st.isBlockDevice() ? 'a device' : 'not a regular file';
    throw new InputError(`cannot read ${path}: it is ${kind}, not a regular file`);
  }
  if (st.size > maxBytes) throw new InputError(`cannot read ${path}: ${mib(st.size)} is more than the ${mib(maxBytes)} a ${what} may have`);
  try {
    return readFileSync(path);
  } catch (err) {
    throw new InputError(`cannot read ${path}: ${(err as Error).message}`);
  }
}
