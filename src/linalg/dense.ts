/**
 * Float64 dense helpers on ml-matrix.
 *
 * vec convention (used everywhere in matmem): vec stacks COLUMNS, so entry X[i][j] of an N×M
 * matrix sits at index i + N·j, and vec(A X B) = (Bᵀ ⊗ A) vec(X). In particular the dynamics of
 * Eq. 5 vectorize as vec X(n) = (Vᵀ ⊗ Uᵀ) vec X(n−1) + vec(W) s(n) + vec Z(n).
 */
import { CholeskyDecomposition, EigenvalueDecomposition, Matrix } from 'ml-matrix';

export type MatrixLike = Matrix | number[][];

export function toMatrix(a: MatrixLike): Matrix {
  return a instanceof Matrix ? a : new Matrix(a);
}

export function identity(n: number): Matrix {
  return Matrix.eye(n, n);
}

/** Kronecker product A ⊗ B. */
export function kron(a: Matrix, b: Matrix): Matrix {
  return a.kroneckerProduct(b);
}

/** Column-stacking vec (see the module comment for the convention). */
export function vec(x: Matrix): Float64Array {
  const rows = x.rows;
  const cols = x.columns;
  const out = new Float64Array(rows * cols);
  for (let j = 0; j < cols; j++) for (let i = 0; i < rows; i++) out[i + rows * j] = x.get(i, j);
  return out;
}

/** Inverse of vec: a rows×cols matrix from its column-stacked entries. */
export function unvec(v: ArrayLike<number>, rows: number, cols: number): Matrix {
  if (v.length !== rows * cols) throw new RangeError(`unvec: length ${v.length} is not ${rows}×${cols}`);
  const out = new Matrix(rows, cols);
  for (let j = 0; j < cols; j++) for (let i = 0; i < rows; i++) out.set(i, j, v[i + rows * j]);
  return out;
}

/** A^k for k ≥ 0 by repeated squaring (A⁰ = I, also for the zero matrix). */
export function matrixPower(a: Matrix, k: number): Matrix {
  if (!Number.isInteger(k) || k < 0) throw new RangeError(`matrixPower: k must be a non-negative integer, got ${k}`);
  let result = identity(a.rows);
  let base = a.clone();
  let e = k;
  while (e > 0) {
    if (e & 1) result = result.mmul(base);
    e >>= 1;
    if (e > 0) base = base.mmul(base);
  }
  return result;
}

export function trace(a: Matrix): number {
  let t = 0;
  for (let i = 0; i < Math.min(a.rows, a.columns); i++) t += a.get(i, i);
  return t;
}

export function frobeniusNorm(a: Matrix): number {
  return a.norm('frobenius');
}

/** ‖A − B‖_F / max(‖B‖_F, tiny): relative difference of A from the reference B. */
export function relativeDifference(a: Matrix, b: Matrix): number {
  const d = Matrix.sub(a, b).norm('frobenius');
  const ref = b.norm('frobenius');
  return ref > 0 ? d / ref : d;
}

/** |a − b| / max(|b|, tiny) for scalars. */
export function relativeScalarDifference(a: number, b: number): number {
  const d = Math.abs(a - b);
  return b !== 0 ? d / Math.abs(b) : d;
}

/** (A + Aᵀ)/2: removes the rounding asymmetry of a matrix that is symmetric in exact arithmetic. */
export function symmetrize(a: Matrix): Matrix {
  return Matrix.add(a, a.transpose()).mul(0.5);
}

/** Inverse of a symmetric positive definite matrix through its Cholesky factor; throws if not SPD. */
export function spdInverse(a: Matrix): Matrix {
  const chol = new CholeskyDecomposition(symmetrize(a));
  if (!chol.isPositiveDefinite()) throw new RangeError('matrix is not positive definite');
  return symmetrize(chol.solve(identity(a.rows)));
}

/** Eigenvalues of a symmetric matrix, ascending. */
export function symmetricEigenvalues(a: Matrix): number[] {
  return [...new EigenvalueDecomposition(symmetrize(a), { assumeSymmetric: true }).realEigenvalues].sort((x, y) => x - y);
}

/** 2-norm condition number λmax/λmin of a symmetric positive definite matrix (Infinity if singular). */
export function spdConditionNumber(a: Matrix): number {
  const ev = symmetricEigenvalues(a);
  const min = ev[0];
  const max = ev[ev.length - 1];
  return min > 0 ? max / min : Infinity;
}
