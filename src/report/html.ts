/**
 * report.html: one self-contained page that opens offline and refers to no URL. Formulas are
 * rendered here with KaTeX (no script needed to read the page), KaTeX's stylesheet is inlined with
 * its fonts as data: URIs, and figures are inline SVG. The verdict table comes first and can be
 * read back by a machine: `<table id="verdicts">`, a `<tr data-claim="…">` per claim, and a
 * `<td data-model="…" data-verdict="…">` per model.
 */
import { derivationSizeLine, stepSizeLine } from './step-sizes.ts';
import { caseCountsText, coverageRows, smallestMarginText } from './property-runs.ts';
import type { ClaimReport, ClaimResult, DerivationReport, EvidenceItem, FigureReport, ModelName, Report, StatementPart, WitnessResult } from '../core/types.ts';
import { REPORT_CSS } from './html-style.ts';
import { escapeHtml as esc, valueToHtml } from './html-values.ts';
import { inlineKatexCss, renderTex } from './katex-assets.ts';
import { describeValue, formatDistinct, formatNumber } from './values.ts';
import { MODELS, resultFor, tallySentence, whyOf, witnessEvidence } from './verdicts.ts';

export { inlineKatexCss, renderTex } from './katex-assets.ts';

export function reportToHtml(report: Report): string {
  const parts = [
    '<!DOCTYPE html>',
    '<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>matmem report (seed ${report.seed})</title>`,
    `<style>${inlineKatexCss()}</style>`,
    `<style>${REPORT_CSS}</style>`,
    '</head><body>',
    `<h1>matmem report</h1>`,
    `<p class="meta">${esc(report.tool.name)} ${esc(report.tool.version)} · seed <span id="seed">${report.seed}</span> · <span id="runs">${report.runs}</span> runs per property and model · verdicts are computed: <b>holds</b>, <b>fails</b> (with a counterexample), <b>inconclusive</b> (with the reason).</p>`,
    verdictTable(report),
  ];
  if (report.disagreements && report.disagreements.length > 0) parts.push(disagreementSection(report));
  if (report.modelChecks?.length) parts.push(modelCheckSection(report));
  if (report.derivations.length > 0) parts.push('<h2 id="derivations">Derivations</h2>', ...report.derivations.map(derivationSection));
  parts.push('<h2 id="claims">Claims</h2>', ...report.claims.map(claimSection));
  if (report.figures && report.figures.length > 0) parts.push('<h2 id="figures">Figures</h2>', ...report.figures.map(figureBlock));
  if (report.generated) parts.push(`<p class="meta" id="generated">Generated ${esc(report.generated.at)} in ${formatNumber(report.generated.seconds)} s.</p>`);
  parts.push('</body></html>', '');
  return parts.join('\n');
}

function verdictTable(report: Report): string {
  const rows = report.claims.map(
    (c) => `<tr data-claim="${esc(c.id)}"><td><a href="#claim-${esc(c.id)}">${esc(c.id)}</a></td><td>${esc(c.source)}</td>${MODELS.map((m) => verdictCell(c, m)).join('')}<td class="why">${esc(whyOf(c))}</td></tr>`,
  );
  return [
    '<h2 id="verdict-summary">Verdicts</h2>',
    `<ul class="meta">${MODELS.map((m) => `<li>${esc(tallySentence(report, m))}</li>`).join('')}</ul>`,
    '<table id="verdicts"><thead><tr><th>claim</th><th>where in the paper</th><th>paper model</th><th>exact model</th><th>experiments</th><th>why</th></tr></thead><tbody>',
    ...rows,
    '</tbody></table>',
  ].join('\n');
}

function verdictCell(c: ClaimReport, model: ModelName): string {
  const r = resultFor(c, model);
  if (!r) return `<td class="na" data-model="${model}" data-verdict="">—</td>`;
  return `<td class="v ${r.verdict}" data-model="${model}" data-verdict="${r.verdict}">${r.verdict}</td>`;
}

function disagreementSection(report: Report): string {
  const items = (report.disagreements ?? []).map(
    (d) => `<li data-claim="${esc(d.claim)}" data-model="${d.model}"><b>${esc(d.claim)}</b> (${d.model} model): holds by ${esc(d.holds.join(', '))}; fails by ${esc(d.fails.join(', '))}. ${esc(d.finding)}</li>`,
  );
  return ['<h2 id="disagreements">Disagreements between derivation steps and registry checks</h2>', `<ul class="disagreements">${items.join('')}</ul>`].join('\n');
}

