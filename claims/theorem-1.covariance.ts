/** Theorem 1 (Eq. 9): the covariance of X(n) is Σ ⊗ Ψ. Decided by comparing Σ ⊗ Ψ with the covariance the paper's own solution (Eq. 10) implies (paper model) and with the true covariance (exact model); Monte Carlo decides between the models. */
import { defineClaim } from '../src/claims/unit.ts';
import { identityCheck } from '../src/claims/checks/identity.ts';
import { covariancePairs, eq10NoiseCovariance } from '../src/claims/checks/identity-pairs.ts';
import { exactCovariance, exactCovarianceMatrix } from '../src/models/exact.ts';

export default defineClaim({
  id: 'theorem-1.covariance',
  order: 10,
  source: 'Theorem 1, Eq. 9 (from Eq. 10)',
  statement: 'Given the inputs, X(n) is matrix normal with row covariance Ψ = ε₁ Σ U^{kᵀ}U^k and column covariance Σ = ε₂ Σ V^{kᵀ}V^k, i.e. cov(vec X(n)) = Σ ⊗ Ψ.',
  statementTex: '\\operatorname{cov}(\\operatorname{vec} X(n)) = \\Sigma \\otimes \\Psi,\\quad \\Psi = \\varepsilon_1 \\sum_k U^{kT}U^k,\\ \\Sigma = \\varepsilon_2 \\sum_k V^{kT}V^k',
  checks: [
    identityCheck({
      families: ['scalar', 'normal-real', 'normal-complex', 'non-normal'],
      models: {
        paper: (c) => covariancePairs(c, eq10NoiseCovariance(c)),
        exact: (c) => covariancePairs(c, exactCovarianceMatrix(exactCovariance(c))),
      },
      simulation: true,
    }),
  ],
});
