/**
 * Section 2.5.1, Eq. 33: J_tot ≤ Tr(Σ⁻¹)Tr(Ψ⁻¹) Σ_i ‖U^{iᵀ} W V^i‖_F² ≤ Tr(Σ⁻¹)Tr(Ψ⁻¹) E[Tr(XᵀX)]
 * (the last factor for a unit-variance i.i.d. input; the final "< … N²R" needs the dynamic-range
 * assumption and is not a property of the linear system). Σ, Ψ are those of Eq. 9 in both models;
 * J_tot is the paper's (Eq. 16) or the true one. margin = the smaller relative slack of the two "≤".
 */
import type { GeneratedCase } from '../src/arbitraries/cases.ts';
import { toMatrixCase } from '../src/arbitraries/cases.ts';
import { ModelUndefinedError } from '../src/errors.ts';
import { eq33Chain, paperCovariances } from '../src/models/paper.ts';
import { describeCase, generalAndLoudCases, MAX_N } from '../src/arbitraries/case-sets.ts';
import { ALL_INPUT_FAMILIES } from '../src/arbitraries/inputs.ts';
import { ALL_FAMILIES } from '../src/arbitraries/matrices.ts';
import { caseDimensions, distanceBuckets } from '../src/claims/checks/case-coverage.ts';
import { defaultCapacityKit, type CapacityKit } from '../src/claims/checks/property-kit.ts';
import { guarded, paperCovarianceError, requireResolvable } from '../src/claims/checks/property-kit.ts';
import type { PropertyClaim } from '../src/claims/checks/property-types.ts';
import { propertyClaim } from '../src/claims/checks/property.ts';

/** The smaller relative slack of the two "≤", as a distance: 0 is equality (the first one at N = 1). */
const slack = distanceBuckets([0, 1e-6, 1e-3, 0.1, 0.5], 1, '|slack|');

export function makeEq33Property(kit: CapacityKit = defaultCapacityKit): PropertyClaim<GeneratedCase> {
  return {
    id: 'eq-33.dynamic-range',
    source: 'Section 2.5.1, Eq. 33',
    statement: 'J_tot ≤ Tr(Σ⁻¹)Tr(Ψ⁻¹) Σ_i ‖U^{iᵀ}WV^i‖_F² ≤ Tr(Σ⁻¹)Tr(Ψ⁻¹) E[Tr(XᵀX)].',
    statementTex: 'J_{tot} \\le \\mathrm{Tr}(\\Sigma^{-1})\\mathrm{Tr}(\\Psi^{-1})\\sum_i \\|U^{iT}WV^i\\|_F^2 \\le \\mathrm{Tr}(\\Sigma^{-1})\\mathrm{Tr}(\\Psi^{-1})\\,\\mathbb{E}[\\mathrm{Tr}(X^TX)]',
    kind: 'inequality',
    quantity: { paper: 'J_tot / (Tr Σ⁻¹ Tr Ψ⁻¹ Σ‖UⁱᵀWVⁱ‖²)', exact: 'true J_tot / (Tr Σ⁻¹ Tr Ψ⁻¹ Σ‖UⁱᵀWVⁱ‖²)' },
    models: ['paper', 'exact'],
    notes: {
      paper: 'At N = 1 the first "≤" is an equality (Σ⁻¹, Ψ⁻¹ are scalars).',
      exact: 'The bound uses the paper factors Σ, Ψ of Eq. 9, which exist only when ρ(U), ρ(V) < 1; with N = 1 the true J_tot is I(W) while the bound is g·I(W), so the first "≤" fails whenever g < 1.',
    },
    arbitrary: generalAndLoudCases(),
    evaluate: (model, g) =>
      guarded(() => {
        const c = toMatrixCase(g);
        const r = kit[model](c);
        let cov;
        try {
          cov = paperCovariances(c);
        } catch (err) {
          if (err instanceof ModelUndefinedError) throw new ModelUndefinedError(`the bound's Σ, Ψ (Eq. 9) do not exist: ${err.message}`, err.reason, err.details);
          throw err;
        }
        // the bounds rest on Tr Σ⁻¹ and Tr Ψ⁻¹ even where J_tot does not (the exact model): a case whose
        // Σ, Ψ cannot be inverted to six digits (at N = 1: ρ(V) within about 1e-9 of 1, where 16·u/(1 − ρ²) passes 1e-6) is undefined for the bound
        const covError = paperCovarianceError(c, cov);
        requireResolvable(covError.relativeError, "the bound's Σ, Ψ (Eq. 9)", { ...r.numbers, boundCovarianceError: covError.relativeError, steinAmplification: covError.amplification });
        const chain = eq33Chain(c, cov);
        const s1 = (chain.normSumBound - r.jtot) / chain.normSumBound;
        const s2 = (chain.stateNormBound - chain.normSumBound) / chain.stateNormBound;
        // the bounds come from the same kind of Stein solutions as J_tot (Gram matrix, Ψ, Σ): their error is of the same order
        const err = 2 * r.relativeError + 2 * covError.relativeError;
        return {
          value: r.jtot / chain.normSumBound,
          margin: Math.min(s1, s2),
          bound: 1,
          errorBound: err,
          numbers: { jtot: r.jtot, normSumBound: chain.normSumBound, stateNormBound: chain.stateNormBound, meanNormSum: chain.meanNormSum, expectedStateNorm: chain.expectedStateNorm, N: g.N },
        };
      }),
    describe: describeCase,
    size: (g) => g.N,
    coverage: [
      ...caseDimensions((g: GeneratedCase) => g, { uFamilies: ALL_FAMILIES, vFamilies: ALL_FAMILIES, wFamilies: ALL_INPUT_FAMILIES, maxN: MAX_N }),
      { name: 'smaller slack of the two ≤', buckets: slack.buckets, bucket: (_g, e) => (e.undefinedReason === undefined ? slack.of(e.margin, e.errorBound) : undefined) },
    ],
  };
}

export const eq33Property = makeEq33Property();

export default propertyClaim(eq33Property, 150);
