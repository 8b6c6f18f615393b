// The symbolic witness (src/proof/witnesses/symbolic.ts): lhs − rhs over rational functions of free symbols, the
// first non-vanishing scalar named (real/imaginary part for complex values), shapes checked, budgets and singular
// denominators reported as inconclusive, and nerdamer-prime re-expanding at most two small final comparisons.
import { describe, expect, it } from 'vitest';
import { runSymbolic } from '../../../src/proof/witnesses/symbolic.ts';
import type { AlgebraicWitnessSpec, Env, VarSpec } from '../../../src/proof/types.ts';
import type { Field } from '../../../src/symbolic/field.ts';
import { verdictOfGaps } from '../../helpers/expected-verdicts.ts';

// expected verdicts from the sides in plain numbers at x = 2, y = 3: xy − yx = 0 confirms, (x + y) − x = 3 refutes
// (as do conj(z) − z = −2i at z = 1 + i and different shapes); no evidence where the witness reaches no comparison
const [TRUE, FALSE, NONE] = [verdictOfGaps(2 * 3 - 3 * 2), verdictOfGaps(2 + 3 - 2), verdictOfGaps()];

const s = (name: string): VarSpec => ({ name, kind: 'scalar' });
const m = (name: string, rows: number, cols: number): VarSpec => ({ name, kind: 'matrix', rows, cols });
const scalarWitness = (lhs: AlgebraicWitnessSpec['lhs'], rhs: AlgebraicWitnessSpec['rhs'], extra: Partial<AlgebraicWitnessSpec> = {}): AlgebraicWitnessSpec => ({ type: 'algebraic', variables: [s('x'), s('y')], degree: 2, lhs, rhs, ...extra });

