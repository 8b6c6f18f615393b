/** The numeric witness: a float64 relation on random cases, within a tolerance derived from conditioning. */
import type { Rng } from '../../core/random.ts';
import type { NumericWitnessSpec } from '../types.ts';
import type { IdentityOutcome } from './identity.ts';

export function runNumeric(w: NumericWitnessSpec<unknown>, rng: Rng, count: number): IdentityOutcome {
  const n = w.count ?? count;
  let skipped = 0;
  let evaluated = 0;
  let worstMargin = -Infinity;
  let worstReason = '';
  let worstGap = NaN;
  let worstTolerance = NaN;
  const skipReasons = new Set<string>();
  for (let k = 0; k < n; k++) {
    const input = w.generate(rng, k);
    const o = w.evaluate(input);
    if (o.skip) {
      skipped++;
      skipReasons.add(o.skip);
      continue;
    }
    evaluated++;
    const l = Array.isArray(o.lhs) ? o.lhs : [o.lhs];
    const r = Array.isArray(o.rhs) ? o.rhs : [o.rhs];
    let excess = -Infinity; // (violation amount) − tolerance; > 0 means fails
    let at = 0;
    for (let t = 0; t < l.length; t++) {
      const v = o.relation === 'eq' ? Math.abs(l[t] - r[t]) : l[t] - r[t];
      const e = Number.isNaN(v) ? Infinity : v - o.tolerance;
      if (e > excess) {
        excess = e;
        at = t;
      }
    }
    if (excess > worstMargin) {
      worstMargin = excess;
      worstReason = o.toleranceReason;
      worstGap = excess + o.tolerance;
      worstTolerance = o.tolerance;
    }
    if (excess > 0) {
      const rel = o.relation === 'eq' ? '=' : '≤';
      return {
        result: {
          witness: 'numeric',
          verdict: 'fails',
          cases: evaluated,
          ...(skipped ? { skipped } : {}),
          worstGap,
          tolerance: o.tolerance,
          toleranceReason: o.toleranceReason,
          detail: `float64, case ${k + 1} (${w.inputs}): lhs ${rel} rhs violated${l.length > 1 ? ` at component ${at}` : ''}: lhs = ${l[at].toPrecision(10)}, rhs = ${r[at].toPrecision(10)}, beyond tolerance ${o.tolerance.toExponential(2)} (${o.toleranceReason})`,
        },
        counterexample: { witness: 'numeric', case: w.describe(input), relation: o.relation, lhs: o.lhs, rhs: o.rhs, tolerance: o.tolerance, ...(o.values ?? {}) },
      };
    }
  }
  if (evaluated === 0) return { result: { witness: 'numeric', verdict: 'inconclusive', cases: 0, skipped, detail: `no case could be evaluated (${[...skipReasons].join('; ')})` }, counterexample: null };
  return {
    result: {
      witness: 'numeric',
      verdict: 'holds',
      cases: evaluated,
      ...(skipped ? { skipped } : {}),
      worstGap,
      tolerance: worstTolerance,
      toleranceReason: worstReason,
      detail: `float64: holds within tolerance in all ${evaluated} cases (${w.inputs})${skipped ? `, ${skipped} skipped: ${[...skipReasons].join('; ')}` : ''}; worst case: gap ${worstGap.toExponential(2)} against tolerance ${worstTolerance.toExponential(2)}; tolerance: ${worstReason}`,
    },
    counterexample: null,
  };
}

