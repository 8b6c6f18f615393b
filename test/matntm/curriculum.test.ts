/**
 * The curriculum over the training length (spec.curriculum) and the one meaning of "final held-out"
 * shared by `train` and `experiment` (finalHeldOut).
 */
import { describe, expect, it } from 'vitest';
import { FusedEngine } from '../../src/matntm/engines/fused.ts';
import { layoutOf } from '../../src/matntm/config.ts';
import { trainingMaxLength, type TrainSpec } from '../../src/matntm/spec.ts';
import { drawBatch } from '../../src/matntm/tasks/draw.ts';
import { Rng } from '../../src/matntm/rng.ts';
import { train } from '../../src/matntm/train.ts';
import { finalHeldOut, FINAL_EVAL_BATCHES, HELD_OUT_SEED, evaluateAtLengths, meanOverLengths } from '../../src/matntm/evaluate.ts';
import { experimentConfig, runSpec } from '../../src/matntm/experiment/config.ts';
import { tinyConfig } from './helpers.ts';

const spec: TrainSpec = {
  task: 'copy',
  model: 'matntm',
  preset: 'quick',
  config: tinyConfig('matntm'),
  optimizer: { kind: 'adam', lr: 3e-3, momentum: 0, clip: 10 },
  batch: 2,
  minLength: 1,
  maxLength: 9,
  seed: 77,
};

describe('curriculum over the training length', () => {
  it('opens from `from` at iteration 1 to the whole range at `until`, one length at a time, never back', () => {
    const s = { ...spec, curriculum: { from: 3, until: 61 } };
    expect(trainingMaxLength(s, 1)).toBe(3);
    expect(trainingMaxLength(s, 61)).toBe(9);
    expect(trainingMaxLength(s, 10_000)).toBe(9);
    // (9 − 3)·(31 − 1)/61 = 2.95 → 3 + 2
    expect(trainingMaxLength(s, 31)).toBe(5);
    let last = 3;
    for (let it = 1; it <= 70; it++) {
      const m = trainingMaxLength(s, it);
      expect(m - last).toBeGreaterThanOrEqual(0);
      expect(m - last).toBeLessThanOrEqual(1);
      last = m;
    }
  });

  it('without a curriculum every iteration draws from the whole range', () => {
    expect(trainingMaxLength(spec, 1)).toBe(9);
  });

  it('a capped draw stays within the cap; an uncapped one is the draw the loop made before curricula existed', () => {
    const a = new Rng(5);
    for (let i = 0; i < 50; i++) {
      expect(drawBatch(spec, a, undefined, undefined, 4).batch.length).toBeLessThanOrEqual(4);
      const x = drawBatch(spec, new Rng(100 + i));
      const y = drawBatch(spec, new Rng(100 + i), undefined, undefined, spec.maxLength);
      expect(Array.from(y.batch.inputs)).toEqual(Array.from(x.batch.inputs));
    }
  });

  it("the training loop draws its batches under the curriculum's cap", async () => {
    const seen: number[] = [];
    class Spy extends FusedEngine {
      override async run(...a: Parameters<FusedEngine['run']>) {
        if (a[3]) seen.push(a[1].length); // training batches (with a gradient), not the held-out ones
        return super.run(...a);
      }
    }
    const s = { ...spec, curriculum: { from: 2, until: 1000 } };
    await train(s, new Spy(layoutOf(s.config)), { iterations: 12, evalBatches: 1 });
    expect(seen.length).toBe(12);
    expect(Math.max(...seen)).toBeLessThanOrEqual(2);
    // without the curriculum the same seed draws longer ones within 12 batches (lengths 1..9)
    const free: number[] = [];
    class Spy2 extends FusedEngine {
      override async run(...a: Parameters<FusedEngine['run']>) {
        if (a[3]) free.push(a[1].length);
        return super.run(...a);
      }
    }
    await train(spec, new Spy2(layoutOf(spec.config)), { iterations: 12, evalBatches: 1 });
    expect(Math.max(...free)).toBeGreaterThan(2);
  });

  it('the paper-sizes preset puts its curriculum into the experiment and every run spec, scaled with the iterations', () => {
    const c = experimentConfig('copy', ['matntm', 'matrnn'], [1], 'paper-sizes', { iterations: 600 });
    expect(c.curriculum).toEqual({ from: 5, until: 300 });
    expect(runSpec(c, 'matrnn', 1).curriculum).toEqual({ from: 5, until: 300 });
    expect(runSpec(c, 'matntm', 1).optimizer.decay).toEqual({ every: 200, factor: 1 / 3 });
    expect(runSpec(c, 'matntm', 1).config.slots).toBe(120);
    expect(experimentConfig('copy', ['matntm'], [1], 'paper-sizes', { iterations: 600, curriculum: null }).curriculum).toBeUndefined();
    expect(() => experimentConfig('copy', ['matntm'], [1], 'quick', { curriculum: { from: 9, until: 10 } })).toThrow(/outside the training lengths/);
  });
});

describe('final held-out', () => {
  it('train reports finalHeldOut: every training length, FINAL_EVAL_BATCHES batches of HELD_OUT_SEED, lengths weighted equally', async () => {
    const s = { ...spec, maxLength: 3 };
    const engine = new FusedEngine(layoutOf(s.config));
    const r = await train(s, engine, { iterations: 2, evalBatches: 2 });
    const byLength = await evaluateAtLengths(engine, s, r.theta, [1, 2, 3], 2, { evalSeed: HELD_OUT_SEED });
    expect(r.final).toEqual(meanOverLengths(byLength));
    const f = await finalHeldOut(engine, s, r.theta);
    expect(f.byLength.map((m) => m.length)).toEqual([1, 2, 3]);
    expect(f.byLength[0].sequences).toBe(FINAL_EVAL_BATCHES * s.batch);
  });
});
