/** Reading single matrices from .json (2-D array), .csv (one row per line) and numpy .npy files. */
import { extname } from 'node:path';
import { InputError } from '../errors.ts';
import { isDecimalNumber } from './decimal.ts';
import { parseJsonBytes, utf8Text } from './json-input.ts';
import { readInput } from './read-input.ts';

/** A matrix file as rows of numbers (shape and finiteness are checked by the caller). */
export function readMatrixFile(path: string): unknown {
  const ext = extname(path).toLowerCase();
  if (!['.json', '.csv', '.npy'].includes(ext)) throw new InputError(`${path}: unknown matrix file type "${ext || '(none)'}" (use .json, .csv or .npy)`);
  const data = readInput(path, 'matrix', 'matrix file');
  switch (ext) {
    case '.json':
      return parseJsonBytes(path, data);
    case '.csv':
      return parseCsv(path, utf8Text(path, data));
    default:
      return parseNpy(path, data);
  }
}

/**
 * CSV: one matrix row per line, numbers separated by commas — or by spaces or tabs, as numpy's
 * savetxt writes by default; blank lines and lines starting with # are skipped.
 */
export function parseCsv(path: string, text: string): number[][] {
  const rows: number[][] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    const t = line.trim();
    if (t === '' || t.startsWith('#')) return;
    rows.push(
      (t.includes(',') ? t.split(',') : t.split(/[ \t]+/)).map((cell, j) => {
        const c = cell.trim();
        // decimal only: Number() would also read 0x1, 0b1 and 0o7; nan/inf are read so that the caller names them as not finite
        if (/^[+-]?(nan|inf|infinity)$/i.test(c)) return c.toLowerCase().includes('nan') ? NaN : c.startsWith('-') ? -Infinity : Infinity;
        if (!isDecimalNumber(c)) throw new InputError(`${path}: line ${i + 1}, column ${j + 1} is not a decimal number ("${c.slice(0, 20)}")`);
        return Number(c);
      }),
    );
  });
  if (rows.length === 0) throw new InputError(`${path}: no numbers in the file`);
  return rows;
}

/**
 * numpy .npy (format 1.0–3.0), 2-D, C or Fortran order, little or big endian: float64 and float32,
 * signed and unsigned integers (1–8 bytes; 8-byte ones only within ±2⁵³, where float64 holds them
 * exactly) and booleans (0/1).
 */
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
  const dims = shapeText
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  if (dims.length !== 2) throw new InputError(`${path}: expected a 2-D array, got shape (${dims.join(', ')})`);
  if (!dims.every((d) => /^\d{1,15}L?$/.test(d))) throw new InputError(`${path}: the shape (${dims.join(', ')}) must be two non-negative integers`);
  const [rows, cols] = dims.map((d) => parseInt(d, 10));
  if (rows === 0 || cols === 0) throw new InputError(`${path}: the matrix is empty (shape ${rows}×${cols})`);
  const kinds: Record<string, { size: number; read: (b: Buffer, o: number) => number }> = {
    '<f8': { size: 8, read: (b, o) => b.readDoubleLE(o) },
    '>f8': { size: 8, read: (b, o) => b.readDoubleBE(o) },
    '<f4': { size: 4, read: (b, o) => b.readFloatLE(o) },
    '>f4': { size: 4, read: (b, o) => b.readFloatBE(o) },
    '=f8': { size: 8, read: (b, o) => b.readDoubleLE(o) },
    '=f4': { size: 4, read: (b, o) => b.readFloatLE(o) },
  };
  const ints: Record<string, { size: number; read: (b: Buffer, o: number) => number }> = {
    '|b1': { size: 1, read: (b, o) => (b[o] ? 1 : 0) },
    '|i1': { size: 1, read: (b, o) => b.readInt8(o) },
    '|u1': { size: 1, read: (b, o) => b.readUInt8(o) },
    '<i2': { size: 2, read: (b, o) => b.readInt16LE(o) },
    '>i2': { size: 2, read: (b, o) => b.readInt16BE(o) },
    '<u2': { size: 2, read: (b, o) => b.readUInt16LE(o) },
    '>u2': { size: 2, read: (b, o) => b.readUInt16BE(o) },
    '<i4': { size: 4, read: (b, o) => b.readInt32LE(o) },
    '>i4': { size: 4, read: (b, o) => b.readInt32BE(o) },
    '<u4': { size: 4, read: (b, o) => b.readUInt32LE(o) },
    '>u4': { size: 4, read: (b, o) => b.readUInt32BE(o) },
    '<i8': { size: 8, read: (b, o) => exactInteger(path, b.readBigInt64LE(o)) },
    '>i8': { size: 8, read: (b, o) => exactInteger(path, b.readBigInt64BE(o)) },
    '<u8': { size: 8, read: (b, o) => exactInteger(path, b.readBigUInt64LE(o)) },
    '>u8': { size: 8, read: (b, o) => exactInteger(path, b.readBigUInt64BE(o)) },
  };
  const kind = kinds[descr] ?? ints[descr];
  if (!kind) throw new InputError(`${path}: unsupported dtype ${descr} (use float64, float32, an integer type or bool)`);
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

/** An 8-byte integer as a float64, refused when it is beyond 2⁵³ (it would be rounded). */
function exactInteger(path: string, v: bigint): number {
  const lim = 2n ** 53n;
  if (v > lim || v < -lim) throw new InputError(`${path}: the integer ${v} is beyond ±2⁵³ and cannot be held exactly as a float64`);
  return Number(v);
}
