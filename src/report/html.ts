/**
 * report.html: one self-contained file. Formulas are rendered here with KaTeX (no script needed to
 * read the page), KaTeX's stylesheet is inlined with its woff2 fonts as data: URIs, and figures are
 * inline SVG, so the page opens offline and refers to no URL.
 */
import katex from 'katex';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { ClaimReport, ClaimResult, Report, Verdict } from './model.ts';

const require = createRequire(import.meta.url);

let katexCssCache: string | undefined;

/** KaTeX's CSS with every font reference replaced by an embedded woff2 data: URI. */
export function inlineKatexCss(): string {
  if (katexCssCache !== undefined) return katexCssCache;
  const cssPath = require.resolve('katex/dist/katex.min.css');
  const fontDir = join(dirname(cssPath), 'fonts');
  const css = readFileSync(cssPath, 'utf8').replace(/src:([^;}]*)/g, (_m, sources: string) => {
    const woff2 = /url\(fonts\/([^)]+\.woff2)\)/.exec(sources);
    if (!woff2) return `src:${sources}`;
    const data = readFileSync(join(fontDir, woff2[1])).toString('base64');
    return `src:url(data:font/woff2;base64,${data}) format("woff2")`;
  });
  katexCssCache = css;
  return css;
}

export function renderTex(tex: string, displayMode = true): string {
  return katex.renderToString(tex, { throwOnError: false, displayMode, output: 'html' });
}

const STYLE = `
body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:2rem auto;max-width:1100px;color:#1d2330;line-height:1.45;padding:0 1rem}
h1{font-size:1.6rem}h2{margin-top:2.2rem;border-bottom:1px solid #dde;padding-bottom:.3rem}h3{margin-top:1.6rem}
table{border-collapse:collapse;margin:.6rem 0;font-size:.92rem}th,td{border:1px solid #ccd;padding:.3rem .55rem;vertical-align:top;text-align:left}
th{background:#f3f4f8}.v{font-weight:600;text-align:center;white-space:nowrap}
.holds{background:#dff3e3;color:#155a2a}.fails{background:#fbe0e0;color:#8a1c1c}.inconclusive{background:#fff3cd;color:#7a5a00}.na{color:#888;text-align:center}
.claim{border:1px solid #e2e4ec;border-radius:6px;padding:.6rem 1rem;margin:1rem 0}
.result{margin:.6rem 0 .9rem}.detail{margin:.2rem 0}.meta{color:#555;font-size:.9rem}
pre{background:#f6f7fa;padding:.5rem;overflow:auto;font-size:.8rem;max-height:22rem}code{font-size:.85rem}
figure{margin:1.2rem 0}figcaption{color:#444;font-size:.9rem}.fig svg{max-width:100%;height:auto}
`;

export function reportToHtml(report: Report): string {
  const parts: string[] = [];
  parts.push('<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">');
  parts.push(`<title>matmem report (seed ${report.seed})</title>`);
  parts.push(`<style>${inlineKatexCss()}</style><style>${STYLE}</style></head><body>`);
  parts.push(`<h1>matmem report</h1><p class="meta">${esc(report.tool.name)} ${esc(report.tool.version)} · seed ${report.seed} · ${report.runs} runs per property and model · verdicts are computed: <b>holds</b>, <b>fails</b> (with a counterexample), <b>inconclusive</b> (with the reason).</p>`);
  parts.push('<h2>Verdicts</h2>');
  parts.push('<table id="verdicts"><thead><tr><th>claim</th><th>paper model</th><th>exact model</th><th>where in the paper</th></tr></thead><tbody>');
  for (const c of report.claims) {
    parts.push(`<tr data-claim="${esc(c.id)}"><td><a href="#claim-${esc(c.id)}">${esc(c.id)}</a></td>${verdictCell(c, 'paper')}${verdictCell(c, 'exact')}<td>${esc(c.source)}</td></tr>`);
  }
  parts.push('</tbody></table>');
  if (report.derivations.length > 0) {
    parts.push('<h2>Derivations</h2>');
    for (const d of report.derivations) {
      parts.push(`<h3 id="derivation-${esc(d.id)}">${esc(d.title)} <span class="meta">(${esc(d.id)}; ${esc(d.source)})</span></h3>`);
      parts.push(`<table class="derivation" data-derivation="${esc(d.id)}"><thead><tr><th>#</th><th>from</th><th>to</th><th>justification</th><th>method</th><th>verdict</th><th>detail</th></tr></thead><tbody>`);
      for (const s of d.steps) {
        const from = s.fromTex ? renderTex(s.fromTex, false) : esc(s.from);
        const to = s.toTex ? renderTex(s.toTex, false) : esc(s.to);
        parts.push(`<tr data-step="${s.index}"><td>${s.index}</td><td>${from}</td><td>${to}</td><td>${esc(s.justification)}</td><td>${s.method}</td><td class="v ${s.verdict}" data-verdict="${s.verdict}">${s.verdict}</td><td>${esc(s.detail)}</td></tr>`);
      }
      parts.push('</tbody></table>');
    }
  }
  parts.push('<h2>Claims</h2>');
  for (const c of report.claims) parts.push(claimSection(c));
  if (report.figures && report.figures.length > 0) {
    parts.push('<h2>Figures</h2>');
    for (const f of report.figures) parts.push(`<figure class="fig" id="figure-${esc(f.id)}">${f.svg}<figcaption><b>${esc(f.title)}.</b> ${esc(f.caption)}</figcaption></figure>`);
  }
  parts.push('</body></html>\n');
  return parts.join('\n');
}

