import type { BilinearSpec } from '../../config.ts';
import { mm, mmTA, mmTB, type F64 } from './kernels.ts';

/**
 * The bilinear map U·X·V (+ B) from [r, c] to [r2, c2] over a whole batch stored [rows][B][cols]:
 * U·X is one product [r2×r]·[r×(B·c)] and (U·X)·V one product [(r2·B)×c]·[c×c2].
 */
export class Bilinear {
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

