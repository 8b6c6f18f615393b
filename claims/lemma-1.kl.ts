/** Lemma 1: the KL divergence of two matrix normals, in the main text's form and Appendix A's, against the vectorized normal. */
import { defineClaim } from '../src/claims/unit.ts';
import { gaussianLemmaCheck } from '../src/claims/checks/gaussian-lemmas.ts';

export default defineClaim({
  id: 'lemma-1.kl',
  order: 90,
  source: 'Lemma 1 (main text) and Appendix A',
  statement:
    'D_KL(MN(M₁,Σ₁,Ψ₁) ‖ MN(M₂,Σ₂,Ψ₂)) = ½[log(|Σ₂|^p|Ψ₂|^n/(|Σ₁|^p|Ψ₁|^n)) − np + Tr(Ψ₂⁻¹Ψ₁)Tr(Σ₂⁻¹Σ₁) + Tr(Σ₂⁻¹(M₂−M₁)ᵀΨ₂⁻¹(M₂−M₁))] for n×p matrices.',
  statementTex:
    'D_{KL} = \\tfrac12\\left[\\log\\frac{|\\Sigma_2|^p|\\Psi_2|^n}{|\\Sigma_1|^p|\\Psi_1|^n} - np + \\operatorname{Tr}(\\Psi_2^{-1}\\Psi_1)\\operatorname{Tr}(\\Sigma_2^{-1}\\Sigma_1) + \\operatorname{Tr}(\\Sigma_2^{-1}\\Delta M^T\\Psi_2^{-1}\\Delta M)\\right]',
  checks: [gaussianLemmaCheck('lemma1')],
});
