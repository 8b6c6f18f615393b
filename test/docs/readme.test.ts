// The README's verdict table is prose a person wrote; its verdict cells must still be the computed
// ones. Every row names claims in backticks and gives the paper and exact verdicts ("—" where the
// claim is not checked in that model); they must equal the committed baseline's.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.ts';

const readme = readFileSync('README.md', 'utf8');
const baseline = JSON.parse(readFileSync('verdicts.baseline.json', 'utf8')) as { verdicts: Record<string, string> };

function verdictRows(): { ids: string[]; paper: string; exact: string }[] {
  const section = readme.split('## What verify finds')[1]?.split('\n## ')[0] ?? '';
  return section
    .split('\n')
    .filter((l) => l.startsWith('| `'))
    .map((l) => {
      const cells = l.split('|').map((c) => c.trim());
      return { ids: [...cells[1].matchAll(/`([^`]+)`/g)].map((m) => m[1]), paper: cells[2], exact: cells[3] };
    });
}

describe('README verdict table', () => {
  const rows = verdictRows();
  it('lists every non-experiment claim of the baseline', () => {
    const listed = new Set(rows.flatMap((r) => r.ids));
    const claimsInBaseline = new Set(Object.keys(baseline.verdicts).filter((k) => /\/(paper|exact)$/.test(k)).map((k) => k.split('/')[0]));
    expect([...claimsInBaseline].filter((c) => !listed.has(c))).toEqual([]);
  });
  it('every verdict cell equals the baseline verdict', () => {
    const wrong: string[] = [];
    for (const r of rows) {
      for (const id of r.ids) {
        for (const [model, cell] of [['paper', r.paper], ['exact', r.exact]] as const) {
          const want = baseline.verdicts[`${id}/${model}`] ?? '—';
          if (cell !== want) wrong.push(`${id}/${model}: README says ${cell}, baseline ${want}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });
});

// The Section 6 table's verdicts must be what verify computes from the committed experiment records
// (docs/experiments/*/experiment.json, the runs the README's tables come from).
describe('README Section 6 verdicts', () => {
  it('equal those computed from docs/experiments', () => {
    const r = runCli(['verify', '--experiment', 'docs/experiments/copy', '--experiment', 'docs/experiments/recall', '--runs', '20', '--no-files', '--json'], { timeoutMs: 300_000 });
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as { claims: { id: string; results: { model: string; verdict: string }[] }[] };
    const computed = Object.fromEntries(report.claims.filter((c) => c.id.startsWith('sec6.') || c.id === 'table-1.parameters').map((c) => [c.id, c.results[0].verdict]));
    const section = readme.split('### The experiments, as run here')[1] ?? '';
    const written = Object.fromEntries([...section.matchAll(/^\| `([^`]+)`[^|]*\| \*\*(\w+)\*\* \|/gm)].map((m) => [m[1], m[2]]));
    expect(Object.keys(written).sort()).toEqual(Object.keys(computed).sort());
    expect(written).toEqual(computed);
  }, 300_000);
});
