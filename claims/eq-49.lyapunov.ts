/** Eq. 49 as printed: the Lyapunov forms of Ψ and Σ, with Ψ and Σ from their series (Eq. 9). */
import { defineClaim } from '../src/claims/unit.ts';
import { identityCheck } from '../src/claims/checks/identity.ts';
import { eq9BySeries } from '../src/claims/checks/identity-pairs.ts';
import { identity, relativeDifference } from '../src/linalg/dense.ts';
import { caseSize } from '../src/models/case.ts';

export default defineClaim({
  id: 'eq-49.lyapunov',
  order: 80,
  source: 'Section 5, Eq. 49 (as printed)',
  statement: 'Ψ and Σ of Eq. 9 satisfy UᵀΨU + I = Ψ and VᵀΣV + I = Σ.',
  statementTex: 'U^T \\Psi U + I = \\Psi,\\qquad V^T \\Sigma V + I = \\Sigma',
  checks: [
    identityCheck({
      families: ['scalar', 'normal-real', 'non-normal'],
      models: {
        paper: (c) => {
          const { psi, sigma } = eq9BySeries(c);
          const n = caseSize(c);
          const lhsPsi = c.U.transpose().mmul(psi).mmul(c.U).add(identity(n));
          const lhsSigma = c.V.transpose().mmul(sigma).mmul(c.V).add(identity(n));
          return [
            { a: lhsPsi.norm('frobenius'), b: psi.norm('frobenius'), what: `‖UᵀΨU + I − Ψ‖/‖Ψ‖ (ε₁ = ${c.e1.toPrecision(3)})`, relGap: relativeDifference(lhsPsi, psi) },
            { a: lhsSigma.norm('frobenius'), b: sigma.norm('frobenius'), what: `‖VᵀΣV + I − Σ‖/‖Σ‖ (ε₂ = ${c.e2.toPrecision(3)})`, relGap: relativeDifference(lhsSigma, sigma) },
          ];
        },
      },
    }),
  ],
});
