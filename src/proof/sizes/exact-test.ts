/**
 * The exact test of a size-generic witness at other sizes: both recorded sides (record.ts)
 * evaluated exactly (Fractions) at random rational points, drawn as the identity witness draws them
 * (witnesses/identity.ts), with every size class set to the size asked for. A difference is a
 * counterexample at that size; equality at every point bounds, by Schwartz–Zippel, the probability
 * that a false identity of the given degree passed.
 */
import type Fraction from 'fraction.js';
import type { Rng } from '../../core/random.ts';
import { DivisionByZeroError, fractionField } from '../../symbolic/field.ts';
import { compareValues, truncate } from '../compare.ts';
import { buildEnv, domainSize, drawNumerator, SAMPLE_DENOMINATOR, type Source } from '../environment.ts';
import type { Env, ScalarDomain, SideValue, VarSpec } from '../types.ts';
import { evaluateSide } from './evaluate.ts';
import type { SizeClasses, SizedSide } from './record.ts';

export type ExactTestOutcome =
  | { holds: true; points: number; singular: number }
  | { holds: false; counterexample: Record<string, unknown>; detail: string }
  | { inconclusive: string };

/** The witness's variables with every class resized (dimension 1 stays 1). */
export function resized(variables: VarSpec[], classes: SizeClasses, sizes: readonly number[]): VarSpec[] {
  const size = (n: number) => (n === 1 ? 1 : sizes[classes.tested.indexOf(n)]);
  return variables.map((v) => (v.kind === 'matrix' ? { ...v, rows: size(v.rows), cols: size(v.cols) } : v));
}

/** Values per sampled coordinate: the smallest domain among the variables (as the identity witness). */
export function valuesPerCoordinate(variables: VarSpec[]): number {
  const domains = new Set<ScalarDomain>(variables.map((v) => (v.kind === 'scalar' ? v.domain ?? 'any' : v.structure === 'spd' ? 'small' : v.domain ?? 'small')));
  return Math.min(...[...domains].map(domainSize));
}

function fractionSource(rng: Rng): Source<Fraction> {
  return { base: fractionField, scalar: (_label, d) => fractionField.rational(drawNumerator(rng, d), SAMPLE_DENOMINATOR), spdAsProduct: true };
}

/** Both sides at `points` random points with the classes at `sizes`; `sides` evaluates them in an environment. */
export function exactTestAt(
  variables: VarSpec[],
  classes: SizeClasses,
  sizes: readonly number[],
  rng: Rng,
  points: number,
  sides: (env: Env<Fraction>) => { lhs: SideValue<Fraction>; rhs: SideValue<Fraction> },
): ExactTestOutcome {
  const specs = resized(variables, classes, sizes);
  const src = fractionSource(rng);
  let done = 0;
  let singular = 0;
  const where = classes.names.map((n, k) => `${n} = ${sizes[k]}`).join(', ');
  for (let attempt = 0; done < points && attempt < points + 20; attempt++) {
    const point: Record<string, unknown> = {};
    try {
      const env = buildEnv(specs, fractionField, src, (b: Fraction) => b, point);
      const { lhs, rhs } = sides(env);
      const cmp = compareValues(fractionField, lhs, rhs);
      if (cmp.where === 'shape') return { inconclusive: `at ${where} the sides have different shapes (${cmp.lhs} and ${cmp.rhs}): a size fixed in the step's code` };
      done++;
      if (!cmp.equal) {
        return {
          holds: false,
          detail: `at ${where} the sides differ at ${cmp.where} (lhs ${truncate(cmp.lhs, 80)}, rhs ${truncate(cmp.rhs, 80)})`,
          counterexample: { witness: 'size certificate', sizes: Object.fromEntries(classes.names.map((n, k) => [n, sizes[k]])), point, where: cmp.where, lhs: cmp.lhs, rhs: cmp.rhs, ...(cmp.difference ? { difference: cmp.difference } : {}) },
        };
      }
    } catch (e) {
      if (e instanceof DivisionByZeroError) {
        singular++;
        continue;
      }
      return { inconclusive: `exact evaluation at ${where} failed: ${(e as Error).message}` };
    }
  }
  if (done < points) return { inconclusive: `at ${where} only ${done} of ${points} points avoided singular denominators` };
  return { holds: true, points: done, singular };
}

/** The recorded sides as the evaluator for exactTestAt. */
export function recordedSides(lhs: SizedSide, rhs: SizedSide, sizes: readonly number[], freeInverses: readonly string[] = []) {
  const inv = new Set(freeInverses);
  return (env: Env<Fraction>) => ({ lhs: evaluateSide(lhs, { F: fractionField, env, sizes, freeInverses: inv }), rhs: evaluateSide(rhs, { F: fractionField, env, sizes, freeInverses: inv }) });
}
