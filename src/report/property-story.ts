/**
 * The account of a property run, as text (the CLI prints it after `verify --claim ID` on a claim
 * decided over generated cases; a failing matmem/vitest matcher shows it): per model the cases tried, held, failed, undecided and undefined (with the reasons), the
 * smallest margin, the shrunk counterexample in a few lines with the one command that replays it;
 * then the coverage table, every bucket per model, an empty bucket the statement covers marked. A
 * `--path` replay shows the one case and each model's numbers and margin instead.
 */
import type { ClaimReport, ClaimResult, CoverageDimensionReport } from '../core/types.ts';

const MATRIX_ROWS_SHOWN = 3;

/** The story of each claim of the report that has property results (an empty string when none has). */
export function propertyStory(report: { claims: ClaimReport[] }): string {
  const blocks = report.claims.filter((c) => c.results.some((r) => r.caseCounts)).map(claimStory);
  return blocks.length ? `\n${blocks.join('\n')}` : '';
}

function claimStory(c: ClaimReport): string {
  const results = c.results.filter((r) => r.caseCounts);
  const replay = results.find((r) => r.replayed);
  const lines = [`${c.id} — ${c.statement}`];
  if (replay) {
    lines.push(`  replay of the case at path ${replay.replayed!.path}:`);
    lines.push(...caseLines(replay.replayed!.case, '    '));
    for (const r of results) lines.push(...replayedLines(r));
    return `${lines.join('\n')}\n`;
  }
  for (const r of results) lines.push(...modelLines(r));
  lines.push(...coverageLines(results));
  return `${lines.join('\n')}\n`;
}

function modelLines(r: ClaimResult): string[] {
  const k = r.caseCounts!;
  const reasons = Object.entries(k.undefinedReasons).map(([why, n]) => `${n} ${why}`).join(', ');
  const failed = k.ties !== undefined && k.failed > 0 ? `${k.failed} failed (${k.ties} ties within the error bound, ${k.failed - k.ties} violations)` : `${k.failed} failed`;
  const out = [`  ${r.model}: ${r.verdict} — ${k.tried} cases: ${k.held} held, ${failed}, ${k.undecided} undecided, ${k.undefined} undefined${reasons ? ` (${reasons})` : ''}`];
  if (r.smallestMargin) out.push(`    smallest margin ${num(r.smallestMargin.margin)} (after its error bound ${num(r.smallestMargin.errorBound)}) at case ${r.smallestMargin.index}`);
  const cx = r.counterexample;
  if (cx && typeof cx.counterexamplePath === 'string') {
    out.push(`    counterexample (${cx.outcome}; shrunk in ${cx.shrinks} steps):`);
    out.push(...caseLines(cx.case as Record<string, unknown>, '      '));
    out.push(`      numbers: ${numbersLine(cx.numbers as Record<string, number>)}`);
    out.push(`      margin ${num(cx.margin as number)}, error bound ${num(cx.errorBound as number)}`);
    out.push(`    replay: ${cx.replay}`);
  } else if (cx && cx.relaxedCounterexample) {
    out.push(`    the non-strict reading fails too: replay ${(cx.relaxedCounterexample as { replay: string }).replay}`);
  } else {
    out.push(`    replay the run: ${r.replay}`);
  }
  return out;
}

function replayedLines(r: ClaimResult): string[] {
  const p = r.replayed!;
  if (p.undefinedReason !== undefined) return [`  ${r.model}: undefined — ${p.undefinedReason}`];
  return [`  ${r.model}: ${p.outcome} — value ${num(p.value)}, margin ${num(p.margin)}, error bound ${num(p.errorBound)}`, `    numbers: ${numbersLine(p.numbers)}`];
}