describe('runSymbolic', () => {
  it('holds: xy = yx, two free symbols, cross-checked by nerdamer-prime', () => {
    const r = runSymbolic(scalarWitness((F, v) => F.mul(v.s('x'), v.s('y')), (F, v) => F.mul(v.s('y'), v.s('x'))));
    expect(r.verdict).toBe(TRUE);
    expect(r.detail).toMatch(/^the numerator of lhs − rhs is the zero polynomial at 1 compared scalars \(exact polynomial arithmetic over ℚ, all 2 symbols free, \d+ term products\); nerdamer-prime re-expanded 1 of 1 final comparisons \(those within 40 product terms\) and agrees$/);
  });

  it('fails: x + y ≠ x, with the numerator of the difference (one term) and its LaTeX', () => {
    const r = runSymbolic(scalarWitness((F, v) => F.add(v.s('x'), v.s('y')), (_F, v) => v.s('x')));
    expect(r.verdict).toBe(FALSE);
    expect(r.detail).toMatch(/^lhs − rhs does not vanish identically at scalar \(exact polynomial arithmetic over ℚ, all 2 symbols free, \d+ term products\): its numerator has 1 terms: vy; LaTeX .+; nerdamer-prime re-expanded 1 of 1 final comparisons \(those within 40 product terms\) and agrees$/);
  });

  it('matrices: their sizes are named; a 2×2 identity compares 4 scalars, nerdamer-prime re-expands 2', () => {
    const w: AlgebraicWitnessSpec = { type: 'algebraic', variables: [m('A', 2, 2)], degree: 1, lhs: (_F, v) => v.m('A'), rhs: (F, v) => v.m('A').map((row) => row.map((a) => F.mul(a, F.one()))) };
    const r = runSymbolic(w);
    expect(r.verdict).toBe(TRUE);
    expect(r.detail).toMatch(/at 4 compared scalars \(exact polynomial arithmetic over ℚ, all 4 symbols free, \d+ term products; A: 2×2\); nerdamer-prime re-expanded 2 of 4 final comparisons/);
  });

  it('different shapes fail without a numerator', () => {
    const w: AlgebraicWitnessSpec = { type: 'algebraic', variables: [m('A', 1, 2)], degree: 1, lhs: (_F, v) => v.m('A'), rhs: (_F, v) => [[v.m('A')[0][0]], [v.m('A')[0][1]]] };
    expect(runSymbolic(w)).toEqual({ witness: 'symbolic', verdict: FALSE, detail: 'the sides have different shapes: shape (1×2 vs 2×1)' });
  });

  it('complex values: the failing part is named', () => {
    const z: VarSpec = { name: 'z', kind: 'scalar', domain: 'complex' };
    const w: AlgebraicWitnessSpec = { type: 'algebraic', complex: true, variables: [z], degree: 2, lhs: (F, v) => F.conj(v.s('z')), rhs: (_F, v) => v.s('z') };
    const r = runSymbolic(w);
    expect(r.verdict).toBe(FALSE);
    expect(r.detail).toMatch(/^lhs − rhs does not vanish identically at scalar, imaginary part /);
    const real: AlgebraicWitnessSpec = { ...w, lhs: (F, v) => F.mul(F.conj(v.s('z')), v.s('z')), rhs: (F, v) => F.mul(v.s('z'), F.conj(v.s('z'))) };
    expect(runSymbolic(real).detail).toMatch(/at 2 compared scalars/);
  });

  it('no cross-check when every comparison exceeds 40 product terms', () => {
    // (a+b+c+d+e+f+g)² has 28 terms on each side: 28·1 + 28·1 = 56 product terms
    const vars = ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map(s);
    const sum = <T,>(F: Field<T>, v: Env<T>): T => vars.map((x) => v.s(x.name)).reduce((a, b) => F.add(a, b));
    const w: AlgebraicWitnessSpec = { type: 'algebraic', variables: vars, degree: 2, lhs: (F, v) => { const t = sum(F, v); return F.mul(t, t); }, rhs: (F, v) => { const t = sum(F, v); return F.mul(F.add(t, F.zero()), t); } };
    const r = runSymbolic(w);
    expect(r.verdict).toBe(TRUE);
    expect(r.detail).toMatch(/; nerdamer-prime cross-check not run \(every comparison exceeds 40 product terms\)$/);
  });

  it('skipped, over budget, singular or broken: inconclusive, saying which', () => {
    expect(runSymbolic(scalarWitness((_F, v) => v.s('x'), (_F, v) => v.s('x'), { symbolic: { skip: 'too big' } }))).toEqual({ witness: 'symbolic', verdict: NONE, detail: 'not run: too big' });
    const big = runSymbolic(scalarWitness((F, v) => { let p = F.add(v.s('x'), v.s('y')); for (let k = 0; k < 6; k++) p = F.mul(p, F.add(v.s('x'), v.s('y'))); return p; }, (_F, v) => v.s('x'), { symbolic: { maxTerms: 3 } }));
    expect(big.verdict).toBe(NONE);
    expect(big.detail).not.toMatch(/denominator|evaluation error/);
    const singular = runSymbolic(scalarWitness((F, v) => F.div(F.one(), F.sub(v.s('x'), v.s('x'))), (_F, v) => v.s('x')));
    expect(singular.verdict).toBe(NONE);
    expect(singular.detail).toMatch(/^a denominator is identically zero: /);
    const broken = runSymbolic(scalarWitness(() => { throw new RangeError('bad side'); }, (_F, v) => v.s('x')));
    expect(broken).toEqual({ witness: 'symbolic', verdict: NONE, detail: 'symbolic evaluation error: bad side' });
  });

  it('says when the symbolic witness runs on specialised variables', () => {
    const fixed = runSymbolic(scalarWitness((F, v) => F.mul(v.s('x'), v.s('y')), (F, v) => F.mul(v.s('y'), v.s('x')), { symbolic: { variables: [s('x'), { name: 'y', kind: 'scalar', value: [1, 2] }] } }));
    expect(fixed.detail).toContain('all 1 symbols free');
    expect(fixed.detail).toContain(' (specialised for the symbolic witness: y = 1/2 fixed; the identity witness samples the general case)');
    const smaller = runSymbolic({ type: 'algebraic', variables: [m('A', 3, 3)], degree: 1, lhs: (_F, v) => v.m('A'), rhs: (_F, v) => v.m('A'), symbolic: { variables: [m('A', 1, 1)] } });
    expect(smaller.detail).toContain('; A: 1×1 (specialised for the symbolic witness: smaller sizes; the identity witness samples the general case)');
  });
});
