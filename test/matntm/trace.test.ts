/**
 * Head and memory traces: the fused engine against TF.js (its oracle), the trace against the
 * engine's own outputs, and the "NTM algorithm" statistic on hand-built traces whose answer is known.
 */
import { describe, expect, it } from 'vitest';
import { FusedEngine } from '../../src/matntm/engines/fused.ts';
import { TfjsEngine } from '../../src/matntm/engines/tfjs.ts';
import { useBackend } from '../../src/matntm/engines/backend.ts';
import { copyAlgorithm, poolStatistics, recallAlgorithm, type HeadTrace } from '../../src/matntm/trace.ts';
import { Rng } from '../../src/matntm/rng.ts';
import { copyBatch } from '../../src/matntm/tasks/copy.ts';
import { recallBatch } from '../../src/matntm/tasks/recall.ts';
import { maxAbsDiff, tinyProblem } from './helpers.ts';

describe('tracing: fused engine = TF.js engine', () => {
  for (const [softmax, seed] of [['clamped', 201], ['standard', 202]] as const) {
    it(`read and write weights and memory agree to 1e-5 (${softmax} softmax, seed ${seed})`, async () => {
      await useBackend('cpu');
      const p = tinyProblem('matntm', seed, softmax, 4, 3);
      const a = new FusedEngine(p.layout).traceSync(p.theta, p.batch, p.w0!);
      const b = await new TfjsEngine(p.layout).trace(p.theta, p.batch, p.w0!);
      expect([a.sequences, a.steps, a.slots]).toEqual([3, 9, 7]);
      expect([b.sequences, b.steps, b.slots]).toEqual([3, 9, 7]);
      // float32 TF.js through ~10² dependent operations per step: 1e-5 is float32 accuracy (as the gradient test)
      expect(maxAbsDiff(a.read, b.read), `seed ${seed}`).toBeLessThan(1e-5);
      expect(maxAbsDiff(a.write, b.write), `seed ${seed}`).toBeLessThan(1e-5);
      expect(maxAbsDiff(a.memory, b.memory), `seed ${seed}`).toBeLessThan(1e-5);
      expect(maxAbsDiff(a.outputs, b.outputs), `seed ${seed}`).toBeLessThan(1e-5);
      // the weights are distributions (sum to 1 − O(eps)) and the memory moved away from its initial value
      for (let bt = 0; bt < a.sequences * a.steps; bt++) {
        const s = a.read.subarray(bt * a.slots, (bt + 1) * a.slots).reduce((x, y) => x + y, 0);
        expect(Math.abs(s - 1)).toBeLessThan(1e-6);
      }
      expect(Math.max(...a.memory.map((m) => Math.abs(m - 1e-5)))).toBeGreaterThan(1e-2);
    });
  }

  it('the traced outputs are the engine outputs, bit for bit', () => {
    const p = tinyProblem('matntm', 203, 'clamped', 3, 2);
    const eng = new FusedEngine(p.layout);
    const tr = eng.traceSync(p.theta, p.batch, p.w0!);
    const run = eng.runSync(p.theta, p.batch, p.w0, false);
    expect(maxAbsDiff(tr.outputs, run.outputs)).toBe(0);
    expect(tr.outputs.length).toBe(run.outputs.length);
  });
});

/** A trace with one-hot weights at the given slots: [b][t] → slot. */
function handTrace(steps: number, slots: number, write: number[][], read: number[][]): HeadTrace {
  const B = write.length;
  const w = new Float32Array(B * steps * slots);
  const r = new Float32Array(B * steps * slots);
  for (let b = 0; b < B; b++) {
    for (let t = 0; t < steps; t++) {
      w[(b * steps + t) * slots + write[b][t]] = 1;
      r[(b * steps + t) * slots + read[b][t]] = 1;
    }
  }
  return { sequences: B, steps, slots, slot: [1, 1], read: r, write: w, memory: new Float32Array(B * steps * slots), outputs: new Float32Array(0) };
}

