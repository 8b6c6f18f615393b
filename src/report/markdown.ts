/**
 * report.md: title and run parameters, the verdict table first (claim × model, with the paper's
 * location), the derivation steps, then per claim its statement (LaTeX in $…$) and the evidence
 * per model: witnesses, cases, statistics, worst case, counterexample (matrices as arrays), replay.
 */
import { derivationSizeLine, stepSizeLine } from './step-sizes.ts';
import { caseCountsText, coverageRows, smallestMarginText } from './property-runs.ts';
import type { ClaimReport, ClaimResult, DerivationReport, Report, WitnessResult } from '../core/types.ts';
import { describeValue, formatDistinct, formatNumber, type ValueNode } from './values.ts';
import { MODELS, resultFor, tallySentence, whyOf, witnessEvidence } from './verdicts.ts';

export function reportToMarkdown(report: Report): string {
  const out: string[] = [
    `# matmem report — ${report.tool.name} ${report.tool.version}`,
    '',
    `Seed ${report.seed}, ${report.runs} runs per property and model. Verdicts are computed: **holds**, **fails** (with a counterexample), **inconclusive** (with the reason).`,
    '',
    ...verdictTable(report),
  ];
  if (report.disagreements && report.disagreements.length > 0) {
    out.push('', '## Disagreements between derivation steps and registry checks', '', ...report.disagreements.map((d) => `- **${d.claim}** (${d.model} model): holds by ${d.holds.join(', ')}; fails by ${d.fails.join(', ')}. ${inline(d.finding)}`));
  }
  if (report.modelChecks?.length) out.push('', ...modelCheckSection(report));
  if (report.derivations.length > 0) out.push('', '## Derivations', ...report.derivations.flatMap(derivationSection));
  out.push('', '## Claims', ...report.claims.flatMap(claimSection));
  if (report.figures && report.figures.length > 0) {
    out.push('', '## Figures', '', ...report.figures.map((f) => `- **${inline(f.title)}** — ${inline(f.caption)} (SVG inline in report.html)`));
  }
  if (report.generated) out.push('', `*Generated ${report.generated.at} in ${formatNumber(report.generated.seconds)} s.*`);
  out.push('');
  return out.join('\n');
}

/** The verdict table: one row per claim, in the report's order. */
export function verdictTable(report: Report): string[] {
  return [
    '## Verdicts',
    '',
    ...MODELS.map((m) => `- ${tallySentence(report, m)}`),
    '',
    '| claim | where in the paper | paper | exact | experiments | why |',
    '| --- | --- | --- | --- | --- | --- |',
    ...report.claims.map((c) => `| [${c.id}](#${anchor(c.id)}) | ${cell(c.source)} | ${MODELS.map((m) => verdictCell(c, m)).join(' | ')} | ${cell(whyOf(c))} |`),
  ];
}

function verdictCell(c: ClaimReport, model: (typeof MODELS)[number]): string {
  const r = resultFor(c, model);
  return r ? `**${r.verdict}**` : '—';
}

/** The model functions against independent computations on the pinned cases. */
function modelCheckSection(report: Report): string[] {
  return [
    '## Model checks on pinned cases',
    '',
    'Each model function, on fixed cases (independent of the seed), against an independent computation: the numbers behind every verdict above come from these functions.',
    '',
    '| check | function | against | verdict | evidence |',
    '| --- | --- | --- | --- | --- |',
    ...report.modelChecks!.map((m) => `| \`${m.id}\` | ${cell(m.subject)} | ${cell(m.against)} | **${m.verdict}** | ${cell(m.detail)}; tolerance: ${cell(m.toleranceReason)} |`),
  ];
}

function derivationSection(d: DerivationReport): string[] {
  const lines = ['', `### ${inline(d.title)}`, '', `\`${d.id}\` — ${inline(d.source)}`, ''];
  if (d.notes?.length) lines.push(...d.notes.map((n) => `- ${inline(n)}`), '');
  lines.push(`Sizes covered: ${inline(derivationSizeLine(d))}.`, '');
  lines.push('| step | from | to | justification | method | verdict | detail |', '| ---: | --- | --- | --- | --- | --- | --- |');
  for (const s of d.steps) {
    const from = s.fromTex ? `$${s.fromTex}$` : s.from;
    const to = s.toTex ? `$${s.toTex}$` : s.to;
    const just = [s.justification, s.source ? `(${s.source})` : '', s.assumptions?.length ? `assuming ${s.assumptions.join('; ')}` : ''].filter(Boolean).join(' ');
    lines.push(`| ${s.index} | ${cell(from)} | ${cell(to)} | ${cell(just)} | ${s.method} | **${s.verdict}** | ${cell(s.detail)} |`);
  }
  for (const s of d.steps) {
    const tags = [s.claims?.length ? `claim ${s.claims.join(', ')}` : '', s.supports?.length ? `in the derivation of ${s.supports.join(', ')}` : '', `model ${s.model ?? 'both'}`, s.agreed?.length ? `agreeing witnesses: ${s.agreed.join(', ')}` : 'no witness finished'].filter(Boolean);
    lines.push('', `Step ${s.index} (${tags.join('; ')}), witnesses:`, '', ...(s.witnesses ?? []).map(witnessLine));
    if (s.sizes) lines.push('', `Step ${s.index}, sizes: ${inline(stepSizeLine(s))}`, '', ...s.sizes.witnesses.map((w) => `- witness ${w.witness + 1}: ${inline(w.detail)}`));
    if (s.counterexample) lines.push('', `Step ${s.index}, counterexample:`, '', ...valueLines(describeValue(s.counterexample), 0));
    if (s.replay) lines.push('', `Step ${s.index}, replay: \`${s.replay}\``);
  }
  return lines;
}

