/**
 * Discrete Stein (discrete Lyapunov) equations X = A X Aᵀ + Q, solved by Smith's doubling:
 * X₀ = Q, A₀ = A, X_{j+1} = X_j + A_j X_j A_jᵀ, A_{j+1} = A_j², so X_j = Σ_{k<2^j} A^k Q A^{kᵀ}.
 * (mathjs's `lyap` is continuous-time only, and its `schur` is an unshifted QR iteration that
 * does not converge for eigenvalues of equal modulus, so neither can serve here.)
 * Every solver returns the relative residual ‖X − A X Aᵀ − Q‖_F / ‖X‖_F with the solution.
 */
import { Matrix } from 'ml-matrix';
import { gemm } from './gemm.ts';
import { sharedFloat64, TwoThreadRunner, twoThreadsWanted } from './two-threads.ts';
import { PARALLEL_MIN_N, sandwichPhase, SANDWICH_PHASES, type SandwichBuffers } from './sandwich-phases.ts';

export class SteinNotConvergentError extends Error {
  override name = 'SteinNotConvergentError';
}

export interface SteinSolution<T> {
  solution: T;
  relativeResidual: number;
  iterations: number;
  /** Threads that computed the Kronecker sandwiches (solveKroneckerStein). */
  threads?: number;
}

const MAX_DOUBLINGS = 64;
/** Stop when the next doubling term is below this fraction of the sum (below float64 resolution). */
const DOUBLING_TOLERANCE = 1e-17;

/** Dense X = A X Aᵀ + Q for a small matrix A (N×N), on row-major typed arrays with the blocked gemm. */
export function solveStein(a: Matrix, q: Matrix): SteinSolution<Matrix> {
  const n = a.rows;
  const nn = n * n;
  const x = Float64Array.from(q.to1DArray());
  const q0 = Float64Array.from(x);
  let ak = Float64Array.from(a.to1DArray());
  const akT = new Float64Array(nn);
  const t1 = new Float64Array(nn);
  const term = new Float64Array(nn);
  const sq = new Float64Array(nn);
  const transposeInto = (src: Float64Array, dst: Float64Array) => {
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) dst[j * n + i] = src[i * n + j];
  };
  const frob2 = (v: Float64Array) => {
    let s = 0;
    for (let i = 0; i < v.length; i++) s += v[i] * v[i];
    return s;
  };
  let iterations = 0;
  let xNorm2 = frob2(x);
  for (; iterations < MAX_DOUBLINGS; iterations++) {
    transposeInto(ak, akT);
    gemm(ak, 0, x, 0, t1, 0, n, n, n);
    gemm(t1, 0, akT, 0, term, 0, n, n, n);
    for (let i = 0; i < nn; i++) x[i] += term[i];
    const termNorm = Math.sqrt(frob2(term));
    xNorm2 = frob2(x);
    if (!Number.isFinite(xNorm2)) break;
    if (termNorm <= DOUBLING_TOLERANCE * Math.sqrt(xNorm2) && frob2(ak) <= 1e-8) break;
    gemm(ak, 0, ak, 0, sq, 0, n, n, n);
    ak = Float64Array.from(sq);
  }
  if (!Number.isFinite(xNorm2) || iterations >= MAX_DOUBLINGS) {
    throw new SteinNotConvergentError('Stein equation X = A X Aᵀ + Q has no convergent solution (spectral radius of A is not below 1)');
  }
  // the residual X − A X Aᵀ − Q with the original A
  const a0 = Float64Array.from(a.to1DArray());
  transposeInto(a0, akT);
  gemm(a0, 0, x, 0, t1, 0, n, n, n);
  gemm(t1, 0, akT, 0, term, 0, n, n, n);
  let res = 0;
  for (let i = 0; i < nn; i++) {
    const r = x[i] - term[i] - q0[i];
    res += r * r;
  }
  const xNorm = Math.sqrt(xNorm2);
  return { solution: Matrix.from1DArray(n, n, x), relativeResidual: xNorm > 0 ? Math.sqrt(res) / xNorm : Math.sqrt(res), iterations: iterations + 1 };
}