/** A side of a step: KaTeX when the step has LaTeX, with the words below it; else the words. */
function side(text: string, tex: string | undefined): string {
  return tex ? `${renderTex(tex, false)}<div class="meta">${esc(text)}</div>` : esc(text);
}

/** The model functions against independent computations on the pinned cases. */
function modelCheckSection(report: Report): string {
  const rows = report.modelChecks!.map((m) => `<tr data-check="${esc(m.id)}"><td><code>${esc(m.id)}</code></td><td>${esc(m.subject)}</td><td>${esc(m.against)}</td><td class="v ${m.verdict}" data-verdict="${m.verdict}">${m.verdict}</td><td>${esc(m.detail)}<div class="meta">tolerance: ${esc(m.toleranceReason)}</div></td></tr>`);
  return [
    '<h2 id="model-checks">Model checks on pinned cases</h2>',
    '<p class="meta">Each model function, on fixed cases (independent of the seed), against an independent computation: the numbers behind every verdict come from these functions.</p>',
    `<table class="model-checks"><thead><tr><th>check</th><th>function</th><th>against</th><th>verdict</th><th>evidence</th></tr></thead><tbody>${rows.join('')}</tbody></table>`,
  ].join('\n');
}

function derivationSection(d: DerivationReport): string {
  const rows = d.steps.map((s) => {
    const from = side(s.from, s.fromTex);
    const to = side(s.to, s.toTex);
    const tags = [
      s.claims?.length ? `claim: ${s.claims.join(', ')}` : '',
      s.supports?.length ? `in the derivation of: ${s.supports.join(', ')}` : '',
      `model: ${s.model ?? 'both'}`,
    ].filter(Boolean);
    const notes = [
      s.source ? `<div class="meta">${esc(s.source)}</div>` : '',
      s.assumptions?.length ? `<div class="meta">assuming ${esc(s.assumptions.join('; '))}</div>` : '',
      `<div class="meta">${esc(tags.join(' · '))}</div>`,
    ].join('');
    const agreed = s.agreed?.length ? `<div class="meta">witnesses agreeing: ${esc(s.agreed.join(', '))}</div>` : '';
    const sizes = s.sizes ? `<div class="sizes" data-covers="${esc(s.sizes.covers)}"><b>sizes:</b> ${esc(stepSizeLine(s))}${s.sizes.witnesses.length ? `<ul class="meta">${s.sizes.witnesses.map((w) => `<li>witness ${w.witness + 1}: ${esc(w.detail)}</li>`).join('')}</ul>` : ''}</div>` : '';
    const evidence = [sizes, s.witnesses?.length ? witnessTable(s.witnesses) : '', s.counterexample ? counterexampleBlock(s.counterexample) : '', s.replay ? `<div class="meta">replay: <code>${esc(s.replay)}</code></div>` : ''].join('');
    return `<tr data-step="${s.index}"><td>${s.index}</td><td>${from}</td><td>${to}</td><td>${esc(s.justification)}${notes}</td><td>${s.method}</td><td class="v ${s.verdict}" data-verdict="${s.verdict}">${s.verdict}</td><td>${esc(s.detail)}${agreed}${evidence}</td></tr>`;
  });
  return [
    `<h3 id="derivation-${esc(d.id)}">${esc(d.title)} <span class="meta">(${esc(d.id)}; ${esc(d.source)})</span></h3>`,
    ...(d.notes?.length ? [`<ul class="meta">${d.notes.map((n) => `<li>${esc(n)}</li>`).join('')}</ul>`] : []),
    `<p class="sizes">Sizes covered: ${esc(derivationSizeLine(d))}.</p>`,
    `<div class="wide"><table class="derivation" data-derivation="${esc(d.id)}"><colgroup><col class="n"><col class="eq"><col class="eq"><col class="just"><col class="method"><col class="verdict"><col class="detail"></colgroup><thead><tr><th>#</th><th>from</th><th>to</th><th>justification</th><th>method</th><th>verdict</th><th>detail</th></tr></thead><tbody>`,
    ...rows,
    '</tbody></table></div>',
  ].join('\n');
}

function claimSection(c: ClaimReport): string {
  const parts = [`<section class="claim" id="claim-${esc(c.id)}"><h3>${esc(c.id)}</h3><p class="meta">${esc(c.source)}</p><p>${esc(c.statement)}</p>`];
  if (c.statementTex) parts.push(`<div class="tex">${renderTex(c.statementTex)}</div>`);
  parts.push(...c.results.map(resultBlock), '</section>');
  return parts.join('\n');
}

