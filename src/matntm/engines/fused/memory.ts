/** The MatNTM memory on one sequence (N slots of MS entries): content statistics, write then read, and their backward passes. */
import type { F64 } from './kernels.ts';

/** One pass over the memory M (N slots of MS entries at mo): slot norms and both heads' inner products. */
export function memStats(M: F64, mo: number, N: number, MS: number, k0: F64, k0o: number, k1: F64, k1o: number, nM: F64, no: number, d0: F64, d0o: number, d1: F64, d1o: number): void {
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
export function memWriteRead(M: F64, mp: number, mn: number, N: number, MS: number, W: F64, wwo: number, wro: number, A: F64, E: F64, ao: number, R: F64, ro: number): void {
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
export function memWriteReadBackward(M: F64, mp: number, mn: number, N: number, MS: number, W: F64, wwo: number, wro: number, A: F64, E: F64, ao: number, dR: F64, dMnew: F64, dMprev: F64, dw: F64, dA: F64, dE: F64): void {
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
export function memContentBackward(M: F64, mp: number, N: number, MS: number, k0: F64, k0o: number, k1: F64, k1o: number, c0: F64, c1: F64, f: F64, dk0: F64, dk1: F64, dMprev: F64): void {
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