/** U/s and Vs for the power of two s with ‖U/s‖_F ≈ ‖Vs‖_F (unchanged when either is zero or not finite). */
function balanced(u: Matrix, v: Matrix): [Matrix, Matrix] {
  const nu = u.norm('frobenius');
  const nv = v.norm('frobenius');
  if (!(nu > 0 && nv > 0 && Number.isFinite(nu) && Number.isFinite(nv))) return [u, v];
  const k = Math.round(0.5 * Math.log2(nu / nv));
  return k === 0 ? [u, v] : [u.mul(2 ** -k), v.mul(2 ** k)];
}

/**
 * The N²×N² Stein equation of the vectorized dynamics, X = 𝒜 X 𝒜ᵀ + Q with 𝒜 = Vᵀ ⊗ Uᵀ
 * (so 𝒜 vec Y = vec(Uᵀ Y V)). Never forms 𝒜: one application 𝒜 X 𝒜ᵀ costs 4N⁵ multiply-adds
 * instead of 2N⁶, and the doubling keeps the Kronecker form, 𝒜^{2^j} = (V^{2^j})ᵀ ⊗ (U^{2^j})ᵀ.
 * X and Q are n×n (n = N²) row-major Float64Arrays.
 */
export function solveKroneckerStein(u: Matrix, v: Matrix, q: Float64Array, options: { threads?: number } = {}): SteinSolution<Float64Array> {
  const N = u.rows;
  const n = N * N;
  if (q.length !== n * n) throw new RangeError(`Q must be ${n}×${n}`);
  // from N = PARALLEL_MIN_N the sandwich runs on two threads over shared memory (bit-identical results)
  const x = N >= PARALLEL_MIN_N && twoThreadsWanted(options.threads) ? sharedFloat64(n * n) : new Float64Array(n * n);
  x.set(q);
  // 𝒜^{2^j} = (V^{2^j} s)ᵀ ⊗ (U^{2^j}/s)ᵀ for any s > 0: rebalancing the two factors by a power of
  // two after each squaring keeps U^{2^j} and V^{2^j} from overflowing and underflowing apart when
  // ρ(U) > 1 > ρ(V) (only ρ(U)ρ(V) < 1 matters); scaling by a power of two is exact, so the balanced
  // factors round exactly as the unbalanced ones would have, wherever those did not overflow.
  let [uj, vj] = balanced(u.clone(), v.clone());
  const work = new KroneckerWork(N, options.threads);
  let iterations = 0;
  let converged = false;
  for (; iterations < MAX_DOUBLINGS; iterations++) {
    const term = work.sandwich(x, uj, vj);
    let termNorm = 0;
    let xNorm = 0;
    for (let i = 0; i < x.length; i++) {
      x[i] += term[i];
      termNorm += term[i] * term[i];
      xNorm += x[i] * x[i];
    }
    if (!Number.isFinite(xNorm)) break;
    const aNorm2 = uj.norm('frobenius') ** 2 * vj.norm('frobenius') ** 2;
    if (Math.sqrt(termNorm) <= DOUBLING_TOLERANCE * Math.sqrt(xNorm) && aNorm2 <= 1e-8) {
      converged = true;
      break;
    }
    [uj, vj] = balanced(uj.mmul(uj), vj.mmul(vj));
  }
  if (!converged) {
    throw new SteinNotConvergentError('Stein equation of the vectorized dynamics has no convergent solution (ρ(U)·ρ(V) is not below 1)');
  }
  const ax = work.sandwich(x, u, v);
  let res = 0;
  let xn = 0;
  for (let i = 0; i < x.length; i++) {
    const r = x[i] - ax[i] - q[i];
    res += r * r;
    xn += x[i] * x[i];
  }
  // symmetric in exact arithmetic when Q is: remove rounding asymmetry
  symmetrizeInPlace(x, n);
  return { solution: x, relativeResidual: Math.sqrt(res) / (Math.sqrt(xn) || 1), iterations: iterations + 1, threads: work.threadsUsed };
}

/**
 * The relative residual ‖X − 𝒜 X 𝒜ᵀ − Q‖_F / ‖X‖_F of a solution of the vectorized Stein equation.
 * Exact (one Kronecker sandwich, ≈ 4N⁵ multiply-adds) below N = 48; from there estimated from
 * `probes` (8) Gaussian vectors z (E‖R z‖² = ‖R‖_F², so the sum over probes estimates P·‖R‖_F², and
 * the same for X): three products of an n×n matrix with the n×P block of probes, and 4P small ones.
 */
