/**
 * The data of Figures 3 and 4: by default the curves run to the horizon, so the exact cumulative FMC
 * ends at its total, I(W) = ‖W‖²/(ε₁ε₂) = 1 (the caption's claim), and the paper model's stays below
 * its own J_tot without memory. Two small networks and a short horizon keep it fast.
 */
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.ts';
import { memoryFigureData } from '../../src/figures/memory-figures.ts';

const small = { neurons: [16, 36], horizon: 30, seed: 1 };

describe('memoryFigureData', () => {
  it('draws k = 0 … T−1 by default: the exact cumulative FMC ends at I(W) = 1, the paper one below its J_tot without memory', () => {
    const data = memoryFigureData(small);
    expect(data.k).toBe(30);
    expect(data.series.map((s) => [s.label, s.model, s.fmc.length])).toEqual([
      ['MAT-16', 'paper', 30],
      ['MAT-16', 'exact', 30],
      ['MAT-36', 'paper', 30],
      ['MAT-36', 'exact', 30],
    ]);
    for (const s of data.series) {
      // W is scaled to Tr(WᵀW) = 1 and ε₁ = ε₂ = 1; rounding of a Frobenius norm squared
      expect(Math.abs(s.inputFisher - 1)).toBeLessThan(1e-12);
      expect(s.cumulative.at(-1)).toBeCloseTo(s.fmc.reduce((a, b) => a + b, 0), 12);
    }
    for (const s of data.series.filter((x) => x.model === 'exact')) {
      // the exact total at the horizon is I(W) for normal U, V (a sum of T terms, rounding ~1e-15 each)
      expect(Math.abs(s.cumulative.at(-1)! - s.inputFisher)).toBeLessThan(1e-9);
      expect(Math.abs(s.cumulative.at(-1)! - s.jtot!)).toBeLessThan(1e-9);
    }
    for (const s of data.series.filter((x) => x.model === 'paper')) {
      expect(s.cumulative.at(-1)!).toBeLessThan(s.jtotWithoutMemory);
      // J(k)′ falls geometrically: what is left after k = T−1 is below the series' rounding
      expect(Math.abs(s.cumulative.at(-1)! - s.jtot!)).toBeLessThan(1e-9 * s.jtot!);
    }
  });

  it('with --k below the horizon the exact curves stop short of their total', () => {
    const data = memoryFigureData({ ...small, k: 10 });
    expect(data.k).toBe(10);
    const exact = data.series.filter((s) => s.model === 'exact');
    for (const s of exact) expect(s.cumulative.at(-1)!).toBeLessThan(0.9 * s.inputFisher);
  });

  it('refuses more points than the horizon: no input lies further back than the state started', () => {
    expect(() => memoryFigureData({ ...small, k: 31 })).toThrow(InputError);
    expect(() => memoryFigureData({ ...small, k: 31 })).toThrow(/--k \(31\) must be at most the horizon --horizon \(30\)/);
  });
});
