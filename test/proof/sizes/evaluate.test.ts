// The evaluation of recorded sides (src/proof/sizes/evaluate.ts): the size-generic tree, evaluated at the tested
// sizes, gives exactly the step's own values; sizes derived from the classes evaluate as numbers.
import { describe, expect, it } from 'vitest';
import type Fraction from 'fraction.js';
import { evaluateScalar, evaluateSide } from '../../../src/proof/sizes/evaluate.ts';
import { recordWitness } from '../../../src/proof/sizes/record.ts';
import { buildEnv, drawNumerator, SAMPLE_DENOMINATOR } from '../../../src/proof/environment.ts';
import { compareValues } from '../../../src/proof/compare.ts';
import { fractionField } from '../../../src/symbolic/field.ts';
import { add, det, eye, inverse, kron, mul, scale, steinTransposed, transpose, vec } from '../../../src/symbolic/matrix.ts';
import { makeRng } from '../../../src/core/random.ts';
import type { AlgebraicWitnessSpec, VarSpec } from '../../../src/proof/types.ts';

const m = (name: string, r = 2, c = r, structure: 'general' | 'spd' = 'general'): VarSpec => ({ name, kind: 'matrix', rows: r, cols: c, structure });

describe('evaluating recorded sides', () => {
  it('gives the step\'s own values at the tested size, for products, Kronecker products, vec, inverses, Stein solves and determinants', () => {
    const w: AlgebraicWitnessSpec = {
      type: 'algebraic',
      variables: [m('A'), m('B'), m('P', 2, 2, 'spd'), { name: 'e', kind: 'scalar', domain: 'positive' }],
      degree: 1,
      lhs: (F, v) => add(F, mul(F, kron(F, transpose(v.m('B')), v.m('A')), vec(v.m('P'))), scale(F, det(F, v.m('A')), vec(inverse(F, v.m('P'))))),
      rhs: (F, v) => steinTransposed(F, scale(F, F.rational(1, 3), v.m('A')), scale(F, v.s('e'), eye(F, v.m('A').length))),
    };
    const r = recordWitness(w);
    if ('refused' in r) throw new Error(r.refused);
    const rng = makeRng(3);
    const env = buildEnv(w.variables, fractionField, { base: fractionField, scalar: (_l, d) => fractionField.rational(drawNumerator(rng, d), SAMPLE_DENOMINATOR), spdAsProduct: true }, (b: Fraction) => b, {});
    const c = { F: fractionField, env, sizes: r.classes.tested };
    expect(compareValues(fractionField, evaluateSide(r.lhs, c), w.lhs(fractionField, env)).equal).toBe(true);
    expect(compareValues(fractionField, evaluateSide(r.rhs, c), w.rhs(fractionField, env)).equal).toBe(true);
  });
});


describe('evaluateScalar', () => {
  it('a number derived from the sizes is the monomial at the sizes given (N·p/2 at N = 3, p = 4 is 6)', () => {
    const env = { s: () => fractionField.zero(), m: () => [] };
    expect(evaluateScalar({ op: 'sizes', num: 1, den: 2, exps: [1, 1] }, { F: fractionField, env, sizes: [3, 4] }).toFraction()).toBe('6');
    expect(evaluateScalar({ op: 'sizes', num: 3, den: 1, exps: [-1, 0] }, { F: fractionField, env, sizes: [4, 5] }).toFraction()).toBe('3/4');
  });
});
