/** Lemma 2: the Fisher information of the input, against −∂² log p by a second difference. */
import { defineClaim } from '../src/claims/unit.ts';
import { gaussianLemmaCheck } from '../src/claims/checks/gaussian-lemmas.ts';

export default defineClaim({
  id: 'lemma-2.input-fisher',
  order: 100,
  source: 'Lemma 2, Eqs. 24–25',
  statement: 'The Fisher information of X = W s₀ + Z, Z ~ MN(0, ε₁I, ε₂I), about s₀ is I(W) = Tr(WᵀW)/(ε₁ε₂).',
  statementTex: 'I(W) = \\frac{1}{\\varepsilon_1\\varepsilon_2}\\operatorname{Tr}(W^TW) = \\frac{\\|W\\|_F^2}{\\varepsilon_1\\varepsilon_2}',
  checks: [gaussianLemmaCheck('lemma2')],
});
