// One witness's size certificate (src/proof/sizes/certify.ts): what it covers (the variables as written), tuples
// of identities (stacked matrices, tables of scalars) decided pair by pair, steps without matrix sizes, a recording
// checked against the step's own sides, and the comparison one size up when no certificate applies.
import { describe, expect, it } from 'vitest';
import { certifyWitness, coverage, identityPairs, testedSizes } from '../../../src/proof/sizes/certify.ts';
import { recordWitness } from '../../../src/proof/sizes/record.ts';
import { det, eye, inverse, mul, steinSolve, sub, trace, transpose, zeros, add } from '../../../src/symbolic/matrix.ts';
import { makeRng } from '../../../src/core/random.ts';
import type { AlgebraicWitnessSpec, VarSpec } from '../../../src/proof/types.ts';

const m = (name: string, r = 2, c = r, structure: 'general' | 'symmetric' | 'spd' = 'general'): VarSpec => ({ name, kind: 'matrix', rows: r, cols: c, structure });
const w = (variables: VarSpec[], lhs: AlgebraicWitnessSpec['lhs'], rhs: AlgebraicWitnessSpec['rhs']): AlgebraicWitnessSpec => ({ type: 'algebraic', variables, degree: 4, lhs, rhs });
const certify = (x: AlgebraicWitnessSpec) => certifyWitness(x, 0, makeRng(5), 2);

describe('coverage and tested sizes', () => {
  it('group the variables by structure and shape in the size classes', () => {
    const classes = { tested: [2, 3], names: ['n', 'p'] };
    expect(coverage([m('X', 2, 3), m('M', 2, 3), m('A', 2, 2, 'spd'), m('S', 3, 3, 'symmetric'), { name: 'e', kind: 'scalar' }, { name: 'c', kind: 'scalar', value: [1, 2] }], classes)).toBe('X, M general n×p; A positive definite n×n; S symmetric p×p; e scalars; c fixed at 1/2');
    expect(testedSizes(classes)).toBe('n = 2, p = 3');
    expect(testedSizes({ tested: [], names: [] })).toBe('no matrix of size > 1');
  });
});

describe('identityPairs', () => {
  it('splits stacked matrices and tables of scalars into pairs; anything else is one pair', () => {
    const r = recordWitness(w([m('A'), m('B')], (F, v) => [...v.m('A'), ...v.m('B')], (F, v) => [...transpose(transpose(v.m('A'))), ...v.m('B')]));
    if ('refused' in r) throw new Error(r.refused);
    expect(identityPairs(r.lhs, r.rhs).map(([l]) => (l.kind === 'matrix' ? l.m.op : l.s.op))).toEqual(['var', 'var']);
    const t = recordWitness(w([m('A')], (F, v) => [[trace(F, v.m('A')), F.one()]], (F, v) => [[trace(F, transpose(v.m('A'))), F.one()]]));
    if ('refused' in t) throw new Error(t.refused);
    expect(identityPairs(t.lhs, t.rhs).map(([l]) => l.kind)).toEqual(['scalar', 'scalar']);
  });
});

describe('certifyWitness', () => {
  it('stacked identities are certified pair by pair', () => {
    const c = certify(w([m('A'), m('B')], (F, v) => [...mul(F, v.m('A'), v.m('B')), ...transpose(v.m('B'))], (F, v) => [...transpose(mul(F, transpose(v.m('B')), transpose(v.m('A')))), ...transpose(v.m('B'))]));
    expect(c.sizes).toMatchObject({ status: 'every N', method: 'normal form' });
    expect(c.sizes.detail).toMatch(/\(2 identities, normal forms of/);
  });

  it('a step with no matrix of size > 1 covers every N trivially, unless its code fixes a size no variable carries', () => {
    expect(certify(w([{ name: 'x', kind: 'scalar' }], (F, v) => F.add(v.s('x'), v.s('x')), (F, v) => F.mul(F.rational(2), v.s('x')))).sizes).toMatchObject({ status: 'every N', method: 'no matrix sizes' });
    const fixed = certify(w([{ name: 'x', kind: 'scalar' }], (F, v) => trace(F, eye(F, 2)), (F) => F.rational(2)));
    expect(fixed.sizes).toMatchObject({ status: 'tested sizes', short: 'a size fixed in the code' });
  });

  it('a side that computes something else when it is recorded is refused (its recording cannot be trusted)', () => {
    const twoFaced = w([m('A')], (F, v) => (F.name.startsWith('recording') ? trace(F, v.m('A')) : F.add(trace(F, v.m('A')), F.one())), (F, v) => trace(F, v.m('A')));
    expect(certify(twoFaced).sizes).toMatchObject({ status: 'tested sizes', reason: 'a recorded expression that differs from its own sides at the tested size (an operation the recording does not see)' });
  });

  it('without a certificate, the sides are compared one size up in every class, and a difference there is a counterexample', () => {
    // the Woodbury-like A(I + A)⁻¹ = I − (I + A)⁻¹ holds for every N but has no normal form (an inverse of a sum)
    const rational = certify(w([m('A')], (F, v) => mul(F, v.m('A'), inverse(F, add(F, eye(F, v.m('A').length), v.m('A')))), (F, v) => sub(F, eye(F, v.m('A').length), inverse(F, add(F, eye(F, v.m('A').length), v.m('A'))))));
    expect(rational.sizes).toMatchObject({ status: 'tested sizes', short: 'inverses of expressions', sizes: [3], points: 2, testedAlso: 'N = 3 (exact, 2 points)' });
    // a Stein solve at the size of its variable is fine one size up; one against a fixed 2 is not
    const stein = certify(w([m('A'), m('Q', 2, 2, 'symmetric')], (F, v) => steinSolve(F, zeros(F, v.m('A').length, v.m('A').length), v.m('Q')), (_F, v) => v.m('Q')));
    expect(stein.sizes).toMatchObject({ status: 'tested sizes', short: 'Stein equation solves', sizes: [3] });
    const twoOnly = certify(w([m('A')], (F, v) => F.mul(det(F, v.m('A')), F.rational(v.m('A').length)), (F, v) => F.mul(det(F, v.m('A')), F.rational(2))));
    expect(twoOnly.sizes).toMatchObject({ status: 'fails at a larger N', sizes: [3] });
    expect(twoOnly.counterexample).toMatchObject({ sizes: { N: 3 } });
  });

  it('the exact test can be asked for beside the normal form, and reports its sizes, points and bound', () => {
    const c = certifyWitness(w([m('A'), m('B')], (F, v) => trace(F, mul(F, v.m('A'), v.m('B'))), (F, v) => trace(F, mul(F, v.m('B'), v.m('A')))), 0, makeRng(1), 3, { method: 'exact test' });
    expect(c.sizes).toMatchObject({ status: 'every N', method: 'exact test', kind: 'trace', degree: 2, minimumSize: 2, sizes: [2], points: 3 });
    expect(c.sizes.detail).toMatch(/tested exactly \(asked for, beside the normal form\)/);
  });
});

describe('a size fixed on one side only', () => {
  it('is no certificate and no counterexample: "A − A = 0" with a 2×2 zero has no normal form (a fixed size), and one size up the shapes differ', () => {
    const c = certify(w([m('A')], (F, v) => sub(F, v.m('A'), v.m('A')), (F) => zeros(F, 2, 2)));
    expect(c.sizes).toMatchObject({ status: 'tested sizes', short: 'a size fixed in the code' });
    expect(c.sizes.detail).toMatch(/the comparison one size up was not possible \(at N = 3 the sides have different shapes \(3×3 and 2×2\)/);
    expect(c.counterexample).toBeNull();
  });
});
