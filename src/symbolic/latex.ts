/** LaTeX rendering of expression strings (nerdamer output or hand-written formulas) through mathjs `toTex`. */
import { parse } from 'mathjs';

/** mathjs toTex of an expression string; falls back to \text{…} when mathjs cannot parse it. */
export function toTex(expr: string): string {
  try {
    return parse(expr).toTex({ parenthesis: 'auto', implicit: 'hide' });
  } catch {
    return `\\text{${expr.replace(/[{}\\]/g, '')}}`;
  }
}
