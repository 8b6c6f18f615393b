// The exact test at other sizes (src/proof/sizes/exact-test.ts): variables resized per class, the smallest
// domain behind Schwartz–Zippel, a difference reported as a counterexample with its sizes and point.
import { describe, expect, it } from 'vitest';
import { Matrix } from 'ml-matrix';
import { exactTestAt, recordedSides, resized, valuesPerCoordinate } from '../../../src/proof/sizes/exact-test.ts';
import { recordWitness } from '../../../src/proof/sizes/record.ts';
import { mulAll, trace } from '../../../src/symbolic/matrix.ts';
import { makeRng } from '../../../src/core/random.ts';
import type { AlgebraicWitnessSpec, VarSpec } from '../../../src/proof/types.ts';
import { verdictOfGaps } from '../../helpers/expected-verdicts.ts';

const m = (name: string, r = 2, c = r, structure: 'general' | 'spd' = 'general'): VarSpec => ({ name, kind: 'matrix', rows: r, cols: c, structure });

describe('resized and valuesPerCoordinate', () => {
  it('every class takes its new size; a dimension 1 stays 1', () => {
    const classes = { tested: [2, 3], names: ['n', 'p'] };
    expect(resized([m('X', 2, 3), m('x', 3, 1), { name: 's', kind: 'scalar' }], classes, [4, 7]).map((v) => (v.kind === 'matrix' ? `${v.rows}×${v.cols}` : v.name))).toEqual(['4×7', '7×1', 's']);
  });
  it('the smallest domain among the variables (997 for small matrix entries, 3989 for any scalar)', () => {
    expect(valuesPerCoordinate([m('A'), { name: 's', kind: 'scalar' }])).toBe(997);
    expect(valuesPerCoordinate([{ name: 's', kind: 'scalar' }])).toBe(3989);
  });
});

describe('exactTestAt', () => {
  const commutator: AlgebraicWitnessSpec = { type: 'algebraic', variables: [m('A'), m('B')], degree: 2, lhs: (F, v) => trace(F, mulAll(F, v.m('A'), v.m('B'), v.m('A'), v.m('B'))), rhs: (F, v) => trace(F, mulAll(F, v.m('A'), v.m('A'), v.m('B'), v.m('B'))) };
  const recorded = () => {
    const r = recordWitness(commutator);
    if ('refused' in r) throw new Error(r.refused);
    return r;
  };

  it('reports a difference with the sizes and the point', () => {
    const r = recorded();
    const o = exactTestAt(commutator.variables, r.classes, [3], makeRng(1), 2, recordedSides(r.lhs, r.rhs, [3]));
    // independent evidence that Tr(ABAB) = Tr(A²B²) is false: A = [[0, 1], [0, 0]], B = Aᵀ
    const A = new Matrix([[0, 1], [0, 0]]);
    const B = A.transpose();
    const expected = verdictOfGaps(A.mmul(B).mmul(A).mmul(B).trace() - A.mmul(A).mmul(B).mmul(B).trace());
    expect('holds' in o && o.holds ? 'holds' : 'fails').toBe(expected);
    if (!('holds' in o) || o.holds) return;
    expect(o.counterexample).toMatchObject({ witness: 'size certificate', sizes: { N: 3 }, where: 'scalar' });
    expect((o.counterexample.point as { A: string[][] }).A).toHaveLength(3);
    expect(o.detail).toMatch(/^at N = 3 the sides differ at scalar/);
  });

  it('holds at every point for an identity, counting the points; an error other than a division by zero is inconclusive', () => {
    const r = recorded();
    const same = exactTestAt(commutator.variables, r.classes, [4], makeRng(1), 3, recordedSides(r.lhs, r.lhs, [4]));
    expect(same).toEqual({ holds: true, points: 3, singular: 0 });
    const broken = exactTestAt(commutator.variables, r.classes, [4], makeRng(1), 3, () => {
      throw new Error('no such thing');
    });
    expect(broken).toEqual({ inconclusive: 'exact evaluation at N = 4 failed: no such thing' });
  });
});
