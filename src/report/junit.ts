/**
 * The report as JUnit XML, so CI systems show verdicts as tests: one test case per claim × model,
 * per derivation step and per model check. holds passes, fails is a failure (with the detail and
 * the replay command), inconclusive is skipped (with the reason).
 */
import type { Report, Verdict } from '../core/types.ts';

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');
}

interface Case {
  suite: string;
  name: string;
  verdict: Verdict;
  detail: string;
  replay?: string;
}

function testcase(c: Case): string {
  const head = `    <testcase classname="${esc(c.suite)}" name="${esc(c.name)}">`;
  const body = `${c.detail}${c.replay ? `\nreplay: ${c.replay}` : ''}`;
  if (c.verdict === 'holds') return `${head}</testcase>`;
  if (c.verdict === 'fails') return `${head}\n      <failure message="${esc(c.detail.slice(0, 300))}" type="fails">${esc(body)}</failure>\n    </testcase>`;
  return `${head}\n      <skipped message="inconclusive: ${esc(c.detail.slice(0, 300))}"/>\n    </testcase>`;
}

export function reportToJunit(report: Report): string {
  const suites: Record<string, Case[]> = {};
  const add = (c: Case) => (suites[c.suite] ??= []).push(c);
  for (const c of report.claims) for (const r of c.results) add({ suite: 'claims', name: `${c.id} (${r.model})`, verdict: r.verdict, detail: r.detail, replay: r.replay });
  for (const d of report.derivations) for (const s of d.steps) add({ suite: `derivation ${d.id}`, name: `#${s.index} ${s.to}`, verdict: s.verdict, detail: s.detail, replay: s.replay });
  for (const m of report.modelChecks ?? []) add({ suite: 'model checks', name: m.id, verdict: m.verdict, detail: m.detail });
  const blocks = Object.entries(suites).map(([name, cases]) => {
    const failures = cases.filter((c) => c.verdict === 'fails').length;
    const skipped = cases.filter((c) => c.verdict === 'inconclusive').length;
    return `  <testsuite name="${esc(name)}" tests="${cases.length}" failures="${failures}" errors="0" skipped="${skipped}">\n${cases.map(testcase).join('\n')}\n  </testsuite>`;
  });
  const all = Object.values(suites).flat();
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="matmem verify (seed ${report.seed}, runs ${report.runs})" tests="${all.length}" failures="${all.filter((c) => c.verdict === 'fails').length}" skipped="${all.filter((c) => c.verdict === 'inconclusive').length}">\n${blocks.join('\n')}\n</testsuites>\n`;
}
