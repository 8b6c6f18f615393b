import { describe, expect, it } from 'vitest';
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
    ['nope.npy', /no such file/],
    ['make-fixtures.py', /unknown matrix file type/],
  ])('%s is refused with a clear message', (name, message) => {
    expect(() => readMatrixFile(fx(name))).toThrow(InputError);
    expect(() => readMatrixFile(fx(name))).toThrow(message);
  });

  it('ragged CSV rows are refused when the matrix is built', () => {
    expect(() => matrixFromRows('U', readMatrixFile(fx('ragged.csv')))).toThrow(/ragged rows/);
  });
});
