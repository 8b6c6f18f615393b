/** Comparison of the two sides of a step in a field: matrices entry by entry, log-linear values by parts. */
import type { Field } from '../symbolic/field.ts';
import { isLogLinear, logLinearComparands, type LogLinear } from '../symbolic/loglinear.ts';
import type { Mat } from '../symbolic/matrix.ts';
import type { SideValue } from './types.ts';

export interface Comparison {
  equal: boolean;
  where: string;
  lhs: string;
  rhs: string;
  difference?: string;
}

function isMat<T>(x: SideValue<T>): x is Mat<T> {
  return Array.isArray(x);
}

export function compareValues<T>(F: Field<T>, lhs: SideValue<T>, rhs: SideValue<T>): Comparison {
  if (isLogLinear(lhs) || isLogLinear(rhs)) {
    if (!isLogLinear(lhs) || !isLogLinear(rhs)) throw new RangeError('comparing a log-linear value with a plain one');
    const c = logLinearComparands(F, lhs as LogLinear<T>, rhs as LogLinear<T>);
    const z1 = F.isZero(c.rationalDifference);
    if (z1 === false) return { equal: false, where: 'rational part', lhs: F.show((lhs as LogLinear<T>).rational), rhs: F.show((rhs as LogLinear<T>).rational), difference: F.show(c.rationalDifference) };
    const z2 = F.isZero(F.sub(c.left, c.right));
    if (z2 === false) return { equal: false, where: 'logarithmic part (products of log arguments)', lhs: F.show(c.left), rhs: F.show(c.right) };
    return { equal: true, where: 'all', lhs: F.show((lhs as LogLinear<T>).rational), rhs: F.show((rhs as LogLinear<T>).rational) };
  }
  if (isMat(lhs) || isMat(rhs)) {
    if (!isMat(lhs) || !isMat(rhs)) throw new RangeError('comparing a matrix with a scalar');
    if (lhs.length !== rhs.length || lhs[0].length !== rhs[0].length) {
      return { equal: false, where: 'shape', lhs: `${lhs.length}×${lhs[0].length}`, rhs: `${rhs.length}×${rhs[0].length}` };
    }
    for (let i = 0; i < lhs.length; i++) {
      for (let j = 0; j < lhs[0].length; j++) {
        const d = F.sub(lhs[i][j], rhs[i][j]);
        if (F.isZero(d) === false) return { equal: false, where: `entry (${i + 1}, ${j + 1})`, lhs: F.show(lhs[i][j]), rhs: F.show(rhs[i][j]), difference: F.show(d) };
      }
    }
    return { equal: true, where: 'all entries', lhs: '', rhs: '' };
  }
  const d = F.sub(lhs as T, rhs as T);
  const z = F.isZero(d);
  return { equal: z !== false, where: 'scalar', lhs: F.show(lhs as T), rhs: F.show(rhs as T), difference: F.show(d) };
}

// ---------------------------------------------------------------------------------------------
// Witnesses


export function truncate(s: string, n = 300): string {
  return s.length > n ? `${s.slice(0, n)}… (${s.length} characters)` : s;
}

/** The scalar equalities that decide lhs = rhs, in order (entries of matrices; rational part and log products). */
export function scalarPairs<T>(F: Field<T>, lhs: SideValue<T>, rhs: SideValue<T>): { where: string; a: T; b: T }[] | { shape: string } {
  if (isLogLinear(lhs) || isLogLinear(rhs)) {
    if (!isLogLinear(lhs) || !isLogLinear(rhs)) throw new RangeError('comparing a log-linear value with a plain one');
    const c = logLinearComparands(F, lhs as LogLinear<T>, rhs as LogLinear<T>);
    return [
      { where: 'rational part', a: (lhs as LogLinear<T>).rational, b: (rhs as LogLinear<T>).rational },
      { where: 'logarithmic part (products of log arguments)', a: c.left, b: c.right },
    ];
  }
  if (isMat(lhs) || isMat(rhs)) {
    if (!isMat(lhs) || !isMat(rhs)) throw new RangeError('comparing a matrix with a scalar');
    if (lhs.length !== rhs.length || lhs[0].length !== rhs[0].length) return { shape: `${lhs.length}×${lhs[0].length} vs ${rhs.length}×${rhs[0].length}` };
    return lhs.flatMap((row, i) => row.map((x, j) => ({ where: `entry (${i + 1}, ${j + 1})`, a: x, b: rhs[i][j] })));
  }
  return [{ where: 'scalar', a: lhs as T, b: rhs as T }];
}
