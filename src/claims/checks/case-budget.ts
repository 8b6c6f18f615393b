/**
 * A time budget per generated case, so that no case can hang a property run: the evaluations run
 * inside a `vm` call with a timeout, which V8 enforces even on a synchronous loop (as for a user's
 * checks, src/claims/user-units.ts). A case that does not finish within the budget on its own is
 * reported as undefined (reason `time-budget`), and the run goes on with the next case.
 *
 * One vm call per case would cost about as much as a small case itself, so cases run in batches: a
 * batch starts cases until half the budget has passed, under a vm timeout of the whole budget. When
 * the timeout stops a batch, the case it stopped is run again alone with the whole budget: it is
 * undefined only if it cannot finish alone. So every case gets the same budget, and a case's result
 * does not depend on the cases beside it (only a case near the budget depends on the machine's speed).
 *
 * Shrinking asks for one case after another (fast-check decides the next from the last answer), so its
 * cases cannot be listed first: `evaluateSequenceWithin` runs the whole sequence in one vm call and, when
 * the timeout stops it, answers the case it stopped alone and replays the sequence from its start with
 * the answers it already has.
 */
import vm from 'node:vm';
import { undefinedEvaluation, type CaseEvaluation } from './property-kit.ts';

/** The budget of one case unless `verify --case-timeout` says otherwise: far above any case matmem generates (milliseconds). */
export const DEFAULT_CASE_TIMEOUT_SECONDS = 60;

const sandbox = vm.createContext({});

function isTimeout(err: unknown): boolean {
  return (err as { code?: unknown } | null)?.code === 'ERR_SCRIPT_EXECUTION_TIMEOUT';
}

function runWithin<T>(fn: () => T, ms: number): T {
  (sandbox as { __matmemCase?: () => T }).__matmemCase = fn;
  try {
    return vm.runInContext('__matmemCase()', sandbox, { timeout: Math.max(1, Math.round(ms)) }) as T;
  } finally {
    (sandbox as { __matmemCase?: unknown }).__matmemCase = undefined;
  }
}

export function timeBudgetEvaluation(seconds: number): CaseEvaluation {
  return undefinedEvaluation(`time-budget: the case did not finish within ${seconds} s (verify --case-timeout)`, { caseTimeoutSeconds: seconds });
}

/** One evaluation under the budget (shrinking and replays evaluate one case at a time). */
export function evaluateWithin(evaluate: () => CaseEvaluation, seconds: number): CaseEvaluation {
  try {
    return runWithin(evaluate, seconds * 1000);
  } catch (err) {
    if (isTimeout(err)) return timeBudgetEvaluation(seconds);
    throw err;
  }
}

/** Evaluates every value, each under the budget, in order. */
export function evaluateAllWithin<C>(values: readonly C[], evaluate: (c: C) => CaseEvaluation, seconds: number): CaseEvaluation[] {
  const out: CaseEvaluation[] = new Array(values.length);
  const budget = seconds * 1000;
  let next = 0;
  while (next < values.length) {
    let current = next;
    try {
      runWithin(() => {
        const start = performance.now();
        while (next < values.length && performance.now() - start < budget / 2) {
          current = next;
          out[current] = evaluate(values[current]);
          next = current + 1;
        }
      }, budget);
    } catch (err) {
      if (!isTimeout(err)) throw err;
      // the batch was stopped while case `current` ran: alone, with the whole budget
      out[current] = evaluateWithin(() => evaluate(values[current]), seconds);
      next = current + 1;
    }
  }
  return out;
}

/**
 * A deterministic sequence of evaluations, each under the budget, in one vm call instead of one per
 * case (each vm call with a timeout starts a watchdog: a fifth of a millisecond, as much as a small
 * case). `run` must ask for the same evaluations in the same order whenever it gets the same answers
 * (fast-check's shrinking from a seed and a path does). When the timeout stops the sequence during an
 * evaluation, that evaluation runs again alone with the whole budget, and `run` starts over, its
 * earlier evaluations answered from what they gave.
 */
export function evaluateSequenceWithin<R>(run: (evaluate: (fn: () => CaseEvaluation) => CaseEvaluation) => R, seconds: number): R {
  const answers: CaseEvaluation[] = [];
  for (;;) {
    let asked = 0;
    const running: { fn: (() => CaseEvaluation) | null } = { fn: null };
    const before = answers.length;
    const evaluate = (fn: () => CaseEvaluation): CaseEvaluation => {
      const i = asked++;
      if (i < answers.length) return answers[i];
      running.fn = fn;
      const e = fn();
      running.fn = null;
      answers.push(e);
      return e;
    };
    try {
      return runWithin(() => run(evaluate), seconds * 1000);
    } catch (err) {
      if (!isTimeout(err)) throw err;
      if (running.fn !== null) answers.push(evaluateWithin(running.fn, seconds));
      else if (answers.length === before) throw new Error(`a sequence of evaluations spent the whole budget of ${seconds} s between two evaluations`);
    }
  }
}
