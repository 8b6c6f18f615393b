/** Reading single matrices from .json (2-D array), .csv (one row per line) and numpy .npy files. */
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { InputError } from '../errors.ts';

/** Reads a file or throws an InputError naming it (missing, a directory, unreadable). */
export function readFileOrExplain(path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InputError(`cannot read ${path}: no such file`);
    if (code === 'EISDIR') throw new InputError(`cannot read ${path}: it is a directory`);
    if (code === 'EACCES') throw new InputError(`cannot read ${path}: permission denied`);
    throw new InputError(`cannot read ${path}: ${(err as Error).message}`);
  }
}

/** A matrix file as rows of numbers (shape and finiteness are checked by the caller). */
export function readMatrixFile(path: string): unknown {
  const ext = extname(path).toLowerCase();
  const data = readFileOrExplain(path);
  switch (ext) {
    case '.json':
      return parseJsonText(path, data.toString('utf8'));
    case '.csv':
      return parseCsv(path, data.toString('utf8'));
    case '.npy':
      return parseNpy(path, data);
    default:
      throw new InputError(`${path}: unknown matrix file type "${ext || '(none)'}" (use .json, .csv or .npy)`);
  }
}

export function parseJsonText(path: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new InputError(`${path}: not valid JSON (${(err as Error).message})`);
  }
}

/** CSV: one matrix row per line, numbers separated by commas; blank lines and lines starting with # are skipped. */
export function parseCsv(path: string, text: string): number[][] {
  const rows: number[][] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    const t = line.trim();
    if (t === '' || t.startsWith('#')) return;
    rows.push(
      t.split(',').map((cell, j) => {
        const c = cell.trim();
        const x = c === '' ? NaN : Number(c);
        if (Number.isNaN(x) && !/^nan$/i.test(c)) throw new InputError(`${path}: line ${i + 1}, column ${j + 1} is not a number ("${c}")`);
        return x;
      }),
    );
  });
  if (rows.length === 0) throw new InputError(`${path}: no numbers in the file`);
  return rows;
}

/** numpy .npy (format 1.0–3.0): float64 or float32, little or big endian, C or Fortran order, 2-D. */
export function parseNpy(path: string, buf: Buffer): number[][] {
  const magic = Buffer.from([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]);
  if (buf.length < 10 || !buf.subarray(0, 6).equals(magic)) throw new InputError(`${path}: not a numpy .npy file (bad magic)`);
  const major = buf[6];
  let headerLen: number;
  let offset: number;
  if (major === 1) {
    headerLen = buf.readUInt16LE(8);
    offset = 10;
  } else if (major === 2 || major === 3) {
    if (buf.length < 12) throw new InputError(`${path}: truncated .npy header`);
    headerLen = buf.readUInt32LE(8);
    offset = 12;
  } else {
    throw new InputError(`${path}: unsupported .npy format version ${major}`);
  }
  if (buf.length < offset + headerLen) throw new InputError(`${path}: truncated .npy header`);
  const header = buf.subarray(offset, offset + headerLen).toString('latin1');
  const descr = /'descr'\s*:\s*'([^']+)'/.exec(header)?.[1];
  const fortran = /'fortran_order'\s*:\s*(True|False)/.exec(header)?.[1];
  const shapeText = /'shape'\s*:\s*\(([^)]*)\)/.exec(header)?.[1];
  if (!descr || !fortran || shapeText === undefined) throw new InputError(`${path}: malformed .npy header`);
  const shape = shapeText
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .map(Number);
  if (shape.length !== 2) throw new InputError(`${path}: expected a 2-D array, got shape (${shape.join(', ')})`);
  const [rows, cols] = shape;
  if (rows === 0 || cols === 0) throw new InputError(`${path}: the matrix is empty (shape ${rows}×${cols})`);
  const kinds: Record<string, { size: number; read: (b: Buffer, o: number) => number }> = {
    '<f8': { size: 8, read: (b, o) => b.readDoubleLE(o) },
    '>f8': { size: 8, read: (b, o) => b.readDoubleBE(o) },
    '<f4': { size: 4, read: (b, o) => b.readFloatLE(o) },
    '>f4': { size: 4, read: (b, o) => b.readFloatBE(o) },
    '=f8': { size: 8, read: (b, o) => b.readDoubleLE(o) },
    '=f4': { size: 4, read: (b, o) => b.readFloatLE(o) },
  };
  const kind = kinds[descr];
  if (!kind) throw new InputError(`${path}: unsupported dtype ${descr} (use float64 or float32)`);
  const dataStart = offset + headerLen;
  const needed = rows * cols * kind.size;
  if (buf.length < dataStart + needed) throw new InputError(`${path}: truncated data (expected ${needed} bytes, found ${buf.length - dataStart})`);
  const out: number[][] = Array.from({ length: rows }, () => new Array<number>(cols));
  for (let idx = 0; idx < rows * cols; idx++) {
    const value = kind.read(buf, dataStart + idx * kind.size);
    const r = fortran === 'True' ? idx % rows : Math.floor(idx / cols);
    const c = fortran === 'True' ? Math.floor(idx / rows) : idx % cols;
    out[r][c] = value;
  }
  return out;
}
