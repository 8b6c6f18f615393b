/**
 * The vector network of Ganguli et al. (Eq. 2 with the Fisher memory of Eq. 14), for Figure 2:
 * x(n) = A x(n−1) + v s(n) + z(n), z ~ N(0, ε I), C_n = ε Σ_k A^k A^{kᵀ},
 * J_{i,j} = vᵀ A^{iᵀ} C_n⁻¹ A^j v (Eq. 14 prints ε = 1), J(k) = J_{k,k}, J_tot = Σ_k J(k).
 */
import { Matrix } from 'ml-matrix';
import { ModelUndefinedError } from '../errors.ts';
import { identity, spdInverse, trace } from '../linalg/dense.ts';
import { spectralRadius } from '../linalg/eigen.ts';
import { solveStein } from '../linalg/stein.ts';

export interface VectorNetwork {
  /** Recurrent connectivity A (N×N). */
  A: Matrix;
  /** Feed-forward input vector v (length N). */
  v: number[];
  /** Noise variance ε (Eq. 14 as printed: 1). */
  epsilon: number;
}

export function assertVectorModelDefined(net: VectorNetwork): number {
  const r = spectralRadius(net.A);
  if (!(r < 1)) {
    throw new ModelUndefinedError(`vector model undefined: C_n = Σ A^k A^{kᵀ} needs ρ(A) < 1, but ρ(A) = ${r.toPrecision(6)}`, 'divergent', { spectralRadius: r });
  }
  return r;
}

/** Eq. 14's J(k) for k = 0..K−1, and J_tot = Tr(C_n⁻¹ G) with G = Σ_k A^k v vᵀ A^{kᵀ} (no truncation). */
export function vectorFisherMemory(net: VectorNetwork, count: number): { fmc: number[]; jtot: number; inputFisher: number } {
  assertVectorModelDefined(net);
  const N = net.A.rows;
  const cn = solveStein(net.A, identity(N).mul(net.epsilon)).solution;
  const cInv = spdInverse(cn);
  const v = Matrix.columnVector(net.v);
  const fmc: number[] = [];
  let x = v.clone();
  for (let k = 0; k < count; k++) {
    fmc.push(x.transpose().mmul(cInv).mmul(x).get(0, 0));
    x = net.A.mmul(x);
  }
  const g = solveStein(net.A, v.mmul(v.transpose())).solution;
  const inputFisher = net.v.reduce((s, a) => s + a * a, 0) / net.epsilon;
  return { fmc, jtot: trace(cInv.mmul(g)), inputFisher };
}