export function kroneckerSteinResidual(u: Matrix, v: Matrix, q: Float64Array, x: Float64Array, options: { threads?: number; probes?: number; seed?: number; estimate?: boolean } = {}): { relativeResidual: number; estimated: boolean } {
  const N = u.rows;
  const n = N * N;
  if (!(options.estimate ?? N >= 48)) {
    const ax = new KroneckerWork(N, options.threads).sandwich(x, u, v);
    let res = 0;
    let xn = 0;
    for (let i = 0; i < x.length; i++) {
      const r = x[i] - ax[i] - q[i];
      res += r * r;
      xn += x[i] * x[i];
    }
    return { relativeResidual: Math.sqrt(res) / (Math.sqrt(xn) || 1), estimated: false };
  }
  const P = options.probes ?? 8;
  // 𝒜ᵀ y = vec(U Y Vᵀ): the Kronecker product of the transposes
  const fwd = new KroneckerWork(N);
  fwd.loadFactors(u, v);
  const back = new KroneckerWork(N);
  back.loadFactors(u.transpose(), v.transpose());
  let state = (options.seed ?? 1) >>> 0 || 1;
  const uniform = () => {
    // xorshift32: a fixed, seeded stream (the estimate is reproducible)
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return ((state >>> 0) + 0.5) / 4294967296;
  };
  const gauss = (): number => Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
  // the probes as the columns of Z [n × P], and 𝒜ᵀ z_p as the columns of Y [n × P]: X, Q act on all at once
  const Z = new Float64Array(n * P);
  const Y = new Float64Array(n * P);
  const z = new Float64Array(n);
  const t = new Float64Array(n);
  for (let p = 0; p < P; p++) {
    for (let i = 0; i < n; i++) z[i] = Z[i * P + p] = gauss();
    back.applyToVector(z, 0, t, 0);
    for (let i = 0; i < n; i++) Y[i * P + p] = t[i];
  }
  const XZ = new Float64Array(n * P);
  const XY = new Float64Array(n * P);
  const QZ = new Float64Array(n * P);
  gemm(x, 0, Z, 0, XZ, 0, n, n, P);
  gemm(x, 0, Y, 0, XY, 0, n, n, P);
  gemm(q, 0, Z, 0, QZ, 0, n, n, P);
  let res = 0;
  let xn = 0;
  for (let p = 0; p < P; p++) {
    for (let i = 0; i < n; i++) z[i] = XY[i * P + p];
    fwd.applyToVector(z, 0, t, 0); // 𝒜 X 𝒜ᵀ z_p
    for (let i = 0; i < n; i++) {
      const xz = XZ[i * P + p];
      const r = xz - t[i] - QZ[i * P + p];
      res += r * r;
      xn += xz * xz;
    }
  }
  return { relativeResidual: Math.sqrt(res) / (Math.sqrt(xn) || 1), estimated: true };
}

/** 𝒜 y = vec(Uᵀ Y V) for y = vec Y, with 𝒜 = Vᵀ ⊗ Uᵀ. */
export function applyKronecker(u: Matrix, v: Matrix, y: ArrayLike<number>): Float64Array {
  return kroneckerOperator(u, v)(y);
}

/**
 * y ↦ 𝒜 y for one U and V, with their factors and scratch set up once (a series applies 𝒜 hundreds
 * of times per case); each call returns a new array, computed as applyKronecker computes it.
 */
export function kroneckerOperator(u: Matrix, v: Matrix): (y: ArrayLike<number>) => Float64Array {
  const work = new KroneckerWork(u.rows);
  work.loadFactors(u, v);
  return (y) => {
    const out = new Float64Array(y.length);
    work.applyToVector(y instanceof Float64Array ? y : Float64Array.from(y), 0, out, 0);
    return out;
  };
}

function symmetrizeInPlace(x: Float64Array, n: number): void {
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const m = 0.5 * (x[i * n + j] + x[j * n + i]);
      x[i * n + j] = m;
      x[j * n + i] = m;
    }
  }
}

