/**
 * KaTeX for a page that must open offline: formulas rendered to HTML here (no script in the page),
 * and KaTeX's stylesheet with every font embedded as a woff2 data: URI (the woff/ttf fallbacks are
 * dropped; every browser that renders KaTeX reads woff2). Files come from node_modules/katex/dist.
 */
import katex from 'katex';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

let katexCssCache: string | undefined;

/** KaTeX's CSS with each `@font-face` source replaced by its embedded woff2 font. */
export function inlineKatexCss(): string {
  if (katexCssCache !== undefined) return katexCssCache;
  const cssPath = require.resolve('katex/dist/katex.min.css');
  const fontDir = join(dirname(cssPath), 'fonts');
  const css = readFileSync(cssPath, 'utf8').replace(/src:([^;}]*)/g, (_m, sources: string) => {
    const woff2 = /url\(["']?fonts\/([^)"']+\.woff2)["']?\)/.exec(sources);
    if (!woff2) throw new Error(`KaTeX stylesheet: a font source without woff2: ${sources.slice(0, 120)}`);
    const data = readFileSync(join(fontDir, woff2[1])).toString('base64');
    return `src:url(data:font/woff2;base64,${data}) format("woff2")`;
  });
  katexCssCache = css;
  return css;
}

/**
 * LaTeX as KaTeX HTML (with MathML for screen readers). A formula KaTeX cannot parse is shown
 * as its source in red (`class="katex-error"`), never thrown.
 */
export function renderTex(tex: string, displayMode = true): string {
  return katex.renderToString(tex, { throwOnError: false, displayMode, output: 'htmlAndMathml', strict: 'ignore' });
}
