import { describe, expect, it } from 'vitest';
import { describeValue, formatDistinct, formatNumber } from '../../src/report/values.ts';

describe('formatNumber', () => {
  it('prints integers exactly, others to 6 significant digits, tiny and huge ones with an exponent', () => {
    expect(formatNumber(3)).toBe('3');
    expect(formatNumber(-0)).toBe('0');
    expect(formatNumber(0.30000000000000004)).toBe('0.3');
    expect(formatNumber(0.123456789)).toBe('0.123457');
    expect(formatNumber(2.220446049250313e-16)).toBe('2.22045e-16');
    expect(formatNumber(-3.1e-14)).toBe('-3.1e-14');
    expect(formatNumber(1234567.5)).toBe('1.23457e+6');
    expect(formatNumber(NaN)).toBe('NaN');
    expect(formatNumber(-Infinity)).toBe('-Infinity');
  });
});

describe('formatDistinct', () => {
  it('adds digits until distinct values read differently, and no more', () => {
    expect(formatDistinct([0.41, 0.83, 0.9871])).toEqual(['0.41', '0.83', '0.9871']);
    expect(formatDistinct([0.9999999999999998, 1, 1.0000000000000002])).toEqual(['0.9999999999999998', '1', '1.0000000000000002']);
    expect(formatDistinct([1.0000001, 1.0000002, 1.0000002])).toEqual(['1.0000001', '1.0000002', '1.0000002']);
  });
});

describe('describeValue', () => {
  it('recognizes matrices, vectors, complex entries and records', () => {
    expect(describeValue([[0.5, 0], [0, -0.125]])).toEqual({ kind: 'matrix', rows: [['0.5', '0'], ['0', '-0.125']] });
    expect(describeValue([1, 2.5])).toEqual({ kind: 'vector', items: ['1', '2.5'] });
    expect(describeValue([{ re: 1, im: -2 }, { re: 0.5, im: 0 }])).toEqual({ kind: 'vector', items: ['1 − 2i', '0.5'] });
    // evidence is shown exactly: the digits give back the same double
    expect(describeValue({ gap: 0.30000000000000004 })).toEqual({ kind: 'record', entries: [{ key: 'gap', value: { kind: 'text', text: '0.30000000000000004' } }] });
    expect(describeValue(new Float64Array([1, 2]))).toEqual({ kind: 'vector', items: ['1', '2'] });
    // ragged rows are not a matrix
    expect(describeValue([[1, 2], [3]]).kind).toBe('list');
    const r = describeValue({ a: 1, b: 'x', skip: undefined });
    expect(r).toEqual({ kind: 'record', entries: [{ key: 'a', value: { kind: 'text', text: '1' } }, { key: 'b', value: { kind: 'text', text: 'x' } }] });
  });
});
