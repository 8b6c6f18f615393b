// Input validation of a case (src/models/case.ts): every refusal names the problem, and the documented ranges
// are the boundaries (inside accepted, just outside refused).
import { Matrix } from 'ml-matrix';
import { describe, expect, it } from 'vitest';
import { caseSize, makeCase, matrixFromRows, NOISE_PRODUCT_RANGE, NOISE_RANGE, validateCase, W_ENTRY_MAX } from '../../src/models/case.ts';
import { InputError } from '../../src/errors.ts';

describe('matrixFromRows', () => {
  it('reads rows into a matrix', () => {
    expect(matrixFromRows('U', [[1, 2], [3, 4]]).to2DArray()).toEqual([[1, 2], [3, 4]]);
  });

  it.each([
    ['not an array', 5, 'U must be a 2-D array of numbers'],
    ['empty', [], 'U is empty'],
    ['first row not an array', [1, 2], 'U must be a 2-D array of numbers (row 1 is not a non-empty array)'],
    ['first row empty', [[]], 'U must be a 2-D array of numbers (row 1 is not a non-empty array)'],
    ['a later row not an array', [[1], 2], 'U: row 2 is not an array'],
    ['ragged', [[1, 2], [3]], 'U: ragged rows (row 1 has 2 entries, row 2 has 1)'],
    ['a string entry', [[1, '2']], 'U[1][2] is not a number ("2")'],
    ['a non-finite entry', [[1], [Infinity]], 'U[2][1] is not finite (Infinity)'],
  ])('refuses %s', (_what, rows, message) => {
    expect(() => matrixFromRows('U', rows)).toThrow(new InputError(message));
  });
});

describe('validateCase', () => {
  const m = (n: number, x = 0.1) => Matrix.eye(n, n).mul(x);
  const ok = { U: m(2), V: m(2), W: m(2, 1), e1: 1, e2: 1 };

  it('accepts a square case of one size and returns it; caseSize is N', () => {
    expect(validateCase(ok)).toBe(ok);
    expect(caseSize(ok)).toBe(2);
  });

  it('refuses non-square and mismatched matrices, naming which', () => {
    expect(() => validateCase({ ...ok, V: new Matrix(2, 3) })).toThrow('V must be square, got 2×3');
    expect(() => validateCase({ ...ok, W: m(3) })).toThrow('U, V and W must have the same size: U is 2×2, W is 3×3');
    expect(() => validateCase({ ...ok, U: new Matrix(1, 2) })).toThrow('U must be square, got 1×2');
  });

  it('refuses noise levels that are not finite positive numbers', () => {
    expect(() => validateCase({ ...ok, e1: NaN })).toThrow('e1 (noise variance) must be a finite number, got NaN');
    expect(() => validateCase({ ...ok, e2: 0 })).toThrow('e2 (noise variance) must be positive, got 0');
    expect(() => validateCase({ ...ok, e2: -1 })).toThrow('e2 (noise variance) must be positive, got -1');
  });

  it('the documented ranges are the boundaries: ε in [1e-100, 1e100], ε₁ε₂ in [1e-150, 1e150], |W| ≤ 1e100', () => {
    expect([NOISE_RANGE, NOISE_PRODUCT_RANGE, W_ENTRY_MAX]).toEqual([[1e-100, 1e100], [1e-150, 1e150], 1e100]);
    expect(() => validateCase({ ...ok, e1: 1e-100, e2: 1e-50 })).not.toThrow();
    // (1e100·1e50 rounds to 1.0000000000000002e150 in float64, just outside: the inner point is 1e100·1e49)
    expect(() => validateCase({ ...ok, e1: 1e100, e2: 1e49 })).not.toThrow();
    expect(() => validateCase({ ...ok, e1: 1e-101 })).toThrow(/e1 = 1e-101 is outside \[1e-100, 1e\+100\]; J\(k\) and J_tot scale exactly/);
    expect(() => validateCase({ ...ok, e2: 1.1e100 })).toThrow(/e2 = 1\.1e\+100 is outside/);
    expect(() => validateCase({ ...ok, e1: 1e-100, e2: 1e-51 })).toThrow(/e1·e2 = .* is outside \[1e-150, 1e\+150\], where the float64 solvers stay accurate/);
    expect(() => validateCase({ ...ok, e1: 1e100, e2: 1e51 })).toThrow(/e1·e2 = .* is outside/);
    // the product's upper end itself is inside: 1e75 · (1e150/1e75) rounds to exactly 1e150 in float64
    expect(1e75 * (1e150 / 1e75)).toBe(1e150);
    expect(() => validateCase({ ...ok, e1: 1e75, e2: 1e150 / 1e75 })).not.toThrow();
    expect(() => validateCase({ ...ok, W: m(2, 1e100) })).not.toThrow();
    expect(() => validateCase({ ...ok, W: m(2, -2e100) })).toThrow(/W has an entry of size 2e\+100, above 1e\+100/);
    expect(() => validateCase({ ...ok, W: m(2, 2e100) })).toThrow(/W has an entry of size 2e\+100/);
  });

  it('makeCase reads rows and defaults ε₁ = ε₂ = 1', () => {
    const c = makeCase([[0.5]], [[0.4]], [[2]]);
    expect([c.U.get(0, 0), c.V.get(0, 0), c.W.get(0, 0), c.e1, c.e2]).toEqual([0.5, 0.4, 2, 1, 1]);
    expect(() => makeCase([[0.5]], [[0.4]], [['x']] as unknown as number[][])).toThrow('W[1][1] is not a number ("x")');
    expect(() => makeCase([['x']] as unknown as number[][], [[0.4]], [[2]])).toThrow('U[1][1] is not a number ("x")');
    expect(() => makeCase([[0.5]], [[Infinity]], [[2]])).toThrow('V[1][1] is not finite (Infinity)');
    expect(makeCase([[0.5]], [[0.4]], [[2]], 0.5, 3).e2).toBe(3);
  });
});
