import { describe, expect, it } from 'vitest';
import { Matrix } from 'ml-matrix';
import { ModelUndefinedError, InputError } from '../../../src/errors.ts';
import { makeCase } from '../../../src/models/case.ts';
import { memoryFmcJson, memorySimulateJson } from '../../../src/cli/memory-options.ts';
import { gaussianMatrix, matrixWithSpectralRadius } from '../../helpers/random-matrices.ts';

const rows = (m: Matrix) => m.to2DArray();
const c = makeCase(rows(matrixWithSpectralRadius(2, 0.7, 401)), rows(matrixWithSpectralRadius(2, 0.6, 402)), rows(gaussianMatrix(2, 2, 403)));

describe('memory CLI JSON builders', () => {
  it('refuses the exact stationary law for α₁ = 1 with a message naming ρ(F) and --horizon', () => {
    expect(() => memoryFmcJson(c, { memorySlots: '1' }, { models: ['exact'], K: 5 })).toThrow(ModelUndefinedError);
    try {
      memoryFmcJson(c, { memorySlots: '1' }, { models: ['paper', 'exact'], K: 5 });
    } catch (err) {
      expect((err as Error).message).toMatch(/no stationary law.*ρ\(F\) = 1\.\d+.*--horizon/s);
    }
  });

  it('stable α and finite horizon give both models with stability', () => {
    const j = memoryFmcJson(c, { memorySlots: '1', alpha: '0.3', truncation: '4' }, { models: ['paper', 'exact'], K: 5 }) as {
      models: Record<string, { fmc: number[]; jtot: number }>;
      stability: { spectralRadius: number; stable: boolean };
    };
    expect(j.stability.stable).toBe(true);
    expect(j.stability.spectralRadius).toBeLessThan(1);
    expect(j.models.exact.fmc).toHaveLength(5);
    expect(j.models.paper.jtot).toBeGreaterThan(0);
    const h = memoryFmcJson(c, { memorySlots: '1', horizon: '30' }, { models: ['exact'], K: 3 }) as { stability: { stable: boolean } };
    expect(h.stability.stable).toBe(false);
  });

  it('rejects inconsistent options', () => {
    expect(() => memoryFmcJson(c, { memorySlots: '2', alpha: '0.5' }, { models: ['exact'], K: 2 })).toThrow(InputError);
    expect(() => memorySimulateJson(c, { memorySlots: '1' }, { samples: 1000, seed: 1, batches: 2 })).toThrow(/no default number of steps/);
  });
});
