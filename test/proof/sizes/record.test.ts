// Recording a witness's sides as size-generic trees (src/proof/sizes/record.ts): size classes from the variables,
// two recordings at different primes compared node by node, sizes written as numbers refused with the reason,
// numbers derived from the sizes recognized as monomials.
import { describe, expect, it } from 'vitest';
import { dimValue, recordWitness, sizeClasses } from '../../../src/proof/sizes/record.ts';
import { cols, eye, mul, power, rows, trace } from '../../../src/symbolic/matrix.ts';
import { logLinear } from '../../../src/symbolic/loglinear.ts';
import type { AlgebraicWitnessSpec, VarSpec } from '../../../src/proof/types.ts';

const m = (name: string, r = 2, c = r): VarSpec => ({ name, kind: 'matrix', rows: r, cols: c });
const w = (variables: VarSpec[], lhs: AlgebraicWitnessSpec['lhs'], rhs: AlgebraicWitnessSpec['rhs']): AlgebraicWitnessSpec => ({ type: 'algebraic', variables, degree: 2, lhs, rhs });

describe('size classes', () => {
  it('are the distinct sizes > 1 of the matrix variables, ascending; one class is N, several n, p, …', () => {
    expect(sizeClasses([m('X', 2, 3), m('B', 3), m('x', 2, 1), { name: 's', kind: 'scalar' }])).toEqual({ tested: [2, 3], names: ['n', 'p'] });
    expect(sizeClasses([m('A'), m('B')])).toEqual({ tested: [2], names: ['N'] });
    expect(sizeClasses([{ name: 's', kind: 'scalar' }])).toEqual({ tested: [], names: [] });
  });

  it('a dimension is q times a monomial in the class sizes', () => {
    expect(dimValue({ q: 2, exps: [1, 2] }, [3, 5])).toBe(2 * 3 * 25);
    expect(dimValue({ q: 1, exps: [0, 0] }, [3, 5])).toBe(1);
  });
});

describe('recordWitness', () => {
  it('records both sides as trees whose dimensions are monomials in the classes', () => {
    const r = recordWitness(w([m('X', 2, 3), m('A', 2)], (F, v) => mul(F, v.m('A'), v.m('X')), (F, v) => v.m('X')));
    if ('refused' in r) throw new Error(r.refused);
    expect(r.classes.tested).toEqual([2, 3]);
    expect(r.lhs).toMatchObject({ kind: 'matrix', m: { op: 'mul', rows: { q: 1, exps: [1, 0] }, cols: { q: 1, exps: [0, 1] } } });
  });

  it('refuses a size written as a number, naming the operation that breaks at another size', () => {
    const r = recordWitness(w([m('A')], (F, v) => mul(F, eye(F, 2), v.m('A')), (_F, v) => v.m('A')));
    expect(r).toEqual({ refused: expect.stringMatching(/^the left side does not evaluate at other sizes \(mul: 2×2 times 5×5\): a size is fixed in the step's code$/) });
  });

  it('recognizes a number derived from the sizes as a monomial (N·p) and refuses one that is not (N + 1)', () => {
    const np = recordWitness(w([m('X', 2, 3)], (F, v) => F.rational(rows(v.m('X')) * cols(v.m('X'))), (F) => F.one()));
    if ('refused' in np) throw new Error(np.refused);
    expect(np.lhs).toEqual({ kind: 'scalar', s: { op: 'sizes', num: 1, den: 1, exps: [1, 1] } });
    const half = recordWitness(w([m('A')], (F, v) => F.rational(1, 2 * rows(v.m('A'))), (F) => F.one()));
    if ('refused' in half) throw new Error(half.refused);
    expect(half.lhs).toEqual({ kind: 'scalar', s: { op: 'sizes', num: 1, den: 2, exps: [-1] } });
    const plusOne = recordWitness(w([m('A')], (F, v) => F.rational(rows(v.m('A')) + 1), (F) => F.one()));
    expect(plusOne).toEqual({ refused: expect.stringMatching(/depends on the size other than as a monomial in the sizes \(6\/1 and 24\/1 at two sizes\)/) });
  });

  it('refuses a matrix power whose exponent is the size', () => {
    const r = recordWitness(w([m('A')], (F, v) => trace(F, power(F, v.m('A'), rows(v.m('A')))), (F) => F.one()));
    expect(r).toEqual({ refused: 'a matrix power whose exponent depends on the size (5 and 23)' });
  });

  it('refuses complex witnesses, complex scalars and logarithms with their reasons', () => {
    const base = w([m('A')], (F, v) => trace(F, v.m('A')), (F, v) => trace(F, v.m('A')));
    expect(recordWitness({ ...base, complex: true })).toEqual({ refused: expect.stringMatching(/^complex values/) });
    expect(recordWitness({ ...base, variables: [m('A'), { name: 'z', kind: 'scalar', domain: 'complex' }] })).toEqual({ refused: 'complex values (the scalar z)' });
    expect(recordWitness({ ...base, lhs: (F, v) => logLinear(trace(F, v.m('A'))) })).toEqual({ refused: expect.stringMatching(/^logarithms/) });
  });

  it('a fixed scalar value is a constant, a free one a symbol', () => {
    const r = recordWitness(w([m('A'), { name: 'e', kind: 'scalar', value: [3, 4] }, { name: 's', kind: 'scalar' }], (F, v) => F.mul(v.s('e'), v.s('s')), (F) => F.one()));
    if ('refused' in r) throw new Error(r.refused);
    expect(r.lhs).toEqual({ kind: 'scalar', s: { op: 'mul', a: { op: 'const', num: 3, den: 4 }, b: { op: 'symbol', name: 's' } } });
  });
});