function claimSection(c: ClaimReport): string[] {
  const lines = ['', `### ${c.id}`, '', `*${inline(c.source)}* — ${inline(c.statement)}`];
  if (c.statementTex) lines.push('', `$${c.statementTex.replace(/\s*\n\s*/g, ' ')}$`);
  for (const r of c.results) lines.push('', ...resultSection(r));
  return lines;
}

function resultSection(r: ClaimResult): string[] {
  const lines = [`#### ${r.model} model: ${r.verdict}`, '', inline(r.detail), ''];
  lines.push(`- cases: ${r.cases}${r.undefinedCases ? ` (model undefined in ${r.undefinedCases}, counted)` : ''}${r.statementSteps ? `; and ${r.statementSteps} derivation step${r.statementSteps > 1 ? 's' : ''} stating the claim` : ''}`);
  const counts = caseCountsText(r);
  if (counts) lines.push(`- generated cases: ${counts}`);
  const smallest = smallestMarginText(r);
  if (smallest) lines.push(`- ${smallest}`);
  if (r.statistics) {
    const [min, median, max] = formatDistinct([r.statistics.min, r.statistics.median, r.statistics.max]);
    lines.push(`- ${inline(r.statistics.quantity)}: min ${min}, median ${median}, max ${max}`);
  }
  const coverage = coverageRows(r);
  if (coverage.length) lines.push('- coverage (cases per bucket):', '', '  | dimension | bucket | cases | |', '  | --- | --- | ---: | --- |', ...coverage.map((c) => `  | ${cell(c.dimension)} | ${cell(c.bucket)} | ${c.cases} | ${cell(c.note)} |`), '');
  if (r.disagreement) lines.push(`- **sources disagree:** ${inline(r.disagreement)}`);
  if (r.statementParts?.length) {
    lines.push('- parts of the sentence (every part holds → holds; any fails → fails; else inconclusive):');
    for (const p of r.statementParts) lines.push(`  - (${p.id}) ${inline(p.text)}: **${p.verdict}** — ${inline(p.detail)}`, `    - rule: ${inline(p.rule)}`);
  }
  if (r.witnesses?.length) lines.push('- witnesses:', ...r.witnesses.map((w) => `  ${witnessLine(w)}`));
  if (r.evidence?.length) lines.push('- evidence combined into the verdict:', ...r.evidence.map((e) => `  - ${inline(e.source)}: **${e.verdict}** — ${inline(e.detail)}${e.replay ? ` (\`${e.replay}\`)` : ''}`));
  if (r.derivationSteps?.length) lines.push("- steps of the paper's derivation (reported, not combined):", ...r.derivationSteps.map((e) => `  - ${inline(e.source)}: **${e.verdict}** — ${inline(e.detail)}`));
  if (r.worst) lines.push('- worst case:', ...valueLines(describeValue(r.worst), 1));
  if (r.counterexample) lines.push('- counterexample:', ...valueLines(describeValue(r.counterexample), 1));
  lines.push(`- replay: \`${r.replay}\``);
  return lines;
}

function witnessLine(w: WitnessResult): string {
  const ev = witnessEvidence(w);
  return `- ${w.witness}: **${w.verdict}**${ev ? ` [${inline(ev)}]` : ''} — ${inline(w.detail)}`;
}

/** A value tree as nested bullets; matrices and vectors as aligned arrays in code blocks. */
function valueLines(node: ValueNode, depth: number): string[] {
  const pad = '  '.repeat(depth);
  if (node.kind !== 'record') return blockLines(node, pad);
  const lines: string[] = [];
  for (const { key, value } of node.entries) {
    if (value.kind === 'text') lines.push(`${pad}- ${key}: ${inline(value.text)}`);
    else if (value.kind === 'vector' && value.items.length <= 8) lines.push(`${pad}- ${key}: [${value.items.join(', ')}]`);
    else lines.push(`${pad}- ${key}:`, ...(value.kind === 'record' ? valueLines(value, depth + 1) : blockLines(value, `${pad}  `)));
  }
  return lines;
}

function blockLines(node: ValueNode, pad: string): string[] {
  switch (node.kind) {
    case 'text':
      return [`${pad}${inline(node.text)}`];
    case 'matrix':
      return ['', ...fence(alignedRows(node.rows)).map((l) => `${pad}${l}`), ''];
    case 'vector':
      return ['', ...fence([`[ ${node.items.join('  ')} ]`]).map((l) => `${pad}${l}`), ''];
    case 'list':
      return node.items.flatMap((item, i) => [`${pad}- [${i}]`, ...(item.kind === 'record' ? valueLines(item, pad.length / 2 + 1) : blockLines(item, `${pad}  `))]);
    case 'record':
      return valueLines(node, pad.length / 2);
  }
}

/** Matrix rows with right-aligned columns: "[ 0.5  -0.25 ]". */
export function alignedRows(rows: string[][]): string[] {
  const widths = rows[0].map((_, j) => Math.max(...rows.map((r) => r[j].length)));
  return rows.map((r) => `[ ${r.map((x, j) => x.padStart(widths[j])).join('  ')} ]`);
}

function fence(lines: string[]): string[] {
  return ['```', ...lines, '```'];
}

/** Text inside a table cell: no line breaks, pipes escaped. */
function cell(s: string): string {
  return inline(s).replace(/\|/g, '\\|');
}

function inline(s: string): string {
  return s.replace(/\s*\n\s*/g, ' ');
}

/** GitHub's heading anchor of a claim id (lower case, dots and other punctuation dropped). */
export function anchor(id: string): string {
  return id.toLowerCase().replace(/[^a-z0-9 _-]/g, '').replace(/ /g, '-');
}
