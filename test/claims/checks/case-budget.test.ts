/**
 * The per-case time budget (src/claims/checks/case-budget.ts): a case that loops for ever is reported
 * undefined with the reason time-budget and the run goes on; every other case is evaluated as without
 * the budget; an error that is not a timeout (a bug) still propagates.
 */
import { describe, expect, it } from 'vitest';
import { evaluateAllWithin, evaluateSequenceWithin, evaluateWithin } from '../../../src/claims/checks/case-budget.ts';
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

describe('a sequence of evaluations under the budget (shrinking)', () => {
  /** A sequence whose next question depends on the last answer, like fast-check's shrinking. */
  const walk = (slowAt: number, evaluate: (fn: () => CaseEvaluation) => CaseEvaluation, log: number[]) => {
    const seen: number[] = [];
    let x = 0;
    for (let step = 0; step < 6; step++) {
      const e = evaluate(() => {
        log.push(x);
        return x === slowAt ? spinForever() : ok(x);
      });
      seen.push(Number.isNaN(e.value) ? -1 : e.value);
      x = Number.isNaN(e.value) ? x + 10 : x + 1;
    }
    return seen;
  };

  it('answers every evaluation as evaluated directly, in one vm call when none is stopped', () => {
    const log: number[] = [];
    expect(evaluateSequenceWithin((evaluate) => walk(-5, evaluate, log), 60)).toEqual([0, 1, 2, 3, 4, 5]);
    // each case evaluated once
    expect(log).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('a case that loops is undefined (time-budget); the sequence goes on from that answer, each earlier case evaluated once', () => {
    // budget 0.2 s: far above the microseconds a case takes, short enough for a test
    const log: number[] = [];
    const seen = evaluateSequenceWithin((evaluate) => walk(2, evaluate, log), 0.2);
    expect(seen).toEqual([0, 1, -1, 12, 13, 14]);
    // 0 and 1 once (answered from memory on the replay), 2 stopped in the sequence and again alone
    expect(log).toEqual([0, 1, 2, 2, 12, 13, 14]);
  });

  it('a bug thrown by an evaluation propagates', () => {
    expect(() =>
      evaluateSequenceWithin((evaluate) => evaluate(() => {
        throw new TypeError('a bug');
      }), 1),
    ).toThrow('a bug');
  });
});
