import Fraction from 'fraction.js';
import { describe, expect, it } from 'vitest';
import { fractionField as F } from '../../src/symbolic/field.ts';

/** The shortcut for an exact zero must give what fraction.js's own arithmetic gives, field for field. */
const same = (a: Fraction, b: Fraction) => expect({ s: a.s, n: a.n, d: a.d }).toEqual({ s: b.s, n: b.n, d: b.d });

describe('fractionField with an exact zero', () => {
  const values = [new Fraction(0), new Fraction(-3, 7), new Fraction(5, 2), new Fraction(1), new Fraction(0).neg()];
  it('add, sub and mul equal fraction.js for every pair of values, zeros included', () => {
    for (const a of values) {
      for (const b of values) {
        same(F.add(a, b), a.add(b));
        same(F.sub(a, b), a.sub(b));
        same(F.mul(a, b), a.mul(b));
      }
    }
  });
});
