/**
 * The tape of one fused pass: the batch's dimensions and every buffer the forward pass fills and the
 * backward pass reads (histories per step, batched [rows][B][cols] as the engine stores them), with
 * the backward pass's own buffers. All of them are views of the engine's kernel memory, laid out for
 * each pass, so a tape is valid until the engine's next pass.
 */
import type { ModelConfig } from '../../config.ts';
import type { TaskBatch } from '../../tasks/types.ts';
import type { F64 } from './kernels.ts';

/** The dimensions of a pass. */
export function tapeShape(cfg: ModelConfig, batch: TaskBatch, normalizer: number) {
  const ntm = cfg.model === 'matntm';
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
  const O = ro * co;
  const KW = 2 * m1;
  return {
    cfg, ntm, B, T, ri, ci, ro, co, h0, h1, HB, L, m0, m1, MS, MB, N, NM, sr, S, O, KW,
    eps: cfg.eps,
    clamped: cfg.softmax === 'clamped',
    OB: O * B,
    XB: ri * ci * B,
    KB: m0 * KW * B, // batched keys or add|erase [m0][B][2·m1]
    SB: S * 2 * B, // batched shift logits [S][B][2]
    GB: 6 * B, // batched (β̂, ĝ, γ̂) [3][B][2]
    outputSteps: batch.outputSteps,
    outStart: T - batch.outputSteps,
    count: normalizer,
  };
}

export type TapeShape = ReturnType<typeof tapeShape>;

/** The float64 buffers of a pass and their lengths (the MatNTM's are empty for the Matrix RNN). */
export function tapeSizes(d: TapeShape) {
  const { ntm, B, T, L, HB, MB, MS, N, NM, S, KB, SB, GB, OB, XB, outputSteps } = d;
  const z = (n: number) => (ntm ? n : 0);
  return {
    // forward
    X: T * XB, // inputs [t][ri][B][ci]
    Hs: T * L * HB, // [t][l][h0][B][h1]
    zeroH: HB,
    zeroR: MB,
    pre: HB,
    logits: outputSteps * OB, // [s][ro][B][co]
    Rs: z(T * MB), // reads [t][m0][B][m1]
    Kf: z(T * KB), // tanh keys [t][m0][B][2·m1]
    AE: z(T * KB), // A | E after activation
    SR: z(T * SB), // raw shift logits [t][S][B][2]
    BG: z(T * GB), // raw (β̂, ĝ, γ̂) [t][3][B][2]
    raw0: z(KB),
    raw1: z(KB),
    raw2: z(SB),
    raw3: z(GB),
    // per-sequence histories: sequence b's memory before step t at (b·(T+1) + t)·NM
    Mem: z(B * (T + 1) * NM),
    nM: z(B * T * N), // slot norms at (b·T + t)·N
    Ac: z(B * T * MS), // add matrix of sequence b at step t, contiguous, at (b·T + t)·MS
    Ec: z(B * T * MS), // erase matrix
    // per sequence and head (bh = 2b + h; index (bh·T + t))
    kh: z(2 * B * T * MS),
    nk: z(2 * B * T),
    dots: z(2 * B * T * N),
    cosv: z(2 * B * T * N),
    ev: z(2 * B * T * N),
    zv: z(2 * B * T * N),
    sumE: z(2 * B * T),
    wc: z(2 * B * T * N),
    wg: z(2 * B * T * N),
    sv: z(2 * B * T * S),
    es: z(2 * B * T * S),
    sumS: z(2 * B * T),
    what: z(2 * B * T * N),
    uv: z(2 * B * T * N),
    lnw: z(2 * B * T * N), // ln ŵ where ŵ > 0
    sumU: z(2 * B * T),
    W: z(2 * B * (T + 1) * N), // weights of head bh before step t at (bh·(T+1) + t)·N; t = 0 holds w0
    Rb: z(MS),
    // backward
    dTop: HB,
    dHcarry: HB,
    dH: HB,
    dP: HB,
    dpre: HB,
    dR: MB,
    dRprev: MB,
    dlogit: OB,
    dHead0: z(KB),
    dHead1: z(KB),
    dHead2: z(SB),
    dHead3: z(GB),
    dMnew: z(B * NM), // dLoss/dM_t of each sequence, carried backward
    dwCarry: z(2 * B * N), // dLoss/dw_t of each sequence and head, carried backward
    dw: z(2 * N),
    dRb: z(MS),
    dA: z(MS),
    dE: z(MS),
    cdot0: z(N),
    cdot1: z(N),
    fM: z(N),
    dk0: z(MS),
    dk1: z(MS),
    du: z(N),
    dwgv: z(N),
    dsv: S,
  };
}

export type TapeBuffers = Record<keyof ReturnType<typeof tapeSizes>, F64>;

/** The tape over laid-out buffers: the inputs copied in, the zero states cleared. */
export function makeTape(d: TapeShape, v: TapeBuffers, batch: TaskBatch) {
  const { T, B, ri, ci, XB } = d;
  // inputs [t][b][ri][ci] → X [t][ri][B][ci]
  const X = v.X;
  for (let t = 0; t < T; t++) {
    for (let b = 0; b < B; b++) {
      for (let i = 0; i < ri; i++) {
        const src = ((t * B + b) * ri + i) * ci;
        const dst = t * XB + (i * B + b) * ci;
        for (let j = 0; j < ci; j++) X[dst + j] = batch.inputs[src + j];
      }
    }
  }
  v.zeroH.fill(0);
  v.zeroR.fill(0);
  const outputs = new Float32Array(d.outputSteps * d.OB);
  return { ...d, ...v, outputs, headRaw: [v.raw0, v.raw1, v.raw2, v.raw3], dHead: [v.dHead0, v.dHead1, v.dHead2, v.dHead3] };
}

export type Tape = ReturnType<typeof makeTape>;
