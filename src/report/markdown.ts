/** report.md: the verdict table first, then derivations, then the evidence per claim. */
import type { ClaimReport, ClaimResult, Report } from './model.ts';
import { compactJson } from './html.ts';

const MODELS = ['paper', 'exact'] as const;

export function reportToMarkdown(report: Report): string {
  const out: string[] = [];
  out.push(`# matmem report — ${report.tool.name} ${report.tool.version}`);
  out.push('');
  out.push(`Seed ${report.seed}, ${report.runs} runs per property and model. Verdicts: **holds**, **fails** (with a counterexample), **inconclusive** (with the reason).`);
  out.push('');
  out.push('## Verdicts');
  out.push('');
  out.push('| claim | paper | exact | where in the paper |');
  out.push('| --- | --- | --- | --- |');
  for (const c of report.claims) out.push(`| [${c.id}](#${anchor(c.id)}) | ${cell(c, 'paper')} | ${cell(c, 'exact')} | ${escape(c.source)} |`);
  if (report.derivations.length > 0) {
    out.push('');
    out.push('## Derivations');
    for (const d of report.derivations) {
      out.push('');
      out.push(`### ${escape(d.title)} (${d.id}; ${escape(d.source)})`);
      out.push('');
      out.push('| step | from → to | justification | method | verdict | detail |');
      out.push('| ---: | --- | --- | --- | --- | --- |');
      for (const s of d.steps) out.push(`| ${s.index} | ${escape(s.from)} → ${escape(s.to)} | ${escape(s.justification)} | ${s.method} | **${s.verdict}** | ${escape(s.detail)} |`);
    }
  }
  out.push('');
  out.push('## Claims');
  for (const c of report.claims) {
    out.push('');
    out.push(`### ${c.id}`);
    out.push('');
    out.push(`*${escape(c.source)}* — ${escape(c.statement)}`);
    if (c.statementTex) {
      out.push('');
      out.push(`$$${c.statementTex}$$`);
    }
    for (const r of c.results) out.push('', ...resultSection(r));
  }
  if (report.figures && report.figures.length > 0) {
    out.push('', '## Figures', '');
    for (const f of report.figures) out.push(`- **${escape(f.title)}** — ${escape(f.caption)} (SVG inline in report.html)`);
  }
  out.push('');
  return out.join('\n');
}

function resultSection(r: ClaimResult): string[] {
  const lines = [`**${r.model} model: ${r.verdict}** — ${escape(r.detail)}`, ''];
  lines.push(`- cases: ${r.cases}${r.undefinedCases ? ` (model undefined in ${r.undefinedCases})` : ''}`);
  if (r.statistics) lines.push(`- ${escape(r.statistics.quantity)}: min ${num(r.statistics.min)}, median ${num(r.statistics.median)}, max ${num(r.statistics.max)}`);
  if (r.witnesses) for (const w of r.witnesses) lines.push(`- witness ${w.witness}: **${w.verdict}** — ${escape(w.detail)}`);
  if (r.worst) lines.push(`- worst case: ${inlineJson(r.worst)}`);
  if (r.counterexample) {
    lines.push('- counterexample:');
    lines.push('');
    lines.push('```json');
    lines.push(compactJson(r.counterexample));
    lines.push('```');
  }
  lines.push(`- replay: \`${r.replay}\``);
  return lines;
}

function cell(c: ClaimReport, model: (typeof MODELS)[number]): string {
  const r = c.results.find((x) => x.model === model);
  return r ? `**${r.verdict}**` : '—';
}

function anchor(id: string): string {
  return id.toLowerCase().replace(/[^a-z0-9-]/g, '');
}

function escape(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function num(x: number): string {
  return Number.isFinite(x) ? x.toPrecision(4) : String(x);
}

function inlineJson(v: unknown): string {
  const s = JSON.stringify(v);
  return s.length > 400 ? `${escape(s.slice(0, 400))}…` : escape(s);
}
