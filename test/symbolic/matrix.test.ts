import { describe, expect, it } from 'vitest';
import { complexOver, type Complex, fractionField } from '../../src/symbolic/field.ts';
import { eye, fromFunction, inverse, type Mat, mul, solve, steinSolve, transpose, add, sub, kron, vec } from '../../src/symbolic/matrix.ts';
import { makeRng } from '../../src/core/random.ts';
import type { Fraction } from 'mathjs';

const F = fractionField;
const rng = makeRng(11);
const rand = (r: number, c: number): Mat<Fraction> => fromFunction(r, c, () => F.rational(rng.int(-50, 50), rng.int(1, 30)));
const isZero = (m: Mat<Fraction>) => m.every((row) => row.every((x) => x.n === 0n));

describe('exact linear algebra over ℚ and ℚ(i) (fraction-free solve)', () => {
  it('solve and inverse are exact: A X − B = 0 and A A⁻¹ = I', () => {
    for (const n of [3, 5, 8]) {
      const A = rand(n, n);
      const B = rand(n, 2);
      expect(isZero(sub(F, mul(F, A, solve(F, A, B)), B))).toBe(true);
      expect(isZero(sub(F, mul(F, A, inverse(F, A)), eye(F, n)))).toBe(true);
    }
  });

  it('steinSolve gives X = A X Aᵀ + Q exactly (16×16 system)', () => {
    const A = fromFunction(4, 4, () => F.rational(rng.int(-9, 9), 40));
    const Q = rand(4, 4);
    const X = steinSolve(F, A, Q);
    expect(isZero(sub(F, X, add(F, mul(F, mul(F, A, X), transpose(A)), Q)))).toBe(true);
    // and through vec: (I − A ⊗ A) vec X = vec Q
    expect(isZero(sub(F, mul(F, sub(F, eye(F, 16), kron(F, A, A)), vec(X)), vec(Q)))).toBe(true);
  });

  it('complex systems are solved exactly (real and genuinely complex coefficients)', () => {
    const C = complexOver(F);
    const z = (): Complex<Fraction> => ({ re: F.rational(rng.int(-20, 20), 7), im: F.rational(rng.int(-20, 20), 9) });
    const A: Mat<Complex<Fraction>> = fromFunction(4, 4, z);
    const B: Mat<Complex<Fraction>> = fromFunction(4, 1, z);
    const X = solve(C, A, B);
    const R = sub(C, mul(C, A, X), B);
    expect(R.every((row) => row.every((x) => C.isZero(x) === true))).toBe(true);
    expect(() => solve(F, [[F.one(), F.one(), F.one()], [F.one(), F.one(), F.one()], [F.zero(), F.one(), F.zero()]], rand(3, 1))).toThrow(/singular/);
  });
});
