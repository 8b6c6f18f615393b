/**
 * The fused CPU engine: forward pass and hand-written backward pass through time on typed arrays
 * (float64 inside, float32 parameters and gradients outside), one sequence at a time, with no
 * per-operation framework cost. The tfjs engine is its gradient oracle (test/matntm).
 *
 * Notation per sequence and step t (see config.ts for the architecture):
 *   cells    Hˡ_t = tanh(Up·P·Vp + B + Uq·X_t·Vq + Ur·R_{t−1}·Vr)
 *   heads    K = tanh(keys), A|E = tanh|σ(addErase), shift logits, (β̂, ĝ, γ̂)
 *   address  cos_j = ⟨K, M_j⟩ / (‖K‖·‖M_j‖ + eps); wc = softmax(β·cos); wg = g·wc + (1 − g)·w_{t−1};
 *            ŵ_i = Σ_k wg_{(i+k−r) mod N}·s_k; w = ŵ^γ / (Σ ŵ^γ + eps)       (on M_{t−1})
 *   memory   M_t,j = M_{t−1},j ⊙ (1 − w^w_j·E) + w^w_j·A;  R_t = Σ_j w^r_j·M_t,j
 *   output   Y_t = σ(Uy·H_t·Vy + By + Ur'·R_t·Vr' + Br')
 */
import type { BilinearSpec, Layout } from '../config.ts';
import type { Engine, StepResult } from '../model.ts';
import type { TaskBatch } from '../tasks/types.ts';

type F64 = Float64Array;

/** C[n×m] (+)= A[n×k]·B[k×m]. */
function mm(A: F64, ao: number, B: F64, bo: number, C: F64, co: number, n: number, k: number, m: number, acc: boolean): void {
  if (!acc) C.fill(0, co, co + n * m);
  for (let i = 0; i < n; i++) {
    const ci = co + i * m;
    const ai = ao + i * k;
    for (let p = 0; p < k; p++) {
      const a = A[ai + p];
      if (a === 0) continue;
      const bp = bo + p * m;
      for (let j = 0; j < m; j++) C[ci + j] += a * B[bp + j];
    }
  }
}

/** C[n×m] += Aᵀ·B with A [k×n], B [k×m]. */
function mmTA(A: F64, ao: number, B: F64, bo: number, C: F64, co: number, n: number, k: number, m: number): void {
  for (let p = 0; p < k; p++) {
    const ap = ao + p * n;
    const bp = bo + p * m;
    for (let i = 0; i < n; i++) {
      const a = A[ap + i];
      if (a === 0) continue;
      const ci = co + i * m;
      for (let j = 0; j < m; j++) C[ci + j] += a * B[bp + j];
    }
  }
}

/** C[n×m] += A·Bᵀ with A [n×k], B [m×k]. */
function mmTB(A: F64, ao: number, B: F64, bo: number, C: F64, co: number, n: number, k: number, m: number): void {
  for (let i = 0; i < n; i++) {
    const ai = ao + i * k;
    const ci = co + i * m;
    for (let j = 0; j < m; j++) {
      const bj = bo + j * k;
      let s = 0;
      for (let p = 0; p < k; p++) s += A[ai + p] * B[bj + p];
      C[ci + j] += s;
    }
  }
}

const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));
/** torch.nn.Softplus(threshold = 20). */
const softplus = (x: number): number => (x > 20 ? x : Math.log1p(Math.exp(x)));
const softplusGrad = (x: number): number => (x > 20 ? 1 : sigmoid(x));

