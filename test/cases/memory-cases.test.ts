// The memory claims' cases (src/cases/memory-cases.ts): N = 1, 2, 3 in turn, even indices normal, radii in
// [0.05, 0.95] (exactly the drawn radius for the non-normal ones), ‖W‖_F = 1, ε₁ = ε₂ = 1; read weights on the simplex.
// Tolerances: products of orders ≤ 5 in float64 leave residuals of a few ulp (~1e-16) per entry; 1e-14 allows
// 100× that, and 1e-12 on eigenvalue ranges covers the eigen-solver's own error, far below the ranges (≥ 0.05) checked.
import { EigenvalueDecomposition, Matrix } from 'ml-matrix';
import { describe, expect, it } from 'vitest';
import { memoryClaimCases, simplexAlphas } from '../../src/cases/memory-cases.ts';

const radius = (m: Matrix) => {
  const e = new EigenvalueDecomposition(m);
  return Math.max(...e.realEigenvalues.map((re, i) => Math.hypot(re, e.imaginaryEigenvalues[i])));
};

describe('memoryClaimCases', () => {
  // drawn inside each test, not while the suite is collected: a mutant is active only inside tests
  const draw = () => memoryClaimCases(5, 12);
  it('sizes cycle 1, 2, 3; even indices are normal, and so is every 1×1 case', () => {
    const cases = draw();
    expect(cases.map((c) => [c.index, c.c.U.rows, c.normal])).toEqual(Array.from({ length: 12 }, (_, i) => [i, 1 + (i % 3), i % 2 === 0 || i % 3 === 0]));
  });

  it('normal cases are symmetric; every case has ρ ≤ 0.95, non-normal ones ρ ≥ 0.05', () => {
    for (const { c, normal } of draw()) {
      for (const m of [c.U, c.V]) {
        expect(radius(m)).toBeLessThanOrEqual(0.95 + 1e-12);
        if (normal) expect(Matrix.sub(m, m.transpose()).norm('frobenius')).toBeLessThan(1e-14);
        else expect(radius(m)).toBeGreaterThanOrEqual(0.05 - 1e-12);
      }
      expect(c.W.norm('frobenius')).toBeCloseTo(1, 14);
      expect([c.e1, c.e2]).toEqual([1, 1]);
    }
  });

  it('the same cases for a seed, other cases for another', () => {
    const cases = draw();
    expect(memoryClaimCases(5, 12).map((c) => c.c.U.to2DArray())).toEqual(cases.map((c) => c.c.U.to2DArray()));
    expect(memoryClaimCases(6, 1)[0].c.U.get(0, 0)).not.toBe(cases[0].c.U.get(0, 0));
  });
});

describe('simplexAlphas', () => {
  it('one weight vector per case and size, in order, positive and summing to 1', () => {
    const a = simplexAlphas(3, 2, [1, 3]);
    expect(a.map((x) => x.length)).toEqual([1, 3, 1, 3]);
    for (const x of a) {
      expect(x.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 14);
      for (const v of x) expect(v).toBeGreaterThan(0);
    }
    expect(a[1]).not.toEqual(a[3]);
    expect(simplexAlphas(3, 2, [1, 3])).toEqual(a);
  });
});
