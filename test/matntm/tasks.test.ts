import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/matntm/rng.ts';
import { copyBatch } from '../../src/matntm/tasks/copy.ts';
import { recallBatch } from '../../src/matntm/tasks/recall.ts';

const SEED = 20240611;
const mat = (a: Float32Array, t: number, b: number, B: number) => Array.from(a.subarray((t * B + b) * 25, (t * B + b + 1) * 25));
const row = (m: number[], i: number) => m.slice(i * 5, i * 5 + 5);

describe(`task generators (seed ${SEED})`, () => {
  it('copy: l data matrices with a zero fifth row, one end delimiter, l zero inputs; targets are the data', () => {
    const rng = new Rng(SEED);
    for (let rep = 0; rep < 20; rep++) {
      const B = 3;
      const d = copyBatch(rng, { batch: B, minLength: 1, maxLength: 20 });
      const l = d.outputSteps;
      expect(l).toBeGreaterThanOrEqual(1);
      expect(l).toBeLessThanOrEqual(20);
      expect(d.steps).toBe(2 * l + 1);
      for (let b = 0; b < B; b++) {
        for (let t = 0; t < l; t++) {
          const m = mat(d.inputs, t, b, B);
          expect(m.every((v) => v === 0 || v === 1)).toBe(true);
          expect(row(m, 4)).toEqual([0, 0, 0, 0, 0]);
          expect(mat(d.targets, t, b, B)).toEqual(m);
        }
        expect(mat(d.inputs, l, b, B)).toEqual([...Array(20).fill(0), 1, 1, 1, 1, 1]);
        for (let t = l + 1; t < d.steps; t++) expect(mat(d.inputs, t, b, B).every((v) => v === 0)).toBe(true);
      }
    }
  });

  it('copy: data bits are fair coins (binomial check: 3000 bits, |ones/n − ½| < 4.5σ ≈ 0.041)', () => {
    const d = copyBatch(new Rng(SEED), { batch: 30, minLength: 5, maxLength: 5 });
    const ones = d.targets.reduce((a, v) => a + v, 0);
    const n = 30 * 5 * 20;
    expect(Math.abs(ones / n - 0.5)).toBeLessThan(4.5 * Math.sqrt(0.25 / n));
  });

  it('copy: --length fixes l', () => {
    const d = copyBatch(new Rng(SEED), { batch: 2, minLength: 7, maxLength: 7 });
    expect(d.outputSteps).toBe(7);
    expect(d.steps).toBe(15);
  });

  it('recall: k items of (delimiter, 2 matrices), query delimiter, the query item, 2 zero inputs; target is item q+1', () => {
    const rng = new Rng(SEED + 1);
    const seenK = new Set<number>();
    for (let rep = 0; rep < 40; rep++) {
      const B = 4;
      const d = recallBatch(rng, { batch: B, minItems: 2, maxItems: 9 });
      const k = (d.steps - 5) / 3;
      expect(Number.isInteger(k)).toBe(true);
      expect(k).toBeGreaterThanOrEqual(2);
      expect(k).toBeLessThanOrEqual(9);
      seenK.add(k);
      expect(d.outputSteps).toBe(2);
      for (let b = 0; b < B; b++) {
        const items: number[][][] = [];
        for (let i = 0; i < k; i++) {
          const delim = mat(d.inputs, 3 * i, b, B);
          expect(row(delim, 4)).toEqual([1, 0, 0, 0, 1]);
          expect(delim.slice(0, 20).every((v) => v === 0)).toBe(true);
          const a = mat(d.inputs, 3 * i + 1, b, B);
          const c = mat(d.inputs, 3 * i + 2, b, B);
          expect(row(a, 4)).toEqual([0, 0, 0, 0, 0]);
          expect(row(c, 4)).toEqual([0, 0, 0, 0, 0]);
          items.push([a, c]);
        }
        const qd = mat(d.inputs, 3 * k, b, B);
        expect(row(qd, 4)).toEqual([0, 1, 1, 1, 0]);
        const query = [mat(d.inputs, 3 * k + 1, b, B), mat(d.inputs, 3 * k + 2, b, B)];
        const q = items.findIndex((it) => JSON.stringify(it) === JSON.stringify(query));
        expect(q).toBeGreaterThanOrEqual(0);
        expect(q).toBeLessThan(k - 1); // the last item has no successor and is never queried
        expect([mat(d.targets, 0, b, B), mat(d.targets, 1, b, B)]).toEqual(items[q + 1]);
        expect(mat(d.inputs, 3 * k + 3, b, B).every((v) => v === 0)).toBe(true);
        expect(mat(d.inputs, 3 * k + 4, b, B).every((v) => v === 0)).toBe(true);
      }
    }
    expect(seenK.size).toBeGreaterThan(5); // 40 draws from U{2..9} miss ≥ 3 values with probability < 1e-3
  });

  it('is reproducible from the seed', () => {
    const a = copyBatch(new Rng(7), { batch: 2, minLength: 1, maxLength: 20 });
    const b = copyBatch(new Rng(7), { batch: 2, minLength: 1, maxLength: 20 });
    expect(Array.from(a.inputs)).toEqual(Array.from(b.inputs));
  });
});
