/**
 * The backward pass through time of the fused engine, by hand: from the loss to every parameter,
 * over the tape the forward pass filled, last step first (the carried gradients of the hidden state,
 * the read, the memory and the head weights flow from step t + 1 to step t).
 */
import type { TaskBatch } from '../../tasks/types.ts';
import type { FusedMaps } from './forward.ts';
import { sigmoid, softplus, softplusGrad, type F64, type Kernels } from './kernels.ts';
import type { Tape } from './tape.ts';

/** Accumulates dLoss/dθ into g (the loss of forwardPass on the same tape). */
export function backwardPass(kern: Kernels, maps: FusedMaps, th: F64, g: F64, tape: Tape, batch: TaskBatch): void {
  const { B, T, ro, co, HB, L, m0, m1, MS, MB, N, NM, sr, S, eps, clamped, OB, XB, KW, KB, SB, GB, outStart, count, X, Hs, zeroH, zeroR, logits, Rs, Kf, SR, BG, dHead, Mem, nM, Ac, Ec, kh, nk, dots, cosv, ev, zv, sumE, wc, wg, sv, es, sumS, what, uv, lnw, sumU, W, ntm } = tape;
  const { dTop, dHcarry, dH, dP, dpre, dR, dRprev, dlogit, dMnew, dwCarry, dw, dRb, dA, dE, fM, du, dwgv, dsv } = tape;
  const dMnewB = Array.from({ length: ntm ? B : 0 }, (_, b) => dMnew.subarray(b * NM, (b + 1) * NM));
  const cdot = [tape.cdot0, tape.cdot1];
  const dks = [tape.dk0, tape.dk1];
  const fkh = [0, 0];
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
      maps.outY.backward(th, g, Hs, top, dlogit, 0, dTop, 0, B, t);
      if (maps.outR) maps.outR.backward(th, g, Rs, t * MB, dlogit, 0, dR, 0, B, t);
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
        // dLoss/dM_{t−1} replaces dLoss/dM_t in place
        kern.memWriteReadBackward(Mem, mp, mp + NM, N, MS, W, ((2 * b + 1) * (T + 1) + t + 1) * N, (2 * b * (T + 1) + t + 1) * N, Ac, Ec, ao, dRb, dMnewB[b], dw, dA, dE);
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
        kern.memContentBackward(Mem, mp, N, MS, kh, (2 * b * T + t) * MS, kh, ((2 * b + 1) * T + t) * MS, cdot[0], cdot[1], fM, dks[0], dks[1], dMnewB[b]);
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
      }
      for (let k = 0; k < 4; k++) maps.heads[k].backward(th, g, Hs, top, dHead[k], 0, dTop, 0, B, t);
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
      maps.cellP[l].backward(th, g, P, po, dpre, 0, dP, 0, B, t);
      maps.cellQ[l].backward(th, g, X, t * XB, dpre, 0, null, 0, B, t);
      const cr = maps.cellR[l];
      if (cr) {
        const [R, ro_] = t === 0 ? [zeroR, 0] : [Rs, (t - 1) * MB];
        cr.backward(th, g, R, ro_, dpre, 0, dRprev, 0, B, t);
      }
      dH.set(dP);
    }
    dHcarry.set(dH);
    dR.set(dRprev);
  }
}
