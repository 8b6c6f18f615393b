/**
 * A step's two sides at pinned points: for an algebraic witness, both sides evaluated exactly at
 * two rational points drawn from a seed of their own (independent of --seed) and hashed; for a
 * numeric witness, both sides in float64 on its first two pinned inputs. The regression guard
 * keeps them (claims/baseline.ts): a typo in a side changes its value there even when the step's
 * verdict stays the same — for instance in a step that already fails.
 */
import { createHash } from 'node:crypto';
import type Fraction from 'fraction.js';
import type { PinnedSides } from '../core/types.ts';
import { complexOver, DivisionByZeroError, fractionField, type Complex } from '../symbolic/field.ts';
import { buildEnv, drawNumerator, SAMPLE_DENOMINATOR, type Source } from './environment.ts';
import { deriveSeed, makeRng, type Rng } from '../core/random.ts';
import type { AlgebraicWitnessSpec, ProofStep } from './types.ts';

/** Seed of the pinned points; changing it changes every step's fingerprint (regenerate the baseline). */
export const PINNED_SEED = 20_261_202;
const POINTS = 2;
/** Float values kept per side for the "by how much" of a change (the hash decides). */
const SHOWN = 4;

/** Exact values as canonical text: a Fraction as "±n/d", arrays and objects (keys sorted) around them. */
export function canonical(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const o = value as Record<string, unknown>;
  if (typeof o.n === 'bigint' && typeof o.d === 'bigint' && typeof o.s === 'bigint') return `${o.s < 0n ? '-' : ''}${o.n}/${o.d}`;
  return `{${Object.keys(o).sort().map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`).join(',')}}`;
}

function hash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

/** The first few float64 approximations of an exact side (scalars, matrices, complex parts, r + Σ c·log a). */
export function sideFloats(value: unknown, out: number[] = []): number[] {
  if (out.length >= SHOWN) return out;
  if (value === null || value === undefined) return out;
  if (typeof value === 'number') out.push(value);
  else if (Array.isArray(value)) for (const v of value) sideFloats(v, out);
  else if (typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if ('n' in o && 'd' in o && 's' in o) out.push(Number((o as { valueOf(): number }).valueOf()));
    else if (o.kind === 'loglinear') {
      const logs = o.logs as { coef: [number, number]; arg: unknown }[];
      const r = sideFloats(o.rational, [])[0] ?? NaN;
      out.push(r + logs.reduce((s, t) => s + (t.coef[0] / t.coef[1]) * Math.log(sideFloats(t.arg, [])[0] ?? NaN), 0));
    } else for (const v of Object.values(o)) sideFloats(v, out);
  }
  return out.slice(0, SHOWN);
}

export function pinnedSides(step: ProofStep, derivationId: string, index: number): PinnedSides[] {
  const out: PinnedSides[] = [];
  step.witnesses.forEach((w, wi) => {
    const rng = makeRng(deriveSeed(PINNED_SEED, derivationId, index, wi));
    if (w.type === 'algebraic') {
      for (let point = 0, attempts = 0; point < POINTS && attempts < POINTS + 10; attempts++) {
        const s = sidesAtPoint(w, rng);
        if (!s) continue;
        out.push({ witness: wi, point, lhsHash: hash(canonical(s.lhs)), rhsHash: hash(canonical(s.rhs)), lhs: sideFloats(s.lhs), rhs: sideFloats(s.rhs) });
        point++;
      }
    } else {
      for (let k = 0; k < POINTS; k++) {
        const o = w.evaluate(w.generate(rng, k));
        if (o.skip) continue;
        const l = Array.isArray(o.lhs) ? o.lhs : [o.lhs];
        const r = Array.isArray(o.rhs) ? o.rhs : [o.rhs];
        out.push({ witness: wi, point: k, lhs: l.slice(0, 2 * SHOWN), rhs: r.slice(0, 2 * SHOWN) });
      }
    }
  });
  return out;
}

/**
 * Both sides of an algebraic witness, exactly, at one rational point drawn from `rng` (what the
 * identity witness compares); null when the point is singular.
 */
export function sidesAtPoint(w: AlgebraicWitnessSpec, rng: Rng): { lhs: unknown; rhs: unknown; point: Record<string, unknown> } | null {
  const Fr = fractionField;
  const src: Source<Fraction> = { base: Fr, scalar: (_l, d) => Fr.rational(drawNumerator(rng, d), SAMPLE_DENOMINATOR), spdAsProduct: true };
  const point: Record<string, unknown> = {};
  try {
    if (w.complex) {
      const C = complexOver(Fr);
      const env = buildEnv(w.variables, C, src, (b: Fraction): Complex<Fraction> => ({ re: b, im: Fr.zero() }), point);
      return { lhs: w.lhs(C, env), rhs: w.rhs(C, env), point };
    }
    const env = buildEnv(w.variables, Fr, src, (b: Fraction) => b, point);
    return { lhs: w.lhs(Fr, env), rhs: w.rhs(Fr, env), point };
  } catch (e) {
    if (e instanceof DivisionByZeroError) return null;
    throw e;
  }
}

