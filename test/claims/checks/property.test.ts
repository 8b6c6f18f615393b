/** The runner: classification consistent with verdict.ts, statistics over all cases, exact replay of counterexamples. */
import { describe, expect, test } from 'vitest';
import { reportedMargin, verdictFromOutcomes } from '../../../src/claims/verdict.ts';
import { classifyEvaluation, replayPropertyCase, runPropertyClaim } from '../../../src/claims/checks/property.ts';
import { corollary21Property } from '../../../properties/corollary-2.1.ts';
import { theorem3Property } from '../../../properties/theorem-3.ts';
import { traceIdentityProperty } from '../../../properties/eq-28-30.trace-identity.ts';
import type { ClaimKind } from '../../../src/claims/checks/property-types.ts';

describe('classifyEvaluation', () => {
  test('agrees with verdict.ts on single cases', () => {
    const kinds: ClaimKind[] = ['identity', 'inequality', 'strict'];
    const margins = [5, 1e-9, 0, -1e-13, -1e-11, -5e-10, -1];
    for (const kind of kinds) {
      for (const margin of margins) {
        const e = { value: 0, margin, errorBound: 1e-12, numbers: {} };
        const v = verdictFromOutcomes([{ label: 'x', size: 1, data: {}, ...e }], { claimId: 'x', model: 'paper', quantity: 'q', kind, replay: '' }).verdict;
        const c = classifyEvaluation(kind, e);
        expect(v).toBe(c === 'holds' ? 'holds' : c === 'fails' ? 'fails' : 'inconclusive');
      }
    }
  });
});

describe('runPropertyClaim', () => {
  test('counts undefined cases and computes statistics over the defined ones', () => {
    const r = runPropertyClaim(theorem3Property, { model: 'paper', runs: 50, seed: 3 });
    expect(r.cases).toBe(50);
    expect(r.undefinedCases!).toBeGreaterThan(0);
    expect(r.statistics!.min).toBeLessThanOrEqual(r.statistics!.median);
    expect(r.statistics!.median).toBeLessThanOrEqual(r.statistics!.max);
    expect(r.detail).toMatch(/undefined in \d+ cases/);
  });

  test('a failing claim carries a replayable shrunk counterexample', () => {
    const r = runPropertyClaim(corollary21Property, { model: 'exact', runs: 30, seed: 5 });
    expect(r.verdict).toBe('fails');
    const cx = r.counterexample as { seed: number; counterexamplePath: string; case: Record<string, unknown>; margin: number; replay: string };
    expect(cx.seed).toBe(5);
    // the replay names the model the counterexample came from
    expect(r.replay).toBe(`matmem verify --claim corollary-2.1 --seed 5 --path ${cx.counterexamplePath} --model exact`);
    const again = replayPropertyCase(corollary21Property, { seed: 5, path: cx.counterexamplePath, model: 'exact' });
    expect(again.case).toEqual(cx.case);
    // the reported margin is the room after the error bound (a strict claim: margin − bound, < 0 here)
    expect(reportedMargin(again.evaluation, 'strict')).toBe(cx.margin);
    expect(cx.margin).toBeLessThan(0);
    expect(again.outcome).toBe('fails');
    // --path runs exactly that case
    const one = runPropertyClaim(corollary21Property, { model: 'exact', runs: 30, seed: 5, path: cx.counterexamplePath });
    expect(one.cases).toBe(1);
    expect(one.verdict).toBe('fails');
  });

  test('a model where the claim has no meaning is reported, not skipped', () => {
    const r = runPropertyClaim(traceIdentityProperty, { model: 'exact', runs: 10, seed: 1 });
    expect(r.verdict).toBe('inconclusive');
    expect(r.detail).toMatch(/Not defined in the exact model/);
  });
});
