/** A case of the linear system of Eq. 5: connectivity U, V, input matrix W, noise levels ε₁, ε₂. */
import { Matrix } from 'ml-matrix';
import { InputError } from '../errors.ts';

export interface MatrixCase {
  U: Matrix;
  V: Matrix;
  W: Matrix;
  /** Row-wise noise variance ε₁ of Z ~ MN(0, ε₁I, ε₂I). */
  e1: number;
  /** Column-wise noise variance ε₂. */
  e2: number;
}

export function caseSize(c: MatrixCase): number {
  return c.U.rows;
}

/** Validate a numeric 2-D array as a matrix; `name` goes into the error message. */
export function matrixFromRows(name: string, rows: unknown): Matrix {
  if (!Array.isArray(rows)) throw new InputError(`${name} must be a 2-D array of numbers`);
  if (rows.length === 0) throw new InputError(`${name} is empty`);
  const width = Array.isArray(rows[0]) ? rows[0].length : -1;
  if (width <= 0) throw new InputError(`${name} must be a 2-D array of numbers (row 1 is not a non-empty array)`);
  rows.forEach((row, i) => {
    if (!Array.isArray(row)) throw new InputError(`${name}: row ${i + 1} is not an array`);
    if (row.length !== width) throw new InputError(`${name}: ragged rows (row 1 has ${width} entries, row ${i + 1} has ${row.length})`);
    row.forEach((x, j) => {
      if (typeof x !== 'number') throw new InputError(`${name}[${i + 1}][${j + 1}] is not a number (${JSON.stringify(x)})`);
      if (!Number.isFinite(x)) throw new InputError(`${name}[${i + 1}][${j + 1}] is not finite (${x})`);
    });
  });
  return new Matrix(rows as number[][]);
}

/**
 * Ranges of the noise variances and of W inside which the float64 Stein solvers neither overflow nor
 * underflow (squares of covariances near 1e300 do). Nothing is lost by them: the mean of X(n) is linear
 * in W and its covariance proportional to ε₁ε₂, so every FMC value and J_tot scales exactly as
 * ‖W‖²/(ε₁ε₂) (J_tot,rel not at all).
 */
export const NOISE_RANGE: readonly [number, number] = [1e-100, 1e100];
export const NOISE_PRODUCT_RANGE: readonly [number, number] = [1e-150, 1e150];
export const W_ENTRY_MAX = 1e100;
/** U and V are bounded like W: larger entries overflow the products of the Stein solvers (and no stable U, V needs them). */
export const CONNECTIVITY_ENTRY_MAX = 1e100;
/**
 * The range of ‖W‖²_F/(ε₁ε₂), the scale of every J(k) and of I(W): outside it I(W) or J_tot under- or
 * overflows in float64 and J_tot,rel = J_tot/I(W) would come out 0/0 or ∞/∞.
 */
export const FISHER_SCALE_RANGE: readonly [number, number] = [1e-300, 1e300];
const RESCALE_HINT = 'J(k) and J_tot scale exactly as ‖W‖²/(ε₁ε₂), so compute with rescaled values (e.g. e1 = e2 = 1) and multiply';

/** Check shapes, noise levels and ranges; throws InputError naming the problem. */
export function validateCase(c: MatrixCase): MatrixCase {
  const n = c.U.rows;
  for (const [name, m] of [['U', c.U], ['V', c.V], ['W', c.W]] as const) {
    if (m.rows !== m.columns) throw new InputError(`${name} must be square, got ${m.rows}×${m.columns}`);
    if (m.rows !== n) throw new InputError(`U, V and W must have the same size: U is ${n}×${n}, ${name} is ${m.rows}×${m.columns}`);
  }
  for (const [name, e] of [['e1', c.e1], ['e2', c.e2]] as const) {
    if (typeof e !== 'number' || !Number.isFinite(e)) throw new InputError(`${name} (noise variance) must be a finite number, got ${e}`);
    if (e <= 0) throw new InputError(`${name} (noise variance) must be positive, got ${e}`);
    if (e < NOISE_RANGE[0] || e > NOISE_RANGE[1]) throw new InputError(`${name} = ${e} is outside [${NOISE_RANGE[0]}, ${NOISE_RANGE[1]}]; ${RESCALE_HINT}`);
  }
  const product = c.e1 * c.e2;
  if (product < NOISE_PRODUCT_RANGE[0] || product > NOISE_PRODUCT_RANGE[1]) {
    throw new InputError(`e1·e2 = ${product} is outside [${NOISE_PRODUCT_RANGE[0]}, ${NOISE_PRODUCT_RANGE[1]}], where the float64 solvers stay accurate; ${RESCALE_HINT}`);
  }
  for (const [name, m] of [['U', c.U], ['V', c.V]] as const) {
    const big = Math.max(m.max(), -m.min());
    if (big > CONNECTIVITY_ENTRY_MAX) throw new InputError(`${name} has an entry of size ${big}, above ${CONNECTIVITY_ENTRY_MAX} (the float64 solvers would overflow; a stable ${name} needs no such entry)`);
  }
  const wMax = Math.max(c.W.max(), -c.W.min());
  if (wMax > W_ENTRY_MAX) throw new InputError(`W has an entry of size ${wMax}, above ${W_ENTRY_MAX}; ${RESCALE_HINT}`);
  if (wMax > 0) {
    // log10 of ‖W‖²/(ε₁ε₂), computed without under- or overflow
    const scaled = c.W.to2DArray().reduce((s, row) => s + row.reduce((t, x) => t + (x / wMax) ** 2, 0), 0);
    const log10Scale = 2 * Math.log10(wMax) + Math.log10(scaled) - Math.log10(c.e1) - Math.log10(c.e2);
    if (log10Scale < Math.log10(FISHER_SCALE_RANGE[0]) || log10Scale > Math.log10(FISHER_SCALE_RANGE[1])) {
      throw new InputError(`‖W‖²/(ε₁ε₂) = 1e${log10Scale.toFixed(0)} is outside [${FISHER_SCALE_RANGE[0]}, ${FISHER_SCALE_RANGE[1]}]: I(W) and J_tot would ${log10Scale < 0 ? 'underflow to 0' : 'overflow'} in float64 and J_tot,rel = J_tot/I(W) be undefined; ${RESCALE_HINT}`);
    }
  }
  return c;
}

export function makeCase(u: number[][], v: number[][], w: number[][], e1 = 1, e2 = 1): MatrixCase {
  return validateCase({ U: matrixFromRows('U', u), V: matrixFromRows('V', v), W: matrixFromRows('W', w), e1, e2 });
}
