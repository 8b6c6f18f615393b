/**
 * The per-case time budget (src/claims/checks/case-budget.ts): a case that loops for ever is reported
 * undefined with the reason time-budget and the run goes on; every other case is evaluated as without
 * the budget; an error that is not a timeout (a bug) still propagates.
 */
import { describe, expect, it } from 'vitest';
import { evaluateAllWithin, evaluateWithin } from '../../../src/claims/checks/case-budget.ts';
import type { CaseEvaluation } from '../../../src/claims/checks/property-kit.ts';

const ok = (x: number): CaseEvaluation => ({ value: x, margin: x, errorBound: 0, numbers: { x } });

function spinForever(): never {
  for (;;) {
    // a case that never finishes (V8 stops it through the vm timeout)
  }
}

describe('the per-case budget', () => {
  it('a case that loops is undefined (time-budget), the cases around it are evaluated', () => {
    // budget 0.2 s: far above the microseconds a case below takes, short enough for a test
    const started = Date.now();
    const out = evaluateAllWithin([1, 2, 3, 4], (x) => (x === 3 ? spinForever() : ok(x)), 0.2);
    expect(out.map((e) => e.undefinedReason?.split(':')[0])).toEqual([undefined, undefined, 'time-budget', undefined]);
    expect(out.map((e) => e.value)).toEqual([1, 2, NaN, 4]);
    expect(out[2].numbers.caseTimeoutSeconds).toBe(0.2);
    // the looping case ran at most the batch's budget and then its own: well under 2 s
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('many quick cases in one batch come back in order, as evaluated directly', () => {
    const xs = Array.from({ length: 1000 }, (_, i) => i * 0.5);
    expect(evaluateAllWithin(xs, ok, 60).map((e) => e.value)).toEqual(xs);
  });

  it('a case that throws a bug propagates (only a timeout is a budget case)', () => {
    expect(() =>
      evaluateAllWithin([1], () => {
        throw new TypeError('a bug');
      }, 1),
    ).toThrow('a bug');
  });

  it('one evaluation under the budget (shrinking, replays)', () => {
    expect(evaluateWithin(() => ok(7), 1).value).toBe(7);
    expect(evaluateWithin(spinForever, 0.05).undefinedReason).toMatch(/^time-budget: the case did not finish within 0.05 s/);
  });
});
