import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InputError } from '../../src/errors.ts';
import { readMatrixFile } from '../../src/io/matrix-file.ts';
import { matrixFromRows } from '../../src/models/case.ts';

const fx = (name: string) => join(import.meta.dirname, 'fixtures', name);
const expected = [[1.5, -2.0, 3.25], [4.0, 5.5, -6.125]];

describe('matrix files (fixtures from make-fixtures.py)', () => {
  it.each(['f8-c.npy', 'f8-fortran.npy', 'f4-c.npy', 'f8-big-endian.npy', 'm.csv', 'm-savetxt-space.csv', 'm-savetxt-tab.csv'])('%s reads as the same 2×3 matrix', (name) => {
    // every entry is exactly representable in float32, so equality is exact for all layouts
    expect(readMatrixFile(fx(name))).toEqual(expected);
  });

  it.each([
    ['i4-c.npy', [[1, -2, 3], [4, 5, -6]]],
    ['i8-fortran.npy', [[1, -2, 3], [4, 5, -6]]],
    ['i2-big-endian.npy', [[1, -2, 3], [4, 5, -6]]],
    ['u1.npy', [[1, 0, 3], [4, 5, 6]]],
    ['bool.npy', [[1, 0, 1], [0, 1, 1]]],
  ])('%s (integers, booleans) converts exactly', (name, want) => {
    expect(readMatrixFile(fx(name))).toEqual(want);
  });

  it.each([
    ['truncated.npy', /truncated data/],
    ['i8-huge.npy', /1152921504606846976 is beyond ±2⁵³/],
    ['c16.npy', /unsupported dtype <c16/],
    ['three-d.npy', /expected a 2-D array/],
    ['nope.npy', /nope\.npy: no such matrix file/],
    ['make-fixtures.py', /unknown matrix file type/],
  ])('%s is refused with a clear message', (name, message) => {
    expect(() => readMatrixFile(fx(name))).toThrow(InputError);
    expect(() => readMatrixFile(fx(name))).toThrow(message);
  });

  it.each([
    ['0x1,0', /line 1, column 1 is not a decimal number \("0x1"\)/],
    ['1_000', /line 1, column 1 is not a decimal number \("1_000"\)/],
    ['1,,2', /line 1, column 2 is not a decimal number \(""\)/],
  ])('a CSV cell %j is not read as a number', (text, message) => {
    const d = mkdtempSync(join(tmpdir(), 'matmem-csv-'));
    writeFileSync(join(d, 'm.csv'), `${text}\n`);
    expect(() => readMatrixFile(join(d, 'm.csv'))).toThrow(message);
  });

  it('CSV nan and inf are read, for the matrix check to name them as not finite', () => {
    const d = mkdtempSync(join(tmpdir(), 'matmem-csv-'));
    writeFileSync(join(d, 'm.csv'), 'nan,inf\n-inf,1e3\n');
    expect(readMatrixFile(join(d, 'm.csv'))).toEqual([[NaN, Infinity], [-Infinity, 1000]]);
  });

  it.each([
    ["(2, 2.5)", /the shape \(2, 2\.5\) must be two non-negative integers/],
    ["(-2, -2)", /the shape \(-2, -2\) must be two non-negative integers/],
    ["(100000000000000, 100000000000000)", /truncated data/],
  ])('an .npy header of shape %s is refused before any allocation', (shape, message) => {
    const d = mkdtempSync(join(tmpdir(), 'matmem-npy-'));
    let header = `{'descr': '<f8', 'fortran_order': False, 'shape': ${shape}, }`;
    header += ' '.repeat(64 - ((header.length + 11) % 64)) + '\n';
    const len = Buffer.alloc(2);
    len.writeUInt16LE(header.length);
    writeFileSync(join(d, 'm.npy'), Buffer.concat([Buffer.from([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0]), len, Buffer.from(header, 'latin1'), Buffer.alloc(32)]));
    expect(() => readMatrixFile(join(d, 'm.npy'))).toThrow(message);
  });

  it('ragged CSV rows are refused when the matrix is built', () => {
    expect(() => matrixFromRows('U', readMatrixFile(fx('ragged.csv')))).toThrow(/ragged rows/);
  });
});
