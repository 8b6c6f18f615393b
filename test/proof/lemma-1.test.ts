import { describe, expect, it } from 'vitest';
import { lazy } from '../helpers/lazy.ts';
import { checkDerivation } from '../../src/proof/check.ts';
import { fractionField } from '../../src/symbolic/field.ts';
import { gaussianExpectation, lemma1 } from '../../proofs/lemma-1.ts';

describe('Lemma 1 derivation (proofs/lemma-1.ts)', () => {
  const report = lazy(() => checkDerivation(lemma1, { seed: 1, runs: 200 }));
  const step = (i: number) => report().steps.find((s) => s.index === i)!;
  const verdict = (i: number) => step(i).verdict;
  const identityDetail = (i: number) => step(i).witnesses!.find((w) => w.witness === 'identity')!.detail;

  it('every witness of every step agrees with its step (no engine disagreement)', () => {
    for (const s of report().steps) for (const w of s.witnesses ?? []) expect([s.index, w.witness, w.verdict]).toEqual([s.index, w.witness, s.verdict]);
  });

  it('Appendix A is right for rectangular matrices (A row n×n, B column p×p), checked at 2×3', () => {
    // 1: |B⊗A| = |A|^p|B|^n and the vec quadratic form is the trace form: the density is vec X ~ N(vec M, B⊗A)
    expect(verdict(1)).toBe('holds');
    // 2: entry (j₁n+i₁, j₂n+i₂) of B⊗A + vec M vec Mᵀ is a_{i₁i₂}b_{j₁j₂} + m m (A indexed by rows)
    expect(verdict(2)).toBe('holds');
    // 3: Tr(B⁻¹DᵀA⁻¹D) = Σ D_ti D_kj u_tk v_ji (cyclic trace, entries of a 4-fold product)
    expect(verdict(3)).toBe('holds');
    // 5: (x − m)(x − m) with the cross term once
    expect(verdict(5)).toBe('holds');
    // 6: Σ u_tk v_ji a_tk b_ij factors into Tr(A₂⁻¹A₁)Tr(B₂⁻¹B₁)
    expect(verdict(6)).toBe('holds');
    // 7: E[Tr(B₂⁻¹(X−M₂)ᵀA₂⁻¹(X−M₂))] = Tr Tr + Mahalanobis, by exact Gaussian expectation and by Tr(QS) + dᵀQd
    expect(verdict(7)).toBe('holds');
    // 10: PART 1 = Σ uv ab = np
    expect(verdict(10)).toBe('holds');
    // 11: E[log p₁ − log p₂] = −C₁ − ½np + C₂ + ½TrTr + ½Mahalanobis
    expect(verdict(11)).toBe('holds');
    // 12: the final form equals the textbook KL of the vectorized normals at 2×3
    expect(verdict(12)).toBe('holds');
  });

  it('the printed expansion of the integrand lists m_ti x_kj twice; PART 1 carries it one line and drops it', () => {
    // 4: printed − correct = −Σ u v m_ti x_kj, a non-zero scalar at a random point
    expect(verdict(4)).toBe('fails');
    expect(identityDetail(4)).toMatch(/scalar/);
    // 8: the printed post-expectation line IS the expectation of the printed (wrong) expansion: ab − mm
    expect(verdict(8)).toBe('holds');
    // 9: Σuv(ab + mm − mm − mm) = np − Tr(B⁻¹MᵀA⁻¹M) ≠ Σuv ab = np
    expect(verdict(9)).toBe('fails');
  });

  it('the main-text statement holds for n = p and fails for n ≠ p (swapped determinant exponents)', () => {
    // 13: with n = p the exponents coincide
    expect(verdict(13)).toBe('holds');
    // 14: |Σ|^p|Ψ|^n should be |Σ|^n|Ψ|^p (Σ p×p column, Ψ n×n row): the rational parts agree, the log part differs
    expect(verdict(14)).toBe('fails');
    expect(identityDetail(14)).toMatch(/logarithmic part/);
    // 15: exchanging the exponents makes it hold at 2×3
    expect(verdict(15)).toBe('holds');
    // 16: the transcription Appendix A → main text is the step that breaks (log part again)
    expect(verdict(16)).toBe('fails');
    expect(identityDetail(16)).toMatch(/logarithmic part/);
    // 17: reading MN(M, Σ, Ψ) with Σ as row covariance puts the inverses of the Mahalanobis term on the wrong sides
    expect(verdict(17)).toBe('fails');
    expect(identityDetail(17)).toMatch(/rational part/);
  });

  it('lemma-1.kl is named as statement only by the main-text steps', () => {
    expect(lemma1.steps.flatMap((s, i) => (s.claims.includes('lemma-1.kl') ? [i + 1] : []))).toEqual([13, 14]);
    expect(lemma1.steps.every((s) => s.claims.includes('lemma-1.kl') || (s.supports ?? []).includes('lemma-1.kl'))).toBe(true);
  });

  it('gaussianExpectation is exact for quadratics: E[x₁₁x₂₂] = S + m₁₁m₂₂ and E[x₁₂] = m₁₂ (2×2, column-stacked)', () => {
    const F = fractionField;
    const q = (a: number, b = 1) => F.rational(a, b);
    const M = [
      [q(1), q(-2)],
      [q(3, 2), q(5)],
    ];
    // vec order: x₁₁, x₂₁, x₁₂, x₂₂ → x₁₁ is index 0, x₂₂ index 3, x₁₂ index 2
    const S = [0, 1, 2, 3].map((i) => [0, 1, 2, 3].map((j) => q(i === j ? 2 : 0) as ReturnType<typeof q>));
    S[0][3] = q(7, 3);
    S[3][0] = q(7, 3);
    const e1 = gaussianExpectation(F, (X) => F.mul(X[0][0], X[1][1]), M, S);
    expect(F.show(e1)).toBe(F.show(F.add(q(7, 3), q(5))));
    const e2 = gaussianExpectation(F, (X) => X[0][1], M, S);
    expect(F.show(e2)).toBe(F.show(q(-2)));
    const e3 = gaussianExpectation(F, (X) => F.mul(X[1][1], X[1][1]), M, S);
    expect(F.show(e3)).toBe(F.show(q(27)));
  });
});