function resultBlock(r: ClaimResult): string {
  const items = [`<li>cases: ${r.cases}${r.undefinedCases ? ` (model undefined in ${r.undefinedCases}, counted)` : ''}${r.statementSteps ? `; and ${r.statementSteps} derivation step${r.statementSteps > 1 ? 's' : ''} stating the claim` : ''}</li>`];
  const counts = caseCountsText(r);
  if (counts) items.push(`<li>generated cases: ${esc(counts)}</li>`);
  const smallest = smallestMarginText(r);
  if (smallest) items.push(`<li>${esc(smallest)}</li>`);
  const coverage = coverageRows(r);
  if (coverage.length) {
    const rows = coverage.map((c) => `<tr${c.note.startsWith('EMPTY') ? ' class="empty"' : ''}><td>${esc(c.dimension)}</td><td>${esc(c.bucket)}</td><td>${c.cases}</td><td>${esc(c.note)}</td></tr>`);
    items.push(`<li><details class="coverage"><summary>coverage (cases per bucket)</summary><table class="coverage"><thead><tr><th>dimension</th><th>bucket</th><th>cases</th><th></th></tr></thead><tbody>${rows.join('')}</tbody></table></details></li>`);
  }
  if (r.statistics) {
    const stats = formatDistinct([r.statistics.min, r.statistics.median, r.statistics.max]);
    items.push(`<li>${esc(r.statistics.quantity)}: <table class="stats"><thead><tr><th>min</th><th>median</th><th>max</th></tr></thead><tbody><tr>${stats.map((x) => `<td>${x}</td>`).join('')}</tr></tbody></table></li>`);
  }
  if (r.statementParts?.length) items.push(`<li>parts of the sentence (every part holds → holds; any fails → fails; else inconclusive): ${partsTable(r.statementParts)}</li>`);
  if (r.witnesses?.length) items.push(`<li>witnesses: ${witnessTable(r.witnesses)}</li>`);
  if (r.evidence?.length) items.push(`<li>evidence combined into the verdict: ${evidenceTable(r.evidence)}</li>`);
  if (r.derivationSteps?.length) items.push(`<li>steps of the paper's derivation (reported, not combined): ${evidenceTable(r.derivationSteps)}</li>`);
  if (r.worst) items.push(`<li>worst case: ${valueToHtml(describeValue(r.worst))}</li>`);
  items.push(`<li>replay: <code>${esc(r.replay)}</code></li>`);
  return [
    `<div class="result" data-model="${r.model}" data-verdict="${r.verdict}">`,
    `<h4><span class="badge ${r.verdict}">${r.model} model: ${r.verdict}</span></h4>`,
    `<p>${esc(r.detail)}</p>`,
    r.disagreement ? `<p class="disagreement"><b>Sources disagree:</b> ${esc(r.disagreement)}</p>` : '',
    `<ul>${items.join('')}</ul>`,
    r.counterexample ? counterexampleBlock(r.counterexample) : '',
    '</div>',
  ].join('\n');
}

function counterexampleBlock(cx: Record<string, unknown>): string {
  return `<details class="counterexample" open><summary>counterexample</summary>${valueToHtml(describeValue(cx))}</details>`;
}

function witnessTable(ws: WitnessResult[]): string {
  const rows = ws.map((w) => `<tr><td>${w.witness}</td><td class="v ${w.verdict}">${w.verdict}</td><td>${esc(witnessEvidence(w))}</td><td>${esc(w.detail)}</td></tr>`);
  return `<table class="witnesses"><thead><tr><th>witness</th><th>verdict</th><th>evidence</th><th>detail</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function partsTable(ps: StatementPart[]): string {
  const rows = ps.map((p) => `<tr data-part="${esc(p.id)}"><td>(${esc(p.id)}) ${esc(p.text)}</td><td>${esc(p.rule)}</td><td class="v ${p.verdict}" data-verdict="${p.verdict}">${p.verdict}</td><td>${esc(p.detail)}</td></tr>`);
  return `<table class="parts"><thead><tr><th>part</th><th>rule</th><th>verdict</th><th>what the records give</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function evidenceTable(es: EvidenceItem[]): string {
  const rows = es.map((e) => `<tr><td>${esc(e.source)}</td><td class="v ${e.verdict}">${e.verdict}</td><td>${esc(e.detail)}${e.replay ? `<div class="meta"><code>${esc(e.replay)}</code></div>` : ''}</td></tr>`);
  return `<table class="evidence"><thead><tr><th>source</th><th>verdict</th><th>detail</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function figureBlock(f: FigureReport): string {
  return `<figure class="fig" id="figure-${esc(f.id)}">${f.svg}<figcaption><b>${esc(f.title)}.</b> ${esc(f.caption)}</figcaption></figure>`;
}
