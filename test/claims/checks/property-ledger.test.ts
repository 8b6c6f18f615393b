/**
 * Ledgers (src/claims/checks/property-ledger.ts): the ledgers of consecutive slices of a run join into
 * the ledger of the whole run (every column, the sums, the worst and first failing case), and survive
 * JSON (a shard file) bit for bit, NaN included.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { propertyLedger } from '../../../src/claims/checks/property.ts';
import { joinLedgers, ledgerFromJson, ledgerToJson } from '../../../src/claims/checks/property-ledger.ts';
import { undefinedEvaluation } from '../../../src/claims/checks/property-kit.ts';
import type { PropertyClaim } from '../../../src/claims/checks/property-types.ts';

/** x ≥ 10 on integers, multiples of 13 undefined, buckets by tens: every number of the ledger is known. */
const atLeastTen: PropertyClaim<number> = {
  id: 'my.at-least-ten',
  source: 'a test',
  statement: 'x ≥ 10',
  statementTex: 'x \\ge 10',
  kind: 'inequality',
  quantity: { paper: 'x', exact: 'x' },
  models: ['paper', 'exact'],
  arbitrary: fc.integer({ min: 0, max: 100 }),
  evaluate: (_m, x) => (x % 13 === 0 ? undefinedEvaluation(`divergent: ${x}`, { x }) : { value: x, margin: x - 10, errorBound: 1e-3, bound: 10, numbers: { x } }),
  describe: (x) => ({ x }),
  size: (x) => x,
  coverage: [{ name: 'tens', buckets: ['0..9', '10..99', '100'], bucket: (x) => (x < 10 ? '0..9' : x < 100 ? '10..99' : '100') }],
};

const SEED = 5;
const RUNS = 90;

describe('ledgers of slices', () => {
  it('three slices joined are the whole run, case by case', () => {
    const whole = propertyLedger(atLeastTen, { model: 'paper', seed: SEED, runs: RUNS, from: 0, count: RUNS });
    const parts = [
      [0, 31],
      [31, 29],
      [60, 30],
    ].map(([from, count]) => propertyLedger(atLeastTen, { model: 'paper', seed: SEED, runs: RUNS, from, count }));
    // given out of order: join sorts them
    const joined = joinLedgers([parts[2], parts[0], parts[1]]);
    const xs = fc.sample(fc.integer({ min: 0, max: 100 }), { seed: SEED, numRuns: RUNS });
    expect([...whole.value].filter((_, i) => whole.defined[i])).toEqual(xs.filter((x) => x % 13 !== 0));
    for (const col of ['value', 'margin', 'errorBound', 'bound', 'defined'] as const) expect([...joined[col]]).toEqual([...whole[col]]);
    expect(joined.undefinedReasons).toEqual(whole.undefinedReasons);
    expect(whole.undefinedReasons.divergent).toBe(xs.filter((x) => x % 13 === 0).length);
    expect(joined.coverage).toEqual(whole.coverage);
    expect(whole.coverage.tens['0..9']).toBe(xs.filter((x) => x < 10 && x % 13 !== 0).length + xs.filter((x) => x === 0).length);
    expect(joined.worst).toEqual(whole.worst);
    expect(whole.worst!.index).toBe(xs.findIndex((x) => x % 13 !== 0 && x === Math.min(...xs.filter((y) => y % 13 !== 0))));
    expect(joined.firstFailure).toEqual(whole.firstFailure);
    // the first x < 10 not a multiple of 13 (margin below −1000× the bound: x ≤ 8)
    expect(whole.firstFailure!.index).toBe(xs.findIndex((x) => x < 9 && x % 13 !== 0));
  });

  it('slices that leave a gap are refused', () => {
    const a = propertyLedger(atLeastTen, { model: 'paper', seed: SEED, runs: RUNS, from: 0, count: 10 });
    const c = propertyLedger(atLeastTen, { model: 'paper', seed: SEED, runs: RUNS, from: 20, count: 10 });
    expect(() => joinLedgers([a, c])).toThrow('cases 10..19 are missing or overlap');
  });

  it('JSON keeps every column bit for bit, NaN included', () => {
    const l = propertyLedger(atLeastTen, { model: 'exact', seed: SEED, runs: RUNS, from: 0, count: RUNS });
    const back = ledgerFromJson(JSON.parse(JSON.stringify(ledgerToJson(l))));
    expect(back.margin.some(Number.isNaN)).toBe(true);
    for (const col of ['value', 'margin', 'errorBound', 'bound'] as const) expect(Buffer.from(back[col].buffer).equals(Buffer.from(l[col].buffer))).toBe(true);
    expect([...back.defined]).toEqual([...l.defined]);
    expect(() => ledgerFromJson({ ...ledgerToJson(l), count: RUNS + 1 })).toThrow(/entries for 91 cases/);
  });
});
