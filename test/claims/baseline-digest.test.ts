import { describe, expect, it } from 'vitest';
import { compareFingerprints, digestLong, flattenNumbers } from '../../src/claims/baseline.ts';

// A 64×64 covariance is digested in the baseline: the digest must still move when any one entry
// moves beyond rounding, wherever it is, or the guard loses what it guarded before.
describe('digestLong', () => {
  const xs = Array.from({ length: 4096 }, (_, i) => Math.sin(0.37 * i + 0.1) * (1 + (i % 5)));
  const fp = (v: number[]) => flattenNumbers(digestLong(v), 'subject');

  it('keeps short subjects verbatim', () => {
    expect(digestLong([1, 2, 3])).toEqual([1, 2, 3]);
  });

  it('a change of 1e-6 (relative) in one late entry is a fingerprint change; a rounding-level one is not', () => {
    const base = fp(xs);
    for (const at of [100, 2047, 4095]) {
      const moved = xs.slice();
      moved[at] *= 1 + 1e-6;
      expect(compareFingerprints(base, fp(moved)).length, `entry ${at}`).toBeGreaterThan(0);
      const rounded = xs.slice();
      rounded[at] *= 1 + 4e-16;
      expect(compareFingerprints(base, fp(rounded)), `entry ${at}`).toEqual([]);
    }
  });

  it('two entries swapped (a transposed factor) move the weighted moments', () => {
    const swapped = xs.slice();
    [swapped[70], swapped[100]] = [swapped[100], swapped[70]];
    expect(compareFingerprints(fp(xs), fp(swapped)).map((c) => c.path)).toContain('subject.blockWeightedMagnitude.1');
  });
});
