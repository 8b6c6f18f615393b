// The normal form (src/proof/sizes/normal-form.ts, canonical.ts, tensor.ts): cycles up to rotation and reversal,
// symmetric letters, X X⁻¹ cancelled (also around a cycle), Tr I = N, Kronecker products and vec as networks,
// differences with their terms, and refusals with their reasons.
import { describe, expect, it } from 'vitest';
import { NormalFormBuilder } from '../../../src/proof/sizes/normal-form.ts';
import { recordWitness } from '../../../src/proof/sizes/record.ts';
import { NoNormalForm } from '../../../src/proof/sizes/tensor.ts';
import { add, det, eye, inverse, kron, mul, mulAll, scale, steinSolve, sub, trace, transpose, vec } from '../../../src/symbolic/matrix.ts';
import type { AlgebraicWitnessSpec, Side, VarSpec } from '../../../src/proof/types.ts';

const m = (name: string, structure: 'general' | 'symmetric' | 'spd' = 'general'): VarSpec => ({ name, kind: 'matrix', rows: 2, cols: 2, structure });
const vars = [m('A'), m('B'), m('C'), m('S', 'symmetric'), { name: 'x', kind: 'matrix', rows: 2, cols: 1 } as VarSpec, { name: 'e', kind: 'scalar' } as VarSpec];

/** The normal forms of two sides and of their difference (keys with coefficients as text). */
function forms(lhs: Side, rhs: Side) {
  const w: AlgebraicWitnessSpec = { type: 'algebraic', variables: vars, degree: 1, lhs, rhs };
  const r = recordWitness(w);
  if ('refused' in r) throw new Error(r.refused);
  const b = new NormalFormBuilder(r.classes);
  const l = b.side(r.lhs);
  const d = b.difference(l, b.side(r.rhs));
  const text = (n: typeof l) => [...n.terms.entries()].map(([k, t]) => `${b.P.show(t.coef)} * ${k}`).sort();
  return { lhs: text(l), diff: text(d) };
}

