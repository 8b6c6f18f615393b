/** Reading report.html back in tests (from our own output or from Chromium's DOM dump). */

/** The verdict table as { claim id: { paper, exact, experiment } } ('' where a model has no result). */
export function readVerdictTable(html: string): Record<string, Record<string, string>> {
  const table = /<table id="verdicts">([\s\S]*?)<\/table>/.exec(html);
  if (!table) throw new Error('no <table id="verdicts"> in the page');
  const out: Record<string, Record<string, string>> = {};
  for (const [, id, body] of table[1].matchAll(/<tr data-claim="([^"]+)">([\s\S]*?)<\/tr>/g)) {
    out[id] = {};
    for (const [cell] of body.matchAll(/<td[^>]*data-model="[^"]*"[^>]*>/g)) {
      const model = /data-model="([^"]*)"/.exec(cell)![1];
      out[id][model] = /data-verdict="([^"]*)"/.exec(cell)![1];
    }
  }
  return out;
}

/**
 * Every reference to something outside the page: http(s) or protocol-relative URLs in src/href
 * attributes (also xlink:href), in CSS url(…), and @import. xmlns declarations are names, not loads.
 */
export function externalReferences(html: string): string[] {
  const found: string[] = [];
  for (const m of html.matchAll(/\b(?:src|href|xlink:href|srcset|poster|action|data)\s*=\s*["']?\s*((?:https?:)?\/\/[^"'\s>]*)/gi)) found.push(m[0]);
  for (const m of html.matchAll(/url\(\s*["']?\s*((?:https?:)?\/\/[^)]*)\)/gi)) found.push(m[0]);
  for (const m of html.matchAll(/@import\b[^;]*/gi)) found.push(m[0]);
  return found;
}
