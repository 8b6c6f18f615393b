import { totalmem } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { formatBytes, formatDuration, largestModelN, memoryLimitBytes, MODEL_ARRAYS, modelCost, simulationCost, TIME_LIMIT_SECONDS } from '../../src/models/cost.ts';

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

describe('simulationCost', () => {
  it('memory: four float64 copies of the n², n·T and T² accumulators, whatever the number of samples', () => {
    // N = 2 (n = 4), T = 3: 16 + 12 + 9 = 37 entries, × 8 bytes × 4
    expect(simulationCost(2, 10, 3).bytes).toBe(37 * 8 * 4);
    expect(simulationCost(2, 1e6, 3).bytes).toBe(simulationCost(2, 10, 3).bytes);
  });

  it('time: linear in the samples; per sample T steps of 2N³ + n plus the accumulators', () => {
    // N = 2, T = 3: 3·(16 + 4) + 16 + 12 + 9 = 97 multiply-adds per sample at 5e-8 s (equal up to rounding: 15 digits)
    expect(simulationCost(2, 1000, 3).seconds).toBeCloseTo(1000 * 97 * 5e-8, 15);
    expect(simulationCost(8, 2000, 50).seconds / simulationCost(8, 1000, 50).seconds).toBeCloseTo(2, 12);
    // with T ≫ N the T products UᵀXV (2N³ each) dominate: doubling N multiplies the time by just under 8
    // (N = 64 → 128 at T = 10⁴: 5.44e9 → 4.26e10 multiply-adds, the T² = 1e8 term fixed), not by 16 (the n² term)
    const r = simulationCost(128, 10, 10_000).seconds / simulationCost(64, 10, 10_000).seconds;
    expect(r).toBeGreaterThan(7.7);
    expect(r).toBeLessThan(8);
  });
});

describe('memoryLimitBytes and the time limit', () => {
  const saved = process.env.MATMEM_MAX_MEMORY_MB;
  afterEach(() => {
    if (saved === undefined) delete process.env.MATMEM_MAX_MEMORY_MB;
    else process.env.MATMEM_MAX_MEMORY_MB = saved;
  });

  it('MATMEM_MAX_MEMORY_MB in MiB when positive, else three quarters of this machine', () => {
    process.env.MATMEM_MAX_MEMORY_MB = '512';
    expect(memoryLimitBytes()).toBe(512 * 1024 * 1024);
    for (const bad of ['0', '-5', 'abc', '']) {
      process.env.MATMEM_MAX_MEMORY_MB = bad;
      expect(memoryLimitBytes()).toBe(0.75 * totalmem());
    }
    delete process.env.MATMEM_MAX_MEMORY_MB;
    expect(memoryLimitBytes()).toBe(0.75 * totalmem());
  });

  it('a run may take up to 24 hours', () => {
    expect(TIME_LIMIT_SECONDS).toBe(86_400);
    expect(formatDuration(TIME_LIMIT_SECONDS)).toBe('24.0 h');
  });
});

describe('formatDuration and formatBytes: the unit changes at each threshold', () => {
  it('seconds below 90 s, minutes below 90 min, hours below 48 h, days below two years, then years', () => {
    const cases: [number, string][] = [
      [89.4, '89 s'],
      [90, '2 min'],
      [5399, '90 min'],
      [5400, '1.5 h'],
      [48 * 3600 - 1, '48.0 h'],
      [48 * 3600, '2 days'],
      [730 * 86400 - 1, '730 days'],
      [730 * 86400, '2.0e+0 years'],
      [3.2e12, '1.0e+5 years'],
    ];
    for (const [seconds, text] of cases) expect(formatDuration(seconds), `${seconds} s`).toBe(text);
  });

  it('binary units with three significant digits, from bytes to EiB and no further', () => {
    const cases: [number, string][] = [
      [1023, '1.02e+3 B'],
      [1024, '1.00 KiB'],
      [1536 * 1024, '1.50 MiB'],
      [1024 ** 3, '1.00 GiB'],
      [1024 ** 4, '1.00 TiB'],
      [1024 ** 5, '1.00 PiB'],
      [1024 ** 6, '1.00 EiB'],
      [1024 ** 7, '1.02e+3 EiB'],
    ];
    for (const [bytes, text] of cases) expect(formatBytes(bytes), `${bytes} B`).toBe(text);
  });
});
