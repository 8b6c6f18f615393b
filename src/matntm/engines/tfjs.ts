/**
 * The TF.js engine: the same model as engines/fused.ts written with TF.js ops and differentiated
 * by TF.js (the gradient oracle for the fused engine, and the GPU path through webgpu).
 *
 * Matrix batches are stored as [rows, B, cols], so both products of a bilinear map U·X·V are
 * plain 2-D matMuls (no broadcasting matMul, whose gradient fails in tfjs 4.22). Memory is
 * [N, m0, B, m1] and head weights [N, B]. Tensors are read only with `await data()`.
 */
import type { BilinearSpec, Layout } from '../config.ts';
import type { Engine, StepResult } from '../model.ts';
import type { TaskBatch } from '../tasks/types.ts';
import type { HeadTrace } from '../trace.ts';
import { tf } from './backend.ts';

type T = tf.Tensor;

export class TfjsEngine implements Engine {
  readonly name: string;
  constructor(readonly layout: Layout) {
    this.name = `tfjs-${tf.getBackend()}`;
  }

  async run(theta: Float32Array, batch: TaskBatch, w0: Float32Array | null, wantGrad: boolean): Promise<StepResult> {
    const cfg = this.layout.config;
    if (cfg.model === 'matntm' && !w0) throw new Error('the MatNTM needs initial head weights');
    const B = batch.batch;
    const [ri, ci] = cfg.input;
    const [ro, co] = cfg.output;
    const thetaT = tf.tensor1d(theta);
    // inputs [T, B, ri, ci] → [T, ri, B, ci]; targets likewise
    const xs = tf.tidy(() => tf.unstack(tf.tensor4d(batch.inputs, [batch.steps, B, ri, ci]).transpose([0, 2, 1, 3])));
    const ys = tf.tidy(() => tf.tensor4d(batch.targets, [batch.outputSteps, B, ro, co]).transpose([0, 2, 1, 3]));
    const w0T = w0 ? tf.tensor3d(w0, [2, B, cfg.slots]).transpose([0, 2, 1]) : null; // [2, N, B]
    try {
      const f = (th: T): { loss: tf.Scalar; out: T } => this.forward(th, xs, ys, w0T, batch);
      if (wantGrad) {
        const res = tf.tidy(() => {
          let out: T | null = null;
          const { value, grad } = tf.valueAndGrad((th: T) => {
            const r = f(th);
            out = tf.keep(r.out);
            return r.loss;
          })(thetaT);
          return { value, grad, out: out! };
        });
        const [loss, grad, outputs] = await Promise.all([res.value.data(), res.grad.data(), res.out.data()]);
        tf.dispose([res.value, res.grad, res.out]);
        return { loss: loss[0], grad: new Float32Array(grad), outputs: new Float32Array(outputs) };
      }
      const res = tf.tidy(() => f(thetaT));
      const [loss, outputs] = await Promise.all([res.loss.data(), res.out.data()]);
      tf.dispose([res.loss, res.out]);
      return { loss: loss[0], outputs: new Float32Array(outputs) };
    } finally {
      tf.dispose([thetaT, ...xs, ys]);
      if (w0T) w0T.dispose();
    }
  }

  /** The forward pass with the read and write weights and the memory after every step (the fused engine's oracle). */
  async trace(theta: Float32Array, batch: TaskBatch, w0: Float32Array): Promise<HeadTrace> {
    const cfg = this.layout.config;
    if (cfg.model !== 'matntm') throw new Error('only the MatNTM has heads and memory to trace');
    const B = batch.batch;
    const [ri, ci] = cfg.input;
    const [ro, co] = cfg.output;
    const N = cfg.slots;
    const [m0, m1] = cfg.slot;
    const T = batch.steps;
    const res = tf.tidy(() => {
      const thetaT = tf.tensor1d(theta);
      const xs = tf.unstack(tf.tensor4d(batch.inputs, [T, B, ri, ci]).transpose([0, 2, 1, 3]));
      const ys = tf.tensor4d(batch.targets, [batch.outputSteps, B, ro, co]).transpose([0, 2, 1, 3]);
      const w0T = tf.tensor3d(w0, [2, B, N]).transpose([0, 2, 1]);
      const steps: { read: T; write: T; memory: T }[] = [];
      const r = this.forward(thetaT, xs, ys, w0T, batch, steps);
      return {
        out: r.out,
        read: tf.stack(steps.map((x) => x.read)).transpose([2, 0, 1]), // [T, N, B] → [B, T, N]
        write: tf.stack(steps.map((x) => x.write)).transpose([2, 0, 1]),
        memory: tf.stack(steps.map((x) => x.memory)).transpose([3, 0, 1, 2, 4]), // [T, N, m0, B, m1] → [B, T, N, m0, m1]
      };
    });
    try {
      const [outputs, read, write, memory] = await Promise.all([res.out.data(), res.read.data(), res.write.data(), res.memory.data()]);
      return { sequences: B, steps: T, slots: N, slot: [m0, m1], read: new Float32Array(read), write: new Float32Array(write), memory: new Float32Array(memory), outputs: new Float32Array(outputs) };
    } finally {
      tf.dispose([res.out, res.read, res.write, res.memory]);
    }
  }

