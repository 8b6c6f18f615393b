/**
 * The property claims' definitions as their factories make them, inside a test: the metadata a report
 * shows beside the numbers (what the value is per model, the relaxed reading of a strict claim, the
 * notes) is the registered claim's, and a case's reported size is its N. (The registered properties
 * are built when their modules load; these tests build them again, so that what the factories
 * compute is checked where it runs.)
 */
import { describe, expect, it } from 'vitest';
import { fc } from '@fast-check/vitest';
import { corollary21Property, makeCorollary21Property } from '../../properties/corollary-2.1.ts';
import { eq18Property, makeEq18Property } from '../../properties/eq-18.normal-capacity.ts';
import { eq33Property, makeEq33Property } from '../../properties/eq-33.dynamic-range.ts';
import { makeMemoryIncreaseProperty, memoryIncreaseProperty } from '../../properties/memory.capacity-increase.ts';
import { makeRemark3Property, remark3Property } from '../../properties/remark-3.weight.ts';
import { makeTheorem3Property, theorem3Property } from '../../properties/theorem-3.ts';
import type { AnyPropertyClaim } from '../../src/claims/checks/property-types.ts';

const factories: [string, () => AnyPropertyClaim, AnyPropertyClaim][] = [
  ['corollary-2.1', makeCorollary21Property, corollary21Property],
  ['eq-18', makeEq18Property, eq18Property],
  ['eq-33', makeEq33Property, eq33Property],
  ['memory.capacity-increase', makeMemoryIncreaseProperty, memoryIncreaseProperty],
  ['remark-3', makeRemark3Property, remark3Property],
  ['theorem-3', makeTheorem3Property, theorem3Property],
];

const metadata = (p: AnyPropertyClaim) => ({ id: p.id, source: p.source, statement: p.statement, statementTex: p.statementTex, kind: p.kind, relaxed: p.relaxed, quantity: p.quantity, models: p.models, notDefinedIn: p.notDefinedIn, notes: p.notes });

describe.each(factories)('%s', (_name, make, registered) => {
  it('its factory builds the registered definition: the same statement, quantity per model, relaxed reading and notes', () => {
    const made = make();
    expect(metadata(made)).toEqual(metadata(registered));
    for (const model of made.models) expect(made.quantity[model]).toMatch(/\S/);
    // a strict claim carries its non-strict reading; the others do not
    expect(made.relaxed !== undefined).toBe(made.kind === 'strict');
  });

  it("a case's reported size is the N of its description (the side of U)", () => {
    const made = make();
    for (const c of fc.sample(made.arbitrary, { seed: 1, numRuns: 4 })) {
      const U = made.describe(c).U as number[][];
      expect(made.size(c)).toBe(U.length);
      expect(U.every((row) => row.length === U.length)).toBe(true);
    }
  });
});
