/** Eqs. 28–30: the space-time matrices J^st_U, J^st_V and the Fisher memory they give, against each model. */
import { defineClaim } from '../src/claims/unit.ts';
import { identityCheck } from '../src/claims/checks/identity.ts';
import { eq30Pair, exactFisher, fisherPairs } from '../src/claims/checks/identity-pairs.ts';
import { exactCovariance, exactTotalCapacity } from '../src/models/exact.ts';
import { paperCovariances, paperFisherMemoryMatrixEntry, paperFisherMemoryMatrixEntryEq29, paperTotalCapacity } from '../src/models/paper.ts';

export default defineClaim({
  id: 'eq-28-30.spacetime',
  order: 70,
  source: 'Section 2.4.2, Eqs. 28–30',
  statement: 'With J^st_V(i,j) = V^j Σ⁻¹ V^{iᵀ} and J^st_U(i,j) = U^i Ψ⁻¹ U^{jᵀ}: J_{i,j} = Tr(W J^st_V(i,j) Wᵀ J^st_U(i,j)) (Eq. 29), J_tot = Σ_i Tr(W J^st_V(i,i) Wᵀ J^st_U(i,i)) (Eq. 30).',
  statementTex: 'J_{i,j} = \\operatorname{Tr}\\left(W J^{st}_{V(i,j)} W^T J^{st}_{U(i,j)}\\right),\\quad J_{tot} = \\sum_i \\operatorname{Tr}\\left(W J^{st}_{V(i,i)} W^T J^{st}_{U(i,i)}\\right)',
  checks: [
    identityCheck({
      families: ['normal-real', 'non-normal'],
      models: {
        paper: (c) => {
          const cov = paperCovariances(c);
          return [...fisherPairs(c, (i, j) => paperFisherMemoryMatrixEntry(c, cov, i, j), (i, j) => paperFisherMemoryMatrixEntryEq29(c, cov, i, j), false), eq30Pair(c, paperTotalCapacity(c, cov).jtot)];
        },
        exact: (c) => {
          const cov = paperCovariances(c);
          return [...fisherPairs(c, exactFisher(c), (i, j) => paperFisherMemoryMatrixEntryEq29(c, cov, i, j), false), eq30Pair(c, exactTotalCapacity(c, exactCovariance(c)).jtot)];
        },
      },
    }),
  ],
});