  /**
   * Loss (mean BCE from logits) and output probabilities [outputSteps, B, ro, co]. With `trace`, the
   * read and write weights [N, B] and the memory [N, m0, B, m1] of every step are appended to it.
   */
  private forward(th: T, xs: T[], ys: T, w0: T | null, batch: TaskBatch, trace?: { read: T; write: T; memory: T }[]): { loss: tf.Scalar; out: T } {
    const lay = this.layout;
    const cfg = lay.config;
    const B = batch.batch;
    const ntm = cfg.model === 'matntm';
    const [h0, h1] = cfg.hidden;
    const [m0, m1] = cfg.slot;
    const N = cfg.slots;
    const sr = cfg.shiftRange;
    const S = 2 * sr + 1;
    const eps = cfg.eps;
    const clamped = cfg.softmax === 'clamped';
    const p = (spec: { offset: number; rows: number; cols: number }): T => th.slice(spec.offset, spec.rows * spec.cols).reshape([spec.rows, spec.cols]);
    const bil = (spec: BilinearSpec) => ({ U: p(spec.U), V: p(spec.V), B: spec.B ? p(spec.B).reshape([spec.B.rows, 1, spec.B.cols]) : null });
    type Bil = ReturnType<typeof bil>;
    /** U·X·V (+B) for X [r, B, c] → [r2, B, c2]. */
    const apply = (m: Bil, X: T): T => {
      const [r, b, c] = X.shape as [number, number, number];
      const r2 = m.U.shape[0] as number;
      const c2 = m.V.shape[1] as number;
      const ux = tf.matMul(m.U, X.reshape([r, b * c])).reshape([r2 * b, c]);
      const z = tf.matMul(ux, m.V).reshape([r2, b, c2]);
      return m.B ? z.add(m.B) : z;
    };
    const cells = lay.cells.map((c) => ({ p: bil(c.p), q: bil(c.q), r: c.r ? bil(c.r) : null }));
    const outY = bil(lay.outY);
    const outR = lay.outR ? bil(lay.outR) : null;
    const heads = ntm ? [lay.keys!, lay.addErase!, lay.shift!, lay.bgg!].map(bil) : [];

    const softmax0 = (z: T): T => {
      const e = clamped ? tf.exp(tf.clipByValue(z, 0, 80)) : tf.exp(z.sub(z.max(0, true)));
      return e.div(e.sum(0, true).add(eps));
    };
    const softplus1 = (x: T): T => tf.softplus(x).add(1);

    let Htop: T = tf.zeros([h0, B, h1]);
    let R: T = tf.zeros([m0, B, m1]);
    let M: T = ntm ? tf.fill([N, m0, B, m1], cfg.memoryInit) : tf.zeros([1]);
    let wPrev: T[] = ntm ? [w0!.gather(0), w0!.gather(1)] : [];
    const outStart = batch.steps - batch.outputSteps;
    const logits: T[] = [];
    for (let t = 0; t < batch.steps; t++) {
      const X = xs[t];
      let P = Htop;
      for (const c of cells) {
        let a = apply(c.p, P).add(apply(c.q, X));
        if (c.r) a = a.add(apply(c.r, R));
        P = tf.tanh(a);
      }
      Htop = P;
      if (ntm) {
        const Kf = tf.tanh(apply(heads[0], Htop)); // [m0, B, 2m1]
        const AEraw = apply(heads[1], Htop);
        const A = tf.tanh(AEraw.slice([0, 0, 0], [m0, B, m1]));
        const E = tf.sigmoid(AEraw.slice([0, 0, m1], [m0, B, m1]));
        const sRaw = apply(heads[2], Htop); // [S, B, 2]
        const bg = apply(heads[3], Htop); // [3, B, 2]
        const nM = tf.sqrt(M.square().sum([1, 3])); // [N, B]
        const w: T[] = [];
        for (let h = 0; h < 2; h++) {
          const K = Kf.slice([0, 0, h * m1], [m0, B, m1]);
          const nk = tf.sqrt(K.square().sum([0, 2])).reshape([1, B]);
          const dot = M.mul(K.expandDims(0)).sum([1, 3]); // [N, B]
          const cos = dot.div(nM.mul(nk).add(eps));
          const beta = softplus1(bg.slice([0, 0, h], [1, B, 1]).reshape([1, B]));
          const g = tf.sigmoid(bg.slice([1, 0, h], [1, B, 1]).reshape([1, B]));
          const gamma = softplus1(bg.slice([2, 0, h], [1, B, 1]).reshape([1, B]));
          const wc = softmax0(cos.mul(beta));
          const wg = g.mul(wc).add(tf.scalar(1).sub(g).mul(wPrev[h]));
          const s = softmax0(sRaw.slice([0, 0, h], [S, B, 1]).reshape([S, B]));
          let what: T | null = null;
          for (let k = 0; k < S; k++) {
            const d = (((k - sr) % N) + N) % N; // term k reads wg[(i + k − r) mod N]
            const rolled = d === 0 ? wg : tf.concat([wg.slice([d, 0], [N - d, B]), wg.slice([0, 0], [d, B])], 0);
            const term = rolled.mul(s.slice([k, 0], [1, B]));
            what = what ? what.add(term) : term;
          }
          const u = tf.pow(what!, gamma);
          w.push(u.div(u.sum(0, true).add(eps)));
        }
        const ww = w[1].reshape([N, 1, B, 1]);
        M = M.mul(tf.scalar(1).sub(ww.mul(E.expandDims(0)))).add(ww.mul(A.expandDims(0)));
        R = w[0].reshape([N, 1, B, 1]).mul(M).sum(0); // [m0, B, m1]
        wPrev = w;
        trace?.push({ read: w[0], write: w[1], memory: M });
      }
      if (t >= outStart) {
        let z = apply(outY, Htop);
        if (outR) z = z.add(apply(outR, R));
        logits.push(z);
      }
    }
    const x = tf.stack(logits); // [outSteps, ro, B, co]
    const bce = tf.relu(x).sub(x.mul(ys)).add(tf.log1p(tf.exp(tf.abs(x).neg())));
    const loss = bce.mean() as tf.Scalar;
    const out = tf.sigmoid(x).transpose([0, 2, 1, 3]); // [outSteps, B, ro, co]
    return { loss, out };
  }
}
