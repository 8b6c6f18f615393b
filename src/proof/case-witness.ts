/** Helpers for float64 witnesses: case witnesses and tolerances derived from conditioning. */
import { Matrix } from 'ml-matrix';
import type { MatrixCase } from '../models/case.ts';
import { spdConditionNumber } from '../linalg/dense.ts';
import { ModelUndefinedError } from '../errors.ts';
import { describeCase, EPS } from '../cases/witness-cases.ts';
import type { Rng } from '../core/random.ts';
import type { NumericOutcome, NumericWitnessSpec } from './types.ts';

/** A numeric witness over generated MatrixCases; model-undefined cases are skipped and counted. */
export function caseWitness(inputs: string, generate: (rng: Rng) => MatrixCase, evaluate: (c: MatrixCase) => NumericOutcome, count?: number): NumericWitnessSpec<MatrixCase> {
  return {
    type: 'numeric',
    inputs,
    generate: (rng) => generate(rng),
    evaluate: (c) => {
      try {
        return evaluate(c);
      } catch (e) {
        if (e instanceof ModelUndefinedError) return { relation: 'eq', lhs: 0, rhs: 0, tolerance: 0, toleranceReason: '', skip: e.message };
        throw e;
      }
    },
    describe: describeCase,
    ...(count ? { count } : {}),
  };
}

/**
 * Tolerance for comparing two float64 evaluations of quantities that are equal in exact arithmetic:
 * each is a short chain of products (≤ 12 factors, N ≤ 4) through inverses of SPD matrices with
 * condition numbers κ, so the rounding error is ≲ c·N²·ε·κ·scale; we take c = 1e3 (generous: the
 * chains are short) and scale = max |value| + 1e-300.
 */
export function roundingTolerance(values: number[], N: number, kappa: number): { tolerance: number; reason: string } {
  const scale = Math.max(...values.map(Math.abs), 1e-300);
  const tolerance = 1e3 * N * N * EPS * Math.max(1, kappa) * scale;
  return { tolerance, reason: `1e3·N²·ε·κ·scale with N = ${N}, κ = ${kappa.toExponential(2)} (product of SPD condition numbers), scale = ${scale.toExponential(2)}` };
}

export function condProduct(...ms: Matrix[]): number {
  return ms.reduce((p, m) => p * spdConditionNumber(m), 1);
}

export function eqOutcome(lhs: number | number[], rhs: number | number[], N: number, kappa: number, values?: Record<string, unknown>): NumericOutcome {
  const all = [...(Array.isArray(lhs) ? lhs : [lhs]), ...(Array.isArray(rhs) ? rhs : [rhs])];
  const t = roundingTolerance(all, N, kappa);
  return { relation: 'eq', lhs, rhs, tolerance: t.tolerance, toleranceReason: t.reason, ...(values ? { values } : {}) };
}

export function leOutcome(lhs: number | number[], rhs: number | number[], N: number, kappa: number, values?: Record<string, unknown>): NumericOutcome {
  return { ...eqOutcome(lhs, rhs, N, kappa, values), relation: 'le' };
}

export function flat(m: Matrix): number[] {
  return m.to2DArray().flat();
}
