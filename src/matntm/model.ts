/**
 * Model-level pieces shared by both engines: the per-sequence initial head weights, the
 * engine interface, and the metrics computed from output probabilities.
 */
import type { Layout } from './config.ts';
import type { Rng } from './rng.ts';
import type { TaskBatch } from './tasks/types.ts';
import type { HeadTrace } from './trace.ts';

/**
 * Initial read and write weights, drawn per sequence as the reference does:
 * softmax(2z) = exp(2z) / (Σ exp(2z) + eps), z ~ N(0, I). Layout [head][batch][slot], head 0 = read.
 */
export function initialHeadWeights(rng: Rng, batch: number, slots: number, eps: number): Float32Array {
  const w = new Float32Array(2 * batch * slots);
  for (let hb = 0; hb < 2 * batch; hb++) {
    let sum = 0;
    for (let j = 0; j < slots; j++) {
      const e = Math.exp(2 * rng.normal());
      w[hb * slots + j] = e;
      sum += e;
    }
    for (let j = 0; j < slots; j++) w[hb * slots + j] /= sum + eps;
  }
  return w;
}

export interface StepResult {
  /** Mean binary cross-entropy over every output entry (torch BCELoss 'mean'), computed from logits. */
  loss: number;
  /** Output probabilities [outputSteps][batch][rows][cols]. */
  outputs: Float32Array;
  /** dLoss/dθ in the flat layout (absent when only the forward pass was asked for). */
  grad?: Float32Array;
}

/** An engine evaluates the loss (and optionally its gradient) of a batch at parameters θ. */
export interface Engine {
  readonly name: string;
  readonly layout: Layout;
  run(theta: Float32Array, batch: TaskBatch, w0: Float32Array | null, wantGrad: boolean): Promise<StepResult>;
  /** MatNTM only: the forward pass of a batch with every sequence's head weights and memory per step. */
  trace(theta: Float32Array, batch: TaskBatch, w0: Float32Array): Promise<HeadTrace>;
  dispose?(): void;
}

export interface BitMetrics {
  /** Wrong bits per output matrix (the reference's metric; out of rows·cols). */
  bitErrorPerMatrix: number;
  /** Wrong bits per sequence (the NTM convention). */
  bitErrorPerSequence: number;
}

/** Threshold at 0.5 (≥ 0.5 → 1, as the reference) and count disagreements with the targets. */
export function bitErrors(outputs: Float32Array, batch: TaskBatch): BitMetrics {
  let wrong = 0;
  for (let i = 0; i < outputs.length; i++) {
    const bit = outputs[i] >= 0.5 ? 1 : 0;
    if (bit !== batch.targets[i]) wrong++;
  }
  return { bitErrorPerMatrix: wrong / (batch.batch * batch.outputSteps), bitErrorPerSequence: wrong / batch.batch };
}
