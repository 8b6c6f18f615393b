import { describe, expect, it } from 'vitest';
import { Matrix } from 'ml-matrix';
import { makeCase } from '../../../src/models/case.ts';
import { simulateFisherMemory } from '../../../src/models/simulate.ts';
import { memoryExactFisherMemory } from '../../../src/models/memory/exact.ts';
import { gaussianMatrix, matrixWithSpectralRadius } from '../../helpers/random-matrices.ts';
import { monteCarloSamples } from '../../helpers/monte-carlo.ts';

const rows = (m: Matrix) => m.to2DArray();
const c = makeCase(rows(matrixWithSpectralRadius(2, 0.7, 301)), rows(matrixWithSpectralRadius(2, 0.6, 302)), rows(gaussianMatrix(2, 2, 303)), 1, 1);

/*
 * Tolerance: the simulator's batch-means standard error (20 independent batches) estimates the
 * spread of the pooled estimate; 5 standard errors leave a per-comparison false-alarm rate below
 * 1e-6 under normality (with 20 batches the t-distribution makes it ~1e-4), and the seed is fixed,
 * so the test is deterministic. The debiasing of Ĵ(k) (inverse-Wishart factor and the n·(Sₛₛՙ⁻¹)ₖₖ
 * term) leaves a bias O(1/S²), far below the standard errors at these sample sizes.
 * The comparison is against the exact FINITE-horizon law at the simulated T (the simulator starts
 * from zero), which is the simulated quantity exactly, stable or not.
 */
describe('Monte Carlo of Eq. 34 agrees with the exact memory model', () => {
  it('stable (α₁ = 0.3): J(k) and J_tot within 5 standard errors of the exact finite-horizon values', () => {
    const T = 25;
    const sim = simulateFisherMemory(c, { samples: monteCarloSamples(60000), steps: T, seed: 11, batches: 20, alpha: [0.3] });
    const exact = memoryExactFisherMemory(c, { alpha: [0.3], count: T, horizon: T });
    const stationary = memoryExactFisherMemory(c, { alpha: [0.3], count: 6 });
    for (let k = 0; k < 6; k++) {
      const { estimate, stderr } = sim.fmc[k];
      expect(stderr).toBeGreaterThan(0);
      expect(Math.abs(estimate - exact.fmc[k])).toBeLessThan(5 * stderr);
      // at T = 25 the stable system has forgotten its start: finite horizon ≈ stationary
      expect(Math.abs(exact.fmc[k] - stationary.fmc[k]) / stationary.fmc[k]).toBeLessThan(1e-4);
    }
    expect(Math.abs(sim.jtot.estimate - exact.jtot)).toBeLessThan(5 * sim.jtot.stderr);
  });

  it('unstable (α₁ = 1): the simulation follows the finite-horizon law (T = 12)', () => {
    const T = 12;
    const sim = simulateFisherMemory(c, { samples: monteCarloSamples(40000), steps: T, seed: 12, batches: 20, alpha: [1] });
    const exact = memoryExactFisherMemory(c, { alpha: [1], count: T, horizon: T });
    for (let k = 0; k < 4; k++) expect(Math.abs(sim.fmc[k].estimate - exact.fmc[k])).toBeLessThan(5 * sim.fmc[k].stderr);
    expect(Math.abs(sim.jtot.estimate - exact.jtot)).toBeLessThan(5 * sim.jtot.stderr);
  });
});
