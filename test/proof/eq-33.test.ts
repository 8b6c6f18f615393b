import { describe, expect, it } from 'vitest';
import { lazy } from '../helpers/lazy.ts';
import { checkDerivation } from '../../src/proof/check.ts';
import { eq33 } from '../../proofs/eq-33.ts';

describe('Eq. 33 derivation (proofs/eq-33.ts)', () => {
  const report = lazy(() => checkDerivation(eq33, { seed: 1, runs: 200 }));
  const verdict = (i: number) => report().steps.find((s) => s.index === i)!.verdict;

  it('each link of the chain holds in the paper model', () => {
    // 1: linearity of the trace; 2: Tr(AB) ≤ Tr A Tr B for A, B ⪰ 0 (twice); 3: Tr(DᵀD) = ‖D‖_F²;
    // 4: the noise term of E[Tr XᵀX] is ≥ 0
    for (const i of [1, 2, 3, 4]) expect(verdict(i), `step ${i}`).toBe('holds');
    // 5: the first bound, end to end (paper J_tot)
    expect(verdict(5)).toBe('holds');
    // 7: the second bound (link 4 times Tr Σ⁻¹ Tr Ψ⁻¹)
    expect(verdict(7)).toBe('holds');
  });

  it('the first bound fails for the true law', () => {
    // 6: at N = 1 the true J_tot is I(W) but the bound is g·I(W) < I(W)
    expect(verdict(6)).toBe('fails');
  });

  it('statement steps', () => {
    expect(eq33.steps.map((s) => [s.claims, s.model])).toEqual([
      [[], 'paper'],
      [[], 'paper'],
      [[], 'paper'],
      [[], 'paper'],
      [['eq-33.dynamic-range'], 'paper'],
      [['eq-33.dynamic-range'], 'exact'],
      [['eq-33.dynamic-range'], 'paper'],
    ]);
  });
});
