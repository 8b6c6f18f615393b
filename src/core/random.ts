/**
 * matmem's seeded random numbers: one generator, pure-rand's xoroshiro128+, behind two faces:
 * - Gaussian streams for simulation and random cases (jumpable, so batches never overlap);
 * - a small draw interface (uniform, integer, normal) with stable per-step seeds for the derivation
 *   witnesses' random points, so reports are deterministic per seed.
 * (The MatNTM trainer keeps its own generator, src/matntm/rng.ts: its state must fit a checkpoint.)
 */
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { JumpableRandomGenerator } from 'pure-rand/types/JumpableRandomGenerator';

export class GaussianStream {
  private spare = 0;
  private hasSpare = false;
  constructor(private readonly rng: JumpableRandomGenerator) {}

  /** Uniform on [0, 1) with 32 random bits. */
  uniform(): number {
    return (this.rng.next() >>> 0) * 2 ** -32;
  }

  /**
   * Standard normal draw by Marsaglia's polar method (no trigonometry; the second value of each
   * pair is kept for the next call). The two uniforms on (−1, 1) use 32 random bits each.
   */
  next(): number {
    if (this.hasSpare) {
      this.hasSpare = false;
      return this.spare;
    }
    const rng = this.rng;
    let u = 0;
    let v = 0;
    let q = 0;
    do {
      u = (rng.next() | 0) * TWO_POW_MINUS_31;
      v = (rng.next() | 0) * TWO_POW_MINUS_31;
      q = u * u + v * v;
    } while (q >= 1 || q === 0);
    const f = Math.sqrt((-2 * Math.log(q)) / q);
    this.spare = v * f;
    this.hasSpare = true;
    return u * f;
  }
}

const TWO_POW_MINUS_31 = 2 ** -31;

/**
 * `count` independent streams from one seed: stream b starts b jumps (2^64 draws each) after the
 * seed's state, so batches never overlap and the whole run is reproducible from the seed.
 */
export function independentGaussianStreams(seed: number, count: number): GaussianStream[] {
  const base = xoroshiro128plus(seed | 0);
  const out: GaussianStream[] = [];
  for (let b = 0; b < count; b++) {
    out.push(new GaussianStream(base.clone()));
    base.jump();
  }
  return out;
}

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [lo, hi]. */
  int(lo: number, hi: number): number;
  /** Standard normal. */
  normal(): number;
  /** Uniform in [lo, hi). */
  uniform(lo: number, hi: number): number;
}

/** The witnesses' draws (points and cases): one xoroshiro128+ stream, the same generator as the simulation's. */
export function makeRng(seed: number): Rng {
  const g = new GaussianStream(xoroshiro128plus(seed | 0));
  const next = () => g.uniform();
  return {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    normal: () => g.next(),
    uniform: (lo, hi) => lo + (hi - lo) * next(),
  };
}

/** FNV-1a hash of a string mixed with a seed: the seed of one witness of one step. */
export function deriveSeed(seed: number, ...parts: (string | number)[]): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (const ch of parts.join('/')) {
    h ^= ch.charCodeAt(0);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}
