import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { InputError } from '../../src/errors.ts';
import { readMatrixFile } from '../../src/io/matrix-file.ts';
import { matrixFromRows } from '../../src/models/case.ts';

const fx = (name: string) => join(import.meta.dirname, 'fixtures', name);
const expected = [[1.5, -2.0, 3.25], [4.0, 5.5, -6.125]];

describe('matrix files (fixtures from make-fixtures.py)', () => {
  it.each(['f8-c.npy', 'f8-fortran.npy', 'f4-c.npy', 'f8-big-endian.npy', 'm.csv'])('%s reads as the same 2×3 matrix', (name) => {
    // every entry is exactly representable in float32, so equality is exact for all layouts
    expect(readMatrixFile(fx(name))).toEqual(expected);
  });

  it.each([
    ['truncated.npy', /truncated data/],
    ['i8.npy', /unsupported dtype <i8/],
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