describe('canonical forms', () => {
  it('a trace is read up to rotation, and up to reversal with every letter transposed', () => {
    const abc = forms((F, v) => trace(F, mulAll(F, v.m('A'), v.m('B'), v.m('C'))), (F, v) => trace(F, mulAll(F, v.m('B'), v.m('C'), v.m('A'))));
    expect(abc.diff).toEqual([]);
    expect(abc.lhs).toEqual(['1 * Tr(A B C) # ']);
    expect(forms((F, v) => trace(F, mulAll(F, v.m('A'), v.m('B'), v.m('C'))), (F, v) => trace(F, mulAll(F, transpose(v.m('C')), transpose(v.m('B')), transpose(v.m('A'))))).diff).toEqual([]);
    // Tr(ACB) is another invariant: the difference keeps both terms
    expect(forms((F, v) => trace(F, mulAll(F, v.m('A'), v.m('B'), v.m('C'))), (F, v) => trace(F, mulAll(F, v.m('A'), v.m('C'), v.m('B')))).diff).toEqual(['-1 * Tr(A C B) # ', '1 * Tr(A B C) # ']);
  });

  it('a matrix is a path from its row leg to its column leg; (AB)ᵀ reads Bᵀ Aᵀ', () => {
    expect(forms((F, v) => transpose(mul(F, v.m('A'), v.m('B'))), (F, v) => mul(F, transpose(v.m('B')), transpose(v.m('A')))).lhs).toEqual(['1 *  # R0|Bᵀ Aᵀ|C0']);
  });

  it('symmetric letters are never transposed: Tr(S Aᵀ) = Tr(A S)', () => {
    expect(forms((F, v) => trace(F, mul(F, v.m('S'), transpose(v.m('A')))), (F, v) => trace(F, mul(F, v.m('A'), v.m('S')))).diff).toEqual([]);
    // for a general letter the same reading differs
    expect(forms((F, v) => trace(F, mul(F, v.m('B'), transpose(v.m('A')))), (F, v) => trace(F, mul(F, v.m('A'), v.m('B')))).diff).toHaveLength(2);
  });

  it('X X⁻¹ cancels, in a product and around a cycle; Tr I = N', () => {
    expect(forms((F, v) => mulAll(F, v.m('B'), v.m('A'), inverse(F, v.m('A'))), (_F, v) => v.m('B')).diff).toEqual([]);
    expect(forms((F, v) => trace(F, mulAll(F, v.m('A'), v.m('B'), inverse(F, v.m('A')))), (F, v) => trace(F, v.m('B'))).diff).toEqual([]);
    expect(forms((F, v) => trace(F, mul(F, transpose(inverse(F, v.m('A'))), transpose(v.m('A')))), (F) => F.one()).lhs).toEqual(['N:N *  # ']);
    expect(forms((F, v) => trace(F, eye(F, v.m('A').length)), (F) => F.one()).diff).toEqual(['N:N - 1 *  # ']);
  });

  it('Kronecker products and vec are networks: Tr(A ⊗ B) = Tr A·Tr B, vec(A)ᵀ vec(B) = Tr(AᵀB), xᵀ A x = xᵀ Aᵀ x', () => {
    expect(forms((F, v) => trace(F, kron(F, v.m('A'), v.m('B'))), (F, v) => F.mul(trace(F, v.m('A')), trace(F, v.m('B')))).diff).toEqual([]);
    expect(forms((F, v) => mul(F, transpose(vec(v.m('A'))), vec(v.m('B'))), (F, v) => [[trace(F, mul(F, transpose(v.m('A')), v.m('B')))]]).diff).toEqual([]);
    expect(forms((F, v) => mulAll(F, transpose(v.m('x')), v.m('A'), v.m('x')), (F, v) => mulAll(F, transpose(v.m('x')), transpose(v.m('A')), v.m('x'))).diff).toEqual([]);
  });

  it('scalar coefficients are exact rational functions: (A + eB)/e − A/e = B', () => {
    expect(forms((F, v) => scale(F, F.div(F.one(), v.s('e')), add(F, v.m('A'), scale(F, v.s('e'), v.m('B')))), (F, v) => add(F, scale(F, F.div(F.one(), v.s('e')), v.m('A')), v.m('B'))).diff).toEqual([]);
  });

  it('the 2×2 Cayley–Hamilton form is four formal terms, not zero', () => {
    const ch = forms(
      (F, v) => {
        const A = v.m('A');
        const t = trace(F, A);
        return add(F, sub(F, mul(F, A, A), scale(F, t, A)), scale(F, F.mul(F.rational(1, 2), F.sub(F.mul(t, t), trace(F, mul(F, A, A)))), eye(F, A.length)));
      },
      (F, v) => sub(F, v.m('A'), v.m('A')),
    );
    expect(ch.diff).toEqual(['(-1)/(2) * Tr(A A) # R0||C0', '(1)/(2) * Tr(A) Tr(A) # R0||C0', '-1 * Tr(A) # R0|A|C0', '1 *  # R0|A A|C0'].sort());
  });
});

describe('refusals', () => {
  const refusal = (side: Side) => {
    const r = recordWitness({ type: 'algebraic', variables: vars, degree: 1, lhs: side, rhs: side });
    if ('refused' in r) return r.refused;
    try {
      new NormalFormBuilder(r.classes).side(r.lhs);
      return 'none';
    } catch (e) {
      expect(e).toBeInstanceOf(NoNormalForm);
      return (e as Error).message;
    }
  };
  it('determinants, Stein solves, inverses of expressions and divisions by traces have no normal form', () => {
    expect(refusal((F, v) => det(F, v.m('A')))).toMatch(/^a determinant/);
    expect(refusal((F, v) => steinSolve(F, v.m('A'), v.m('B')))).toMatch(/^a Stein equation solve/);
    expect(refusal((F, v) => inverse(F, add(F, v.m('A'), v.m('B'))))).toBe('the inverse of a matrix expression that is not a variable');
    expect(refusal((F, v) => F.div(F.one(), trace(F, v.m('A'))))).toMatch(/^a division by an expression in the matrices/);
    expect(refusal((F, v) => trace(F, v.m('A')))).toBe('none');
  });
});
