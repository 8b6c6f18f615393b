/** Small derivation steps shared by the proof tests: a step around given witnesses, and (AB)ᵀ = BᵀAᵀ with its classic typo. */
import { mul, transpose } from '../../src/symbolic/matrix.ts';
import type { AlgebraicWitnessSpec, ProofStep, VarSpec } from '../../src/proof/types.ts';

export const m2 = (name: string): VarSpec => ({ name, kind: 'matrix', rows: 2, cols: 2 });

export const step = (witnesses: ProofStep['witnesses']): ProofStep => ({ from: 'lhs', to: 'rhs', justification: 'test', assumptions: [], source: 'test', claims: ['test.claim'], witnesses });

/** (AB)ᵀ = Bᵀ Aᵀ, true; (AB)ᵀ = Aᵀ Bᵀ, the classic typo. */
export const transposeOfProduct = (typo: boolean): AlgebraicWitnessSpec => ({
  type: 'algebraic',
  variables: [m2('A'), m2('B')],
  degree: 2,
  lhs: (F, v) => transpose(mul(F, v.m('A'), v.m('B'))),
  rhs: (F, v) => (typo ? mul(F, transpose(v.m('A')), transpose(v.m('B'))) : mul(F, transpose(v.m('B')), transpose(v.m('A')))),
});

/** max |((AB)ᵀ − rhs)ᵢⱼ| in plain float64 at A = [[1, 2], [3, 4]], B = [[0, 1], [1, 1]]: the evidence for or against the identity. */
export function transposeOfProductGap(typo: boolean): number {
  const A = [[1, 2], [3, 4]];
  const B = [[0, 1], [1, 1]];
  const prod = (X: number[][], Y: number[][]) => X.map((r) => Y[0].map((_, j) => r.reduce((s, x, k) => s + x * Y[k][j], 0)));
  const t = (X: number[][]) => X[0].map((_, j) => X.map((r) => r[j]));
  const lhs = t(prod(A, B));
  const rhs = typo ? prod(t(A), t(B)) : prod(t(B), t(A));
  return Math.max(...lhs.flatMap((r, i) => r.map((x, j) => Math.abs(x - rhs[i][j]))));
}
