/**
 * A derivation of my own: (U V W)ᵀ = Wᵀ Vᵀ Uᵀ in two steps. Step 2 carries a deliberate typo (the
 * order of the transposed factors is reversed); matmem catches it: `verify --load my-proofs` reports
 * the step as `fails` with the point where the sides differ, and the baseline guard exits 1.
 */
import { defineDerivation, fieldMatrix as M, type Field, type Env } from 'matmem';

const square = (name: string) => ({ name, kind: 'matrix' as const, rows: 2, cols: 2 });
const variables = [square('U'), square('V'), square('W')];


export default defineDerivation({
  id: 'my.transpose-of-product',
  title: 'The transpose of a product of three matrices',
  source: 'my notes, p. 1',
  steps: [
    {
      from: '(U V W)ᵀ',
      to: 'Wᵀ (U V)ᵀ',
      justification: '(A B)ᵀ = Bᵀ Aᵀ with A = U V, B = W',
      assumptions: [],
      source: 'my notes, line 1',
      claims: [],
      witnesses: [
        {
          type: 'algebraic',
          variables,
          degree: 3,
          lhs: <T>(F: Field<T>, v: Env<T>) => M.transpose(M.mulAll(F, v.m('U'), v.m('V'), v.m('W'))),
          rhs: <T>(F: Field<T>, v: Env<T>) => M.mul(F, M.transpose(v.m('W')), M.transpose(M.mul(F, v.m('U'), v.m('V')))),
        },
      ],
    },
    {
      from: 'Wᵀ (U V)ᵀ',
      to: 'Wᵀ Vᵀ Uᵀ',
      justification: '(U V)ᵀ = Vᵀ Uᵀ',
      assumptions: [],
      source: 'my notes, line 2',
      claims: [],
      witnesses: [
        {
          type: 'algebraic',
          variables,
          degree: 3,
          lhs: <T>(F: Field<T>, v: Env<T>) => M.mul(F, M.transpose(v.m('W')), M.transpose(M.mul(F, v.m('U'), v.m('V')))),
          rhs: <T>(F: Field<T>, v: Env<T>) => M.mulAll(F, M.transpose(v.m('W')), M.transpose(v.m('U')), M.transpose(v.m('V'))), // TYPO: should be Vᵀ then Uᵀ
        },
      ],
    },
  ],
});
