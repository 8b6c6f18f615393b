// What counts as a derivation file's export (src/proof/types.ts): an object with a string id and title and an array
// of steps; defineDerivation returns its argument unchanged.
import { describe, expect, it } from 'vitest';
import { defineDerivation, isDerivation } from '../../src/proof/types.ts';

describe('derivation values', () => {
  it('isDerivation needs an object with id, title (strings) and steps (an array)', () => {
    const d = { id: 'x', title: 't', source: 's', steps: [] };
    expect(isDerivation(d)).toBe(true);
    expect(defineDerivation(d)).toBe(d);
    for (const bad of [null, undefined, 'x', { ...d, id: 1 }, { ...d, title: undefined }, { ...d, steps: {} }, { title: 't', steps: [] }]) expect(isDerivation(bad)).toBe(false);
  });
});
