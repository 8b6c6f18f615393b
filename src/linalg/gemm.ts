/**
 * C = A·B on row-major Float64Arrays (with offsets), the kernel behind the Kronecker products of the
 * exact model. Two rows of C and four terms of the sum per pass over a row of B: six loads and two
 * stores per eight multiply-adds, which is what makes these products fast in V8 (a plain triple
 * loop does one multiply-add per two loads). Tested against ml-matrix's mmul.
 */

/**
 * C[m×p] = A[m×k]·B[k×p] (overwrites C), A's rows at aOff + i·k, B's at bOff + r·p, C's at cOff + i·p.
 */
export function gemm(A: Float64Array, aOff: number, B: Float64Array, bOff: number, C: Float64Array, cOff: number, m: number, k: number, p: number): void {
  const k4 = k - (k & 3);
  let i = 0;
  for (; i + 1 < m; i += 2) {
    const a0 = aOff + i * k;
    const a1 = a0 + k;
    const c0 = cOff + i * p;
    const c1 = c0 + p;
    C.fill(0, c0, c1 + p);
    let r = 0;
    for (; r < k4; r += 4) {
      const x0 = A[a0 + r], x1 = A[a0 + r + 1], x2 = A[a0 + r + 2], x3 = A[a0 + r + 3];
      const y0 = A[a1 + r], y1 = A[a1 + r + 1], y2 = A[a1 + r + 2], y3 = A[a1 + r + 3];
      const b0 = bOff + r * p;
      const b1 = b0 + p;
      const b2 = b1 + p;
      const b3 = b2 + p;
      for (let j = 0; j < p; j++) {
        const u0 = B[b0 + j], u1 = B[b1 + j], u2 = B[b2 + j], u3 = B[b3 + j];
        C[c0 + j] += x0 * u0 + x1 * u1 + x2 * u2 + x3 * u3;
        C[c1 + j] += y0 * u0 + y1 * u1 + y2 * u2 + y3 * u3;
      }
    }
    for (; r < k; r++) {
      const x = A[a0 + r];
      const y = A[a1 + r];
      const b = bOff + r * p;
      for (let j = 0; j < p; j++) {
        const u = B[b + j];
        C[c0 + j] += x * u;
        C[c1 + j] += y * u;
      }
    }
  }
  if (i < m) {
    const a0 = aOff + i * k;
    const c0 = cOff + i * p;
    C.fill(0, c0, c0 + p);
    for (let r = 0; r < k; r++) {
      const x = A[a0 + r];
      const b = bOff + r * p;
      for (let j = 0; j < p; j++) C[c0 + j] += x * B[b + j];
    }
  }
}
