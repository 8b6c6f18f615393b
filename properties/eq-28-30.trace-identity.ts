/**
 * The fact Theorem 3's proof leans on (text after Eq. 30): with the space-time matrices of Eq. 28,
 * J^st_V(i,i) = V^i Σ⁻¹ V^{iᵀ} and J^st_U(i,i) = U^i Ψ⁻¹ U^{iᵀ},
 *   ε₂ Σ_i Tr J^st_V(i,i) = ε₁ Σ_i Tr J^st_U(i,i) = N.
 * Evaluated independently of the identity Σ_i V^{iᵀ}V^i = Σ/ε₂ that makes it true: the series is
 * summed term by term, Σ⁻¹ taken from the model, with a rigorous bound on the remainder:
 *   Σ_{i≥K} Tr(Σ⁻¹ V^{iᵀ}V^i) ≤ λmax(Σ⁻¹) Σ_{i≥K} ‖V^i‖_F² ≤ (1/ε₂) ‖V^K‖_F² · S,
 *   S = Σ_{j<m} ‖V^j‖_F² / (1 − ‖V^m‖_F²) ≥ Σ_j ‖V^j‖_2² for the first m with ‖V^m‖_F < 1
 * (Σ ⪰ ε₂ I; ‖V^{K+j}‖_F ≤ ‖V^K‖_F ‖V^j‖_2; a geometric series in blocks of m).
 * Only the paper model has Σ and Ψ as Kronecker factors of the covariance.
 */
import type { GeneratedCase } from '../src/arbitraries/cases.ts';
import { toMatrixCase } from '../src/arbitraries/cases.ts';
import { spdConditionNumber, symmetricEigenvalues } from '../src/linalg/dense.ts';
import type { Matrix } from 'ml-matrix';
import { paperCovariances } from '../src/models/paper.ts';
import { describeCase, generalConvergentCases, MAX_N } from '../src/arbitraries/case-sets.ts';
import { ALL_INPUT_FAMILIES } from '../src/arbitraries/inputs.ts';
import { ALL_FAMILIES } from '../src/arbitraries/matrices.ts';
import { caseDimensions, errorBoundDimension, identityGapDimension } from '../src/claims/checks/case-coverage.ts';
import { guarded, requireResolvable, UNIT_ROUNDOFF } from '../src/claims/checks/property-kit.ts';
import type { PropertyClaim } from '../src/claims/checks/property-types.ts';
import { propertyClaim } from '../src/claims/checks/property.ts';
import { spaceTimeTraceSum, TRACE_SERIES_MAX_TERMS } from '../src/models/space-time.ts';

export { spaceTimeTraceSum, TRACE_SERIES_MAX_TERMS };


export const traceIdentityProperty: PropertyClaim<GeneratedCase> = {
  id: 'eq-28-30.trace-identity',
  source: 'Eqs. 28-30 and the proof of Theorem 3',
  statement: 'ε₂ Σ_i Tr J^st_V(i,i) = ε₁ Σ_i Tr J^st_U(i,i) = N, with J^st_V(i,i) = V^i Σ⁻¹ V^{iᵀ}, J^st_U(i,i) = U^i Ψ⁻¹ U^{iᵀ}.',
  statementTex: '\\varepsilon_2\\sum_{i}\\mathrm{Tr}\\,J^{st}_{V(i,i)} = \\varepsilon_1\\sum_{i}\\mathrm{Tr}\\,J^{st}_{U(i,i)} = N',
  kind: 'identity',
  quantity: { paper: 'max relative gap of ε₂ΣTr J^st_V and ε₁ΣTr J^st_U from N', exact: 'n/a' },
  models: ['paper'],
  notDefinedIn: {
    exact: 'J^st_V and J^st_U are built from the Kronecker factors Σ and Ψ of the paper covariance Σ ⊗ Ψ; the true covariance C = ε₁ε₂ Σ_k 𝒜^k 𝒜^{kᵀ} is not a Kronecker product, so Eq. 28 has no counterpart there',
  },
  arbitrary: generalConvergentCases(),
  evaluate: (_model, g) =>
    guarded(() => {
      const c = toMatrixCase(g);
      const cov = paperCovariances(c);
      const maxEig = (m: Matrix) => symmetricEigenvalues(m)[m.rows - 1];
      // λmax(Σ⁻¹) ≤ 1/ε₂ since Σ ⪰ ε₂ I (its k = 0 term); likewise Ψ.
      const sv = spaceTimeTraceSum(c.V, cov.sigmaInv, 1 / c.e2);
      const su = spaceTimeTraceSum(c.U, cov.psiInv, 1 / c.e1);
      const lhsV = c.e2 * sv.sum;
      const lhsU = c.e1 * su.sum;
      const N = g.N;
      const gap = Math.max(Math.abs(lhsV - N), Math.abs(lhsU - N)) / N;
      // Error (relative): remainder bounds; rounding of the K-term sum (4Ku); and the error of the
      // computed Σ⁻¹, Ψ⁻¹: κ times the Stein solution's error, ≈ 16 N u (κ + λmax/ε) (see numerics.ts).
      const steinV = 16 * N * UNIT_ROUNDOFF * (spdConditionNumber(cov.sigma) + maxEig(cov.sigma) / c.e2) + cov.residuals.sigma;
      const steinU = 16 * N * UNIT_ROUNDOFF * (spdConditionNumber(cov.psi) + maxEig(cov.psi) / c.e1) + cov.residuals.psi;
      const err = Math.max(c.e2 * sv.remainderBound / N + 4 * sv.terms * UNIT_ROUNDOFF + steinV, c.e1 * su.remainderBound / N + 4 * su.terms * UNIT_ROUNDOFF + steinU);
      const numbers = { N, e2SumTrJstV: lhsV, e1SumTrJstU: lhsU, termsV: sv.terms, termsU: su.terms, remainderBoundV: sv.remainderBound, remainderBoundU: su.remainderBound };
      requireResolvable(err, 'space-time trace sums', { ...numbers, relativeError: err });
      return {
        value: gap,
        margin: -gap,
        errorBound: err,
        numbers,
      };
    }),
  describe: describeCase,
  size: (g) => g.N,
  coverage: [
    ...caseDimensions((g: GeneratedCase) => g, { uFamilies: ALL_FAMILIES, vFamilies: ALL_FAMILIES, wFamilies: ALL_INPUT_FAMILIES, maxN: MAX_N, outsideRadii: ['≥ 1 (divergent)'] }),
    errorBoundDimension<GeneratedCase>(),
    identityGapDimension<GeneratedCase>(),
  ],
};

export default propertyClaim(traceIdentityProperty, 130);
