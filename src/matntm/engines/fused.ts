/**
 * The fused CPU engine: forward pass and hand-written backward pass through time on typed arrays
 * (float64 inside, float32 parameters and gradients outside), with no per-operation framework cost.
 * The tfjs engine is its gradient oracle (test/matntm). The pieces: fused/kernels.ts (the working
 * memory and the WebAssembly kernels of kernels.wat: products and memory passes; the activations),
 * fused/bilinear.ts, fused/tape.ts (the buffers of a pass), fused/forward.ts and fused/backward.ts.
 *
 * The controller, the heads and the output maps run on the whole batch at once: a batch of matrices
 * is stored [rows][B][cols] (as in the tfjs engine), so each product of a bilinear map is a single
 * product with B times longer rows. Addressing and memory run per sequence, each sequence's memory
 * history contiguous.
 *
 * Notation per sequence and step t (see config.ts for the architecture):
 *   cells    Hˡ_t = tanh(Up·P·Vp + B + Uq·X_t·Vq + Ur·R_{t−1}·Vr)
 *   heads    K = tanh(keys), A|E = tanh|σ(addErase), shift logits, (β̂, ĝ, γ̂)
 *   address  cos_j = ⟨K, M_j⟩ / (‖K‖·‖M_j‖ + eps); wc = softmax(β·cos); wg = g·wc + (1 − g)·w_{t−1};
 *            ŵ_i = Σ_k wg_{(i+k−r) mod N}·s_k; w = ŵ^γ / (Σ ŵ^γ + eps)       (on M_{t−1})
 *   memory   M_t,j = M_{t−1},j ⊙ (1 − w^w_j·E) + w^w_j·A;  R_t = Σ_j w^r_j·M_t,j
 *   output   Y_t = σ(Uy·H_t·Vy + By + Ur'·R_t·Vr' + Br')
 */
import type { Layout } from '../config.ts';
import type { Engine, StepResult } from '../model.ts';
import type { TaskBatch } from '../tasks/types.ts';
import type { HeadTrace } from '../trace.ts';
import { backwardPass } from './fused/backward.ts';
import { Bilinear } from './fused/bilinear.ts';
import { capturedTrace, forwardPass, type FusedMaps } from './fused/forward.ts';
import { Kernels } from './fused/kernels.ts';
import { makeTape, tapeShape, tapeSizes, type TapeBuffers } from './fused/tape.ts';

export class FusedEngine implements Engine {
  readonly name = 'fused';
  private readonly maps: FusedMaps;
  private readonly all: Bilinear[];

  /** The working memory of every pass and the kernels on it; exposed for the tests (Kernels.poison). */
  readonly kernels = new Kernels();

  constructor(readonly layout: Layout) {
    const k = this.kernels;
    let n = 0;
    const map = (spec: ConstructorParameters<typeof Bilinear>[0]) => new Bilinear(spec, k, `map${n++}`);
    const m: FusedMaps = {
      cellP: layout.cells.map((c) => map(c.p)),
      cellQ: layout.cells.map((c) => map(c.q)),
      cellR: layout.cells.map((c) => (c.r ? map(c.r) : null)),
      outY: map(layout.outY),
      outR: layout.outR ? map(layout.outR) : null,
      heads: layout.keys ? [layout.keys, layout.addErase!, layout.shift!, layout.bgg!].map((s) => map(s)) : [],
    };
    this.maps = m;
    this.all = [...m.cellP, ...m.cellQ, ...m.cellR.filter((x): x is Bilinear => x !== null), m.outY, ...(m.outR ? [m.outR] : []), ...m.heads];
  }

  async run(theta: Float32Array, batch: TaskBatch, w0: Float32Array | null, wantGrad: boolean): Promise<StepResult> {
    return this.runSync(theta, batch, w0, wantGrad);
  }

  async trace(theta: Float32Array, batch: TaskBatch, w0: Float32Array): Promise<HeadTrace> {
    return this.traceSync(theta, batch, w0);
  }

  traceSync(theta: Float32Array, batch: TaskBatch, w0: Float32Array): HeadTrace {
    if (this.layout.config.model !== 'matntm') throw new Error('only the MatNTM has heads and memory to trace');
    const [ro, co] = this.layout.config.output;
    return this.runShard(theta, batch, w0, false, batch.batch * batch.outputSteps * ro * co, true).trace!;
  }

  runSync(theta: Float32Array, batch: TaskBatch, w0: Float32Array | null, wantGrad: boolean): StepResult {
    const r = this.runShard(theta, batch, w0, wantGrad, batch.batch * batch.outputSteps * this.layout.config.output[0] * this.layout.config.output[1]);
    return { loss: r.loss, outputs: r.outputs, ...(r.grad ? { grad: Float32Array.from(r.grad) } : {}) };
  }

  /**
   * The loss Σ BCE / normalizer of this batch and its float64 gradient. With the normalizer of a whole
   * batch, the results of its shards (consecutive sequences) add up to the whole batch's (sharded.ts).
   */
  runShard(theta: Float32Array, batch: TaskBatch, w0: Float32Array | null, wantGrad: boolean, normalizer: number, captureTrace = false): { loss: number; outputs: Float32Array; grad?: Float64Array; trace?: HeadTrace } {
    const cfg = this.layout.config;
    if (cfg.model === 'matntm' && !w0) throw new Error('the MatNTM needs initial head weights');
    const shape = tapeShape(cfg, batch, normalizer);
    let sizes: Record<string, number> = { theta: theta.length, grad: wantGrad ? theta.length : 0, ...tapeSizes(shape) };
    for (const m of this.all) sizes = { ...sizes, ...m.sizes(batch.batch, batch.steps) };
    const views = this.kernels.layout(sizes);
    const th = views.theta;
    for (let i = 0; i < theta.length; i++) th[i] = theta[i];
    for (const m of this.all) m.bind(views, th);
    const tape = makeTape(shape, views as TapeBuffers, batch);
    const loss = forwardPass(this.kernels, this.maps, th, tape, batch, w0);
    if (captureTrace) return { loss, outputs: tape.outputs, trace: capturedTrace(tape) };
    if (!wantGrad) return { loss, outputs: tape.outputs };
    const g = views.grad.fill(0);
    backwardPass(this.kernels, this.maps, th, g, tape, batch);
    return { loss, outputs: tape.outputs, grad: g.slice() };
  }
}
