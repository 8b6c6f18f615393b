// The sizes of a whole step (src/proof/sizes/step.ts) and the short reasons (reasons.ts): every N when one
// algebraic witness is certified, a failure (with the larger size's counterexample) when one holds at the tested
// size only, the tested sizes with the reasons otherwise; float64-only, failing and inconclusive steps say why.
import { describe, expect, it } from 'vitest';
import { stepSizes } from '../../../src/proof/sizes/step.ts';
import { shortReason } from '../../../src/proof/sizes/reasons.ts';
import { det, mul, trace } from '../../../src/symbolic/matrix.ts';
import { makeRng } from '../../../src/core/random.ts';
import type { AlgebraicWitnessSpec, NumericWitnessSpec, VarSpec } from '../../../src/proof/types.ts';
import { step } from '../../helpers/proof-steps.ts';

const A: VarSpec = { name: 'A', kind: 'matrix', rows: 2, cols: 2 };
const B: VarSpec = { name: 'B', kind: 'matrix', rows: 2, cols: 2 };
const cyclic: AlgebraicWitnessSpec = { type: 'algebraic', variables: [A, B], degree: 2, lhs: (F, v) => trace(F, mul(F, v.m('A'), v.m('B'))), rhs: (F, v) => trace(F, mul(F, v.m('B'), v.m('A'))) };
const withDet: AlgebraicWitnessSpec = { type: 'algebraic', variables: [A, B], degree: 4, lhs: (F, v) => det(F, mul(F, v.m('A'), v.m('B'))), rhs: (F, v) => F.mul(det(F, v.m('A')), det(F, v.m('B'))) };
const numeric: NumericWitnessSpec<number> = { type: 'numeric', inputs: 'three numbers', generate: (_r, i) => i, evaluate: (x) => ({ relation: 'eq', lhs: x, rhs: x, tolerance: 0, toleranceReason: 'exact' }), describe: (x) => ({ x }) };
const rng = (i: number) => makeRng(11 + i);

describe('stepSizes', () => {
  it('every N when one algebraic witness is certified, with the tested sizes of all witnesses', () => {
    const o = stepSizes(step([numeric, cyclic]), 'holds', rng, 2);
    expect(o.failure).toBeUndefined();
    expect(o.sizes).toMatchObject({ covers: 'every N', tested: ['float64: three numbers', 'N = 2'] });
    expect(o.sizes.witnesses.map((w) => [w.witness, w.status])).toEqual([[1, 'every N']]);
  });

  it('the tested sizes with the reason when no witness is certified (det(AB) = det A det B: determinants)', () => {
    const o = stepSizes(step([withDet]), 'holds', rng, 2);
    expect(o.sizes).toMatchObject({ covers: 'tested sizes', short: 'determinants', tested: ['N = 2', 'N = 3 (exact, 2 points)'] });
    expect(o.sizes.summary).toMatch(/^tested sizes only \(N = 2; N = 3 \(exact, 2 points\)\): no certificate — a determinant/);
  });

  it('float64-only, failing and inconclusive steps cover their tested sizes and say why, without certificates', () => {
    expect(stepSizes(step([numeric]), 'holds', rng, 2).sizes).toMatchObject({ covers: 'tested sizes', short: 'float64 witnesses only', witnesses: [] });
    expect(stepSizes(step([cyclic]), 'fails', rng, 2).sizes).toMatchObject({ covers: 'tested sizes', short: 'fails at the tested size', witnesses: [] });
    expect(stepSizes(step([cyclic]), 'inconclusive', rng, 2).sizes).toMatchObject({ covers: 'tested sizes', short: 'inconclusive at the tested size' });
  });
});

describe('shortReason', () => {
  it('names the kind of obstacle in a few words, or the reason up to its first parenthesis', () => {
    expect(shortReason('a Stein equation solve (an infinite series …)')).toBe('Stein equation solves');
    expect(shortReason('the left side does not evaluate at other sizes (mul: 2×2 times 5×5): a size is fixed in the step\'s code')).toBe('a size fixed in the code');
    expect(shortReason('something new (with details)')).toBe('something new');
  });
});
