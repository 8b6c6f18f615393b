/**
 * Environments of a witness: its variables (scalars and matrices) built in a field from a source —
 * free symbols for the symbolic witness, sampled rationals for the identity witness.
 */
import { symbolName } from '../symbolic/nerdamer.ts';
import type { Field } from '../symbolic/field.ts';
import { add, eye, mul, transpose, type Mat } from '../symbolic/matrix.ts';
import type { Rng } from '../core/random.ts';
import type { Env, ScalarDomain, VarSpec } from './types.ts';

/** Denominator of the sampled rationals (prime). */
export const SAMPLE_DENOMINATOR = 997;

export function domainSize(d: ScalarDomain): number {
  const Q = SAMPLE_DENOMINATOR;
  switch (d) {
    case 'any':
      return 4 * Q + 1;
    case 'positive':
      return 2 * Q;
    case 'unit':
      return 2 * Q - 1;
    case 'small':
    case 'complex':
      return 2 * Math.floor(Q / 2) + 1;
  }
}

export function drawNumerator(rng: Rng, d: ScalarDomain): number {
  const Q = SAMPLE_DENOMINATOR;
  switch (d) {
    case 'any':
      return rng.int(-2 * Q, 2 * Q);
    case 'positive':
      return rng.int(1, 2 * Q);
    case 'unit':
      return rng.int(-(Q - 1), Q - 1);
    case 'small':
    case 'complex':
      return rng.int(-Math.floor(Q / 2), Math.floor(Q / 2));
  }
}


export interface Source<B> {
  base: Field<B>;
  /** A real scalar for the label (symbol or sample). */
  scalar(label: string, domain: ScalarDomain): B;
  /** Whether 'spd' is built as L Lᵀ + I (samples) or as a symmetric matrix of symbols. */
  spdAsProduct: boolean;
}

export function buildEnv<B, T>(specs: VarSpec[], F: Field<T>, src: Source<B>, lift: (b: B) => T, record: Record<string, unknown>): Env<T> {
  const scalars = new Map<string, T>();
  const matrices = new Map<string, Mat<T>>();
  const B = src.base;
  for (const v of specs) {
    if (v.kind === 'scalar') {
      const d = v.domain ?? 'any';
      if (v.value) {
        const x = B.rational(v.value[0], v.value[1]);
        scalars.set(v.name, lift(x));
        record[v.name] = B.show(x);
      } else if (d === 'complex') {
        if (!F.complex) throw new RangeError(`complex variable ${v.name} in a real witness`);
        const re = src.scalar(symbolName(`${v.name}re`), 'small');
        const im = src.scalar(symbolName(`${v.name}im`), 'small');
        scalars.set(v.name, F.fromParts(lift(re), lift(im)));
        record[v.name] = `${B.show(re)} + i·${B.show(im)}`;
      } else {
        const x = src.scalar(symbolName(v.name), d);
        scalars.set(v.name, lift(x));
        record[v.name] = B.show(x);
      }
      continue;
    }
    const structure = v.structure ?? 'general';
    const d = v.domain ?? 'small';
    let m: Mat<B>;
    if (structure === 'spd' && src.spdAsProduct) {
      const L: Mat<B> = Array.from({ length: v.rows }, (_, i) => Array.from({ length: v.rows }, (_, j) => src.scalar(`${v.name}L${i}${j}`, 'small')));
      m = add(B, mul(B, L, transpose(L)), eye(B, v.rows));
    } else {
      const sym = structure === 'symmetric' || structure === 'spd';
      const cache = new Map<string, B>();
      m = Array.from({ length: v.rows }, (_, i) =>
        Array.from({ length: v.cols }, (_, j) => {
          if (structure === 'diagonal' && i !== j) return B.zero();
          const [a, b] = sym && i > j ? [j, i] : [i, j];
          const key = `${a},${b}`;
          if (!cache.has(key)) cache.set(key, src.scalar(symbolName(v.name, a, b), d));
          return cache.get(key)!;
        }),
      );
    }
    matrices.set(v.name, m.map((row) => row.map(lift)));
    record[v.name] = m.map((row) => row.map((x) => B.show(x)));
  }
  return {
    s: (name) => {
      const x = scalars.get(name);
      if (x === undefined) throw new RangeError(`unknown scalar variable ${name}`);
      return x;
    },
    m: (name) => {
      const x = matrices.get(name);
      if (x === undefined) throw new RangeError(`unknown matrix variable ${name}`);
      return x;
    },
  };
}

