import type { BilinearSpec } from '../../config.ts';
import type { F64, Kernels } from './kernels.ts';

/**
 * The bilinear map U·X·V (+ B) from [r, c] to [r2, c2] over a whole batch stored [rows][B][cols]:
 * U·X is one product [r2×r]·[r×(B·c)] and (U·X)·V one product [(r2·B)×c]·[c×c2]. Its buffers are
 * laid out with the rest of a pass (`sizes`, then `bind`).
 */
export class Bilinear {
  readonly r2: number;
  readonly r: number;
  readonly c: number;
  readonly c2: number;
  /** Vᵀ [c2×c], copied out of θ by prepare() at the start of every pass (so dZ·Vᵀ is a plain product). */
  private vt: F64 = new Float64Array(0);
  /** dZ·Vᵀ of the current backward step. */
  private w1: F64 = new Float64Array(0);
  /** U·X of every step of the pass (kept by forward for backward, which would otherwise recompute it). */
  private ux: F64 = new Float64Array(0);

  constructor(
    readonly spec: BilinearSpec,
    private readonly k: Kernels,
    /** Prefix of this map's buffer names. */
    readonly key: string,
  ) {
    this.r2 = spec.U.rows;
    this.r = spec.U.cols;
    this.c = spec.V.rows;
    this.c2 = spec.V.cols;
  }

  /** The buffers of a pass of `steps` steps over a batch of B. */
  sizes(B: number, steps: number): Record<string, number> {
    const { r2, c, c2, key } = this;
    return { [`${key}.vt`]: c * c2, [`${key}.w1`]: r2 * B * c, [`${key}.ux`]: steps * r2 * B * c };
  }

  /** Takes this map's buffers from a pass's layout and copies Vᵀ out of θ. */
  bind(views: Record<string, F64>, th: F64): void {
    this.vt = views[`${this.key}.vt`];
    this.w1 = views[`${this.key}.w1`];
    this.ux = views[`${this.key}.ux`];
    const { c, c2 } = this;
    const vo = this.spec.V.offset;
    for (let p = 0; p < c; p++) for (let j = 0; j < c2; j++) this.vt[j * c + p] = th[vo + p * c2 + j];
  }

  /** Z (+)= U·X·V (+ B) for X [r][B][c] at xo, Z [r2][B][c2] at zo; U·X kept as step `step`. */
  forward(th: F64, X: F64, xo: number, Z: F64, zo: number, acc: boolean, B: number, step: number): void {
    const { U, V, B: bias } = this.spec;
    const { r2, r, c, c2, k } = this;
    const uo = step * r2 * B * c;
    k.mm(th, U.offset, X, xo, this.ux, uo, r2, r, B * c, false); // U·X [r2 × (B·c)]
    k.mm(this.ux, uo, th, V.offset, Z, zo, r2 * B, c, c2, acc); // (U·X)·V [(r2·B) × c2]
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

  /** Given dZ of step `step`: dU += dZ·Vᵀ·Xᵀ, dV += (U·X)ᵀ·dZ, dB += Σ_b dZ, and dX += Uᵀ·dZ·Vᵀ when dX is given. */
  backward(th: F64, g: F64, X: F64, xo: number, dZ: F64, dzo: number, dX: F64 | null, dxo: number, B: number, step: number): void {
    const { U, V, B: bias } = this.spec;
    const { r2, r, c, c2, k } = this;
    k.mm(dZ, dzo, this.vt, 0, this.w1, 0, r2 * B, c2, c, false); // D = dZ·Vᵀ [(r2·B) × c]
    k.mmTB(this.w1, 0, X, xo, g, U.offset, r2, B * c, r); // dU += D·Xᵀ, D as [r2 × (B·c)]
    if (dX) k.mmTA(th, U.offset, this.w1, 0, dX, dxo, r, r2, B * c); // dX += Uᵀ·D
    k.mmTA(this.ux, step * r2 * B * c, dZ, dzo, g, V.offset, c, r2 * B, c2); // dV += (U·X)ᵀ·dZ, U·X kept by forward
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
