import { describe, expect, it } from 'vitest';
import { compareFingerprints, flattenNumbers } from '../../src/claims/baseline.ts';
import { digestVector } from '../../src/core/digest.ts';

// A 64×64 covariance travels in the report and the baseline as its digest: the digest must still
// move when any one entry moves beyond rounding, wherever it is, or the guard loses what it guarded.
describe('digestVector', () => {
  const xs = Array.from({ length: 4096 }, (_, i) => Math.sin(0.37 * i + 0.1) * (1 + (i % 5)));
  const fp = (v: number[]) => flattenNumbers(digestVector(v), 'subject');

  it('keeps short arrays as they are; a long one becomes 16 + 2·64 numbers', () => {
    expect(digestVector([1, 2, 3])).toEqual([1, 2, 3]);
    expect(digestVector(xs)).toHaveLength(16 + 128);
    expect(digestVector(xs).slice(0, 16)).toEqual(xs.slice(0, 16));
  });

  it('a change of 1e-6 (relative) in one entry is a fingerprint change; a rounding-level one is not', () => {
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

  it('two entries swapped within a block (a transposed factor) move the block weighted moment', () => {
    const swapped = xs.slice();
    [swapped[70], swapped[100]] = [swapped[100], swapped[70]];
    // block 1 (entries 64..127): its Σx² is unchanged, its Σ(1 + j)|x| (position 16 + 64 + 1) moves
    expect(compareFingerprints(fp(xs), fp(swapped)).map((c) => c.path)).toEqual(['subject.81']);
  });
});
