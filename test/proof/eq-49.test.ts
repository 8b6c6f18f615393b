import { describe, expect, it } from 'vitest';
import { lazy } from '../helpers/lazy.ts';
import { checkDerivation } from '../../src/proof/check.ts';
import { eq49 } from '../../proofs/eq-49.ts';

describe('Eq. 49 derivation (proofs/eq-49.ts)', () => {
  const report = lazy(() => checkDerivation(eq49, { seed: 1, runs: 200 }));
  const verdict = (i: number) => report().steps.find((s) => s.index === i)!.verdict;

  it('the printed form fails for ε ≠ 1; the corrected form and the ε = 1 case hold', () => {
    // 1: UᵀΨU = Ψ − ε₁I, so UᵀΨU + I − Ψ = (1 − ε₁)I: every diagonal entry differs
    expect(verdict(1)).toBe('fails');
    // 2: UᵀΨ_K U + ε₁I = Ψ_{K+1} exactly, and in the float64 limit
    expect(verdict(2)).toBe('holds');
    // 3: at ε₁ = ε₂ = 1 the printed form is the corrected one
    expect(verdict(3)).toBe('holds');
  });

  it('only the printed form is a statement of eq-49.lyapunov', () => {
    expect(eq49.steps.map((s) => s.claims)).toEqual([['eq-49.lyapunov'], [], []]);
  });
});
