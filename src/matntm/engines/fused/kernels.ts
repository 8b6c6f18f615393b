/** Dense kernels of the fused engine on float64 typed arrays: small matrix products and the activations. */

export type F64 = Float64Array;

/**
 * C[n×m] (+)= A·B with B [k×m] row-major and A's entry (i, p) at A[ao + i·ais + p·aps]
 * (A itself: ais = k, aps = 1; Aᵀ of a [k×n] matrix: ais = 1, aps = n). Two rows of C and four
 * terms of the sum per pass over a row of B: six loads per eight multiply-adds, instead of three
 * per one, which is what makes these small products fast in V8.
 */
export function gemm(A: F64, ao: number, ais: number, aps: number, B: F64, bo: number, C: F64, co: number, n: number, k: number, m: number, acc: boolean): void {
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
export function mm(A: F64, ao: number, B: F64, bo: number, C: F64, co: number, n: number, k: number, m: number, acc: boolean): void {
  gemm(A, ao, k, 1, B, bo, C, co, n, k, m, acc);
}

/** C[n×m] += Aᵀ·B with A [k×n], B [k×m]. */
export function mmTA(A: F64, ao: number, B: F64, bo: number, C: F64, co: number, n: number, k: number, m: number): void {
  gemm(A, ao, 1, n, B, bo, C, co, n, k, m, true);
}

/** C[n×m] += A·Bᵀ with A [n×k], B [m×k]: dot products, four columns of C per pass over a row of A. */
export function mmTB(A: F64, ao: number, B: F64, bo: number, C: F64, co: number, n: number, k: number, m: number): void {
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

export const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));
/** torch.nn.Softplus(threshold = 20). */
export const softplus = (x: number): number => (x > 20 ? x : Math.log1p(Math.exp(x)));
export const softplusGrad = (x: number): number => (x > 20 ? 1 : sigmoid(x));

