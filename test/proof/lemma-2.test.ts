import { describe, expect, it } from 'vitest';
import { checkDerivation, checkStep } from '../../src/proof/check.ts';
import { fractionField } from '../../src/symbolic/field.ts';
import { jetField, lemma2, secondDerivative } from '../../proofs/lemma-2.ts';
import type { AlgebraicWitnessSpec, ProofStep } from '../../src/proof/types.ts';

describe('Lemma 2 derivation (proofs/lemma-2.ts)', () => {
  it('every step holds: Eq. 24 is the Fisher information of vec X ~ N(vec(W) s₀, ε₁ε₂ I)', () => {
    const report = checkDerivation(lemma2, { seed: 1, runs: 200 });
    // 1: MN(Ws₀, ε₁I, ε₂I) density = vectorized normal with covariance ε₁ε₂I
    // 2: dropping the s-free constant and (εI)⁻¹ = ε⁻¹I leaves −1/(2ε₁ε₂)Tr((X−Ws)ᵀ(X−Ws))
    // 3: the constant −1/(2ε₁ε₂) leaves the derivative and the expectation
    // 4: the trace commutes with ∂²_s
    // 5: ∂²_s of (X−Ws)ᵀ(X−Ws) is 2WᵀW entrywise
    // 6: 1/(2ε₁ε₂)·Tr(2WᵀW) = Tr(WᵀW)/(ε₁ε₂)
    // 7: −∂²_s log p = Tr(WᵀW)/(ε₁ε₂) for every X, and = vec(W)ᵀC⁻¹vec(W) = ‖W‖²_F/(ε₁ε₂)
    expect(report.steps.map((s) => s.verdict)).toEqual(Array(7).fill('holds'));
  });

  it('the jets give exact second derivatives (s³ → 6s, 1/s → 2/s³)', () => {
    const F = fractionField;
    const s0 = F.rational(3, 7);
    expect(F.show(secondDerivative(F, s0, (J, s) => J.mul(s, J.mul(s, s))))).toBe(F.show(F.rational(18, 7)));
    expect(F.show(secondDerivative(F, s0, (J, s) => J.div(J.one(), s)))).toBe(F.show(F.div(F.rational(2), F.mul(s0, F.mul(s0, s0)))));
    expect(jetField(F).name).toMatch(/jets/);
  });

  it('a wrong Fisher information (without the 1/(ε₁ε₂) factor) fails the statement step', () => {
    const base = lemma2.steps[6];
    expect(base.claims).toEqual(['lemma-2.input-fisher']);
    const w = base.witnesses[0] as AlgebraicWitnessSpec;
    const wrong: ProofStep = { ...base, witnesses: [{ ...w, rhs: (F, v) => F.mul(w.rhs(F, v) as never, F.mul(v.s('e1'), v.s('e2'))) }] };
    expect(checkStep(wrong, 7, 'lemma-2-mutant', { seed: 1, runs: 200 }).verdict).toBe('fails');
  });
});
