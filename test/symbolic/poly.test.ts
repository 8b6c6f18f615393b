import { describe, expect, it } from 'vitest';
import { PolyBudgetError, polyField } from '../../src/symbolic/poly.ts';
import { expandPolynomial } from '../../src/symbolic/nerdamer.ts';
import { det, eye, fromFunction, inverse, type Mat, mul, sub, trace } from '../../src/symbolic/matrix.ts';
import { complexOver, fractionField } from '../../src/symbolic/field.ts';
import { makeRng } from '../../src/core/random.ts';

describe('polynomial engine of the symbolic witness (src/symbolic/poly.ts)', () => {
  it('expands, cancels and compares rational functions exactly', () => {
    const P = polyField();
    const [a, b] = [P.symbol('a'), P.symbol('b')];
    const sq = P.mul(P.add(a, b), P.add(a, b));
    expect(P.numeratorString(sq)).toBe('a^2 + 2*a*b + b^2');
    // (a² − b²)/(a − b) − (a + b) = 0
    const q = P.div(P.sub(P.mul(a, a), P.mul(b, b)), P.sub(a, b));
    expect(P.isZero(P.sub(q, P.add(a, b)))).toBe(true);
    // 1/(1+a) + a/(1+a) = 1, with the shared denominator kept as one factor
    const onePlusA = P.add(P.one(), a);
    expect(P.isZero(P.sub(P.add(P.div(P.one(), onePlusA), P.div(a, onePlusA)), P.one()))).toBe(true);
    expect(P.isZero(P.sub(P.rational(1, 2), P.rational(2, 4)))).toBe(true);
    expect(P.isZero(P.sub(P.rational(1, 2), P.rational(1, 3)))).toBe(false);
  });

  it('agrees with nerdamer-prime on the expansion of a symbolic 2×2 identity', () => {
    const P = polyField();
    const A = fromFunction(2, 2, (i, j) => P.symbol(`a${i}${j}`));
    const B = fromFunction(2, 2, (i, j) => P.symbol(`b${i}${j}`));
    const t = trace(P, mul(P, mul(P, A, B), A));
    expect(expandPolynomial(`${P.numeratorString(t)} - (${P.show(trace(P, mul(P, mul(P, B, A), A)))})`)).toBe('0');
    expect(P.isZero(P.sub(det(P, mul(P, A, B)), P.mul(det(P, A), det(P, B))))).toBe(true);
    expect(mul(P, A, inverse(P, A)).flat().map((x, k) => P.isZero(P.sub(x, eye(P, 2).flat()[k])))).toEqual([true, true, true, true]);
  });

  it('is consistent with exact evaluation: the symbolic value at a rational point equals the Fraction computation', () => {
    // evaluate a rational function built both ways; compare via substitution into the numerator string
    const P = polyField();
    const F = fractionField;
    const rng = makeRng(3);
    const vals = [1, 2, 3, 4].map(() => F.rational(rng.int(-20, 20), 7));
    const build = <T,>(K: typeof P | typeof F, xs: T[]) => {
      const k = K as unknown as import('../../src/symbolic/field.ts').Field<T>;
      const M: Mat<T> = [[xs[0], xs[1]], [xs[2], k.add(xs[3], k.one())]];
      return trace(k, sub(k, inverse(k, M), M));
    };
    const sym = build(P, ['x0', 'x1', 'x2', 'x3'].map((n) => P.symbol(n)));
    const num = build(F, vals);
    const subst = (s: string) => s.replace(/x(\d)/g, (_m, d) => `(${vals[Number(d)].toFraction()})`);
    const evaluated = expandPolynomial(`(${subst(P.numeratorString(sym))})/(${subst(P.denominatorString(sym))}) - (${num.toFraction()})`);
    expect(evaluated).toBe('0');
  });

  it('works over the complex numbers (conjugation through complexOver)', () => {
    const P = polyField();
    const C = complexOver(P);
    const z = { re: P.symbol('x'), im: P.symbol('y') };
    const mod2 = C.mul(z, C.conj(z));
    expect(P.numeratorString(mod2.re)).toBe('x^2 + y^2');
    expect(P.isZero(mod2.im)).toBe(true);
  });

  it('has a deterministic size budget (terms per polynomial), not a clock', () => {
    const P = polyField({ maxTerms: 50 });
    const xs = Array.from({ length: 8 }, (_, i) => P.add(P.symbol(`x${i}`), P.one()));
    expect(() => xs.reduce((acc, x) => P.mul(acc, x))).toThrow(PolyBudgetError);
  });
});
