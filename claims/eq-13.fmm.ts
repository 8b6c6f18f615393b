/** Eq. 13 (Remark 2) as printed, against Eq. 8 (paper model) and the true J_{i,j} (exact model). */
import { defineClaim } from '../src/claims/unit.ts';
import { identityCheck } from '../src/claims/checks/identity.ts';
import { exactFisher, fisherPairs } from '../src/claims/checks/identity-pairs.ts';
import { paperCovariances, paperFisherMemoryMatrixEntry, paperFisherMemoryMatrixEntryEq13AsPrinted } from '../src/models/paper.ts';

export default defineClaim({
  id: 'eq-13.fmm',
  order: 40,
  source: 'Remark 2, Eq. 13 (as printed)',
  statement: 'J_{i,j} = Tr(Σ⁻¹ V^{iᵀ} Wᵀ U^j Ψ⁻¹ U^{jᵀ} W V^j), for all i, j.',
  statementTex: 'J_{i,j} = \\operatorname{Tr}\\left(\\Sigma^{-1} V^{iT} W^T U^j \\Psi^{-1} U^{jT} W V^j\\right)',
  checks: [
    identityCheck({
      families: ['normal-real', 'non-normal'],
      models: {
        paper: (c) => {
          const cov = paperCovariances(c);
          return fisherPairs(c, (i, j) => paperFisherMemoryMatrixEntry(c, cov, i, j), (i, j) => paperFisherMemoryMatrixEntryEq13AsPrinted(c, cov, i, j), false);
        },
        exact: (c) => {
          const cov = paperCovariances(c);
          return fisherPairs(c, exactFisher(c), (i, j) => paperFisherMemoryMatrixEntryEq13AsPrinted(c, cov, i, j), false);
        },
      },
    }),
  ],
});
