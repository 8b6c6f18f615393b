/**
 * A claim's cases cut into slices (src/claims/case-slices.ts) and joined give the claim's results of
 * the uncut run, byte for byte as report.json writes them: for a claim with a property and another
 * check, and for matmem's Corollary 2.1 (a strict inequality whose non-strict reading is reported
 * too, with shrunk counterexamples in both models).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assembleSlicedClaims, runSlice, runSlicedClaim, sliceRange } from '../../src/claims/case-slices.ts';
import { propertyClaim } from '../../src/claims/checks/property.ts';
import { undefinedEvaluation } from '../../src/claims/checks/property-kit.ts';
import type { PropertyClaim } from '../../src/claims/checks/property-types.ts';
import { runClaim } from '../../src/claims/registry.ts';
import { customCheck, type ClaimDefinition } from '../../src/claims/unit.ts';
import type { ModelName } from '../../src/core/types.ts';
import { valueToJson } from '../../src/report/json.ts';
import { claimById } from '../helpers/units.ts';

const strictAboveTen: PropertyClaim<number> = {
  id: 'my.above-ten',
  source: 'a test',
  statement: 'x > 10',
  statementTex: 'x > 10',
  kind: 'strict',
  relaxed: { statement: 'x ≥ 10' },
  quantity: { paper: 'x', exact: 'x' },
  models: ['paper'],
  arbitrary: fc.integer({ min: 0, max: 60 }),
  evaluate: (_m, x) => (x % 7 === 0 ? undefinedEvaluation(`ill-conditioned: ${x}`) : { value: x, margin: x - 10, errorBound: 0.5, bound: 10, numbers: { x } }),
  describe: (x) => ({ x }),
  size: (x) => x,
  coverage: [{ name: 'side', buckets: ['below', 'above'], bucket: (x) => (x < 10 ? 'below' : 'above') }],
};

/** The property, and a fixed-case check after it: two results per model merged, as matmem's Eq. 18 has. */
const claim: ClaimDefinition = propertyClaim(strictAboveTen, 1, [customCheck('a fixed case', () => [{ model: 'paper', verdict: 'holds', cases: 1, worst: null, counterexample: null, replay: 'r', detail: 'fixed' }])]);

function sliced(c: ClaimDefinition, runs: number, seed: number, slices: number) {
  // both analytic models, as the uncut run reports them: a model in which no check is cut into slices
  // (the property is not defined there) gives its results whole
  const models: ModelName[] = ['paper', 'exact'];
  const opts = { seed, runs, experiments: [] };
  const parts = models.map((m) => runSlicedClaim(c, m, opts));
  const ledgers = parts.flatMap((p) => p.checks.filter((k) => 'property' in k).flatMap((k) => Array.from({ length: slices }, (_, s) => runSlice(c, p.model, k.index, s + 1, slices, opts))));
  // in JSON and back, as a shard file carries them
  return assembleSlicedClaims(JSON.parse(JSON.stringify(parts)), JSON.parse(JSON.stringify(ledgers)), { seed, runs });
}

describe('slices of a property', () => {
  it('tile the run', () => {
    for (const [runs, n] of [[10, 3], [100000, 7], [5, 8]]) {
      const ranges = Array.from({ length: n }, (_, s) => sliceRange(runs, s + 1, n));
      expect(ranges[0].from).toBe(0);
      for (let s = 1; s < n; s++) expect(ranges[s].from).toBe(ranges[s - 1].from + ranges[s - 1].count);
      expect(ranges.reduce((t, r) => t + r.count, 0)).toBe(runs);
    }
  });

  it('joined, give the uncut results of a claim with a property and another check', () => {
    const whole = runClaim(claim, { seed: 3, runs: 50, experiments: [] }).results;
    const joined = sliced(claim, 50, 3, 4).map((x) => x.result);
    // the sample holds failures (x ≤ 10) and undefined cases (multiples of 7): the shrinks and the counts are exercised
    expect(whole[0].verdict).toBe('fails');
    expect(whole[0].caseCounts!.undefined).toBeGreaterThan(0);
    expect(JSON.parse(valueToJson(joined))).toEqual(JSON.parse(valueToJson(whole)));
    expect(valueToJson(joined)).toBe(valueToJson(whole));
  });

  it('joined, give the uncut results of Corollary 2.1 in both models', () => {
    const c = claimById('corollary-2.1');
    const whole = runClaim(c, { seed: 2, runs: 60, experiments: [] }).results;
    expect(whole.map((r) => r.model)).toEqual(['paper', 'exact']);
    expect(valueToJson(sliced(c, 60, 2, 3).map((x) => x.result))).toBe(valueToJson(whole));
  });
});
