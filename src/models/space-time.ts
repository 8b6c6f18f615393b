/**
 * The space-time trace series of Eq. 28–30 (the text after Eq. 30): Σ_i Tr(A^i P A^{iᵀ}) summed term
 * by term with a rigorous remainder bound — the quantity behind ε₂ Σ_i Tr J^st_V(i,i) = N.
 */
import type { Matrix } from 'ml-matrix';
import { ModelUndefinedError } from '../errors.ts';

/** Most terms summed before the case is reported undefined (series too slow to certify). */
export const TRACE_SERIES_MAX_TERMS = 400000;
/** Stop when the remainder bound is below this fraction of the partial sum. */
const REMAINDER_TOLERANCE = 1e-15;

export interface SpaceTimeTraceSum {
  /** Σ_{i<K} Tr(A^i P A^{iᵀ}). */
  sum: number;
  /** Rigorous bound on the omitted terms. */
  remainderBound: number;
  terms: number;
}

/**
 * Σ_i Tr(A^i P A^{iᵀ}) for symmetric positive definite P with λmax(P) ≤ pMax, summed term by term
 * with the remainder bound above. Plain typed arrays: near-marginal chains need 10⁵ terms.
 */
export function spaceTimeTraceSum(a: Matrix, p: Matrix, pMax: number): SpaceTimeTraceSum {
  const N = a.rows;
  const A = Float64Array.from(a.to2DArray().flat());
  const P = Float64Array.from(p.to2DArray().flat());
  let pow = new Float64Array(N * N);
  for (let i = 0; i < N; i++) pow[i * N + i] = 1;
  let next = new Float64Array(N * N);
  let sum = 0;
  let prefixFro = 0; // Σ_{j<i} ‖A^j‖_F²
  let blockBound = Infinity; // S
  for (let k = 0; k < TRACE_SERIES_MAX_TERMS; k++) {
    // term k: Tr(A^k P A^{kᵀ}) = Σ_{r,s,t} A^k[r,s] P[s,t] A^k[r,t]
    let term = 0;
    let fro = 0;
    for (let r = 0; r < N; r++) {
      for (let s = 0; s < N; s++) {
        const ars = pow[r * N + s];
        fro += ars * ars;
        if (ars === 0) continue;
        let inner = 0;
        for (let t = 0; t < N; t++) inner += P[s * N + t] * pow[r * N + t];
        term += ars * inner;
      }
    }
    if (!Number.isFinite(fro)) break;
    if (blockBound === Infinity && k > 0 && fro < 1) blockBound = prefixFro / (1 - fro);
    if (blockBound !== Infinity) {
      const remainderBound = pMax * fro * blockBound;
      if (remainderBound <= REMAINDER_TOLERANCE * sum) return { sum, remainderBound, terms: k };
    }
    sum += term;
    prefixFro += fro;
    // pow ← pow · A
    for (let r = 0; r < N; r++) {
      for (let c = 0; c < N; c++) {
        let s = 0;
        for (let t = 0; t < N; t++) s += pow[r * N + t] * A[t * N + c];
        next[r * N + c] = s;
      }
    }
    [pow, next] = [next, pow];
  }
  throw new ModelUndefinedError(`space-time trace series not certified within ${TRACE_SERIES_MAX_TERMS} terms`, 'slow-series', { terms: TRACE_SERIES_MAX_TERMS });
}
