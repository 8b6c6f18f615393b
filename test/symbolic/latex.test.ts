import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { loadMathjsParse, toTex } from '../../src/symbolic/latex.ts';

const fullParse = (createRequire(import.meta.url)('mathjs') as { parse: (e: string) => { toTex(o: object): string } }).parse;
const OPTIONS = { parenthesis: 'auto', implicit: 'hide' };

/** Expressions like the numerators a failing symbolic step prints, and the formulas users write. */
const EXPRESSIONS = [
  '-2*vUr1c1^2*vVr1c1^2*ve1*ve2+vUr1c1^2*ve1*ve2+vVr1c1^2*ve1*ve2',
  'vXr1c1*vMr1c1*vAir1c1*vBir1c1 - 3/4*vXr1c2',
  '(1-x^2)*(1-y^2)/(1-x^2*y^2)',
  'sqrt(a^2+b^2) + abs(c) - conj(z) + exp(-t) + log(x*y)',
  'sum(x) * transpose(A) * inv(B)',
  '2 i * x + 3.5e-7 * y^(1/2)',
  'a == b',
];

describe('toTex', () => {
  it('renders with the parser alone exactly what the whole mathjs bundle renders', () => {
    const { parse, loaded } = loadMathjsParse();
    expect(loaded).toBe('parser');
    for (const e of EXPRESSIONS) expect(parse(e).toTex(OPTIONS), e).toBe(fullParse(e).toTex(OPTIONS));
  });

  it('renders a polynomial numerator', () => {
    expect(toTex('-2*x^2*y+x')).toBe('-2\\cdot{ x}^{2}\\cdot y+ x');
  });

  it('falls back to \\text{…} on a string mathjs cannot parse, without its braces', () => {
    expect(toTex('x +* {y}')).toBe('\\text{x +* y}');
  });
});
