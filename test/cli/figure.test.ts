import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/run-cli.ts';

describe('matmem figure', () => {
  it('figure 2 --json: exact matrix networks store J_tot = 1 like vector networks; the paper model less', () => {
    const r = runCli(['figure', '2', '--k', '10', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.svg).toMatch(/^<svg/);
    const byModel = (m: string) => out.data.capacity.filter((p: { series: string }) => p.series.includes(m));
    // Tr(WᵀW) = ‖v‖² = 1 and ε = 1: with normal connectivity the exact J_tot equals I(W) = 1 (rounding 1e-12)
    for (const p of byModel('(exact)')) expect(Math.abs(p.jtot - 1)).toBeLessThan(1e-10);
    for (const p of byModel('vector')) expect(Math.abs(p.jtot - 1)).toBeLessThan(1e-10);
    for (const p of byModel('(paper)')) expect(p.jtot).toBeLessThan(1);
  });

  it('--out writes the SVG file; an unknown figure exits 2', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'matmem-fig-')), 'fig4.svg');
    const r = runCli(['figure', '4', '--out', file]);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(file, 'utf8')).toMatch(/<svg[\s\S]*<\/svg>/);
    const bad = runCli(['figure', '11']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/figure must be 2, 3, 4, 5, 6, 7, 8 or 9/);
  });
});
