/**
 * Evaluates a size-generic side (record.ts) in a field, with every size class at a given size and
 * the variables from an environment built at those sizes: the exact tests of the certificates run
 * on these values, with matrix.ts's own operations.
 */
import type { Field } from '../../symbolic/field.ts';
import { det, diag, eye, hadamard, inverse, kron, mul, power, scale, solve, steinSolve, steinTransposed, sub, add, trace, transpose, vec, zeros, type Mat } from '../../symbolic/matrix.ts';
import type { Env, SideValue } from '../types.ts';
import { dimValue, type SizedMat, type SizedScalar, type SizedSide } from './record.ts';

export interface EvaluationContext<T> {
  F: Field<T>;
  env: Env<T>;
  /** Size of each class. */
  sizes: readonly number[];
  /** Variables that occur only inverted: their sampled value stands for the inverse itself. */
  freeInverses?: ReadonlySet<string>;
}

export function evaluateScalar<T>(s: SizedScalar, c: EvaluationContext<T>): T {
  const { F } = c;
  switch (s.op) {
    case 'const':
      return F.rational(s.num, s.den);
    case 'symbol':
      return c.env.s(s.name);
    case 'sizes':
      return F.rational(s.num * s.exps.reduce((p, e, k) => p * (e > 0 ? c.sizes[k] ** e : 1), 1), s.den * s.exps.reduce((p, e, k) => p * (e < 0 ? c.sizes[k] ** -e : 1), 1));
    case 'neg':
      return F.neg(evaluateScalar(s.a, c));
    case 'trace':
      return trace(F, evaluateMatrix(s.m, c));
    case 'det':
      return det(F, evaluateMatrix(s.m, c));
    case 'add':
      return F.add(evaluateScalar(s.a, c), evaluateScalar(s.b, c));
    case 'sub':
      return F.sub(evaluateScalar(s.a, c), evaluateScalar(s.b, c));
    case 'mul':
      return F.mul(evaluateScalar(s.a, c), evaluateScalar(s.b, c));
    case 'div':
      return F.div(evaluateScalar(s.a, c), evaluateScalar(s.b, c));
  }
}

export function evaluateMatrix<T>(m: SizedMat, c: EvaluationContext<T>): Mat<T> {
  const { F } = c;
  const ev = (x: SizedMat) => evaluateMatrix(x, c);
  switch (m.op) {
    case 'var':
      return c.env.m(m.name);
    case 'identity':
      return eye(F, dimValue(m.rows, c.sizes));
    case 'zero':
      return zeros(F, dimValue(m.rows, c.sizes), dimValue(m.cols, c.sizes));
    case 'mul':
      return mul(F, ev(m.a), ev(m.b));
    case 'add':
      return add(F, ev(m.a), ev(m.b));
    case 'sub':
      return sub(F, ev(m.a), ev(m.b));
    case 'kron':
      return kron(F, ev(m.a), ev(m.b));
    case 'hadamard':
      return hadamard(F, ev(m.a), ev(m.b));
    case 'solve':
      return solve(F, ev(m.a), ev(m.b));
    case 'stein':
      return steinSolve(F, ev(m.a), ev(m.b));
    case 'steinTransposed':
      return steinTransposed(F, ev(m.a), ev(m.b));
    case 'scale':
      return scale(F, evaluateScalar(m.s, c), ev(m.a));
    case 'transpose':
      return transpose(ev(m.a));
    case 'vec':
      return vec(ev(m.a));
    case 'inverse':
      return m.a.op === 'var' && c.freeInverses?.has(m.a.name) ? ev(m.a) : inverse(F, ev(m.a));
    case 'power':
      return power(F, ev(m.a), m.k);
    case 'diag':
      return diag(F, m.entries.map((e) => evaluateScalar(e, c)));
    case 'literal':
      return m.entries.map((r) => r.map((e) => evaluateScalar(e, c)));
    case 'vstack':
      return m.parts.flatMap((p) => evaluateMatrix(p, c));
  }
}

export function evaluateSide<T>(side: SizedSide, c: EvaluationContext<T>): SideValue<T> {
  return side.kind === 'matrix' ? evaluateMatrix(side.m, c) : evaluateScalar(side.s, c);
}
