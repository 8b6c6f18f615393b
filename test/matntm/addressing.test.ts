import { describe, expect, it } from 'vitest';
import { addressHead } from '../../src/matntm/addressing.ts';
import { FusedEngine } from '../../src/matntm/engines/fused.ts';
import { layoutOf, type BilinearSpec } from '../../src/matntm/config.ts';
import { tinyProblem } from './helpers.ts';

describe('addressing, one step by hand on a 4-slot memory of 1×2 matrices', () => {
  // key k = [1, 0]; slots [1,0], [0,1], [1,1], [−1,0]: cos = 1, 0, 1/√2, −1 (eps = 1e-8 is below the tolerance)
  const memory = [
    [1, 0],
    [0, 1],
    [1, 1],
    [-1, 0],
  ];
  const base = { key: [1, 0], memory, wPrev: [1, 0, 0, 0], betaRaw: 0, gRaw: 0, shiftRaw: [0, Math.log(3), 0], gammaRaw: 0, eps: 1e-8 };
  const beta = 1 + Math.LN2; // 1 + softplus(0)
  const gamma = 1 + Math.LN2;
  // shift weights: exp([0, ln 3, 0]) / 5 = [0.2, 0.6, 0.2]
  const s = [0.2, 0.6, 0.2];
  const finish = (e: number[]) => {
    const se = e.reduce((a, b) => a + b, 0);
    const wc = e.map((v) => v / se);
    const wg = wc.map((c, j) => 0.5 * c + 0.5 * base.wPrev[j]); // g = σ(0) = ½
    // ŵ_i = 0.2·wg_{i−1} + 0.6·wg_i + 0.2·wg_{i+1} (circular)
    const wHat = wg.map((_, i) => 0.2 * wg[(i + 3) % 4] + 0.6 * wg[i] + 0.2 * wg[(i + 1) % 4]);
    const u = wHat.map((v) => v ** gamma);
    const su = u.reduce((a, b) => a + b, 0);
    return { wc, wg, wHat, w: u.map((v) => v / su) };
  };
  // tolerance 1e-7: the only differences are the eps terms (≤ 1e-8 relative) and float64 rounding
  const close = (a: number[], b: number[]) => a.forEach((v, i) => expect(v).toBeCloseTo(b[i], 7));

  it('clamped softmax (the reference): negative β·cos counts as exp(0) = 1', () => {
    const tr = addressHead({ ...base, softmax: 'clamped' });
    close(tr.cos, [1, 0, Math.SQRT1_2, -1]);
    expect(tr.beta).toBeCloseTo(beta, 12);
    expect(tr.gamma).toBeCloseTo(gamma, 12);
    close(tr.s, s);
    const want = finish([Math.exp(beta), 1, Math.exp(beta * Math.SQRT1_2), 1]);
    close(tr.wc, want.wc);
    close(tr.wg, want.wg);
    close(tr.wHat, want.wHat);
    close(tr.w, want.w);
    expect(tr.w.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 7);
  });

  it('standard softmax: exp(β·cos) throughout', () => {
    const tr = addressHead({ ...base, softmax: 'standard' });
    const want = finish([Math.exp(beta), 1, Math.exp(beta * Math.SQRT1_2), Math.exp(-beta)]);
    close(tr.wc, want.wc);
    close(tr.w, want.w);
  });
});

/** U·X·V (+B) on plain arrays, X [r×c] row-major. */
function bilinear(theta: Float32Array, m: BilinearSpec, X: number[]): number[] {
  const { U, V, B } = m;
  const r2 = U.rows, r = U.cols, c = V.rows, c2 = V.cols;
  const out: number[] = [];
  for (let i = 0; i < r2; i++) {
    for (let j = 0; j < c2; j++) {
      let s = 0;
      for (let p = 0; p < r; p++) for (let q = 0; q < c; q++) s += theta[U.offset + i * r + p] * X[p * c + q] * theta[V.offset + q * c2 + j];
      out.push(s + (B ? theta[B.offset + i * c2 + j] : 0));
    }
  }
  return out;
}

describe('fused engine, first step against a plain composition of the model', () => {
  it('gives the output of step 1 that the definitions give (seed 11)', () => {
    const p = tinyProblem('matntm', 11, 'clamped', 1, 1);
    const { config, theta } = p;
    const lay = layoutOf(config);
    // one step: feed the first input, read the output there
    const batch = { ...p.batch, steps: 1, outputSteps: 1, inputs: p.batch.inputs.subarray(0, 25), targets: p.batch.targets.subarray(0, 25) };
    const res = new FusedEngine(lay).runSync(theta, batch, p.w0, false);
    const X = Array.from(batch.inputs);
    const [m0, m1] = config.slot;
    let H = new Array(config.hidden[0] * config.hidden[1]).fill(0);
    const R0 = new Array(m0 * m1).fill(0);
    for (const c of lay.cells) {
      const a = bilinear(theta, c.p, H).map((v, i) => v + bilinear(theta, c.q, X)[i] + bilinear(theta, c.r!, R0)[i]);
      H = a.map(Math.tanh);
    }
    const K = bilinear(theta, lay.keys!, H).map(Math.tanh);
    const AE = bilinear(theta, lay.addErase!, H);
    const sh = bilinear(theta, lay.shift!, H);
    const bg = bilinear(theta, lay.bgg!, H);
    const block = (M: number[], h: number, f: (x: number) => number) => {
      const out: number[] = [];
      for (let i = 0; i < m0; i++) for (let c = 0; c < m1; c++) out.push(f(M[i * 2 * m1 + h * m1 + c]));
      return out;
    };
    const memory = Array.from({ length: config.slots }, () => new Array(m0 * m1).fill(config.memoryInit));
    const w = [0, 1].map((h) =>
      addressHead({
        key: block(K, h, (x) => x),
        memory,
        wPrev: Array.from(p.w0!.subarray(h * config.slots, (h + 1) * config.slots)),
        betaRaw: bg[0 * 2 + h],
        gRaw: bg[1 * 2 + h],
        gammaRaw: bg[2 * 2 + h],
        shiftRaw: [0, 1, 2].map((k) => sh[k * 2 + h]),
        eps: config.eps,
        softmax: config.softmax,
      }).w,
    );
    const A = block(AE, 0, Math.tanh);
    const E = block(AE, 1, (x) => 1 / (1 + Math.exp(-x)));
    const Mnew = memory.map((M, j) => M.map((v, e) => v * (1 - w[1][j] * E[e]) + w[1][j] * A[e]));
    const R = R0.map((_, e) => Mnew.reduce((acc, M, j) => acc + w[0][j] * M[e], 0));
    const logit = bilinear(theta, lay.outY, H).map((v, i) => v + bilinear(theta, lay.outR!, R)[i]);
    const Y = logit.map((x) => 1 / (1 + Math.exp(-x)));
    // outputs are float32: tolerance 1e-6 covers their rounding (values in (0, 1))
    Y.forEach((y, i) => expect(res.outputs[i]).toBeCloseTo(y, 6));
    const bce = -Y.reduce((a, y, i) => a + (batch.targets[i] ? Math.log(y) : Math.log(1 - y)), 0) / Y.length;
    expect(res.loss).toBeCloseTo(bce, 9);
  });
});