/** N, ρ(U), ρ(V), noise and families in one line, then the matrices when small. */
export function caseLines(c: Record<string, unknown>, indent: string): string[] {
  const rho = c.spectralRadiusByConstruction as { U?: number; V?: number } | undefined;
  const head = [
    c.N !== undefined ? `N = ${c.N}` : '',
    rho?.U !== undefined ? `ρ(U) = ${num(rho.U)}` : '',
    rho?.V !== undefined ? `ρ(V) = ${num(rho.V)}` : '',
    c.e1 !== undefined ? `ε₁ = ${num(c.e1 as number)}` : '',
    c.e2 !== undefined ? `ε₂ = ${num(c.e2 as number)}` : '',
    Array.isArray(c.alpha) ? `α = ${(c.alpha as number[]).map(num).join(', ')}` : '',
  ].filter(Boolean);
  const fam = c.families as Record<string, string> | undefined;
  const out = [`${indent}${head.join(', ')}${fam ? ` — U ${fam.U}, V ${fam.V}, W ${fam.W}` : ''}`];
  const small = typeof c.N === 'number' && c.N <= MATRIX_ROWS_SHOWN;
  for (const name of ['U', 'V', 'W']) {
    const m = c[name];
    if (Array.isArray(m) && small) out.push(`${indent}${name} = ${JSON.stringify((m as number[][]).map((row) => row.map((x) => Number(x.toPrecision(6)))))}`);
  }
  const rest = Object.entries(c).filter(([k, v]) => !['N', 'U', 'V', 'W', 'e1', 'e2', 'alpha', 'families', 'spectralRadiusByConstruction', 'slots'].includes(k) && typeof v !== 'object');
  if (rest.length) out.push(`${indent}${rest.map(([k, v]) => `${k} = ${typeof v === 'number' ? num(v) : String(v)}`).join(', ')}`);
  return out;
}

/** The numbers in key order, as report.json holds them (so a merged run prints what the uncut run prints). */
function numbersLine(n: Record<string, number> | undefined): string {
  return Object.entries(n ?? {})
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${k} ${num(v)}`)
    .join(', ');
}

/** One row per bucket, one column per model; an empty bucket the statement covers is marked, an unreachable one says why. */
function coverageLines(results: ClaimResult[]): string[] {
  const tables = results.map((r) => r.coverage ?? []);
  if (tables.every((t) => t.length === 0)) return [];
  const dims = tables.find((t) => t.length)!;
  const models = results.map((r) => r.model);
  const width = Math.max(12, ...dims.flatMap((d) => d.buckets.map((b) => b.bucket.length)));
  const out = [`  coverage (cases per bucket)${' '.repeat(Math.max(1, width - 23))}${models.map((m) => m.padStart(8)).join('')}`];
  const notes: string[] = [];
  for (const [di, d] of dims.entries()) {
    out.push(`    ${d.dimension}`);
    for (const [bi, b] of d.buckets.entries()) {
      const cells = tables.map((t) => (t[di] as CoverageDimensionReport | undefined)?.buckets[bi]);
      const marks = cells.map((cell, mi) => markOf(cell, notes, models.length > 1 ? `${models[mi]}: ` : ''));
      const counts = cells.map((cell) => String(cell?.cases ?? '—').padStart(8)).join('');
      if (cells.every((cell) => cell?.status === 'outside')) marks.push('outside the statement’s hypotheses');
      else if (cells.every((cell) => cell?.status === 'outcome')) marks.push('a result, not a region');
      const mark = marks.filter(Boolean).join('; ');
      out.push(`      ${b.bucket.padEnd(width)}${counts}${mark ? `  ${mark}` : ''}`);
    }
  }
  if (notes.length) out.push('    why no case can reach a bucket:', ...notes.map((n, i) => `      [${i + 1}] ${n}`));
  return out;
}

function markOf(cell: CoverageDimensionReport['buckets'][number] | undefined, notes: string[], model: string): string {
  if (!cell) return '';
  if (cell.status === 'required' && cell.cases === 0) return `${model}EMPTY (the statement covers it: more --runs, or a generator that reaches it)`;
  if (cell.status === 'unreachable') {
    let i = notes.indexOf(cell.reason ?? '');
    if (i < 0) i = notes.push(cell.reason ?? '') - 1;
    return `${model}unreachable [${i + 1}]`;
  }
  return '';
}

function num(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  if (x === 0) return '0';
  const a = Math.abs(x);
  return a >= 1e-3 && a < 1e6 ? String(Number(x.toPrecision(6))) : x.toExponential(3);
}