function verdictCell(c: ClaimReport, model: 'paper' | 'exact'): string {
  const r = c.results.find((x) => x.model === model);
  if (!r) return `<td class="na" data-model="${model}" data-verdict="">—</td>`;
  return `<td class="v ${r.verdict}" data-model="${model}" data-verdict="${r.verdict}">${r.verdict}</td>`;
}

function claimSection(c: ClaimReport): string {
  const parts = [`<section class="claim" id="claim-${esc(c.id)}"><h3>${esc(c.id)}</h3><p class="meta">${esc(c.source)}</p><p>${esc(c.statement)}</p>`];
  if (c.statementTex) parts.push(`<div class="tex">${renderTex(c.statementTex)}</div>`);
  for (const r of c.results) parts.push(resultBlock(r));
  parts.push('</section>');
  return parts.join('\n');
}

function resultBlock(r: ClaimResult): string {
  const parts = [`<div class="result"><div><span class="v ${r.verdict}" style="padding:.1rem .4rem">${r.model}: ${r.verdict}</span></div><p class="detail">${esc(r.detail)}</p><ul>`];
  parts.push(`<li>cases: ${r.cases}${r.undefinedCases ? ` (model undefined in ${r.undefinedCases}, counted)` : ''}</li>`);
  if (r.statistics) parts.push(`<li>${esc(r.statistics.quantity)}: min ${num(r.statistics.min)}, median ${num(r.statistics.median)}, max ${num(r.statistics.max)}</li>`);
  for (const w of r.witnesses ?? []) parts.push(`<li>witness <i>${w.witness}</i>: <span class="${verdictClass(w.verdict)}">${w.verdict}</span> — ${esc(w.detail)}</li>`);
  if (r.worst) parts.push(`<li>worst case: <code>${esc(short(JSON.stringify(r.worst)))}</code></li>`);
  parts.push(`<li>replay: <code>${esc(r.replay)}</code></li></ul>`);
  if (r.counterexample) parts.push(`<details open><summary>counterexample</summary><pre>${esc(compactJson(r.counterexample))}</pre></details>`);
  parts.push('</div>');
  return parts.join('\n');
}

/** JSON with each innermost array of numbers (a matrix row) on one line. */
export function compactJson(v: unknown): string {
  return JSON.stringify(v, null, 1).replace(/\[\s*(-?[\d.e+-]+(?:,\s*-?[\d.e+-]+)*)\s*\]/g, (_m, body: string) => `[${body.split(/,\s*/).join(', ')}]`);
}

function verdictClass(v: Verdict): string {
  return v;
}

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function num(x: number): string {
  return Number.isFinite(x) ? x.toPrecision(4) : String(x);
}

function short(s: string): string {
  return s.length > 600 ? `${s.slice(0, 600)}…` : s;
}