describe('the NTM-algorithm statistic on hand-built traces', () => {
  it('copy: write advancing by +1 or −1 and reads in the same order follow; a skipped slot or a wrong read does not', () => {
    // l = 3: inputs at t = 0, 1, 2; delimiter at 3; outputs read at 4, 5, 6 (steps = 7), 10 slots
    const batch = { ...copyBatch(new Rng(1), { batch: 4, minLength: 3, maxLength: 3 }) };
    const tr = handTrace(7, 10, [
      [5, 6, 7, 0, 0, 0, 0], // +1
      [1, 0, 9, 0, 0, 0, 0], // −1, wrapping around the ring
      [2, 3, 5, 0, 0, 0, 0], // skips slot 4
      [4, 5, 6, 0, 0, 0, 0], // advances, but reads out of order
    ], [
      [0, 0, 0, 0, 5, 6, 7],
      [0, 0, 0, 0, 1, 0, 9],
      [0, 0, 0, 0, 2, 3, 5],
      [0, 0, 0, 0, 4, 6, 5],
    ]);
    const s = copyAlgorithm(tr, batch);
    expect(s.perSequence.map((x) => x.follows)).toEqual([true, true, false, false]);
    expect(s.perSequence.map((x) => x.direction)).toEqual([1, -1, 1, 1]);
    expect(s.following).toBe(2);
    expect(s.fraction).toBe(0.5);
    // write steps: 8 transitions, 7 advance by the sequence's direction (3→5 does not)
    expect(s.writeAdvance).toBeCloseTo(7 / 8, 15);
    // read steps: 12, of which 10 match (sequence 4 reads 6 for 5 and 5 for 6)
    expect(s.readMatch).toBeCloseTo(10 / 12, 15);
  });

  it('spread weights focus nowhere: near-uniform heads never follow, although their argmax is slot 0 everywhere', () => {
    // what an untrained (or stuck) network does: every slot ≈ 1/N, the first one a hair above the rest
    const batch = copyBatch(new Rng(3), { batch: 2, minLength: 3, maxLength: 3 });
    const tr = handTrace(7, 10, [[0, 0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0, 0]], [[0, 0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0, 0]]);
    for (const w of [tr.read, tr.write]) for (let i = 0; i < w.length; i++) w[i] = i % 10 === 0 ? 0.1009 : 0.0999;
    const s = copyAlgorithm(tr, batch);
    expect(s.following).toBe(0);
    expect(s.readMatch).toBe(0);
    expect(s.perSequence[0].written).toEqual([-1, -1, -1]);
    // a recall sequence likewise: spread read weights land nowhere
    const rb = recallBatch(new Rng(4), { batch: 1, minItems: 3, maxItems: 3 });
    const rt = handTrace(14, 16, [Array(14).fill(0)], [Array(14).fill(0)]);
    for (const w of [rt.read, rt.write]) for (let i = 0; i < w.length; i++) w[i] = 1 / 16;
    expect(recallAlgorithm(rt, rb).following).toBe(0);
  });

  it('recall: the read lands on the slots of the item after the query', () => {
    // k = 3 items of n = 2: item j at steps 3(j−1) (delimiter), 3(j−1)+1, 3(j−1)+2; query delimiter at 9,
    // query at 10, 11; outputs read at 12, 13 (steps = 14)
    const rng = new Rng(5);
    const batch = recallBatch(rng, { batch: 2, minItems: 3, maxItems: 3 });
    expect(batch.steps).toBe(14);
    const queries = Array.from(batch.queries!);
    // every matrix written to its own slot: the matrix at step t goes to slot t
    const write = [0, 1].map(() => Array.from({ length: 14 }, (_, t) => t % 16));
    const answer = (q: number) => [q * 3 + 1, q * 3 + 2]; // steps (= slots) of item q + 1's matrices
    const read = [
      [...Array(12).fill(0), ...answer(queries[0])],
      [...Array(12).fill(0), answer(queries[1])[0], 0], // the second output reads the wrong slot
    ];
    const s = recallAlgorithm(handTrace(14, 16, write, read), batch);
    expect(s.perSequence.map((x) => x.follows)).toEqual([true, false]);
    expect(s.readMatch).toBeCloseTo(3 / 4, 15);
    const pooled = poolStatistics([s, s]);
    expect([pooled.sequences, pooled.following, pooled.fraction]).toEqual([4, 2, 0.5]);
  });
});
