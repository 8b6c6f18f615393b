/** LaTeX rendering of expression strings (nerdamer output or hand-written formulas) through mathjs `toTex`. */
import { createRequire } from 'node:module';

/** mathjs, loaded on first use (its full bundle takes seconds to load, and most runs never render TeX). */
let parse: ((expr: string) => { toTex(o: object): string }) | null = null;

/** mathjs toTex of an expression string; falls back to \text{…} when mathjs cannot parse it. */
export function toTex(expr: string): string {
  try {
    parse ??= (createRequire(import.meta.url)('mathjs') as { parse: (e: string) => { toTex(o: object): string } }).parse;
    return parse(expr).toTex({ parenthesis: 'auto', implicit: 'hide' });
  } catch {
    return `\\text{${expr.replace(/[{}\\]/g, '')}}`;
  }
}
