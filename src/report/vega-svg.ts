/**
 * Renders vega-lite specs to SVG text in Node, with no canvas and no network: vega's headless
 * 'none' renderer, text widths estimated (not measured), inline data only. Vega numbers the ids of
 * its clip paths and gradients with process-wide counters, so the raw SVG of the same spec differs
 * between renders; ids are renamed here from the content, which makes the output a function of the
 * spec alone and keeps the ids of different figures apart when several are inlined in one page.
 */
import { createHash } from 'node:crypto';
import { compile, type TopLevelSpec } from 'vega-lite';
import * as vega from 'vega';

export interface RenderedSvg {
  svg: string;
  /** Warnings from vega-lite and vega (e.g. a log scale given non-positive values). */
  warnings: string[];
}

/** A vega-lite spec as SVG text with the warnings raised on the way; deterministic for the same spec. */
export async function renderVegaLite(spec: object): Promise<RenderedSvg> {
  const warnings: string[] = [];
  const errors: string[] = [];
  const collect = (_method: string, level: string, args: unknown[]): void => {
    (level === 'ERROR' ? errors : warnings).push(args.map(String).join(' '));
  };
  const logger = vega.logger(vega.Warn, undefined, collect);
  const vgSpec = compile(spec as TopLevelSpec, { logger }).spec;
  const view = new vega.View(vega.parse(vgSpec), { renderer: 'none', logger, loader: inlineDataOnlyLoader() });
  try {
    const raw = await view.toSVG();
    if (errors.length > 0) throw new Error(`vega reported errors: ${errors.join('; ')}`);
    return { svg: renameSvgIds(raw), warnings };
  } finally {
    view.finalize();
  }
}

/** A vega-lite spec as SVG text; deterministic for the same spec. */
export async function renderVegaLiteToSvg(spec: object): Promise<string> {
  return (await renderVegaLite(spec)).svg;
}

/**
 * Renames every `id="…"` of an SVG (and its `url(#…)` / `href="#…"` references) to
 * `<hash>-<n>`, numbered in order of appearance, with the hash taken over the SVG with ids blanked.
 */
export function renameSvgIds(svg: string): string {
  const ids: string[] = [];
  for (const m of svg.matchAll(/\sid="([^"]+)"/g)) if (!ids.includes(m[1])) ids.push(m[1]);
  if (ids.length === 0) return svg;
  const pattern = new RegExp(`(\\sid="|url\\(#|href="#)(${ids.map(escapeRegExp).join('|')})(?=[")])`, 'g');
  const blank = svg.replace(pattern, (_m, lead: string) => `${lead}_`);
  const prefix = `v${createHash('sha256').update(blank).digest('hex').slice(0, 10)}`;
  return svg.replace(pattern, (_m, lead: string, id: string) => `${lead}${prefix}-${ids.indexOf(id) + 1}`);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A vega loader that refuses every load: plots carry their data inline and reach nothing outside. */
function inlineDataOnlyLoader(): ReturnType<typeof vega.loader> {
  const refuse = (uri: unknown): Promise<never> => Promise.reject(new Error(`plots use inline data only; refused to load ${String(uri)}`));
  return { ...vega.loader(), load: refuse, sanitize: refuse, http: refuse, file: refuse } as ReturnType<typeof vega.loader>;
}
