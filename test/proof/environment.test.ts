// A witness's environment (src/proof/environment.ts): the sampled numerators stay in their documented domains and
// domainSize counts exactly the values a domain can draw (the Schwartz–Zippel bound uses it); buildEnv builds each
// structure (general, symmetric, diagonal, SPD as L Lᵀ + I) and records the point it used.
import { describe, expect, it } from 'vitest';
import { buildEnv, domainSize, drawNumerator, SAMPLE_DENOMINATOR, type Source } from '../../src/proof/environment.ts';
import { complexOver, fractionField as F } from '../../src/symbolic/field.ts';
import { makeRng } from '../../src/core/random.ts';
import type { ScalarDomain } from '../../src/proof/types.ts';
import type Fraction from 'fraction.js';

const Q = SAMPLE_DENOMINATOR;

describe('sampled numerators', () => {
  // documented ranges (types.ts): any |p| ≤ 2Q; positive 1 ≤ p ≤ 2Q; unit |p| < Q; small and complex |p| ≤ Q/2
  const ranges: [ScalarDomain, number, number][] = [['any', -2 * Q, 2 * Q], ['positive', 1, 2 * Q], ['unit', -(Q - 1), Q - 1], ['small', -498, 498], ['complex', -498, 498]];
  it('Q is the prime 997', () => expect(Q).toBe(997));
  for (const [d, lo, hi] of ranges) {
    it(`${d}: every draw in [${lo}, ${hi}], both ends reached, and domainSize = ${hi - lo + 1}`, () => {
      // 100 000 draws over at most 3 989 values: an end is missed with probability < e^-25 (the seed is fixed)
      const rng = makeRng(7);
      let min = Infinity;
      let max = -Infinity;
      for (let i = 0; i < 100_000; i++) {
        const p = drawNumerator(rng, d);
        min = Math.min(min, p);
        max = Math.max(max, p);
      }
      expect([min, max]).toEqual([lo, hi]);
      expect(domainSize(d)).toBe(hi - lo + 1);
    });
  }
});

describe('buildEnv', () => {
  // a source that hands out 1, 2, 3, … and remembers the labels and domains it was asked for
  const counting = (spdAsProduct: boolean) => {
    const asked: string[] = [];
    let next = 0;
    const src: Source<Fraction> = { base: F, spdAsProduct, scalar: (label, domain) => (asked.push(`${label}:${domain}`), F.rational(++next)) };
    return { src, asked };
  };
  const show = (m: Fraction[][]) => m.map((r) => r.map((x) => x.toFraction()));

  it('scalars: a fixed value, or a draw from the domain (default any), recorded as text', () => {
    const { src, asked } = counting(true);
    const record: Record<string, unknown> = {};
    const env = buildEnv([{ name: 'a', kind: 'scalar', value: [1, 3] }, { name: 'b', kind: 'scalar' }, { name: 'c', kind: 'scalar', domain: 'positive' }], F, src, (x) => x, record);
    expect([env.s('a'), env.s('b'), env.s('c')].map((x) => x.toFraction())).toEqual(['1/3', '1', '2']);
    expect(asked).toEqual(['vb:any', 'vc:positive']);
    expect(record).toEqual({ a: '1/3', b: '1', c: '2' });
    expect(() => env.s('z')).toThrow(/unknown scalar variable z/);
    expect(() => env.m('a')).toThrow(/unknown matrix variable a/);
  });

  it('general, symmetric and diagonal matrices (default domain small)', () => {
    const { src, asked } = counting(true);
    const record: Record<string, unknown> = {};
    const env = buildEnv([
      { name: 'G', kind: 'matrix', rows: 2, cols: 3 },
      { name: 'S', kind: 'matrix', rows: 2, cols: 2, structure: 'symmetric', domain: 'unit' },
      { name: 'D', kind: 'matrix', rows: 2, cols: 2, structure: 'diagonal' },
    ], F, src, (x) => x, record);
    expect(show(env.m('G'))).toEqual([['1', '2', '3'], ['4', '5', '6']]);
    expect(show(env.m('S'))).toEqual([['7', '8'], ['8', '9']]);
    expect(show(env.m('D'))).toEqual([['10', '0'], ['0', '11']]);
    expect(asked.slice(0, 2)).toEqual(['vGr1c1:small', 'vGr1c2:small']);
    expect(asked.slice(6, 9)).toEqual(['vSr1c1:unit', 'vSr1c2:unit', 'vSr2c2:unit']);
    expect(record.S).toEqual([['7', '8'], ['8', '9']]);
  });

  it('SPD: L Lᵀ + I from samples, or a symmetric matrix of symbols', () => {
    const product = counting(true);
    const spd = buildEnv([{ name: 'P', kind: 'matrix', rows: 2, cols: 2, structure: 'spd' }], F, product.src, (x) => x, {});
    // L = [[1, 2], [3, 4]]: L Lᵀ + I = [[1+4+1, 3+8], [3+8, 9+16+1]]
    expect(show(spd.m('P'))).toEqual([['6', '11'], ['11', '26']]);
    expect(product.asked).toEqual(['PL00:small', 'PL01:small', 'PL10:small', 'PL11:small']);
    const symbols = counting(false);
    const sym = buildEnv([{ name: 'P', kind: 'matrix', rows: 2, cols: 2, structure: 'spd' }], F, symbols.src, (x) => x, {});
    expect(show(sym.m('P'))).toEqual([['1', '2'], ['2', '3']]);
  });

  it('complex scalars: re + i·im from two small draws, only in a complex field', () => {
    const { src, asked } = counting(true);
    const record: Record<string, unknown> = {};
    const C = complexOver(F);
    const env = buildEnv([{ name: 'z', kind: 'scalar', domain: 'complex' }], C, src, (b) => ({ re: b, im: F.zero() }), record);
    const z = env.s('z');
    expect([z.re.toFraction(), z.im.toFraction()]).toEqual(['1', '2']);
    expect(asked).toEqual(['vzre:small', 'vzim:small']);
    expect(record.z).toBe('1 + i·2');
    expect(() => buildEnv([{ name: 'z', kind: 'scalar', domain: 'complex' }], F, src, (x) => x, {})).toThrow(/complex variable z in a real witness/);
  });
});