/** Scratch space and kernels for products with 𝒜 = Vᵀ ⊗ Uᵀ on typed arrays. */
class KroneckerWork {
  private readonly n: number;
  private readonly ut: Float64Array; // Uᵀ row-major
  private readonly vm: Float64Array; // V row-major
  private readonly tmp: Float64Array; // N×N scratch (column-major Y·V)
  constructor(private readonly N: number, private readonly threadsWanted?: number) {
    this.n = N * N;
    this.ut = new Float64Array(this.n);
    this.vm = new Float64Array(this.n);
    this.tmp = new Float64Array(this.n);
  }

  loadFactors(u: Matrix, v: Matrix): void {
    const N = this.N;
    for (let i = 0; i < N; i++) {
      for (let j = 0; j < N; j++) {
        this.ut[i * N + j] = u.get(j, i);
        this.vm[i * N + j] = v.get(i, j);
      }
    }
  }

  /** out[oOff..] = vec(Uᵀ Y V) with Y = unvec(y[yOff..]) (column-major N×N). */
  applyToVector(y: Float64Array, yOff: number, out: Float64Array, oOff: number): void {
    const N = this.N;
    const ut = this.ut;
    const vm = this.vm;
    const t = this.tmp;
    // t = Y V (column-major): t[i + N c] = Σ_l Y[i, l] V[l, c]
    t.fill(0);
    for (let l = 0; l < N; l++) {
      const yCol = yOff + N * l;
      for (let c = 0; c < N; c++) {
        const vlc = vm[l * N + c];
        const tCol = N * c;
        for (let i = 0; i < N; i++) t[tCol + i] += y[yCol + i] * vlc;
      }
    }
    // out = Uᵀ t: out[i + N c] = Σ_m Uᵀ[i, m] t[m + N c]
    for (let c = 0; c < N; c++) {
      const tCol = N * c;
      for (let i = 0; i < N; i++) {
        let s = 0;
        const row = i * N;
        for (let m = 0; m < N; m++) s += ut[row + m] * t[tCol + m];
        out[oOff + tCol + i] = s;
      }
    }
  }

  private buffers: SandwichBuffers | null = null;
  private runner: TwoThreadRunner | null = null;

  /** Threads of the last sandwich. */
  get threadsUsed(): number {
    return this.runner?.threads ?? 1;
  }

  /**
   * 𝒜 X 𝒜ᵀ for a row-major n×n X (n = N²), as four mode products of X seen as the 4-tensor
   * X[j, i, l, k] (row (i, j), column (k, l), vec index i + N·j): U acts on i and k, V on j and l
   * ((Uᵀ Y V)[a, b] = Σ U[i, a] Y[i, j] V[j, b]). Each mode product is one matrix product (or N or N²
   * small ones), N⁵ multiply-adds each (sandwich-phases.ts); on shared memory a worker thread takes
   * half of each. The result lives in this object's scratch until the next call.
   */
  sandwich(x: Float64Array, u: Matrix, v: Matrix): Float64Array {
    const N = this.N;
    const n = this.n;
    const shared = x.buffer instanceof SharedArrayBuffer;
    if (!this.buffers || this.buffers.x !== x) {
      const alloc = (len: number) => (shared ? sharedFloat64(len) : new Float64Array(len));
      this.buffers = { N, x, y1: this.buffers?.y1 ?? alloc(n * n), y2: this.buffers?.y2 ?? alloc(n * n), factors: this.buffers?.factors ?? alloc(3 * n) };
      this.runner = shared ? new TwoThreadRunner('sandwich', this.buffers as unknown as Record<string, unknown>, this.threadsWanted) : null;
    }
    const f = this.buffers.factors;
    f.set(u.to1DArray(), 0);
    f.set(u.transpose().to1DArray(), n);
    f.set(v.transpose().to1DArray(), 2 * n);
    const b = this.buffers;
    for (let phase = 0; phase < SANDWICH_PHASES; phase++) {
      if (this.runner) {
        this.runner.run(phase, () => sandwichPhase(b, phase, 0), () => sandwichPhase(b, phase, 1));
      } else {
        sandwichPhase(b, phase, 0);
        sandwichPhase(b, phase, 1);
      }
    }
    return this.buffers.y2;
  }
}