/** One pass over the memory M (N slots of MS entries at mo): slot norms and both heads' inner products. */
function memStats(M: F64, mo: number, N: number, MS: number, k0: F64, k0o: number, k1: F64, k1o: number, nM: F64, no: number, d0: F64, d0o: number, d1: F64, d1o: number): void {
  for (let j = 0; j < N; j++) {
    const base = mo + j * MS;
    let s = 0;
    let a = 0;
    let b = 0;
    for (let e = 0; e < MS; e++) {
      const m = M[base + e];
      s += m * m;
      a += m * k0[k0o + e];
      b += m * k1[k1o + e];
    }
    nM[no + j] = Math.sqrt(s);
    d0[d0o + j] = a;
    d1[d1o + j] = b;
  }
}

/** M_t,j = M_{t−1},j ⊙ (1 − ww_j·E) + ww_j·A and R_t = Σ_j wr_j·M_t,j. */
function memWriteRead(M: F64, mp: number, mn: number, N: number, MS: number, W: F64, wwo: number, wro: number, A: F64, E: F64, ao: number, R: F64, ro: number): void {
  R.fill(0, ro, ro + MS);
  for (let j = 0; j < N; j++) {
    const wj = W[wwo + j];
    const rj = W[wro + j];
    const pb = mp + j * MS;
    const nb = mn + j * MS;
    for (let e = 0; e < MS; e++) {
      const v = M[pb + e] * (1 - wj * E[ao + e]) + wj * A[ao + e];
      M[nb + e] = v;
      R[ro + e] += rj * v;
    }
  }
}

/** Backward of memWriteRead: dMnew (in: from later steps) → dMprev; dw_r, dw_w, dA, dE accumulated. */
function memWriteReadBackward(M: F64, mp: number, mn: number, N: number, MS: number, W: F64, wwo: number, wro: number, A: F64, E: F64, ao: number, dR: F64, dMnew: F64, dMprev: F64, dw: F64, dA: F64, dE: F64): void {
  for (let j = 0; j < N; j++) {
    const wj = W[wwo + j];
    const rj = W[wro + j];
    const pb = mp + j * MS;
    const nb = mn + j * MS;
    const db = j * MS;
    let sr = 0;
    let sw = 0;
    for (let e = 0; e < MS; e++) {
      const d = dR[e];
      sr += d * M[nb + e];
      const dm = dMnew[db + e] + rj * d;
      const Ee = E[ao + e];
      const mprev = M[pb + e];
      dMprev[db + e] = dm * (1 - wj * Ee);
      sw += dm * (A[ao + e] - mprev * Ee);
      dE[e] -= wj * dm * mprev;
      dA[e] += wj * dm;
    }
    dw[j] += sr;
    dw[N + j] += sw;
  }
}

/** Content addressing backward over the memory: dk_h += Σ_j c_h,j·M_j; dM_j += c0_j·k0 + c1_j·k1 + f_j·M_j. */
function memContentBackward(M: F64, mp: number, N: number, MS: number, k0: F64, k0o: number, k1: F64, k1o: number, c0: F64, c1: F64, f: F64, dk0: F64, dk1: F64, dMprev: F64): void {
  for (let j = 0; j < N; j++) {
    const a = c0[j];
    const b = c1[j];
    const fj = f[j];
    if (a === 0 && b === 0 && fj === 0) continue;
    const pb = mp + j * MS;
    const db = j * MS;
    for (let e = 0; e < MS; e++) {
      const m = M[pb + e];
      dk0[e] += a * m;
      dk1[e] += b * m;
      dMprev[db + e] += a * k0[k0o + e] + b * k1[k1o + e] + fj * m;
    }
  }
}

/** Scratch buffers and the bilinear map U·X·V (+ B) from [r, c] to [r2, c2] over them. */
class Bilinear {
  readonly r2: number;
  readonly r: number;
  readonly c: number;
  readonly c2: number;
  private readonly t: F64;
  private readonly w1: F64;
  constructor(readonly spec: BilinearSpec) {
    this.r2 = spec.U.rows;
    this.r = spec.U.cols;
    this.c = spec.V.rows;
    this.c2 = spec.V.cols;
    this.t = new Float64Array(this.r2 * this.c);
    this.w1 = new Float64Array(this.r2 * this.c);
  }

