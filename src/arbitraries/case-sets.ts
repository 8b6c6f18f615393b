/**
 * The case arbitraries the properties share. Bands are listed simplest first (shrinking goes there);
 * N ∈ 1..5 (the exact model then works in ≤ 25 dimensions: milliseconds per case).
 */
import fc from 'fast-check';
import { gridNumber } from './building-blocks.ts';
import { caseArbitrary, caseJson, type GeneratedCase } from './cases.ts';
import { ALL_FAMILIES, DIVERGENT_BAND, NEAR_MARGINAL_BAND, NEAR_ZERO_BAND, NONZERO_BAND, NORMAL_FAMILIES, SMALL_BAND, TYPICAL_BAND } from './matrices.ts';
import { nearBoundCases } from './near-bound.ts';

export const MAX_N = 5;

/** Normal U, V (real spectrum, complex spectrum, orthogonal × scalar), convergent, zero eigenvalues allowed. */
export const normalConvergentCases = (): fc.Arbitrary<GeneratedCase> =>
  caseArbitrary({ maxN: MAX_N, uFamilies: NORMAL_FAMILIES, vFamilies: NORMAL_FAMILIES, uBands: [TYPICAL_BAND, NEAR_MARGINAL_BAND], vBands: [TYPICAL_BAND, NEAR_MARGINAL_BAND] });

/** Normal convergent U, V as above, and one band in three near zero (log-uniform): the cases that approach the tie J_tot,rel = 1 of the paper model. */
export const normalConvergentCasesToTheTie = (): fc.Arbitrary<GeneratedCase> =>
  caseArbitrary({ maxN: MAX_N, uFamilies: NORMAL_FAMILIES, vFamilies: NORMAL_FAMILIES, uBands: [TYPICAL_BAND, NEAR_MARGINAL_BAND, NEAR_ZERO_BAND], vBands: [TYPICAL_BAND, NEAR_MARGINAL_BAND, NEAR_ZERO_BAND] });

/**
 * Normal U, V with every eigenvalue modulus in (0, 1) (the hypothesis 0 < |λ| < 1 of the remark before
 * Corollary 2.1), near zero too (log-uniform down to 1e-7), where the weights g come within 1e-14 of 1.
 */
export const normalNonzeroSpectrumCases = (): fc.Arbitrary<GeneratedCase> =>
  caseArbitrary({ maxN: MAX_N, uFamilies: NORMAL_FAMILIES, vFamilies: NORMAL_FAMILIES, uBands: [NONZERO_BAND, NEAR_MARGINAL_BAND, NEAR_ZERO_BAND], vBands: [NONZERO_BAND, NEAR_MARGINAL_BAND, NEAR_ZERO_BAND] });

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

/**
 * General cases with a loud input: W scaled by 10^t, t ∈ [0, 4] (shrinking to 0, the case unchanged):
 * where the signal outweighs the noise by up to 1e8 more, so that E[Tr(XᵀX)] comes within 1e-10 of
 * its signal part Σ_i ‖U^{iᵀ}WV^i‖_F² (the second "≤" of Eq. 33 near equality).
 */
export const loudInputCases = (): fc.Arbitrary<GeneratedCase> =>
  fc.tuple(generalCases(), gridNumber(0, 4)).map(([g, t]) => {
    const f = 10 ** t;
    return { ...g, W: { ...g.W, rows: g.W.rows.map((r) => r.map((x) => x * f)), frobeniusNorm: g.W.frobeniusNorm * f } };
  });

/** General cases, and one in four with a loud input (loudInputCases). */
export const generalAndLoudCases = (): fc.Arbitrary<GeneratedCase> => fc.oneof({ weight: 3, arbitrary: generalCases() }, { weight: 1, arbitrary: loudInputCases() });

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

/** General and strongly non-normal cases, and one in four near Theorem 3's bound (near-bound.ts: the best W for U, V built to approach J_rel = N² in the exact model and J_rel = N in the paper's). */
export const theorem3Cases = (): fc.Arbitrary<GeneratedCase> =>
  fc.oneof({ weight: 2, arbitrary: generalCases() }, { weight: 1, arbitrary: shearCases() }, { weight: 1, arbitrary: nearBoundCases() }, { weight: 1, arbitrary: scalarConvergentCases() });

/**
 * N = 1 with convergent u, v (typical band): where Theorem 3's bound N² = 1 is tight in the exact model
 * and the paper model's J_rel = (1 − u²)(1 − v²)/(1 − u²v²) sweeps all of [0, 1] (the general cases
 * leave its middle buckets to chance: about 26 defined N = 1 cases in a run of 200).
 */
export const scalarConvergentCases = (): fc.Arbitrary<GeneratedCase> =>
  caseArbitrary({ maxN: 1, uFamilies: NORMAL_FAMILIES, vFamilies: NORMAL_FAMILIES, uBands: [TYPICAL_BAND], vBands: [TYPICAL_BAND] });

/** A memory case: a case of Eq. 5 and the read weight α₁ of the one slot (1, the paper's value, or in (0, 1)). */
export interface MemoryCase {
  base: GeneratedCase;
  alpha: number;
}

/** Cases of Eq. 5 of every family, convergent, one in five with near-marginal bands (ρ → 1), and the slot's read weight. */
export const memoryCases = (): fc.Arbitrary<MemoryCase> =>
  fc.record({
    base: fc.oneof(
      { weight: 4, arbitrary: caseArbitrary({ maxN: MAX_N, uFamilies: ALL_FAMILIES, vFamilies: ALL_FAMILIES, uBands: [TYPICAL_BAND], vBands: [TYPICAL_BAND] }) },
      { weight: 1, arbitrary: caseArbitrary({ maxN: MAX_N, uFamilies: ALL_FAMILIES, vFamilies: ALL_FAMILIES, uBands: [TYPICAL_BAND, NEAR_MARGINAL_BAND], vBands: [TYPICAL_BAND, NEAR_MARGINAL_BAND] }) },
    ),
    alpha: fc.oneof({ withCrossShrink: true }, fc.constant(1), gridNumber(0.05, 0.95)),
  });

export const describeCase = (g: GeneratedCase): Record<string, unknown> => caseJson(g);
export const describeMemoryCase = (m: MemoryCase): Record<string, unknown> => ({ ...caseJson(m.base), slots: 1, alpha: [m.alpha] });
