/**
 * The case arbitraries the properties share. Bands are listed simplest first (shrinking goes there);
 * N ∈ 1..5 (the exact model then works in ≤ 25 dimensions: milliseconds per case).
 */
import fc from 'fast-check';
import { gridNumber } from './building-blocks.ts';
import { caseArbitrary, caseJson, type GeneratedCase } from './cases.ts';
import { ALL_FAMILIES, DIVERGENT_BAND, NEAR_MARGINAL_BAND, NONZERO_BAND, NORMAL_FAMILIES, SMALL_BAND, TYPICAL_BAND } from './matrices.ts';

export const MAX_N = 5;

/** Normal U, V (real spectrum, complex spectrum, orthogonal × scalar), convergent, zero eigenvalues allowed. */
export const normalConvergentCases = (): fc.Arbitrary<GeneratedCase> =>
  caseArbitrary({ maxN: MAX_N, uFamilies: NORMAL_FAMILIES, vFamilies: NORMAL_FAMILIES, uBands: [TYPICAL_BAND, NEAR_MARGINAL_BAND], vBands: [TYPICAL_BAND, NEAR_MARGINAL_BAND] });

/** Normal U, V with every eigenvalue modulus in (0, 1) (the hypothesis 0 < |λ| < 1 of the remark before Corollary 2.1). */
export const normalNonzeroSpectrumCases = (): fc.Arbitrary<GeneratedCase> =>
  caseArbitrary({ maxN: MAX_N, uFamilies: NORMAL_FAMILIES, vFamilies: NORMAL_FAMILIES, uBands: [NONZERO_BAND, NEAR_MARGINAL_BAND], vBands: [NONZERO_BAND, NEAR_MARGINAL_BAND] });

/** Convergent U, V of every family, normal and non-normal. */
export const generalConvergentCases = (): fc.Arbitrary<GeneratedCase> =>
  caseArbitrary({ maxN: MAX_N, uFamilies: ALL_FAMILIES, vFamilies: ALL_FAMILIES, uBands: [TYPICAL_BAND, NEAR_MARGINAL_BAND], vBands: [TYPICAL_BAND, NEAR_MARGINAL_BAND] });

/**
 * U, V of every family with ρ anywhere in [0, 1.6]: convergent, near-marginal, and divergent ones
 * (the paper model is then undefined; the exact one still exists when ρ(U)ρ(V) < 1, e.g. with V small).
 */
export const generalCases = (): fc.Arbitrary<GeneratedCase> =>
  caseArbitrary({
    maxN: MAX_N,
    uFamilies: ALL_FAMILIES,
    vFamilies: ALL_FAMILIES,
    uBands: [TYPICAL_BAND, NEAR_MARGINAL_BAND, DIVERGENT_BAND],
    vBands: [TYPICAL_BAND, SMALL_BAND, NEAR_MARGINAL_BAND, DIVERGENT_BAND],
  });

/** ρ of the delay lines in shearCases: large enough that the chain's memory outlasts its length. */
export const SHEAR_BAND = { min: 0.5, max: 0.95, label: 'shear [0.5, 0.95]' };

/**
 * Strongly non-normal U, V (delay lines with chain weights up to 30, Schur forms with large
 * departure), W entering at a chain's end or dense: where J_tot,rel exceeds N — up to about 2N − 1
 * (2.99 at N = 2, 4.99 at N = 3), as close to Theorem 3's N² as these structures come.
 */
export const shearCases = (): fc.Arbitrary<GeneratedCase> =>
  caseArbitrary({ maxN: 4, uFamilies: ['shift-chain', 'schur'], vFamilies: ['shift-chain', 'schur'], uBands: [SHEAR_BAND], vBands: [SHEAR_BAND], wFamilies: ['corner', 'dense'], maxChainWeight: 30, maxDeparture: 30 });

/** General cases, and one in three strongly non-normal (shearCases). */
export const generalAndShearCases = (): fc.Arbitrary<GeneratedCase> => fc.oneof({ weight: 2, arbitrary: generalCases() }, { weight: 1, arbitrary: shearCases() });

/** A memory case: a case of Eq. 5 and the read weight α₁ of the one slot (1, the paper's value, or in (0, 1)). */
export interface MemoryCase {
  base: GeneratedCase;
  alpha: number;
}

export const memoryCases = (): fc.Arbitrary<MemoryCase> =>
  fc.record({
    base: caseArbitrary({ maxN: MAX_N, uFamilies: ALL_FAMILIES, vFamilies: ALL_FAMILIES, uBands: [TYPICAL_BAND], vBands: [TYPICAL_BAND] }),
    alpha: fc.oneof({ withCrossShrink: true }, fc.constant(1), gridNumber(0.05, 0.95)),
  });

export const describeCase = (g: GeneratedCase): Record<string, unknown> => caseJson(g);
export const describeMemoryCase = (m: MemoryCase): Record<string, unknown> => ({ ...caseJson(m.base), slots: 1, alpha: [m.alpha] });
