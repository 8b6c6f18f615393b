/**
 * The fused CPU engine: forward pass and hand-written backward pass through time on typed arrays
 * (float64 inside, float32 parameters and gradients outside), with no per-operation framework cost.
 * The tfjs engine is its gradient oracle (test/matntm).
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
import type { BilinearSpec, Layout } from '../config.ts';
import type { Engine, StepResult } from '../model.ts';
import type { TaskBatch } from '../tasks/types.ts';
import type { HeadTrace } from '../trace.ts';

type F64 = Float64Array;

/**
 * C[n×m] (+)= A·B with B [k×m] row-major and A's entry (i, p) at A[ao + i·ais + p·aps]
 * (A itself: ais = k, aps = 1; Aᵀ of a [k×n] matrix: ais = 1, aps = n). Two rows of C and four
 * terms of the sum per pass over a row of B: six loads per eight multiply-adds, instead of three
 * per one, which is what makes these small products fast in V8.
 */
function gemm(A: F64, ao: number, ais: number, aps: number, B: F64, bo: number, C: F64, co: number, n: number, k: number, m: number, acc: boolean): void {
  if (!acc) C.fill(0, co, co + n * m);
  const k4 = k - (k & 3);
  let i = 0;
  for (; i + 1 < n; i += 2) {
    const ci = co + i * m;
    const cj = ci + m;
    const ai = ao + i * ais;
    const aj = ai + ais;
    let p = 0;
    for (; p < k4; p += 4) {
      const q = p * aps;
      const a0 = A[ai + q];
      const a1 = A[ai + q + aps];
      const a2 = A[ai + q + 2 * aps];
      const a3 = A[ai + q + 3 * aps];
      const c0 = A[aj + q];
      const c1 = A[aj + q + aps];
      const c2 = A[aj + q + 2 * aps];
      const c3 = A[aj + q + 3 * aps];
      const b0 = bo + p * m;
      const b1 = b0 + m;
      const b2 = b1 + m;
      const b3 = b2 + m;
      for (let j = 0; j < m; j++) {
        const x0 = B[b0 + j];
        const x1 = B[b1 + j];
        const x2 = B[b2 + j];
        const x3 = B[b3 + j];
        C[ci + j] += a0 * x0 + a1 * x1 + a2 * x2 + a3 * x3;
        C[cj + j] += c0 * x0 + c1 * x1 + c2 * x2 + c3 * x3;
      }
    }
    if (p < k) {
      // the last one to three terms in one pass (a missing term reads row p with coefficient 0)
      const q = p * aps;
      const two = p + 1 < k;
      const three = p + 2 < k;
      const a0 = A[ai + q];
      const a1 = two ? A[ai + q + aps] : 0;
      const a2 = three ? A[ai + q + 2 * aps] : 0;
      const c0 = A[aj + q];
      const c1 = two ? A[aj + q + aps] : 0;
      const c2 = three ? A[aj + q + 2 * aps] : 0;
      const b0 = bo + p * m;
      const b1 = two ? b0 + m : b0;
      const b2 = three ? b0 + 2 * m : b0;
      for (let j = 0; j < m; j++) {
        const x0 = B[b0 + j];
        const x1 = B[b1 + j];
        const x2 = B[b2 + j];
        C[ci + j] += a0 * x0 + a1 * x1 + a2 * x2;
        C[cj + j] += c0 * x0 + c1 * x1 + c2 * x2;
      }
    }
  }
  if (i < n) {
    const ci = co + i * m;
    const ai = ao + i * ais;
    let p = 0;
    for (; p < k4; p += 4) {
      const q = p * aps;
      const a0 = A[ai + q];
      const a1 = A[ai + q + aps];
      const a2 = A[ai + q + 2 * aps];
      const a3 = A[ai + q + 3 * aps];
      const b0 = bo + p * m;
      const b1 = b0 + m;
      const b2 = b1 + m;
      const b3 = b2 + m;
      for (let j = 0; j < m; j++) C[ci + j] += a0 * B[b0 + j] + a1 * B[b1 + j] + a2 * B[b2 + j] + a3 * B[b3 + j];
    }
    for (; p < k; p++) {
      const a = A[ai + p * aps];
      const bp = bo + p * m;
      for (let j = 0; j < m; j++) C[ci + j] += a * B[bp + j];
    }
  }
}

