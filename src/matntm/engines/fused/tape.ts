/**
 * The tape of one fused pass: the batch's dimensions and every buffer the forward pass fills and the
 * backward pass reads (histories per step, batched [rows][B][cols] as the engine stores them). The
 * buffers come from the engine's pool, so a tape is valid until the engine's next pass.
 */
import type { ModelConfig } from '../../config.ts';
import type { TaskBatch } from '../../tasks/types.ts';
import type { F64 } from './kernels.ts';

export type BufferPool = (key: string, n: number) => F64;

export function makeTape(cfg: ModelConfig, batch: TaskBatch, normalizer: number, buf: BufferPool) {
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
  const X = buf('X', T * XB);
  for (let t = 0; t < T; t++) {
    for (let b = 0; b < B; b++) {
      for (let i = 0; i < ri; i++) {
        const src = ((t * B + b) * ri + i) * ci;
        const dst = ((t * ri + i) * B + b) * ci;
        for (let j = 0; j < ci; j++) X[dst + j] = batch.inputs[src + j];
      }
    }
  }
  const Hs = buf('Hs', T * L * HB); // [t][l][h0][B][h1]
  const zeroH = buf('zeroH', HB);
  const zeroR = buf('zeroR', MB);
  const pre = buf('pre', HB);
  const logits = buf('logits', batch.outputSteps * OB); // [s][ro][B][co]
  const E0 = new Float64Array(0);
  const z = (key: string, n: number): F64 => (ntm ? buf(key, n) : E0);
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

  return { cfg, ntm, B, T, ri, ci, ro, co, h0, h1, HB, L, m0, m1, MS, MB, N, NM, sr, S, eps, clamped, O, OB, XB, KW, KB, SB, GB, outStart, count, outputs, X, Hs, zeroH, zeroR, pre, logits, E0, z, Rs, Kf, AE, SR, BG, headRaw, dHead, Mem, nM, Ac, Ec, kh, nk, dots, cosv, ev, zv, sumE, wc, wg, sv, es, sumS, what, uv, lnw, sumU, W, Rb };
}

export type Tape = ReturnType<typeof makeTape>;
