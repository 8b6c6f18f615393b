import { describe, expect, it } from 'vitest';
import { formatBytes, formatDuration, largestModelN, MODEL_ARRAYS, modelCost } from '../../src/models/cost.ts';

describe('modelCost', () => {
  it('counts MODEL_ARRAYS N²×N² float64 arrays: 640 MiB at N = 64 (621–633 MiB peak RSS measured, README)', () => {
    expect(modelCost(64).bytes).toBe(MODEL_ARRAYS * 8 * 4096 * 4096);
    expect(formatBytes(modelCost(64).bytes)).toBe('640 MiB');
  });

  it('largestModelN inverts the memory estimate: the largest N whose model fits', () => {
    for (const N of [2, 7, 32, 64, 100]) {
      expect(largestModelN(modelCost(N).bytes)).toBe(N);
      expect(largestModelN(modelCost(N).bytes - 1)).toBe(N - 1);
    }
  });

  it('announces N = 64 as under a minute and N = 128 as over one (time grows as N⁶)', () => {
    expect(modelCost(64).seconds).toBeLessThan(60);
    expect(modelCost(128).seconds / modelCost(64).seconds).toBeCloseTo(64, 10);
    expect(formatDuration(modelCost(128).seconds)).toBe('37 min');
  });
});
