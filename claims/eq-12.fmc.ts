/** Eq. 12: the Fisher memory curve, against the vectorized Fisher information (paper model) and the true FMC (exact model); Monte Carlo decides between the models. */
import { defineClaim } from '../src/claims/unit.ts';
import { identityCheck } from '../src/claims/checks/identity.ts';
import { fisherPairs, vectorizedPaperFisher } from '../src/claims/checks/identity-pairs.ts';
import { exactCovariance, exactFisherMemoryCurve } from '../src/models/exact.ts';
import { paperCovariances, paperFisherMemoryCurve } from '../src/models/paper.ts';

export default defineClaim({
  id: 'eq-12.fmc',
  order: 30,
  source: 'Corollary 1.1, Eq. 12',
  statement: 'The Fisher memory curve is J(i) = Tr(Σ⁻¹ V^{iᵀ} Wᵀ U^i Ψ⁻¹ U^{iᵀ} W V^i).',
  statementTex: 'J(i) = \\operatorname{Tr}\\left(\\Sigma^{-1} V^{iT} W^T U^i \\Psi^{-1} U^{iT} W V^i\\right)',
  checks: [
    identityCheck({
      families: ['scalar', 'normal-real', 'normal-complex', 'non-normal'],
      models: {
        paper: (c) => {
          const fmc = paperFisherMemoryCurve(c, paperCovariances(c), 4);
          return fisherPairs(c, vectorizedPaperFisher(c), (i) => fmc[i], true);
        },
        exact: (c) => {
          const fmc = paperFisherMemoryCurve(c, paperCovariances(c), 4);
          const ex = exactFisherMemoryCurve(c, exactCovariance(c), 4);
          return fisherPairs(c, (i) => ex[i], (i) => fmc[i], true);
        },
      },
      simulation: true,
    }),
  ],
});