  /** Z (+)= U·X·V (+ B). */
  forward(th: F64, X: F64, xo: number, Z: F64, zo: number, acc: boolean): void {
    const { U, V, B } = this.spec;
    mm(th, U.offset, X, xo, this.t, 0, this.r2, this.r, this.c, false);
    mm(this.t, 0, th, V.offset, Z, zo, this.r2, this.c, this.c2, acc);
    if (B) for (let i = 0; i < this.r2 * this.c2; i++) Z[zo + i] += th[B.offset + i];
  }

  /** Given dZ: dU += dZ·Vᵀ·Xᵀ, dV += (U·X)ᵀ·dZ, dB += dZ, and dX += Uᵀ·dZ·Vᵀ when dX is given. */
  backward(th: F64, g: F64, X: F64, xo: number, dZ: F64, dzo: number, dX: F64 | null, dxo: number): void {
    const { U, V, B } = this.spec;
    const { r2, r, c, c2 } = this;
    this.w1.fill(0);
    mmTB(dZ, dzo, th, V.offset, this.w1, 0, r2, c2, c); // dZ·Vᵀ  [r2×c]
    mmTB(this.w1, 0, X, xo, g, U.offset, r2, c, r); // (dZ·Vᵀ)·Xᵀ [r2×r]
    if (dX) mmTA(th, U.offset, this.w1, 0, dX, dxo, r, r2, c); // Uᵀ·(dZ·Vᵀ) [r×c]
    mm(th, U.offset, X, xo, this.t, 0, r2, r, c, false); // U·X [r2×c]
    mmTA(this.t, 0, dZ, dzo, g, V.offset, c, r2, c2); // (U·X)ᵀ·dZ [c×c2]
    if (B) for (let i = 0; i < r2 * c2; i++) g[B.offset + i] += dZ[dzo + i];
  }
}

export class FusedEngine implements Engine {
  readonly name = 'fused';
  private readonly cellP: Bilinear[];
  private readonly cellQ: Bilinear[];
  private readonly cellR: (Bilinear | null)[];
  private readonly outY: Bilinear;
  private readonly outR: Bilinear | null;
  private readonly heads: Bilinear[];

  constructor(readonly layout: Layout) {
    this.cellP = layout.cells.map((c) => new Bilinear(c.p));
    this.cellQ = layout.cells.map((c) => new Bilinear(c.q));
    this.cellR = layout.cells.map((c) => (c.r ? new Bilinear(c.r) : null));
    this.outY = new Bilinear(layout.outY);
    this.outR = layout.outR ? new Bilinear(layout.outR) : null;
    this.heads = layout.keys ? [layout.keys, layout.addErase!, layout.shift!, layout.bgg!].map((s) => new Bilinear(s)) : [];
  }

  async run(theta: Float32Array, batch: TaskBatch, w0: Float32Array | null, wantGrad: boolean): Promise<StepResult> {
    return this.runSync(theta, batch, w0, wantGrad);
  }

