/**
 * Eq. 33 property on hand-made scalar cases (N = 1), against closed forms: with U = u, V = v,
 * Σ = ε₂/(1 − v²), Ψ = ε₁/(1 − u²), Σ_i ‖U^{iᵀ}WV^i‖² = w²/(1 − u²v²), the true J_tot = w²/(ε₁ε₂).
 */
import { describe, expect, it } from 'vitest';
import type { GeneratedCase } from '../../src/arbitraries/cases.ts';
import { eq33Property } from '../../properties/eq-33.dynamic-range.ts';

function scalarCase(u: number, v: number, w = 1): GeneratedCase {
  const m = (x: number) => ({ family: 'normal-real' as const, band: 'hand-made', rows: [[x]], spectralRadius: Math.abs(x), normalityDefect: 0 });
  return { N: 1, U: m(u), V: m(v), W: { family: 'dense', rows: [[w]], rank: 1, frobeniusNorm: Math.abs(w) }, e1: 1, e2: 1 };
}

describe('Eq. 33 on scalar cases', () => {
  it('exact model, u = 0, v = 0.5: true J_tot / bound = 1/(1 − v²) = 4/3, a violation', () => {
    const e = eq33Property.evaluate('exact', scalarCase(0, 0.5));
    expect(e.undefinedReason).toBeUndefined();
    // bound = (1 − v²)(1 − u²)·w²/(1 − u²v²) = 0.75; a few float64 operations: 1e-14
    expect(Math.abs(e.value - 4 / 3)).toBeLessThan(1e-14);
    expect(e.margin).toBeLessThan(-e.errorBound);
  });

  it('paper model: the first "≤" is an equality at N = 1', () => {
    const e = eq33Property.evaluate('paper', scalarCase(0.3, 0.7));
    expect(Math.abs(e.value - 1)).toBeLessThan(1e-13);
  });

  it('ρ(V) one ulp below 1: the bound\'s Σ cannot be inverted to six digits, so the case is undefined, not a statistic', () => {
    const e = eq33Property.evaluate('exact', scalarCase(0, -(1 - 2 ** -53)));
    expect(e.undefinedReason).toMatch(/ill-conditioned/);
    // the same case at ρ(V) = 0.999 is well inside float64's reach and is evaluated
    expect(eq33Property.evaluate('exact', scalarCase(0, -0.999)).undefinedReason).toBeUndefined();
  });
});
