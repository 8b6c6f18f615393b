/** LaTeX rendering of expression strings (nerdamer output or hand-written formulas) through mathjs `toTex`. */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

type Parse = (expr: string) => { toTex(o: object): string };

const require = createRequire(import.meta.url);

/**
 * mathjs's parser alone: an instance made of the parse factory and its dependencies, which loads in
 * about half the time of the whole bundle (every function's typed signatures) and renders the same
 * TeX (test/symbolic/latex.test.ts compares them). mathjs exports no path to its factories, so they
 * are found beside its CommonJS entry; the whole bundle is the fallback if its layout changes.
 */
export function loadMathjsParse(): { parse: Parse; loaded: 'parser' | 'whole bundle' } {
  try {
    const lib = dirname(require.resolve('mathjs'));
    const { create } = require(join(lib, 'core', 'create.js')) as { create: (f: object) => { parse: Parse } };
    const { parseDependencies } = require(join(lib, 'entry', 'dependenciesAny', 'dependenciesParse.generated.js')) as { parseDependencies: object };
    return { parse: create({ parseDependencies }).parse, loaded: 'parser' };
  } catch {
    return { parse: (require('mathjs') as { parse: Parse }).parse, loaded: 'whole bundle' };
  }
}

/** The parser, loaded on first use (most runs never render TeX). */
let parse: Parse | null = null;

/** mathjs toTex of an expression string; falls back to \text{…} when mathjs cannot parse it. */
export function toTex(expr: string): string {
  try {
    parse ??= loadMathjsParse().parse;
    return parse(expr).toTex({ parenthesis: 'auto', implicit: 'hide' });
  } catch {
    return `\\text{${expr.replace(/[{}\\]/g, '')}}`;
  }
}
