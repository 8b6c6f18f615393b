/**
 * Reading an input file safely: only a regular file, no larger than a stated cap for its kind. The
 * path is examined before it is opened, then opened without blocking (O_NONBLOCK) and examined again
 * through its descriptor before a byte is read, so a FIFO, a device (/dev/zero, /dev/urandom), a socket or a folder given where a file is
 * expected is refused at once instead of blocking or streaming for ever, and a file swapped between
 * a check and the read cannot slip through. Every refusal is an InputError naming the file.
 */
import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import { InputError } from '../errors.ts';

const MiB = 1024 * 1024;

/** Size caps per kind of input (bytes); each is many times what matmem itself writes for that kind. */
export const INPUT_CAPS = {
  /** A case file {U, V, W}: N = 200 (beyond what the exact model computes here) is about 2 MB. */
  caseFile: 64 * MiB,
  /** One matrix (.json, .csv, .npy). */
  matrix: 64 * MiB,
  /** A baseline: the committed one is about 1 MB. */
  baseline: 64 * MiB,
  /** An experiment record: 10 runs of the paper preset hold about 5 MB. */
  experiment: 256 * MiB,
  /** An experiment folder's config.json (a few kB). */
  experimentConfig: 1 * MiB,
  /** A finished run's run.json (one run of an experiment record). */
  runRecord: 64 * MiB,
  /** A training checkpoint: the paper preset's 200,000 iterations are about 10 MB. */
  checkpoint: 256 * MiB,
  /** A verify shard (a share of report.json, about 1 MB in all). */
  verifyShard: 256 * MiB,
  /** An experiment shard (a share of an experiment record). */
  experimentShard: 256 * MiB,
  /** What an output file holds when matmem checks, before replacing it, that it wrote it. */
  outputSniff: 64 * 1024,
} as const;

export type InputKind = keyof typeof INPUT_CAPS;

export function formatSize(bytes: number): string {
  return bytes >= MiB ? `${(bytes / MiB).toFixed(1)} MiB` : bytes >= 1024 ? `${(bytes / 1024).toFixed(1)} KiB` : `${bytes} bytes`;
}

/** What is at a path, without opening it: a file, a folder, something else, nothing, or a loop of links. */
export type PathNature = 'file' | 'folder' | 'special' | 'missing' | 'loop' | 'denied';

export function pathNature(path: string): PathNature {
  let st: Stats;
  try {
    st = statSync(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return code === 'ELOOP' ? 'loop' : code === 'EACCES' ? 'denied' : 'missing';
  }
  return st.isFile() ? 'file' : st.isDirectory() ? 'folder' : 'special';
}

function specialKind(st: Stats): string {
  return st.isFIFO() ? 'a named pipe (FIFO)' : st.isSocket() ? 'a socket' : st.isCharacterDevice() || st.isBlockDevice() ? 'a device' : 'not a regular file';
}

function openError(path: string, what: string, err: unknown): InputError {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new InputError(`cannot read ${path}: no such ${what}`);
  if (code === 'ELOOP') return new InputError(`cannot read ${path}: a loop of symbolic links`);
  if (code === 'EACCES' || code === 'EPERM') return new InputError(`cannot read ${path}: permission denied`);
  if (code === 'ENOTDIR') return new InputError(`cannot read ${path}: a part of the path is a file, not a folder`);
  if (code === 'ENXIO') return new InputError(`cannot read ${path}: it is a socket or a device without a reader, not a regular file`);
  if (code === 'ENAMETOOLONG') return new InputError(`cannot read ${path.slice(0, 60)}…: the name is too long`);
  return new InputError(`cannot read ${path}: ${(err as Error).message.split('\n')[0]}`);
}

function refuseIrregular(path: string, what: string, st: Stats): void {
  if (st.isDirectory()) throw new InputError(`cannot read ${path}: it is a folder, not a ${what}`);
  if (!st.isFile()) throw new InputError(`cannot read ${path}: it is ${specialKind(st)}, not a regular file`);
}

/**
 * The bytes of a regular file of at most maxBytes, or an InputError saying why not. With `prefix`,
 * only the first maxBytes (a larger file is not an error): for looking at what an existing file is.
 */
export function readRegularFile(path: string, maxBytes: number, what = 'file', prefix = false): Buffer {
  // looked at first without opening it (opening a FIFO would wake its writer), then again through the descriptor
  let seen: Stats;
  try {
    seen = statSync(path);
  } catch (err) {
    throw openError(path, what, err);
  }
  refuseIrregular(path, what, seen);
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (err) {
    throw openError(path, what, err);
  }
  try {
    const st = fstatSync(fd);
    refuseIrregular(path, what, st);
    if (st.size > maxBytes && !prefix) throw new InputError(`cannot read ${path}: its ${formatSize(st.size)} are more than the ${formatSize(maxBytes)} ${/^[aeiou]/i.test(what) ? 'an' : 'a'} ${what} may have`);
    const want = Math.min(st.size, maxBytes);
    const buf = Buffer.alloc(want);
    let off = 0;
    while (off < want) {
      const n = readSync(fd, buf, off, want - off, off);
      if (n === 0) break;
      off += n;
    }
    return off === want ? buf : buf.subarray(0, off);
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw openError(path, what, err);
  } finally {
    closeSync(fd);
  }
}

/** A regular input file of a kind, read whole under the kind's cap. */
export function readInput(path: string, kind: Exclude<InputKind, 'outputSniff'>, what: string): Buffer {
  return readRegularFile(path, INPUT_CAPS[kind], what);
}
