/**
 * Decimal numbers as a user writes them: digits with an optional sign, decimal point and exponent.
 * JavaScript's Number() also reads "0x10", "0b1", "0o7" and "Infinity", and turns "" into 0; matmem
 * reads option values and CSV cells with this test first, so "--runs 0x10" is refused, not read as 16.
 */
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

export function isDecimalNumber(text: string): boolean {
  return DECIMAL.test(text);
}
