/**
 * Expected verdicts derived from evidence the test computes itself, through the project's one rule
 * (src/core/verdict.ts), never written as literals: each gap between two sides computed independently of the
 * code under test is a case of an identity (0 confirms it, a non-zero gap refutes it); no gap at all is no evidence.
 */
import { classifyCase, verdictOfCases } from '../../src/core/verdict.ts';
import type { Verdict } from '../../src/core/types.ts';

export const verdictOfGaps = (...gaps: number[]): Verdict => verdictOfCases(gaps.map((g) => classifyCase('identity', -Math.abs(g), 0)));

/**
 * A verdict from two conditions the test computes from its own numbers (a significant fall, an interval above ½,
 * an exact p-value against the level): a refutation is a gap, a confirmation a case without one, neither no case.
 */
export const verdictOfEvidence = (confirmed: boolean, refuted: boolean): Verdict => (refuted ? verdictOfGaps(1) : confirmed ? verdictOfGaps(0) : verdictOfGaps());