  runSync(theta: Float32Array, batch: TaskBatch, w0: Float32Array | null, wantGrad: boolean): StepResult {
    const cfg = this.layout.config;
    const ntm = cfg.model === 'matntm';
    if (ntm && !w0) throw new Error('the MatNTM needs initial head weights');
    const th = Float64Array.from(theta);
    const g = new Float64Array(theta.length);
    const B = batch.batch;
    const T = batch.steps;
    const [ri, ci] = cfg.input;
    const [ro, co] = cfg.output;
    if (batch.rows !== ri || batch.cols !== ci) throw new Error(`batch matrices are ${batch.rows}×${batch.cols}, the model takes ${ri}×${ci}`);
    const [h0, h1] = cfg.hidden;
    const H = h0 * h1;
    const L = cfg.layers;
    const [m0, m1] = cfg.slot;
    const MS = m0 * m1;
    const N = cfg.slots;
    const sr = cfg.shiftRange;
    const S = 2 * sr + 1;
    const eps = cfg.eps;
    const clamped = cfg.softmax === 'clamped';
    const O = ro * co;
    const outStart = T - batch.outputSteps;
    const count = B * batch.outputSteps * O;
    const outputs = new Float32Array(batch.outputSteps * B * O);

    // per-sequence histories (reused across the batch)
    const X = new Float64Array(T * ri * ci);
    const Hs = new Float64Array(T * L * H); // [t][l]
    const zeroH = new Float64Array(H);
    const zeroR = new Float64Array(MS);
    const logit = new Float64Array(O);
    const logits = new Float64Array(batch.outputSteps * O); // this sequence's output logits
    const dlogit = new Float64Array(O);
    // MatNTM histories
    const Mem = ntm ? new Float64Array((T + 1) * N * MS) : new Float64Array(0); // Mem[t] = memory before step t
    const Rs = ntm ? new Float64Array(T * MS) : new Float64Array(0);
    const Kf = ntm ? new Float64Array(T * m0 * 2 * m1) : new Float64Array(0); // tanh keys
    const AE = ntm ? new Float64Array(T * m0 * 2 * m1) : new Float64Array(0); // A | E after activation
    const SR = ntm ? new Float64Array(T * S * 2) : new Float64Array(0); // raw shift logits
    const BG = ntm ? new Float64Array(T * 6) : new Float64Array(0); // raw (β̂, ĝ, γ̂) [3×2]
    const nM = ntm ? new Float64Array(T * N) : new Float64Array(0);
    const Ac = ntm ? new Float64Array(T * MS) : new Float64Array(0); // add matrix per step, contiguous
    const Ec = ntm ? new Float64Array(T * MS) : new Float64Array(0); // erase matrix per step
    const cdot = ntm ? [new Float64Array(N), new Float64Array(N)] : [];
    const fM = ntm ? new Float64Array(N) : new Float64Array(0);
    const dks = [new Float64Array(MS), new Float64Array(MS)];
    // per head (index h·T + t)
    const kh = ntm ? new Float64Array(2 * T * MS) : new Float64Array(0);
    const nk = new Float64Array(2 * T);
    const dots = ntm ? new Float64Array(2 * T * N) : new Float64Array(0);
    const cosv = ntm ? new Float64Array(2 * T * N) : new Float64Array(0);
    const ev = ntm ? new Float64Array(2 * T * N) : new Float64Array(0);
    const zv = ntm ? new Float64Array(2 * T * N) : new Float64Array(0);
    const sumE = new Float64Array(2 * T);
    const wc = ntm ? new Float64Array(2 * T * N) : new Float64Array(0);
    const wg = ntm ? new Float64Array(2 * T * N) : new Float64Array(0);
    const sv = ntm ? new Float64Array(2 * T * S) : new Float64Array(0);
    const es = ntm ? new Float64Array(2 * T * S) : new Float64Array(0);
    const sumS = new Float64Array(2 * T);
    const what = ntm ? new Float64Array(2 * T * N) : new Float64Array(0);
    const uv = ntm ? new Float64Array(2 * T * N) : new Float64Array(0);
    const sumU = new Float64Array(2 * T);
    const W = ntm ? new Float64Array(2 * (T + 1) * N) : new Float64Array(0); // W[h][t+1] = weights after step t; W[h][0] = w0
    const headRaw = ntm ? [new Float64Array(m0 * 2 * m1), new Float64Array(m0 * 2 * m1), new Float64Array(S * 2), new Float64Array(6)] : [];
    const dHead = ntm ? [new Float64Array(m0 * 2 * m1), new Float64Array(m0 * 2 * m1), new Float64Array(S * 2), new Float64Array(6)] : [];
    const pre = new Float64Array(H);

    // backward carries
    const dTop = new Float64Array(H);
    const dHcarry = new Float64Array(H);
    const dH = new Float64Array(H);
    const dP = new Float64Array(H);
    const dR = new Float64Array(MS);
    const dRprev = new Float64Array(MS);
    const dMnew = ntm ? new Float64Array(N * MS) : new Float64Array(0);
    const dMprev = ntm ? new Float64Array(N * MS) : new Float64Array(0);
    const dwCarry = ntm ? new Float64Array(2 * N) : new Float64Array(0);
    const dw = ntm ? new Float64Array(2 * N) : new Float64Array(0);
    const dA = new Float64Array(MS);
    const dE = new Float64Array(MS);
    const fkh = [0, 0];
    const du = ntm ? new Float64Array(N) : new Float64Array(0);
    const dwh = ntm ? new Float64Array(N) : new Float64Array(0);
    const dwgv = ntm ? new Float64Array(N) : new Float64Array(0);
    const dsv = new Float64Array(S);

    let loss = 0;
    for (let b = 0; b < B; b++) {
      for (let t = 0; t < T; t++) {
        const src = (t * B + b) * ri * ci;
        for (let i = 0; i < ri * ci; i++) X[t * ri * ci + i] = batch.inputs[src + i];
      }
      if (ntm) {
        Mem.fill(cfg.memoryInit, 0, N * MS);
        for (let h = 0; h < 2; h++) for (let j = 0; j < N; j++) W[h * (T + 1) * N + j] = w0![(h * B + b) * N + j];
      }
      // ---------------- forward ----------------
      for (let t = 0; t < T; t++) {
        const xo = t * ri * ci;
        for (let l = 0; l < L; l++) {
          const [P, po] = l === 0 ? (t === 0 ? [zeroH, 0] : [Hs, ((t - 1) * L + L - 1) * H]) : [Hs, (t * L + l - 1) * H];
          this.cellP[l].forward(th, P, po, pre, 0, false);
          this.cellQ[l].forward(th, X, xo, pre, 0, true);
          const cr = this.cellR[l];
          if (cr) {
            const [R, ro_] = t === 0 ? [zeroR, 0] : [Rs, (t - 1) * MS];
            cr.forward(th, R, ro_, pre, 0, true);
          }
          const ho = (t * L + l) * H;
          for (let i = 0; i < H; i++) Hs[ho + i] = Math.tanh(pre[i]);
        }
        const top = (t * L + L - 1) * H;
        if (ntm) {
          for (let k = 0; k < 4; k++) this.heads[k].forward(th, Hs, top, headRaw[k], 0, false);
          const KW = 2 * m1;
          const ko = t * m0 * KW;
          for (let i = 0; i < m0 * KW; i++) {
            Kf[ko + i] = Math.tanh(headRaw[0][i]);
            const c = i % KW;
            AE[ko + i] = c < m1 ? Math.tanh(headRaw[1][i]) : sigmoid(headRaw[1][i]);
          }
          SR.set(headRaw[2], t * S * 2);
          BG.set(headRaw[3], t * 6);
          const mp = t * N * MS;
          for (let h = 0; h < 2; h++) {
            const kho = (h * T + t) * MS;
            for (let i = 0; i < m0; i++) for (let c = 0; c < m1; c++) kh[kho + i * m1 + c] = Kf[ko + i * KW + h * m1 + c];
            for (let i = 0; i < m0; i++) {
              for (let c = 0; c < m1; c++) {
                Ac[t * MS + i * m1 + c] = AE[ko + i * KW + c];
                Ec[t * MS + i * m1 + c] = AE[ko + i * KW + m1 + c];
              }
            }
          }
          memStats(Mem, mp, N, MS, kh, t * MS, kh, (T + t) * MS, nM, t * N, dots, t * N, dots, (T + t) * N);
          for (let h = 0; h < 2; h++) {
            const ht = h * T + t;
            const kho = ht * MS;
            let nn = 0;
            for (let e = 0; e < MS; e++) nn += kh[kho + e] * kh[kho + e];
            const nkv = Math.sqrt(nn);
            nk[ht] = nkv;
            const beta = 1 + softplus(BG[t * 6 + h]);
            const vo = ht * N;
            let zmax = -Infinity;
            for (let j = 0; j < N; j++) {
              const d = dots[vo + j];
              const cs = d / (nkv * nM[t * N + j] + eps);
              cosv[vo + j] = cs;
              zv[vo + j] = beta * cs;
              if (beta * cs > zmax) zmax = beta * cs;
            }
            let se = 0;
            for (let j = 0; j < N; j++) {
              const z = zv[vo + j];
              const e = clamped ? Math.exp(Math.min(Math.max(z, 0), 80)) : Math.exp(z - zmax);
              ev[vo + j] = e;
              se += e;
            }
            sumE[ht] = se;
            const gg = sigmoid(BG[t * 6 + 2 + h]);
            const wpo = (h * (T + 1) + t) * N;
            for (let j = 0; j < N; j++) {
              const c = ev[vo + j] / (se + eps);
              wc[vo + j] = c;
              wg[vo + j] = gg * c + (1 - gg) * W[wpo + j];
            }
            // shift weights: softmax over the column h of the shift logits
            const so = ht * S;
            let smax = -Infinity;
            for (let k = 0; k < S; k++) smax = Math.max(smax, SR[t * S * 2 + k * 2 + h]);
            let ss = 0;
            for (let k = 0; k < S; k++) {
              const x = SR[t * S * 2 + k * 2 + h];
              const e = clamped ? Math.exp(Math.min(Math.max(x, 0), 80)) : Math.exp(x - smax);
              es[so + k] = e;
              ss += e;
            }
            sumS[ht] = ss;
            for (let k = 0; k < S; k++) sv[so + k] = es[so + k] / (ss + eps);
            const gamma = 1 + softplus(BG[t * 6 + 4 + h]);
            let su = 0;
            for (let i = 0; i < N; i++) {
              let acc = 0;
              for (let k = 0; k < S; k++) {
                let idx = i + k - sr;
                if (idx < 0) idx += N;
                else if (idx >= N) idx -= N;
                acc += wg[vo + idx] * sv[so + k];
              }
              what[vo + i] = acc;
              const u = acc > 0 ? Math.pow(acc, gamma) : 0;
              uv[vo + i] = u;
              su += u;
            }
            sumU[ht] = su;
            const wo = (h * (T + 1) + t + 1) * N;
            for (let i = 0; i < N; i++) W[wo + i] = uv[vo + i] / (su + eps);
          }
          // write with the write head (h = 1), then read with the read head (h = 0)
          memWriteRead(Mem, mp, (t + 1) * N * MS, N, MS, W, (1 * (T + 1) + t + 1) * N, (t + 1) * N, Ac, Ec, t * MS, Rs, t * MS);
        }
        if (t >= outStart) {
          this.outY.forward(th, Hs, top, logit, 0, false);
          if (this.outR) this.outR.forward(th, Rs, t * MS, logit, 0, true);
          const oo = ((t - outStart) * B + b) * O;
          for (let i = 0; i < O; i++) {
            const x = logit[i];
            logits[(t - outStart) * O + i] = x;
            const y = batch.targets[oo + i];
            // BCE from the logit, stable: max(x, 0) − x·y + log(1 + e^{−|x|})
            loss += Math.max(x, 0) - x * y + Math.log1p(Math.exp(-Math.abs(x)));
            outputs[oo + i] = sigmoid(x);
          }
        }
      }
      if (!wantGrad) continue;
      // ---------------- backward ----------------
      dHcarry.fill(0);
      dR.fill(0);
      if (ntm) {
        dMnew.fill(0);
        dwCarry.fill(0);
      }
      for (let t = T - 1; t >= 0; t--) {
        const top = (t * L + L - 1) * H;
        dTop.set(dHcarry);
        dRprev.fill(0);
        if (t >= outStart) {
          const oo = ((t - outStart) * B + b) * O;
          const lo = (t - outStart) * O;
          for (let i = 0; i < O; i++) dlogit[i] = (sigmoid(logits[lo + i]) - batch.targets[oo + i]) / count;
          this.outY.backward(th, g, Hs, top, dlogit, 0, dTop, 0);
          if (this.outR) this.outR.backward(th, g, Rs, t * MS, dlogit, 0, dR, 0);
        }
        if (ntm) {
          const KW = 2 * m1;
          const ko = t * m0 * KW;
          const mp = t * N * MS;
          const mn = (t + 1) * N * MS;
          const ww = (1 * (T + 1) + t + 1) * N;
          const wr = (0 * (T + 1) + t + 1) * N;
          dw.set(dwCarry);
          dA.fill(0);
          dE.fill(0);
          memWriteReadBackward(Mem, mp, mn, N, MS, W, ww, wr, Ac, Ec, t * MS, dR, dMnew, dMprev, dw, dA, dE);
          fM.fill(0);
          for (const d of dHead) d.fill(0);
          for (let h = 0; h < 2; h++) {
            const ht = h * T + t;
            const vo = ht * N;
            const so = ht * S;
            for (let j = 0; j < N; j++) dwh[j] = dw[h * N + j];
            // sharpening: w = u / (Σu + eps), u = ŵ^γ
            const Su = sumU[ht] + eps;
            let dotdu = 0;
            for (let i = 0; i < N; i++) dotdu += dwh[i] * uv[vo + i];
            const gammaRaw = BG[t * 6 + 4 + h];
            const gamma = 1 + softplus(gammaRaw);
            let dgamma = 0;
            for (let i = 0; i < N; i++) {
              du[i] = dwh[i] / Su - dotdu / (Su * Su);
              const wv = what[vo + i];
              if (wv > 0) {
                dgamma += du[i] * uv[vo + i] * Math.log(wv);
                du[i] = du[i] * gamma * Math.pow(wv, gamma - 1); // now dŵ_i
              } else du[i] = 0;
            }
            dHead[3][4 + h] += dgamma * softplusGrad(gammaRaw);
            // shift: ŵ_i = Σ_k wg_{(i+k−r) mod N} s_k
            dwgv.fill(0);
            dsv.fill(0);
            for (let i = 0; i < N; i++) {
              const d = du[i];
              for (let k = 0; k < S; k++) {
                let idx = i + k - sr;
                if (idx < 0) idx += N;
                else if (idx >= N) idx -= N;
                dwgv[idx] += d * sv[so + k];
                dsv[k] += d * wg[vo + idx];
              }
            }
            const Ds = sumS[ht] + eps;
            let dots_ = 0;
            for (let k = 0; k < S; k++) dots_ += dsv[k] * es[so + k];
            for (let k = 0; k < S; k++) {
              const x = SR[t * S * 2 + k * 2 + h];
              const pass = clamped ? x >= 0 && x <= 80 : true;
              const de = dsv[k] / Ds - dots_ / (Ds * Ds);
              if (pass) dHead[2][k * 2 + h] += de * es[so + k];
            }
            // interpolation: wg = g·wc + (1 − g)·w_{t−1}
            const gRaw = BG[t * 6 + 2 + h];
            const gg = sigmoid(gRaw);
            const wpo = (h * (T + 1) + t) * N;
            let dg = 0;
            for (let j = 0; j < N; j++) {
              dg += dwgv[j] * (wc[vo + j] - W[wpo + j]);
              dwCarry[h * N + j] = (1 - gg) * dwgv[j];
              dwgv[j] *= gg; // now dwc
            }
            dHead[3][2 + h] += dg * gg * (1 - gg);
            // content: wc = e / (Σe + eps), e = exp(clamp(β·cos))
            const De = sumE[ht] + eps;
            let dote = 0;
            for (let j = 0; j < N; j++) dote += dwgv[j] * ev[vo + j];
            const betaRaw = BG[t * 6 + h];
            const beta = 1 + softplus(betaRaw);
            let dbeta = 0;
            const kho = ht * MS;
            const nkv = nk[ht];
            let dnk = 0;
            const cd = cdot[h];
            cd.fill(0);
            for (let j = 0; j < N; j++) {
              const z = zv[vo + j];
              const pass = clamped ? z >= 0 && z <= 80 : true;
              const dz = pass ? (dwgv[j] / De - dote / (De * De)) * ev[vo + j] : 0;
              if (dz === 0) continue;
              dbeta += dz * cosv[vo + j];
              const dcos = dz * beta;
              const nmj = nM[t * N + j];
              const Dj = nkv * nmj + eps;
              const ddot = dcos / Dj;
              const dD = (-dcos * dots[vo + j]) / (Dj * Dj);
              dnk += dD * nmj;
              const dnm = dD * nkv;
              cd[j] = ddot;
              if (nmj > 0) fM[j] += dnm / nmj;
            }
            dHead[3][h] += dbeta * softplusGrad(betaRaw);
            fkh[h] = nkv > 0 ? dnk / nkv : 0;
          }
          dks[0].fill(0);
          dks[1].fill(0);
          memContentBackward(Mem, mp, N, MS, kh, t * MS, kh, (T + t) * MS, cdot[0], cdot[1], fM, dks[0], dks[1], dMprev);
          for (let h = 0; h < 2; h++) {
            const kho = (h * T + t) * MS;
            for (let i = 0; i < m0; i++) {
              for (let c = 0; c < m1; c++) {
                const e = i * m1 + c;
                const K = Kf[ko + i * KW + h * m1 + c];
                dHead[0][i * KW + h * m1 + c] = (dks[h][e] + fkh[h] * kh[kho + e]) * (1 - K * K);
              }
            }
          }
          for (let i = 0; i < m0; i++) {
            for (let c = 0; c < m1; c++) {
              const e = i * m1 + c;
              const A = Ac[t * MS + e];
              const E = Ec[t * MS + e];
              dHead[1][i * KW + c] = dA[e] * (1 - A * A);
              dHead[1][i * KW + m1 + c] = dE[e] * E * (1 - E);
            }
          }
          for (let k = 0; k < 4; k++) this.heads[k].backward(th, g, Hs, top, dHead[k], 0, dTop, 0);
          dMnew.set(dMprev);
        }
        // cells, top to bottom
        dH.set(dTop);
        for (let l = L - 1; l >= 0; l--) {
          const ho = (t * L + l) * H;
          for (let i = 0; i < H; i++) {
            const hv = Hs[ho + i];
            pre[i] = dH[i] * (1 - hv * hv); // reuse as dpre
          }
          dP.fill(0);
          const [P, po] = l === 0 ? (t === 0 ? [zeroH, 0] : [Hs, ((t - 1) * L + L - 1) * H]) : [Hs, (t * L + l - 1) * H];
          this.cellP[l].backward(th, g, P, po, pre, 0, dP, 0);
          this.cellQ[l].backward(th, g, X, t * ri * ci, pre, 0, null, 0);
          const cr = this.cellR[l];
          if (cr) {
            const [R, ro_] = t === 0 ? [zeroR, 0] : [Rs, (t - 1) * MS];
            cr.backward(th, g, R, ro_, pre, 0, dRprev, 0);
          }
          dH.set(dP);
        }
        dHcarry.set(dH);
        dR.set(dRprev);
      }
    }
    const result: StepResult = { loss: loss / count, outputs };
    if (wantGrad) result.grad = Float32Array.from(g);
    return result;
  }
}
