/**
 * The identity witness: both sides evaluated exactly (Fractions) at random rational points. By
 * Schwartz–Zippel a non-zero numerator of total degree ≤ d vanishes at a uniform point of Sᵏ with
 * probability ≤ d/|S|, so `holds` after r points is wrong with probability ≤ (d/|S|)^r.
 */
import type Fraction from 'fraction.js';
import type { WitnessResult } from '../../core/types.ts';
import type { Rng } from '../../core/random.ts';
import { complexOver, DivisionByZeroError, type Complex, fractionField } from '../../symbolic/field.ts';
import { compareValues, truncate, type Comparison } from '../compare.ts';
import { buildEnv, domainSize, drawNumerator, SAMPLE_DENOMINATOR, type Source } from '../environment.ts';
import type { AlgebraicWitnessSpec, ScalarDomain } from '../types.ts';

/** A witness's result and, when it fails, the point or case that shows it. */
export interface IdentityOutcome {
  result: WitnessResult;
  counterexample: Record<string, unknown> | null;
}

export function runIdentity(w: AlgebraicWitnessSpec, rng: Rng, points: number): IdentityOutcome {
  if (w.identity?.skip) return { result: { witness: 'identity', verdict: 'inconclusive', detail: `not run: ${w.identity.skip}` }, counterexample: null };
  const n = w.identity?.points ?? points;
  const Fr = fractionField;
  const src: Source<Fraction> = { base: Fr, scalar: (_l, d) => Fr.rational(drawNumerator(rng, d), SAMPLE_DENOMINATOR), spdAsProduct: true };
  const domains = new Set<ScalarDomain>();
  for (const v of w.variables) {
    if (v.kind === 'scalar') domains.add(v.domain ?? 'any');
    else domains.add(v.structure === 'spd' ? 'small' : v.domain ?? 'small');
  }
  const S = Math.min(...[...domains].map(domainSize));
  let singular = 0;
  let done = 0;
  for (let attempt = 0; done < n && attempt < n + 20; attempt++) {
    const point: Record<string, unknown> = {};
    try {
      let cmp: Comparison;
      if (w.complex) {
        const C = complexOver(Fr);
        const env = buildEnv(w.variables, C, src, (b: Fraction): Complex<Fraction> => ({ re: b, im: Fr.zero() }), point);
        cmp = compareValues(C, w.lhs(C, env), w.rhs(C, env));
      } else {
        const env = buildEnv(w.variables, Fr, src, (b: Fraction) => b, point);
        cmp = compareValues(Fr, w.lhs(Fr, env), w.rhs(Fr, env));
      }
      done++;
      if (!cmp.equal) {
        return {
          result: {
            witness: 'identity',
            verdict: 'fails',
            points: done,
            detail: `exact rational evaluation at point ${done}: the sides differ at ${cmp.where} (lhs ${truncate(cmp.lhs, 120)}, rhs ${truncate(cmp.rhs, 120)})`,
          },
          counterexample: { witness: 'identity', point, where: cmp.where, lhs: cmp.lhs, rhs: cmp.rhs, ...(cmp.difference ? { difference: cmp.difference } : {}) },
        };
      }
    } catch (e) {
      if (e instanceof DivisionByZeroError) {
        singular++;
        continue;
      }
      return { result: { witness: 'identity', verdict: 'inconclusive', detail: `exact evaluation error: ${(e as Error).message}` }, counterexample: null };
    }
  }
  if (done < n) return { result: { witness: 'identity', verdict: 'inconclusive', detail: `only ${done} of ${n} points avoided singular denominators (${singular} singular)` }, counterexample: null };
  const p = Math.pow(w.degree / S, n);
  return {
    result: {
      witness: 'identity',
      verdict: 'holds',
      points: n,
      errorBound: p,
      degree: w.degree,
      valuesPerCoordinate: S,
      detail: `equal exactly at ${n} random rational points (denominator ${SAMPLE_DENOMINATOR}, ${S} values per coordinate${singular ? `, ${singular} singular points resampled` : ''}); Schwartz–Zippel: a false identity of degree ≤ ${w.degree} passes with probability ≤ (${w.degree}/${S})^${n} = ${p.toExponential(2)}`,
    },
    counterexample: null,
  };
}
