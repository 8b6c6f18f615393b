/** Eq. 8: the Fisher memory matrix of the matrix-normal law, against m_iᵀ(Σ⊗Ψ)⁻¹m_j (paper model) and the true J_{i,j} (exact model). */
import { defineClaim } from '../src/claims/unit.ts';
import { identityCheck } from '../src/claims/checks/identity.ts';
import { exactFisher, fisherPairs, vectorizedPaperFisher } from '../src/claims/checks/identity-pairs.ts';
import { paperCovariances, paperFisherMemoryMatrixEntry } from '../src/models/paper.ts';

export default defineClaim({
  id: 'eq-8.fmm',
  order: 20,
  source: 'Theorem 1, Eq. 8',
  statement: 'The Fisher memory matrix is J_{i,j} = Tr(Σ⁻¹ (∂M/∂s_i)ᵀ Ψ⁻¹ ∂M/∂s_j).',
  statementTex: 'J_{i,j} = \\operatorname{Tr}\\left(\\Sigma^{-1} \\frac{\\partial M^T}{\\partial s_i} \\Psi^{-1} \\frac{\\partial M}{\\partial s_j}\\right)',
  checks: [
    identityCheck({
      families: ['scalar', 'normal-real', 'non-normal'],
      models: {
        paper: (c) => {
          const cov = paperCovariances(c);
          return fisherPairs(c, vectorizedPaperFisher(c), (i, j) => paperFisherMemoryMatrixEntry(c, cov, i, j), false);
        },
        exact: (c) => {
          const cov = paperCovariances(c);
          return fisherPairs(c, exactFisher(c), (i, j) => paperFisherMemoryMatrixEntry(c, cov, i, j), false);
        },
      },
    }),
  ],
});
