// The README's verdict table is prose a person wrote; its verdict cells must still be the computed
// ones. Every row names claims in backticks and gives the paper and exact verdicts ("—" where the
// claim is not checked in that model); they must equal the committed baseline's.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { section6Verdicts } from '../helpers/section6-verdicts.ts';

const readme = readFileSync('README.md', 'utf8');
const baseline = JSON.parse(readFileSync('verdicts.baseline.json', 'utf8')) as { verdicts: Record<string, string> };

function verdictRows(): { ids: string[]; paper: string; exact: string }[] {
  const section = readme.split('## What verify finds')[1]?.split(/\n##+ /)[0] ?? '';
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

// The Section 6 table's verdicts, of each claim and of each of its parts, must be what verify computes
// from the committed experiment records (docs/experiments/*/experiment.json, the runs docs/section6.md
// describes): the quick preset's copy and recall grids, and the copy grid at the paper's task sizes.
const SETS = { quick: ['docs/experiments/copy', 'docs/experiments/recall'], 'paper sizes': ['docs/experiments/copy-paper-sizes'] };

describe('README Section 6 verdicts', () => {
  it('equal those computed from docs/experiments, claim by claim and part by part, each part with its rule', async () => {
    const computed = await section6Verdicts(Object.values(SETS));
    const section = readme.split('## Section 6')[1]?.split('\n## ')[0] ?? '';
    const header = section.split('\n').find((l) => l.startsWith('| claim |'))!;
    expect(header.split('|').map((c) => c.trim()).slice(4, 6)).toEqual(Object.keys(SETS));
    // a claim's row: | `id` (source) | | | **v1** | **v2** |, then its parts: | | (a) text | rule | v1 | v2 |
    const written: Record<string, { verdicts: string[]; parts: string[][] }> = {};
    let current = '';
    for (const line of section.split('\n').filter((l) => l.startsWith('| '))) {
      const cells = line.split('|').slice(1, -1).map((c) => c.trim());
      const claim = /^`([^`]+)`/.exec(cells[0]);
      if (claim) {
        current = claim[1];
        written[current] = { verdicts: cells.slice(3).map((c) => c.replace(/\*\*/g, '')), parts: [] };
      } else if (cells[0] === '' && /^\((\w)\) /.test(cells[1])) {
        written[current].parts.push([/^\((\w)\)/.exec(cells[1])![1], ...cells.slice(3)]);
        // the rule, in one line, is there
        expect(cells[2].length, line).toBeGreaterThan(10);
      }
    }
    const want = Object.fromEntries(computed.map((c) => [c.id, { verdicts: c.verdicts, parts: c.parts.map((p) => [p.id, ...p.verdicts]) }]));
    expect(computed.length).toBe(6);
    expect(written).toEqual(want);
  }, 120_000);
});
