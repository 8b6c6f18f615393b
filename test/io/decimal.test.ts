import { describe, expect, it } from 'vitest';
import { isDecimalNumber } from '../../src/io/decimal.ts';

describe('isDecimalNumber', () => {
  it('reads digits with a sign, a point and an exponent', () => {
    for (const t of ['0', '-3', '+2.5', '.5', '5.', '1e3', '2.5E-7', '007']) expect(isDecimalNumber(t), t).toBe(true);
  });
  it('refuses what Number() would read otherwise: hexadecimal, binary, octal, Infinity, the empty text, separators', () => {
    for (const t of ['0x10', '0b1', '0o7', 'Infinity', '-Infinity', 'NaN', '', ' ', '1_000', '1,5', '1e', 'e3', '--1', '1 2']) expect(isDecimalNumber(t), t).toBe(false);
  });
});
