// My derivation and claim in my own vitest suite, through matmem/vitest's matchers.
import { describe, expect, it } from 'vitest';
import { test, arbitraries } from 'matmem/vitest';
import { exactCovariance, exactTotalCapacity, inputFisherInformation } from 'matmem';
import transpose from '../my-proofs/transpose-of-product.ts';
import exactCapacity from '../my-proofs/exact-capacity.ts';

describe('my proofs', () => {
  it('step 1 holds', () => expect(transpose.steps[0]).toHold());
  it('the typo in step 2 is caught', () => expect(transpose.steps[1]).toFail());
  it('my claim holds in the exact model', () => expect(exactCapacity).toHoldIn('exact', { runs: 50 }));
  test.prop([arbitraries.normalConvergentCases()], { seed: 1, numRuns: 20 })('and on random normal cases too', (g) => {
    const c = arbitraries.toMatrixCase(g);
    const jtot = exactTotalCapacity(c, exactCovariance(c)).jtot;
    expect(Math.abs(jtot - inputFisherInformation(c))).toBeLessThanOrEqual(1e-8 * inputFisherInformation(c));
  });
});
