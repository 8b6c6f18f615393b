// The numeric witness (src/proof/witnesses/numeric.ts): the worst component of each case against its tolerance
// (|lhs − rhs| for eq, lhs − rhs for le), NaN as a violation, skipped cases counted with their reasons.
import { describe, expect, it } from 'vitest';
import { runNumeric } from '../../../src/proof/witnesses/numeric.ts';
import { makeRng } from '../../../src/core/random.ts';
import type { NumericOutcome, NumericWitnessSpec } from '../../../src/proof/types.ts';
import { verdictOfGaps } from '../../helpers/expected-verdicts.ts';

/** The expected verdict from the test's own numbers: how far each case's gap exceeds its tolerance. */
const beyond = (...cases: [gap: number, tolerance: number][]) => verdictOfGaps(...cases.map(([g, t]) => (Number.isNaN(g) ? Infinity : Math.max(0, g - t))));

const witness = (evaluate: (k: number) => NumericOutcome, count?: number): NumericWitnessSpec<unknown> => ({
  type: 'numeric', inputs: 'k = 0, 1, …', generate: (_rng, k) => k, evaluate: (k) => evaluate(k as number), describe: (k) => ({ k }), ...(count ? { count } : {}),
});
const eq = (lhs: number | number[], rhs: number | number[], tolerance: number, extra: Partial<NumericOutcome> = {}): NumericOutcome => ({ relation: 'eq', lhs, rhs, tolerance, toleranceReason: `tol ${tolerance}`, ...extra });

describe('runNumeric', () => {
  it('holds: every case within tolerance; the worst case\'s gap and tolerance are reported', () => {
    const r = runNumeric(witness((k) => eq(1, 1 + 0.1 * k, 1)), makeRng(1), 4).result;
    // gaps 0, 0.1, 0.2, 0.3 against tolerance 1: the worst is the last
    expect(r).toMatchObject({ witness: 'numeric', verdict: beyond([0, 1], [0.1, 1], [0.2, 1], [0.3, 1]), cases: 4, tolerance: 1, toleranceReason: 'tol 1' });
    expect(r.worstGap).toBeCloseTo(0.3, 15);
    expect('skipped' in r).toBe(false);
    expect(r.detail).toBe(`float64: holds within tolerance in all 4 cases (k = 0, 1, …); worst case: gap ${(0.30000000000000004).toExponential(2)} against tolerance 1.00e+0; tolerance: tol 1`);
  });

  it('the worst case is the one with the least room, not the largest gap', () => {
    const r = runNumeric(witness((k) => (k === 0 ? eq(0, 5, 10) : eq(0, 1, 1.5))), makeRng(1), 2).result;
    expect([r.worstGap, r.tolerance]).toEqual([1, 1.5]);
  });

  it('le: only lhs − rhs > tolerance violates; eq: |lhs − rhs|', () => {
    expect(runNumeric(witness(() => ({ ...eq(-5, 0, 0), relation: 'le' })), makeRng(1), 2).result.verdict).toBe(beyond([-5 - 0, 0]));
    expect(runNumeric(witness(() => eq(-5, 0, 0)), makeRng(1), 2).result.verdict).toBe(beyond([Math.abs(-5 - 0), 0]));
  });

  it('fails at the first violating case, naming the component, with the case and its values', () => {
    const o = runNumeric(witness((k) => eq([1, 2, 3], [1, 2 + k, 3], 0.5, { values: { note: k } })), makeRng(1), 5);
    expect(o.result).toMatchObject({ verdict: beyond([0, 0.5], [1, 0.5]), cases: 2, worstGap: 1, tolerance: 0.5 });
    expect(o.result.detail).toBe('float64, case 2 (k = 0, 1, …): lhs = rhs violated at component 1: lhs = 2.000000000, rhs = 3.000000000, beyond tolerance 5.00e-1 (tol 0.5)');
    expect(o.counterexample).toEqual({ witness: 'numeric', case: { k: 1 }, relation: 'eq', lhs: [1, 2, 3], rhs: [1, 3, 3], tolerance: 0.5, note: 1 });
    const single = runNumeric(witness(() => ({ ...eq(2, 1, 0), relation: 'le' })), makeRng(1), 1).result.detail;
    expect(single).toBe('float64, case 1 (k = 0, 1, …): lhs ≤ rhs violated: lhs = 2.000000000, rhs = 1.000000000, beyond tolerance 0.00e+0 (tol 0)');
  });

  it('NaN on either side is a violation', () => {
    expect(runNumeric(witness(() => eq(NaN, 1, 1e9)), makeRng(1), 1).result.verdict).toBe(beyond([NaN, 1e9]));
  });

  it('skipped cases are counted with their reasons; none evaluated is inconclusive; the witness\'s count wins', () => {
    const some = runNumeric(witness((k) => (k % 2 ? eq(0, 0, 0, { skip: 'odd' }) : eq(0, 0, 0))), makeRng(1), 4).result;
    expect(some).toMatchObject({ verdict: beyond([0, 0], [0, 0]), cases: 2, skipped: 2 });
    expect(some.detail).toContain('in all 2 cases (k = 0, 1, …), 2 skipped: odd;');
    const none = runNumeric(witness((k) => eq(0, 0, 0, { skip: k ? 'b' : 'a' }), 3), makeRng(1), 10).result;
    expect(none).toEqual({ witness: 'numeric', verdict: beyond(), cases: 0, skipped: 3, detail: 'no case could be evaluated (a; b)' });
  });
});
