/**
 * A property's cases by their fast-check path: the value a path designates (a replay), and the
 * counterexample fast-check shrinks from a failing case. The same seed and path always give the
 * same value, so `matmem verify --claim ID --seed S --path P` replays a counterexample exactly.
 */
import fc from 'fast-check';
import { InputError } from '../../errors.ts';
import type { AnalyticModel as ModelName } from '../../core/types.ts';
import { reportedMargin } from '../../core/verdict.ts';
import { evaluateSequenceWithin } from './case-budget.ts';
import type { CaseEvaluation } from './property-kit.ts';
import type { PropertyClaim } from './property-types.ts';

export function replayCommand(id: string, seed: number, rest: string): string {
  return `matmem verify --claim ${id} --seed ${seed} ${rest}`.trim();
}

/** The value at a fast-check path (a run index, then shrink steps). */
export function valueAtPath<C>(prop: PropertyClaim<C>, seed: number, path: string): C {
  let captured: { v: C } | null = null;
  // A predicate that fails at once makes fast-check stop on the value the path designates.
  try {
    fc.check(
      fc.property(prop.arbitrary, (v) => {
        if (captured === null) captured = { v };
        return false;
      }),
      { seed, path, endOnFailure: true },
    );
  } catch (err) {
    throw new InputError(`--path ${path}: fast-check cannot replay this path for claim ${prop.id} with seed ${seed} (${(err as Error).message}); take the path from a replay command`);
  }
  if (captured === null) throw new InputError(`--path ${path}: no case of claim ${prop.id} at this path with seed ${seed}; take the path from a replay command`);
  return (captured as { v: C }).v;
}

/**
 * fast-check's shrunk counterexample, starting at `path` (a failing case's index, or a replayed path):
 * the smallest case that still fails by `failing`, its path, and the command that replays it.
 */
export function shrinkFrom<C>(prop: PropertyClaim<C>, model: ModelName, seed: number, path: string, failing: (e: CaseEvaluation) => boolean, caseTimeoutSeconds: number): Record<string, unknown> {
  let last: { value: C; evaluation: CaseEvaluation } | null = null;
  // each candidate under the case budget; the sequence is deterministic (seed, path), so it can be replayed
  const result = evaluateSequenceWithin(
    (evaluate) =>
      fc.check(
        fc.property(prop.arbitrary, (value) => {
          const evaluation = evaluate(() => prop.evaluate(model, value));
          if (failing(evaluation)) {
            last = { value, evaluation };
            return false;
          }
          return true;
        }),
        { seed, path },
      ),
    caseTimeoutSeconds,
  );
  if (!result.failed || result.counterexample === null || result.counterexamplePath === null) {
    throw new Error(`property ${prop.id} (${model}): the failing case at path ${path} did not fail again — evaluation is not deterministic`);
  }
  const value = result.counterexample[0] as C;
  const evaluation = last !== null && (last as { value: C }).value === value ? (last as { evaluation: CaseEvaluation }).evaluation : prop.evaluate(model, value);
  const p = result.counterexamplePath;
  return {
    seed,
    counterexamplePath: p,
    shrinks: result.numShrinks,
    outcome: evaluation.margin < -evaluation.errorBound ? 'violated' : 'equal within the error bound',
    case: prop.describe(value),
    margin: reportedMargin(evaluation, prop.kind),
    errorBound: evaluation.errorBound,
    numbers: evaluation.numbers,
    replay: replayCommand(prop.id, seed, `--path ${p} --model ${model}`),
  };
}
