import { describe, expect, it } from 'vitest';
import { newOptimizerState, optimizerStep, type OptimizerSettings } from '../../src/matntm/optim.ts';

describe('optimizer step decay (the quick preset anneals Adam)', () => {
  it('uses lr for the first `every` updates, lr·factor for the next `every`, then lr·factor²', () => {
    // With a constant gradient, Adam's bias-corrected moments are m̂ = g, v̂ = g², so each update moves θ
    // by lr·g/(|g| + eps) = lr (up to eps = 1e-8 relative): the step sizes read off the learning rate.
    const s: OptimizerSettings = { kind: 'adam', lr: 0.01, momentum: 0, clip: 0, decay: { every: 2, factor: 0.25 } };
    const st = newOptimizerState(1);
    const theta = new Float32Array([1]);
    const steps: number[] = [];
    for (let i = 0; i < 6; i++) {
      const before = theta[0];
      optimizerStep(s, st, theta, new Float32Array([3]));
      steps.push(before - theta[0]);
    }
    // float32 θ near 1 has a spacing of 6e-8, so the moves are known to ~1e-7
    expect(steps[0]).toBeCloseTo(0.01, 6);
    expect(steps[1]).toBeCloseTo(0.01, 6);
    expect(steps[2]).toBeCloseTo(0.0025, 6);
    expect(steps[3]).toBeCloseTo(0.0025, 6);
    expect(steps[4]).toBeCloseTo(0.000625, 6);
    expect(steps[5]).toBeCloseTo(0.000625, 6);
  });
});
