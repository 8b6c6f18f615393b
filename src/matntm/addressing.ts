/**
 * One NTM addressing step for one head, written plainly in float64 (paper Section 4, Figure 1
 * steps 1–4, as the reference's MNTMHeadOps computes it). The engines inline the same arithmetic;
 * this version is the readable statement that tests compare them against.
 */
import type { SoftmaxKind } from './config.ts';

export interface HeadInput {
  /** Key [m0·m1] (after tanh). */
  key: ArrayLike<number>;
  /** Memory slots, each [m0·m1]. */
  memory: ArrayLike<number>[];
  /** Previous weights [N]. */
  wPrev: ArrayLike<number>;
  betaRaw: number;
  gRaw: number;
  /** Shift logits [2r+1]; entry k moves weight from slot i + k − r to slot i. */
  shiftRaw: ArrayLike<number>;
  gammaRaw: number;
  eps: number;
  softmax: SoftmaxKind;
}

export interface HeadTrace {
  cos: number[];
  beta: number;
  wc: number[];
  g: number;
  wg: number[];
  s: number[];
  wHat: number[];
  gamma: number;
  w: number[];
}

const softplus = (x: number): number => (x > 20 ? x : Math.log1p(Math.exp(x)));

/** exp(clamp(x, 0, 80)) / (Σ + eps) (the reference) or exp(x − max) / (Σ + eps). */
export function headSoftmax(x: ArrayLike<number>, eps: number, kind: SoftmaxKind): number[] {
  const xs = Array.from(x);
  const mx = Math.max(...xs);
  const e = xs.map((v) => (kind === 'clamped' ? Math.exp(Math.min(Math.max(v, 0), 80)) : Math.exp(v - mx)));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / (sum + eps));
}

export function addressHead(inp: HeadInput): HeadTrace {
  const N = inp.memory.length;
  const norm = (v: ArrayLike<number>) => Math.sqrt(Array.from(v).reduce((a, b) => a + b * b, 0));
  const nk = norm(inp.key);
  const cos = inp.memory.map((m) => {
    let d = 0;
    for (let e = 0; e < m.length; e++) d += m[e] * inp.key[e];
    return d / (norm(m) * nk + inp.eps);
  });
  const beta = 1 + softplus(inp.betaRaw);
  const wc = headSoftmax(cos.map((c) => beta * c), inp.eps, inp.softmax);
  const g = 1 / (1 + Math.exp(-inp.gRaw));
  const wg = wc.map((c, j) => g * c + (1 - g) * inp.wPrev[j]);
  const s = headSoftmax(inp.shiftRaw, inp.eps, inp.softmax);
  const r = (s.length - 1) / 2;
  const wHat = wg.map((_, i) => s.reduce((acc, sk, k) => acc + sk * wg[(((i + k - r) % N) + N) % N], 0));
  const gamma = 1 + softplus(inp.gammaRaw);
  const u = wHat.map((v) => Math.pow(v, gamma));
  const su = u.reduce((a, b) => a + b, 0);
  return { cos, beta, wc, g, wg, s, wHat, gamma, w: u.map((v) => v / (su + inp.eps)) };
}
