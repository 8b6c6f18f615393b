/**
 * Held-out evaluation of a trained network at given lengths (copy l, recall k) and item lengths
 * (recall n): the numbers behind the held-out learning curves (Figs. 5, 7) and the cost against
 * length (Fig. 9). The batches of a length come from their own stream, seeded by the evaluation
 * seed and the length alone, so every run, model and evaluation sees the same sequences there.
 */
import { bitErrors, type Engine } from './model.ts';
import { Rng } from './rng.ts';
import type { LengthMetrics, Metrics, TrainSpec } from './spec.ts';
import { drawBatch } from './tasks/draw.ts';

/** The evaluation seed of held-out batches when none is given (independent of every run's seed). */
export const DEFAULT_EVAL_SEED = 0x5eed1e55;

/** The seed of the held-out batches of experiments and of a trained network's final evaluation. */
export const HELD_OUT_SEED = 20_260_601;

/**
 * Held-out batches per length of a trained network's final evaluation (`train`, and `experiment`'s
 * final metrics and cost against length, Fig. 9): standard errors are the spread of this many batch
 * means, so a test on them has this many minus one degrees of freedom (16: a t quantile within 7 %
 * of the normal one at the levels used).
 */
export const FINAL_EVAL_BATCHES = 16;

/** The random stream of the held-out batches at one (length, item length). */
export function heldOutRng(evalSeed: number, length: number, itemLength = 0): Rng {
  const mixed = (Math.imul(evalSeed >>> 0, 0x9e3779b1) ^ Math.imul(length + 1, 0x85ebca6b) ^ Math.imul(itemLength + 1, 0xc2b2ae35)) >>> 0;
  return new Rng(mixed);
}

function meanAndSe(xs: number[]): [number, number] {
  const n = xs.length;
  const mean = xs.reduce((a, b) => a + b, 0) / n;
  if (n < 2) return [mean, 0];
  const v = xs.reduce((a, b) => a + (b - mean) * (b - mean), 0) / (n - 1);
  return [mean, Math.sqrt(v / n)];
}

export interface EvaluateOptions {
  /** Recall: evaluate at this item length n instead of the spec's. */
  itemLength?: number;
  evalSeed?: number;
  /** Called after each length. */
  onLength?: (m: LengthMetrics) => void;
}

/**
 * Mean BCE, wrong bits per output matrix and per sequence at every length, over `batches` held-out
 * batches each (standard errors from the spread of the batch means; 0 with a single batch).
 */
export async function evaluateAtLengths(engine: Engine, spec: TrainSpec, theta: Float32Array, lengths: number[], batches: number, opts: EvaluateOptions = {}): Promise<LengthMetrics[]> {
  const evalSeed = opts.evalSeed ?? DEFAULT_EVAL_SEED;
  const n = spec.task === 'recall' ? (opts.itemLength ?? spec.itemLength ?? 2) : undefined;
  const out: LengthMetrics[] = [];
  for (const length of lengths) {
    const rng = heldOutRng(evalSeed, length, n);
    const loss: number[] = [];
    const perMatrix: number[] = [];
    const perSequence: number[] = [];
    for (let i = 0; i < batches; i++) {
      const { batch, w0 } = drawBatch(spec, rng, length, n);
      const r = await engine.run(theta, batch, w0, false);
      const m = bitErrors(r.outputs, batch);
      loss.push(r.loss);
      perMatrix.push(m.bitErrorPerMatrix);
      perSequence.push(m.bitErrorPerSequence);
    }
    const [l, lse] = meanAndSe(loss);
    const [bpm, bpmSe] = meanAndSe(perMatrix);
    const [bps] = meanAndSe(perSequence);
    const m: LengthMetrics = { length, ...(n !== undefined ? { itemLength: n } : {}), loss: l, bitErrorPerMatrix: bpm, bitErrorPerSequence: bps, sequences: batches * spec.batch, lossSe: lse, bitErrorPerMatrixSe: bpmSe };
    out.push(m);
    opts.onLength?.(m);
  }
  return out;
}

/**
 * "Final held-out" of a trained network, the same in `train` and `experiment`: at every training
 * length, FINAL_EVAL_BATCHES batches of HELD_OUT_SEED's stream for that length, every length weighted
 * equally.
 */
export async function finalHeldOut(engine: Engine, spec: TrainSpec, theta: Float32Array, batches = FINAL_EVAL_BATCHES, evalSeed = HELD_OUT_SEED): Promise<{ byLength: LengthMetrics[]; mean: Metrics }> {
  const byLength = await evaluateAtLengths(engine, spec, theta, range(spec.minLength, spec.maxLength), batches, { evalSeed });
  return { byLength, mean: meanOverLengths(byLength) };
}

/** Every length weighted equally. */
export function meanOverLengths(ms: LengthMetrics[]): Metrics {
  const avg = (f: (m: LengthMetrics) => number) => ms.reduce((a, m) => a + f(m), 0) / ms.length;
  return { loss: avg((m) => m.loss), bitErrorPerMatrix: avg((m) => m.bitErrorPerMatrix), bitErrorPerSequence: avg((m) => m.bitErrorPerSequence) };
}

/** The integers lo..hi. */
export function range(lo: number, hi: number): number[] {
  return Array.from({ length: hi - lo + 1 }, (_, i) => lo + i);
}
