import { describe, expect, it } from 'vitest';
import { agreedVerdict } from '../../src/core/verdict.ts';

// Two independent witnesses of one result: agreement keeps their verdict, any disagreement (even
// holds against inconclusive) is reported as inconclusive, never resolved in favour of one side.
describe('agreedVerdict', () => {
  it('keeps a verdict both witnesses give', () => {
    expect(agreedVerdict(['holds', 'holds'])).toBe('holds');
    expect(agreedVerdict(['fails', 'fails'])).toBe('fails');
  });
  it('is inconclusive when they disagree or there is no witness', () => {
    expect(agreedVerdict(['holds', 'fails'])).toBe('inconclusive');
    expect(agreedVerdict(['fails', 'holds'])).toBe('inconclusive');
    expect(agreedVerdict(['holds', 'inconclusive'])).toBe('inconclusive');
    expect(agreedVerdict([])).toBe('inconclusive');
  });
});
