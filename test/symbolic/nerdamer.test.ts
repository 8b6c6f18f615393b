import { describe, expect, it } from 'vitest';
import { symbolicField, simplifiesToZero, expandPolynomial, symbolName, type Sym } from '../../src/symbolic/nerdamer.ts';
import { det, eye, inverse, kron, type Mat, mul, sub, trace, transpose, vec, fromFunction } from '../../src/symbolic/matrix.ts';
import { toTex } from '../../src/symbolic/latex.ts';

// The nerdamer-prime field: rational functions as strings, expanded by nerdamer-prime only in isZero.
// A generous deadline: these are small expressions (the witness itself uses the polynomial engine).
const S = symbolicField({ deadline: Date.now() + 10 * 60_000, maxLength: 200_000 });
const sym = (name: string, n = 2): Mat<Sym> => fromFunction(n, n, (i, j) => S.symbol(symbolName(name, i, j)));
const zeroMatrix = (m: Mat<Sym>): boolean => m.every((row) => row.every((x) => S.isZero(x) === true));

describe('nerdamer-prime helpers (src/symbolic)', () => {
  it('trace is the sum of the diagonal, and Tr(AB) = Tr(BA)', () => {
    const A = sym('A');
    const B = sym('B');
    expect(S.isZero(S.sub(trace(S, A), S.add(A[0][0], A[1][1])))).toBe(true);
    expect(S.isZero(S.sub(trace(S, mul(S, A, B)), trace(S, mul(S, B, A))))).toBe(true);
    // and Tr(AB) ≠ Tr(A)Tr(B)
    expect(S.isZero(S.sub(trace(S, mul(S, A, B)), S.mul(trace(S, A), trace(S, B))))).toBe(false);
  });

  it('det is multiplicative on 2×2 symbolic matrices', () => {
    const A = sym('A');
    const B = sym('B');
    expect(S.isZero(S.sub(det(S, mul(S, A, B)), S.mul(det(S, A), det(S, B))))).toBe(true);
  });

  it('kron places blocks a_ij·B, and vec(A X B) = (Bᵀ ⊗ A) vec X', () => {
    const A = sym('A');
    const B = sym('B');
    const X = sym('X');
    const K = kron(S, A, B);
    expect(K.length).toBe(4);
    expect(S.isZero(S.sub(K[2][1], S.mul(A[1][0], B[0][1])))).toBe(true);
    expect(zeroMatrix(sub(S, vec(mul(S, mul(S, A, X), B)), mul(S, kron(S, transpose(B), A), vec(X))))).toBe(true);
    // the row-major mistake (A ⊗ Bᵀ) is caught
    expect(zeroMatrix(sub(S, vec(mul(S, mul(S, A, X), B)), mul(S, kron(S, A, transpose(B)), vec(X))))).toBe(false);
  });

  it('the 2×2 adjugate inverse satisfies A·A⁻¹ = I as rational functions', () => {
    const A = sym('A');
    expect(zeroMatrix(sub(S, mul(S, A, inverse(S, A)), eye(S, 2)))).toBe(true);
  });

  it('the log trap: log(x*y) − log(x) − log(y) simplifies to 0 in nerdamer-prime (nerdamer 1.1.13 got it wrong)', () => {
    expect(simplifiesToZero('log(x*y)-log(x)-log(y)')).toBe(true);
    expect(simplifiesToZero('log(x*y)-log(x)')).toBe(false);
  });

  it('expandPolynomial expands to a canonical string', () => {
    expect(expandPolynomial('(a+b)^2-a^2-2*a*b-b^2')).toBe('0');
    expect(expandPolynomial('(a+1)*(a-1)')).toBe('-1+a^2');
  });

  it('toTex renders through mathjs and falls back to \\text for what it cannot parse', () => {
    expect(toTex('x^2/y')).toContain('\\frac');
    expect(toTex('a*b')).toContain('a');
    expect(toTex('a +* b')).toMatch(/^\\text\{/);
  });
});
