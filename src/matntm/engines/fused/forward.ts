/**
 * The forward pass of the fused engine over a whole batch (notation in ../fused.ts): cells, heads,
 * addressing, memory write and read, outputs and the BCE loss, every intermediate kept on the tape
 * for the backward pass.
 */
import type { TaskBatch } from '../../tasks/types.ts';
import type { HeadTrace } from '../../trace.ts';
import type { Bilinear } from './bilinear.ts';
import { sigmoid, softplus, type F64, type Kernels } from './kernels.ts';
import type { Tape } from './tape.ts';

/** The bilinear maps of a network: per layer the cell's P, Q (and R: the read) maps, the output maps and the four head maps. */
export interface FusedMaps {
  cellP: Bilinear[];
  cellQ: Bilinear[];
  cellR: (Bilinear | null)[];
  outY: Bilinear;
  outR: Bilinear | null;
  heads: Bilinear[];
}

/** Runs the batch forward, filling the tape and tape.outputs; returns the loss Σ BCE / tape.count. */
export function forwardPass(kern: Kernels, maps: FusedMaps, th: F64, tape: Tape, batch: TaskBatch, w0: Float32Array | null): number {
  const { count, B, T, ro, co, HB, L, m0, m1, MS, MB, N, NM, sr, S, eps, clamped, OB, XB, KW, KB, SB, GB, outStart, outputs, X, Hs, zeroH, zeroR, pre, logits, Rs, Kf, AE, SR, BG, headRaw, Mem, nM, Ac, Ec, kh, nk, dots, cosv, ev, zv, sumE, wc, wg, sv, es, sumS, what, uv, lnw, sumU, W, Rb, cfg, ntm } = tape;
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
      maps.cellP[l].forward(th, P, po, pre, 0, false, B, t);
      maps.cellQ[l].forward(th, X, xo, pre, 0, true, B, t);
      const cr = maps.cellR[l];
      if (cr) {
        const [R, ro_] = t === 0 ? [zeroR, 0] : [Rs, (t - 1) * MB];
        cr.forward(th, R, ro_, pre, 0, true, B, t);
      }
      const ho = (t * L + l) * HB;
      for (let i = 0; i < HB; i++) Hs[ho + i] = Math.tanh(pre[i]);
    }
    const top = (t * L + L - 1) * HB;
    if (ntm) {
      for (let k = 0; k < 4; k++) maps.heads[k].forward(th, Hs, top, headRaw[k], 0, false, B, t);
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
        // the slot norms of M_{t−1} were left by the write of step t − 1
        kern.memStats(Mem, mp, N, MS, kh, (2 * b * T + t) * MS, kh, ((2 * b + 1) * T + t) * MS, nM, (b * T + t) * N, dots, (2 * b * T + t) * N, dots, ((2 * b + 1) * T + t) * N, t === 0);
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
        kern.memWriteRead(Mem, mp, mp + NM, N, MS, W, ((2 * b + 1) * (T + 1) + t + 1) * N, (2 * b * (T + 1) + t + 1) * N, Ac, Ec, ao, Rb, 0, nM, t + 1 < T ? (b * T + t + 1) * N : -1);
        for (let i = 0; i < m0; i++) {
          const dst = t * MB + (i * B + b) * m1;
          for (let c = 0; c < m1; c++) Rs[dst + c] = Rb[i * m1 + c];
        }
      }
    }
    if (t >= outStart) {
      const s = t - outStart;
      const lo = s * OB;
      maps.outY.forward(th, Hs, top, logits, lo, false, B, t);
      if (maps.outR) maps.outR.forward(th, Rs, t * MB, logits, lo, true, B, t);
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
  return loss / count;
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

/** The heads and memory of the pass just run (MatNTM), as a HeadTrace. */
export function capturedTrace(tape: Tape): HeadTrace {
  return captured(tape.B, tape.T, tape.N, tape.m0, tape.m1, tape.NM, tape.W, tape.Mem, tape.outputs);
}
