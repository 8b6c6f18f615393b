import { describe, expect, it } from 'vitest';
import { reportToMarkdown } from '../../src/report/markdown.ts';
import { SAMPLE_VERDICTS, sampleReport } from './sample-report.ts';

/** Rows of the first Markdown table after `heading`, split into trimmed cells. */
function tableAfter(md: string, heading: string): string[][] {
  const lines = md.slice(md.indexOf(heading)).split('\n');
  const start = lines.findIndex((l) => l.startsWith('|'));
  const rows: string[][] = [];
  for (const l of lines.slice(start + 2)) {
    if (!l.startsWith('|')) break;
    rows.push(l.slice(1, -1).split(/(?<!\\)\|/).map((c) => c.trim()));
  }
  return rows;
}

describe('reportToMarkdown', () => {
  const md = reportToMarkdown(sampleReport());

  it('starts with the title and run parameters, then the verdict table before everything else', () => {
    expect(md.split('\n')[0]).toBe('# matmem report — matmem 0.1.0-test');
    expect(md).toContain('Seed 7, 50 runs per property and model.');
    const at = (s: string) => md.indexOf(s);
    expect(at('## Verdicts')).toBeGreaterThan(0);
    expect(at('## Verdicts')).toBeLessThan(at('## Derivations'));
    expect(at('## Derivations')).toBeLessThan(at('## Claims'));
  });

  it('has one verdict row per claim, in order, with the paper location and both models', () => {
    const rows = tableAfter(md, '## Verdicts');
    expect(rows.map((r) => r[0].replace(/^\[([^\]]+)\].*$/, '$1'))).toEqual(Object.keys(SAMPLE_VERDICTS));
    for (const r of rows) {
      const id = r[0].replace(/^\[([^\]]+)\].*$/, '$1');
      const want = SAMPLE_VERDICTS[id];
      expect([r[2], r[3]]).toEqual([want.paper ? `**${want.paper}**` : '—', want.exact ? `**${want.exact}**` : '—']);
    }
    // a pipe in a location does not split the cell
    expect(rows[3][1]).toBe('Eq. 49 \\| Appendix');
    expect(rows[0][1]).toBe('Corollary 2.1, Eqs. 26-27');
    expect(md).toContain('- paper model: 2 hold, 1 fail, 1 inconclusive');
    expect(md).toContain('- exact model: 1 hold, 1 fail, 1 inconclusive');
  });

  it('lists derivation steps with method and verdict, LaTeX in $…$', () => {
    const rows = tableAfter(md, '## Derivations');
    expect(rows.map((r) => [r[0], r[4], r[5]])).toEqual([
      ['1', 'symbolic', '**holds**'],
      ['2', 'identity', '**holds**'],
      ['3', 'numeric', '**fails**'],
    ]);
    expect(rows[1][2]).toBe('$\\frac{1}{1-x}$');
    expect(rows[1][3]).toBe('geometric series assuming \\|x\\| < 1');
  });

  it('gives per claim the statement in LaTeX, statistics, witnesses, worst case, counterexample matrices and replay', () => {
    const section = md.slice(md.indexOf('### corollary-2.1'), md.indexOf('### eq-18.normal-capacity'));
    expect(section).toContain('$J_{tot} < \\frac{1}{\\varepsilon_1\\varepsilon_2}\\operatorname{Tr}(W^T W)$');
    expect(section).toContain('#### paper model: holds');
    expect(section).toContain('#### exact model: fails');
    expect(section).toContain('- J_tot,rel: min 0.41, median 0.83, max 0.9871');
    expect(section).toContain('- J_tot,rel: min 0.9999999999999998, median 1, max 1.0000000000000002');
    expect(section).toContain('  - identity: **fails** — Σ_k J(k) = Tr(WᵀW)/(ε₁ε₂) as an exact identity');
    expect(section).toContain('  - margin: -2.220446049250313e-16');
    // the 2×2 matrix V as an aligned array
    expect(section).toContain(['    ```', '    [ 0.5       0 ]', '    [   0  -0.125 ]', '    ```'].join('\n'));
    expect(section).toContain('- replay: `matmem verify --claim corollary-2.1 --seed 7 --path 3:0:0`');
    const inconclusive = md.slice(md.indexOf('### eq-18.normal-capacity'), md.indexOf('### theorem-1.covariance'));
    expect(inconclusive).toContain('- cases: 50 (model undefined in 3, counted)');
    expect(inconclusive).toContain('  - condition: Infinity');
    expect(inconclusive).toContain('  - residual: NaN');
  });

  it('is deterministic and mentions the generation time only at the end', () => {
    expect(reportToMarkdown(sampleReport())).toBe(md);
    expect(md.trimEnd().split('\n').at(-1)).toBe('*Generated 2024-01-02T03:04:05.000Z in 12.5 s.*');
  });
});