/** C[n×m] (+)= A[n×k]·B[k×m]. */
function mm(A: F64, ao: number, B: F64, bo: number, C: F64, co: number, n: number, k: number, m: number, acc: boolean): void {
  gemm(A, ao, k, 1, B, bo, C, co, n, k, m, acc);
}

/** C[n×m] += Aᵀ·B with A [k×n], B [k×m]. */
function mmTA(A: F64, ao: number, B: F64, bo: number, C: F64, co: number, n: number, k: number, m: number): void {
  gemm(A, ao, 1, n, B, bo, C, co, n, k, m, true);
}

/** C[n×m] += A·Bᵀ with A [n×k], B [m×k]: dot products, four columns of C per pass over a row of A. */
function mmTB(A: F64, ao: number, B: F64, bo: number, C: F64, co: number, n: number, k: number, m: number): void {
  const m4 = m - (m & 3);
  for (let i = 0; i < n; i++) {
    const ai = ao + i * k;
    const ci = co + i * m;
    let j = 0;
    for (; j < m4; j += 4) {
      const b0 = bo + j * k;
      const b1 = b0 + k;
      const b2 = b1 + k;
      const b3 = b2 + k;
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      for (let p = 0; p < k; p++) {
        const a = A[ai + p];
        s0 += a * B[b0 + p];
        s1 += a * B[b1 + p];
        s2 += a * B[b2 + p];
        s3 += a * B[b3 + p];
      }
      C[ci + j] += s0;
      C[ci + j + 1] += s1;
      C[ci + j + 2] += s2;
      C[ci + j + 3] += s3;
    }
    if (j + 1 < m) {
      const b0 = bo + j * k;
      const b1 = b0 + k;
      let s0 = 0;
      let s1 = 0;
      for (let p = 0; p < k; p++) {
        const a = A[ai + p];
        s0 += a * B[b0 + p];
        s1 += a * B[b1 + p];
      }
      C[ci + j] += s0;
      C[ci + j + 1] += s1;
      j += 2;
    }
    if (j < m) {
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

/**
 * The bilinear map U·X·V (+ B) from [r, c] to [r2, c2] over a whole batch stored [rows][B][cols]:
 * U·X is one product [r2×r]·[r×(B·c)] and (U·X)·V one product [(r2·B)×c]·[c×c2].
 */
class Bilinear {
  readonly r2: number;
  readonly r: number;
  readonly c: number;
  readonly c2: number;
  private t: F64 = new Float64Array(0);
  private w1: F64 = new Float64Array(0);
  private batch = 0;
  constructor(readonly spec: BilinearSpec) {
    this.r2 = spec.U.rows;
    this.r = spec.U.cols;
    this.c = spec.V.rows;
    this.c2 = spec.V.cols;
    this.vt = new Float64Array(this.c * this.c2);
  }

  /** Vᵀ [c2×c], refreshed from θ by prepare() at the start of every run. */
  private readonly vt: F64;

  /** Copy Vᵀ out of θ (so dZ·Vᵀ is a plain product). */
  prepare(th: F64): void {
    const { c, c2 } = this;
    const vo = this.spec.V.offset;
    for (let p = 0; p < c; p++) for (let j = 0; j < c2; j++) this.vt[j * c + p] = th[vo + p * c2 + j];
  }

  private ensure(B: number): void {
    if (B === this.batch) return;
    this.t = new Float64Array(this.r2 * B * this.c);
    this.w1 = new Float64Array(this.r2 * B * this.c);
    this.batch = B;
  }

  /** Z (+)= U·X·V (+ B) for X [r][B][c] at xo, Z [r2][B][c2] at zo. */
  forward(th: F64, X: F64, xo: number, Z: F64, zo: number, acc: boolean, B: number): void {
    this.ensure(B);
    const { U, V, B: bias } = this.spec;
    const { r2, r, c, c2 } = this;
    mm(th, U.offset, X, xo, this.t, 0, r2, r, B * c, false); // U·X [r2 × (B·c)]
    mm(this.t, 0, th, V.offset, Z, zo, r2 * B, c, c2, acc); // (U·X)·V [(r2·B) × c2]
    if (bias) {
      for (let i = 0; i < r2; i++) {
        const bo = bias.offset + i * c2;
        for (let b = 0; b < B; b++) {
          const z = zo + (i * B + b) * c2;
          for (let j = 0; j < c2; j++) Z[z + j] += th[bo + j];
        }
      }
    }
  }

  /** Given dZ: dU += dZ·Vᵀ·Xᵀ, dV += (U·X)ᵀ·dZ, dB += Σ_b dZ, and dX += Uᵀ·dZ·Vᵀ when dX is given. */
  backward(th: F64, g: F64, X: F64, xo: number, dZ: F64, dzo: number, dX: F64 | null, dxo: number, B: number): void {
    this.ensure(B);
    const { U, V, B: bias } = this.spec;
    const { r2, r, c, c2 } = this;
    mm(dZ, dzo, this.vt, 0, this.w1, 0, r2 * B, c2, c, false); // D = dZ·Vᵀ [(r2·B) × c]
    mmTB(this.w1, 0, X, xo, g, U.offset, r2, B * c, r); // dU += D·Xᵀ, D as [r2 × (B·c)]
    if (dX) mmTA(th, U.offset, this.w1, 0, dX, dxo, r, r2, B * c); // dX += Uᵀ·D
    mm(th, U.offset, X, xo, this.t, 0, r2, r, B * c, false); // U·X
    mmTA(this.t, 0, dZ, dzo, g, V.offset, c, r2 * B, c2); // dV += (U·X)ᵀ·dZ
    if (bias) {
      for (let i = 0; i < r2; i++) {
        const bo = bias.offset + i * c2;
        for (let b = 0; b < B; b++) {
          const z = dzo + (i * B + b) * c2;
          for (let j = 0; j < c2; j++) g[bo + j] += dZ[z + j];
        }
      }
    }
  }
}

/** The trace of a forward pass: weights after step t at (bh·(T+1) + t + 1)·N, memory after step t at (b·(T+1) + t + 1)·NM. */
function captured(B: number, T: number, N: number, m0: number, m1: number, NM: number, W: F64, Mem: F64, outputs: Float32Array): HeadTrace {
  const read = new Float32Array(B * T * N);
  const write = new Float32Array(B * T * N);
  const memory = new Float32Array(B * T * NM);
  for (let b = 0; b < B; b++) {
    for (let t = 0; t < T; t++) {
      const o = (b * T + t) * N;
      for (let j = 0; j < N; j++) {
        read[o + j] = W[(2 * b * (T + 1) + t + 1) * N + j];
        write[o + j] = W[((2 * b + 1) * (T + 1) + t + 1) * N + j];
      }
      memory.set(Mem.subarray((b * (T + 1) + t + 1) * NM, (b * (T + 1) + t + 2) * NM), (b * T + t) * NM);
    }
  }
  return { sequences: B, steps: T, slots: N, slot: [m0, m1], read, write, memory, outputs };
}

export class FusedEngine implements Engine {
  readonly name = 'fused';
  private readonly cellP: Bilinear[];
  private readonly cellQ: Bilinear[];
  private readonly cellR: (Bilinear | null)[];
  private readonly outY: Bilinear;
  private readonly outR: Bilinear | null;
  private readonly heads: Bilinear[];
  private readonly all: Bilinear[];

  constructor(readonly layout: Layout) {
    this.cellP = layout.cells.map((c) => new Bilinear(c.p));
    this.cellQ = layout.cells.map((c) => new Bilinear(c.q));
    this.cellR = layout.cells.map((c) => (c.r ? new Bilinear(c.r) : null));
    this.outY = new Bilinear(layout.outY);
    this.outR = layout.outR ? new Bilinear(layout.outR) : null;
    this.heads = layout.keys ? [layout.keys, layout.addErase!, layout.shift!, layout.bgg!].map((s) => new Bilinear(s)) : [];
    this.all = [...this.cellP, ...this.cellQ, ...this.cellR.filter((m): m is Bilinear => m !== null), this.outY, ...(this.outR ? [this.outR] : []), ...this.heads];
  }

  /** Work buffers reused across calls (fresh multi-megabyte arrays cost page faults and zeroing on every call). */
  private readonly pool = new Map<string, F64>();
  private buf(key: string, n: number): F64 {
    let b = this.pool.get(key);
    if (!b || b.length < n) {
      b = new Float64Array(n);
      this.pool.set(key, b);
    }
    return b.length === n ? b : b.subarray(0, n);
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
    const ntm = cfg.model === 'matntm';
    if (ntm && !w0) throw new Error('the MatNTM needs initial head weights');
    const th = Float64Array.from(theta);
    for (const m of this.all) m.prepare(th);
    const g = new Float64Array(theta.length);
    const B = batch.batch;
    const T = batch.steps;
    const [ri, ci] = cfg.input;
    const [ro, co] = cfg.output;
    if (batch.rows !== ri || batch.cols !== ci) throw new Error(`batch matrices are ${batch.rows}×${batch.cols}, the model takes ${ri}×${ci}`);
    const [h0, h1] = cfg.hidden;
    const HB = h0 * h1 * B; // one batched hidden state [h0][B][h1]
    const L = cfg.layers;
    const [m0, m1] = cfg.slot;
    const MS = m0 * m1;
    const MB = MS * B; // one batched read [m0][B][m1]
    const N = cfg.slots;
    const NM = N * MS; // one sequence's memory
    const sr = cfg.shiftRange;
    const S = 2 * sr + 1;
    const eps = cfg.eps;
    const clamped = cfg.softmax === 'clamped';
    const O = ro * co;
    const OB = O * B;
    const XB = ri * ci * B;
    const KW = 2 * m1;
    const KB = m0 * KW * B; // batched keys or add|erase [m0][B][2·m1]
    const SB = S * 2 * B; // batched shift logits [S][B][2]
    const GB = 6 * B; // batched (β̂, ĝ, γ̂) [3][B][2]
    const outStart = T - batch.outputSteps;
    const count = normalizer;
    const outputs = new Float32Array(batch.outputSteps * B * O);

    // inputs [t][b][ri][ci] → X [t][ri][B][ci]
    const X = this.buf('X', T * XB);
    for (let t = 0; t < T; t++) {
      for (let b = 0; b < B; b++) {
        for (let i = 0; i < ri; i++) {
          const src = ((t * B + b) * ri + i) * ci;
          const dst = ((t * ri + i) * B + b) * ci;
          for (let j = 0; j < ci; j++) X[dst + j] = batch.inputs[src + j];
        }
      }
    }
    const Hs = this.buf('Hs', T * L * HB); // [t][l][h0][B][h1]
    const zeroH = this.buf('zeroH', HB);
    const zeroR = this.buf('zeroR', MB);
    const pre = this.buf('pre', HB);
    const logits = this.buf('logits', batch.outputSteps * OB); // [s][ro][B][co]
    const E0 = new Float64Array(0);
    const z = (key: string, n: number): F64 => (ntm ? this.buf(key, n) : E0);
    // batched MatNTM histories
    const Rs = z('Rs', T * MB); // reads [t][m0][B][m1]
    const Kf = z('Kf', T * KB); // tanh keys [t][m0][B][2·m1]
    const AE = z('AE', T * KB); // A | E after activation
    const SR = z('SR', T * SB); // raw shift logits [t][S][B][2]
    const BG = z('BG', T * GB); // raw (β̂, ĝ, γ̂) [t][3][B][2]
    const headRaw = ntm ? [z('raw0', KB), z('raw1', KB), z('raw2', SB), z('raw3', GB)] : [];
    const dHead = ntm ? [z('dHead0', KB), z('dHead1', KB), z('dHead2', SB), z('dHead3', GB)] : [];
    // per-sequence histories: sequence b's memory before step t at (b·(T+1) + t)·NM
    const Mem = z('Mem', B * (T + 1) * NM);
    const nM = z('nM', B * T * N); // slot norms at (b·T + t)·N
    const Ac = z('Ac', B * T * MS); // add matrix of sequence b at step t, contiguous, at (b·T + t)·MS
    const Ec = z('Ec', B * T * MS); // erase matrix
    // per sequence and head (bh = 2b + h; index (bh·T + t))
    const kh = z('kh', 2 * B * T * MS);
    const nk = z('nk', 2 * B * T);
    const dots = z('dots', 2 * B * T * N);
    const cosv = z('cosv', 2 * B * T * N);
    const ev = z('ev', 2 * B * T * N);
    const zv = z('zv', 2 * B * T * N);
    const sumE = z('sumE', 2 * B * T);
    const wc = z('wc', 2 * B * T * N);
    const wg = z('wg', 2 * B * T * N);
    const sv = z('sv', 2 * B * T * S);
    const es = z('es', 2 * B * T * S);
    const sumS = z('sumS', 2 * B * T);
    const what = z('what', 2 * B * T * N);
    const uv = z('uv', 2 * B * T * N);
    const lnw = z('lnw', 2 * B * T * N); // ln ŵ where ŵ > 0
    const sumU = z('sumU', 2 * B * T);
    const W = z('W', 2 * B * (T + 1) * N); // weights of head bh before step t at (bh·(T+1) + t)·N; t = 0 holds w0
    const Rb = z('Rb', MS);

    let loss = 0;
    if (ntm) {
      for (let b = 0; b < B; b++) {
        Mem.fill(cfg.memoryInit, b * (T + 1) * NM, b * (T + 1) * NM + NM);
        for (let h = 0; h < 2; h++) for (let j = 0; j < N; j++) W[(2 * b + h) * (T + 1) * N + j] = w0![(h * B + b) * N + j];
      }
    }
    // ---------------- forward ----------------
    for (let t = 0; t < T; t++) {
      const xo = t * XB;
      for (let l = 0; l < L; l++) {
        const [P, po] = l === 0 ? (t === 0 ? [zeroH, 0] : [Hs, ((t - 1) * L + L - 1) * HB]) : [Hs, (t * L + l - 1) * HB];
        this.cellP[l].forward(th, P, po, pre, 0, false, B);
        this.cellQ[l].forward(th, X, xo, pre, 0, true, B);
        const cr = this.cellR[l];
        if (cr) {
          const [R, ro_] = t === 0 ? [zeroR, 0] : [Rs, (t - 1) * MB];
          cr.forward(th, R, ro_, pre, 0, true, B);
        }
        const ho = (t * L + l) * HB;
        for (let i = 0; i < HB; i++) Hs[ho + i] = Math.tanh(pre[i]);
      }
      const top = (t * L + L - 1) * HB;
      if (ntm) {
        for (let k = 0; k < 4; k++) this.heads[k].forward(th, Hs, top, headRaw[k], 0, false, B);
        const ko = t * KB;
        for (let i = 0; i < KB; i++) {
          Kf[ko + i] = Math.tanh(headRaw[0][i]);
          AE[ko + i] = i % KW < m1 ? Math.tanh(headRaw[1][i]) : sigmoid(headRaw[1][i]);
        }
        SR.set(headRaw[2], t * SB);
        BG.set(headRaw[3], t * GB);
        for (let b = 0; b < B; b++) {
          const mp = (b * (T + 1) + t) * NM;
          const ao = (b * T + t) * MS;
          for (let i = 0; i < m0; i++) {
            const src = ko + (i * B + b) * KW;
            for (let c = 0; c < m1; c++) {
              kh[(2 * b * T + t) * MS + i * m1 + c] = Kf[src + c];
              kh[((2 * b + 1) * T + t) * MS + i * m1 + c] = Kf[src + m1 + c];
              Ac[ao + i * m1 + c] = AE[src + c];
              Ec[ao + i * m1 + c] = AE[src + m1 + c];
            }
          }
          memStats(Mem, mp, N, MS, kh, (2 * b * T + t) * MS, kh, ((2 * b + 1) * T + t) * MS, nM, (b * T + t) * N, dots, (2 * b * T + t) * N, dots, ((2 * b + 1) * T + t) * N);
          for (let h = 0; h < 2; h++) {
            const bh = 2 * b + h;
            const ht = bh * T + t;
            const kho = ht * MS;
            const bgo = t * GB + b * 2 + h; // (β̂, ĝ, γ̂) of this head at bgo, bgo + 2B, bgo + 4B
            let nn = 0;
            for (let e = 0; e < MS; e++) nn += kh[kho + e] * kh[kho + e];
            const nkv = Math.sqrt(nn);
            nk[ht] = nkv;
            const beta = 1 + softplus(BG[bgo]);
            const vo = ht * N;
            const no = (b * T + t) * N;
            let zmax = -Infinity;
            for (let j = 0; j < N; j++) {
              const cs = dots[vo + j] / (nkv * nM[no + j] + eps);
              cosv[vo + j] = cs;
              zv[vo + j] = beta * cs;
              if (beta * cs > zmax) zmax = beta * cs;
            }
            let se = 0;
            for (let j = 0; j < N; j++) {
              const x = zv[vo + j];
              const e = clamped ? Math.exp(Math.min(Math.max(x, 0), 80)) : Math.exp(x - zmax);
              ev[vo + j] = e;
              se += e;
            }
            sumE[ht] = se;
            const gg = sigmoid(BG[bgo + 2 * B]);
            const wpo = (bh * (T + 1) + t) * N;
            for (let j = 0; j < N; j++) {
              const c = ev[vo + j] / (se + eps);
              wc[vo + j] = c;
              wg[vo + j] = gg * c + (1 - gg) * W[wpo + j];
            }
            // shift weights: softmax over column h of this sequence's shift logits
            const so = ht * S;
            const sro = t * SB + b * 2 + h; // logit k at sro + 2Bk
            let smax = -Infinity;
            for (let k = 0; k < S; k++) smax = Math.max(smax, SR[sro + 2 * B * k]);
            let ss = 0;
            for (let k = 0; k < S; k++) {
              const x = SR[sro + 2 * B * k];
              const e = clamped ? Math.exp(Math.min(Math.max(x, 0), 80)) : Math.exp(x - smax);
              es[so + k] = e;
              ss += e;
            }
            sumS[ht] = ss;
            for (let k = 0; k < S; k++) sv[so + k] = es[so + k] / (ss + eps);
            const gamma = 1 + softplus(BG[bgo + 4 * B]);
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
              let u = 0;
              if (acc > 0) {
                const lw = Math.log(acc);
                lnw[vo + i] = lw;
                u = Math.exp(gamma * lw); // ŵ^γ, with ln ŵ kept for the backward pass
              }
              uv[vo + i] = u;
              su += u;
            }
            sumU[ht] = su;
            const wo = (bh * (T + 1) + t + 1) * N;
            for (let i = 0; i < N; i++) W[wo + i] = uv[vo + i] / (su + eps);
          }
          // write with the write head (h = 1), then read with the read head (h = 0)
          memWriteRead(Mem, mp, mp + NM, N, MS, W, ((2 * b + 1) * (T + 1) + t + 1) * N, (2 * b * (T + 1) + t + 1) * N, Ac, Ec, ao, Rb, 0);
          for (let i = 0; i < m0; i++) {
            const dst = t * MB + (i * B + b) * m1;
            for (let c = 0; c < m1; c++) Rs[dst + c] = Rb[i * m1 + c];
          }
        }
      }
      if (t >= outStart) {
        const s = t - outStart;
        const lo = s * OB;
        this.outY.forward(th, Hs, top, logits, lo, false, B);
        if (this.outR) this.outR.forward(th, Rs, t * MB, logits, lo, true, B);
        for (let i = 0; i < ro; i++) {
          for (let b = 0; b < B; b++) {
            const li = lo + (i * B + b) * co;
            const oo = ((s * B + b) * ro + i) * co;
            for (let j = 0; j < co; j++) {
              const x = logits[li + j];
              const y = batch.targets[oo + j];
              // BCE from the logit, stable: max(x, 0) − x·y + log(1 + e^{−|x|})
              loss += Math.max(x, 0) - x * y + Math.log1p(Math.exp(-Math.abs(x)));
              outputs[oo + j] = sigmoid(x);
            }
          }
        }
      }
    }
    if (captureTrace) return { loss: loss / count, outputs, trace: captured(B, T, N, m0, m1, NM, W, Mem, outputs) };
    if (!wantGrad) return { loss: loss / count, outputs };

    // ---------------- backward ----------------
    const dTop = this.buf('dTop', HB);
    const dHcarry = this.buf('dHcarry', HB);
    const dH = this.buf('dH', HB);
    const dP = this.buf('dP', HB);
    const dpre = this.buf('dpre', HB);
    const dR = this.buf('dR', MB);
    const dRprev = this.buf('dRprev', MB);
    const dlogit = this.buf('dlogit', OB);
    const dMnew = z('dMnew', B * NM); // dLoss/dM_t of each sequence, carried backward
    const dMnewB = Array.from({ length: ntm ? B : 0 }, (_, b) => dMnew.subarray(b * NM, (b + 1) * NM));
    const dMprev = z('dMprev', NM);
    const dwCarry = z('dwCarry', 2 * B * N); // dLoss/dw_t of each sequence and head, carried backward
    const dw = z('dw', 2 * N);
    const dRb = z('dRb', MS);
    const dA = z('dA', MS);
    const dE = z('dE', MS);
    const cdot = [z('cdot0', N), z('cdot1', N)];
    const fM = z('fM', N);
    const dks = [z('dk0', MS), z('dk1', MS)];
    const fkh = [0, 0];
    const du = z('du', N);
    const dwgv = z('dwgv', N);
    const dsv = this.buf('dsv', S);
    // carried from step t + 1 to step t: zero before the last step
    dHcarry.fill(0);
    dR.fill(0);
    dMnew.fill(0);
    dwCarry.fill(0);
    for (let t = T - 1; t >= 0; t--) {
      const top = (t * L + L - 1) * HB;
      dTop.set(dHcarry);
      dRprev.fill(0);
      if (t >= outStart) {
        const s = t - outStart;
        const lo = s * OB;
        for (let i = 0; i < ro; i++) {
          for (let b = 0; b < B; b++) {
            const li = (i * B + b) * co;
            const oo = ((s * B + b) * ro + i) * co;
            for (let j = 0; j < co; j++) dlogit[li + j] = (sigmoid(logits[lo + li + j]) - batch.targets[oo + j]) / count;
          }
        }
        this.outY.backward(th, g, Hs, top, dlogit, 0, dTop, 0, B);
        if (this.outR) this.outR.backward(th, g, Rs, t * MB, dlogit, 0, dR, 0, B);
      }
      if (ntm) {
        for (const d of dHead) d.fill(0);
        const ko = t * KB;
        for (let b = 0; b < B; b++) {
          const mp = (b * (T + 1) + t) * NM;
          const ao = (b * T + t) * MS;
          for (let i = 0; i < m0; i++) {
            const src = (i * B + b) * m1;
            for (let c = 0; c < m1; c++) dRb[i * m1 + c] = dR[src + c];
          }
          for (let j = 0; j < 2 * N; j++) dw[j] = dwCarry[2 * b * N + j];
          dA.fill(0);
          dE.fill(0);
          memWriteReadBackward(Mem, mp, mp + NM, N, MS, W, ((2 * b + 1) * (T + 1) + t + 1) * N, (2 * b * (T + 1) + t + 1) * N, Ac, Ec, ao, dRb, dMnewB[b], dMprev, dw, dA, dE);
          fM.fill(0);
          for (let h = 0; h < 2; h++) {
            const bh = 2 * b + h;
            const ht = bh * T + t;
            const vo = ht * N;
            const so = ht * S;
            const bgo = b * 2 + h; // this head's (β̂, ĝ, γ̂) in the batched [3][B][2] at bgo, bgo + 2B, bgo + 4B
            // sharpening: w = u / (Σu + eps), u = ŵ^γ
            const Su = sumU[ht] + eps;
            let dotdu = 0;
            for (let i = 0; i < N; i++) dotdu += dw[h * N + i] * uv[vo + i];
            const gammaRaw = BG[t * GB + bgo + 4 * B];
            const gamma = 1 + softplus(gammaRaw);
            let dgamma = 0;
            for (let i = 0; i < N; i++) {
              let d = dw[h * N + i] / Su - dotdu / (Su * Su);
              const wv = what[vo + i];
              if (wv > 0) {
                const u = uv[vo + i];
                dgamma += d * u * lnw[vo + i];
                d = (d * gamma * u) / wv; // now dŵ_i (γ·ŵ^{γ−1} = γ·u/ŵ)
              } else d = 0;
              du[i] = d;
            }
            dHead[3][bgo + 4 * B] += dgamma * softplusGrad(gammaRaw);
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
              const x = SR[t * SB + bgo + 2 * B * k];
              const pass = clamped ? x >= 0 && x <= 80 : true;
              const de = dsv[k] / Ds - dots_ / (Ds * Ds);
              if (pass) dHead[2][bgo + 2 * B * k] += de * es[so + k];
            }
            // interpolation: wg = g·wc + (1 − g)·w_{t−1}
            const gRaw = BG[t * GB + bgo + 2 * B];
            const gg = sigmoid(gRaw);
            const wpo = (bh * (T + 1) + t) * N;
            let dg = 0;
            for (let j = 0; j < N; j++) {
              dg += dwgv[j] * (wc[vo + j] - W[wpo + j]);
              dwCarry[bh * N + j] = (1 - gg) * dwgv[j];
              dwgv[j] *= gg; // now dwc
            }
            dHead[3][bgo + 2 * B] += dg * gg * (1 - gg);
            // content: wc = e / (Σe + eps), e = exp(clamp(β·cos))
            const De = sumE[ht] + eps;
            let dote = 0;
            for (let j = 0; j < N; j++) dote += dwgv[j] * ev[vo + j];
            const betaRaw = BG[t * GB + bgo];
            const beta = 1 + softplus(betaRaw);
            let dbeta = 0;
            const nkv = nk[ht];
            const no = (b * T + t) * N;
            let dnk = 0;
            const cd = cdot[h];
            cd.fill(0);
            for (let j = 0; j < N; j++) {
              const x = zv[vo + j];
              const pass = clamped ? x >= 0 && x <= 80 : true;
              const dz = pass ? (dwgv[j] / De - dote / (De * De)) * ev[vo + j] : 0;
              if (dz === 0) continue;
              dbeta += dz * cosv[vo + j];
              const dcos = dz * beta;
              const nmj = nM[no + j];
              const Dj = nkv * nmj + eps;
              const dD = (-dcos * dots[vo + j]) / (Dj * Dj);
              dnk += dD * nmj;
              cd[j] = dcos / Dj;
              if (nmj > 0) fM[j] += (dD * nkv) / nmj;
            }
            dHead[3][bgo] += dbeta * softplusGrad(betaRaw);
            fkh[h] = nkv > 0 ? dnk / nkv : 0;
          }
          dks[0].fill(0);
          dks[1].fill(0);
          memContentBackward(Mem, mp, N, MS, kh, (2 * b * T + t) * MS, kh, ((2 * b + 1) * T + t) * MS, cdot[0], cdot[1], fM, dks[0], dks[1], dMprev);
          for (let i = 0; i < m0; i++) {
            const hb = (i * B + b) * KW;
            for (let c = 0; c < m1; c++) {
              const e = i * m1 + c;
              for (let h = 0; h < 2; h++) {
                const K = Kf[ko + hb + h * m1 + c];
                dHead[0][hb + h * m1 + c] = (dks[h][e] + fkh[h] * kh[((2 * b + h) * T + t) * MS + e]) * (1 - K * K);
              }
              const A = Ac[ao + e];
              const E = Ec[ao + e];
              dHead[1][hb + c] = dA[e] * (1 - A * A);
              dHead[1][hb + m1 + c] = dE[e] * E * (1 - E);
            }
          }
          dMnewB[b].set(dMprev);
        }
        for (let k = 0; k < 4; k++) this.heads[k].backward(th, g, Hs, top, dHead[k], 0, dTop, 0, B);
      }
      // cells, top to bottom
      dH.set(dTop);
      for (let l = L - 1; l >= 0; l--) {
        const ho = (t * L + l) * HB;
        for (let i = 0; i < HB; i++) {
          const hv = Hs[ho + i];
          dpre[i] = dH[i] * (1 - hv * hv);
        }
        dP.fill(0);
        const [P, po] = l === 0 ? (t === 0 ? [zeroH, 0] : [Hs, ((t - 1) * L + L - 1) * HB]) : [Hs, (t * L + l - 1) * HB];
        this.cellP[l].backward(th, g, P, po, dpre, 0, dP, 0, B);
        this.cellQ[l].backward(th, g, X, t * XB, dpre, 0, null, 0, B);
        const cr = this.cellR[l];
        if (cr) {
          const [R, ro_] = t === 0 ? [zeroR, 0] : [Rs, (t - 1) * MB];
          cr.backward(th, g, R, ro_, dpre, 0, dRprev, 0, B);
        }
        dH.set(dP);
      }
      dHcarry.set(dH);
      dR.set(dRprev);
    }
    return { loss: loss / count, outputs, grad: g };
  }
}
