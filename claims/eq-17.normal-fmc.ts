/** Eq. 17 (normal U, V) as printed, against the FMC of each model. */
import { defineClaim } from '../src/claims/unit.ts';
import { identityCheck } from '../src/claims/checks/identity.ts';
import { eq17Pairs } from '../src/claims/checks/identity-pairs.ts';
import { exactCovariance, exactFisherMemoryCurve } from '../src/models/exact.ts';
import { paperCovariances, paperFisherMemoryCurve } from '../src/models/paper.ts';

export default defineClaim({
  id: 'eq-17.normal-fmc',
  order: 50,
  source: 'Section 2.4.1, Eq. 17 (as printed)',
  statement: 'For normal U and V: J(i) = (1/ε₁ε₂) Tr((I − Λ_V²) Λ_V^i Bᴴ Λ_U^i (I − Λ_U²) Λ_U^i B Λ_V^i), B = E_Uᴴ W E_V.',
  statementTex: 'J(i) = \\frac{1}{\\varepsilon_1\\varepsilon_2}\\operatorname{Tr}\\left((I-\\Lambda_V^2)\\Lambda_V^i B^H \\Lambda_U^i (I-\\Lambda_U^2)\\Lambda_U^i B \\Lambda_V^i\\right)',
  checks: [
    identityCheck({
      families: ['normal-real', 'normal-complex'],
      models: {
        paper: (c) => eq17Pairs(c, paperFisherMemoryCurve(c, paperCovariances(c), 4)),
        exact: (c) => eq17Pairs(c, exactFisherMemoryCurve(c, exactCovariance(c), 4)),
      },
    }),
  ],
});
