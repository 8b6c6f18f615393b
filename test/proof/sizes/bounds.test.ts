// The test plan of a non-zero difference (src/proof/sizes/bounds.ts): its kind (polynomial, trace, with
// transposes), its degree computed from the normal form, the bound and the sizes tested (one more per power of N
// in a coefficient), the sampled degree behind Schwartz–Zippel, and the refusals.
import { describe, expect, it } from 'vitest';
import { MAX_EXACT_SIZE, testPlan } from '../../../src/proof/sizes/bounds.ts';
import { NormalFormBuilder } from '../../../src/proof/sizes/normal-form.ts';
import { recordWitness } from '../../../src/proof/sizes/record.ts';
import { eye, inverse, mul, mulAll, power, sub, trace, transpose, zeros } from '../../../src/symbolic/matrix.ts';
import type { Side, VarSpec } from '../../../src/proof/types.ts';

const m = (name: string, structure: 'general' | 'symmetric' | 'spd' | 'diagonal' = 'general', r = 2, c = r): VarSpec => ({ name, kind: 'matrix', rows: r, cols: c, structure });

function plan(variables: VarSpec[], lhs: Side, rhs: Side) {
  const r = recordWitness({ type: 'algebraic', variables, degree: 1, lhs, rhs });
  if ('refused' in r) throw new Error(r.refused);
  const b = new NormalFormBuilder(r.classes);
  return testPlan(b.difference(b.side(r.lhs), b.side(r.rhs)), r.classes, b.P.names);
}
const zero: Side = (F, v) => zeros(F, v.m('A').length, v.m('A').length);

describe('testPlan', () => {
  it('a matrix polynomial without traces or transposes: Amitsur–Levitzki, N ≥ ⌊d/2⌋ + 1', () => {
    // AB − BA ≠ 0 formally, degree 2: decided at N = 2; A³B − BA³: degree 4, N = 3
    expect(plan([m('A'), m('B')], (F, v) => sub(F, mul(F, v.m('A'), v.m('B')), mul(F, v.m('B'), v.m('A'))), zero)).toMatchObject({ kind: 'polynomial', degree: 2, minimumSize: 2, sizes: [2] });
    expect(plan([m('A'), m('B')], (F, v) => mul(F, power(F, v.m('A'), 3), v.m('B')), (F, v) => mul(F, v.m('B'), power(F, v.m('A'), 3)))).toMatchObject({ kind: 'polynomial', degree: 4, minimumSize: 3, sizes: [3] });
  });

  it('a matrix identity with traces: Razmyslov–Procesi at degree d + 1', () => {
    const ch = plan([m('A')], (F, v) => F.mul(trace(F, v.m('A')), trace(F, mul(F, v.m('A'), v.m('A')))), (F, v) => trace(F, power(F, v.m('A'), 3)));
    expect(ch).toMatchObject({ kind: 'trace', degree: 3, scalarDegree: 3, minimumSize: 3, sizes: [3], sampledDegree: 3, freeInverses: [] });
  });

  it('with transposes or symmetric variables: the O(N) bound, one size more (conservative)', () => {
    expect(plan([m('A'), m('B')], (F, v) => trace(F, mul(F, v.m('A'), transpose(v.m('B')))), (F, v) => trace(F, mul(F, v.m('A'), v.m('B'))))).toMatchObject({ kind: 'trace with transposes', degree: 2, scalarDegree: 2, minimumSize: 3 });
    // symmetric S sampled as LLᵀ + I when 'spd': each occurrence counts twice in the sampled degree
    expect(plan([m('S', 'spd'), m('A')], (F, v) => trace(F, mul(F, v.m('S'), v.m('A'))), (F, v) => trace(F, v.m('A')))).toMatchObject({ kind: 'trace with transposes', degree: 2, minimumSize: 3, sampledDegree: 3 });
  });

  it('a size left in a coefficient adds one tested size per power of N', () => {
    // Tr(I)·Tr(A) = 2 Tr(A) holds at N = 2 only: coefficients linear in N, tested at two sizes
    expect(plan([m('A')], (F, v) => F.mul(trace(F, eye(F, v.m('A').length)), trace(F, v.m('A'))), (F, v) => F.mul(F.rational(2), trace(F, v.m('A'))))).toMatchObject({ kind: 'trace', degree: 1, minimumSize: 1, sizes: [2, 3] });
  });

  it('refuses several size classes, a variable with its inverse, diagonal variables and bounds beyond the budget', () => {
    expect(plan([m('X', 'general', 2, 3), m('A')], (F, v) => mul(F, v.m('A'), v.m('X')), (F, v) => mul(F, transpose(v.m('A')), v.m('X')))).toEqual({ refused: expect.stringMatching(/^matrices of 2 sizes \(n, p\)/) });
    expect(plan([m('A'), m('B')], (F, v) => mulAll(F, v.m('A'), v.m('B'), inverse(F, v.m('A'))), (_F, v) => v.m('B'))).toEqual({ refused: expect.stringMatching(/^both A and A⁻¹ occur/) });
    expect(plan([m('D', 'diagonal'), m('A')], (F, v) => mul(F, v.m('D'), v.m('A')), (F, v) => mul(F, v.m('A'), v.m('D')))).toEqual({ refused: expect.stringMatching(/^diagonal variables/) });
    // Tr(A¹² Aᵀ) vs Tr(A¹³): degree 13 with a transpose, N ≥ 14 > the budget
    const deep: Side = (F, v) => trace(F, mul(F, power(F, v.m('A'), MAX_EXACT_SIZE), transpose(v.m('A'))));
    expect(plan([m('A')], deep, (F, v) => trace(F, power(F, v.m('A'), MAX_EXACT_SIZE + 1)))).toEqual({ refused: `the bound N ≥ ${MAX_EXACT_SIZE + 2} for degree ${MAX_EXACT_SIZE + 1} is beyond the exact test's budget (N ≤ ${MAX_EXACT_SIZE})` });
  });

  it('an inverse that occurs alone is sampled as a free matrix', () => {
    expect(plan([m('A'), m('B')], (F, v) => trace(F, mul(F, inverse(F, v.m('A')), v.m('B'))), (F, v) => trace(F, mul(F, v.m('B'), v.m('B'))))).toMatchObject({ kind: 'trace', freeInverses: ['A'] });
  });
});
