import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runVerify } from '../../src/claims/verify.ts';
import { reportToHtml } from '../../src/report/html.ts';

// Debian's chromium is required: CI installs it with .ci/install-chromium.sh (run it locally too)
const chromium = spawnSync('sh', ['-c', 'command -v chromium'], { encoding: 'utf8' }).stdout.trim();

function dumpDom(file: string): string {
  const profile = mkdtempSync(join(tmpdir(), 'matmem-chromium-'));
  if (chromium === '') throw new Error('chromium is not installed: run .ci/install-chromium.sh');
  const r = spawnSync(
    chromium,
    ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', `--user-data-dir=${profile}`, '--dump-dom', `file://${file}`],
    { encoding: 'utf8', timeout: 60_000, maxBuffer: 1 << 26 },
  );
  if (r.status !== 0) throw new Error(`chromium failed (${r.status}): ${r.stderr.slice(-500)}`);
  return r.stdout;
}

describe('report.html in headless Chromium', () => {
  it('loads offline, renders the formulas, and its verdict table reads back as the report says', () => {
    const report = runVerify({ seed: 3, runs: 12 });
    const dir = mkdtempSync(join(tmpdir(), 'matmem-html-'));
    const file = join(dir, 'report.html');
    const html = reportToHtml(report);
    writeFileSync(file, html);
    // self-contained: no external resource is referenced
    expect(html).not.toMatch(/(src|href)="https?:/);
    expect(html).not.toMatch(/url\((?!data:)/);
    const dom = dumpDom(file);
    const rows = [...dom.matchAll(/<tr data-claim="([^"]+)">([\s\S]*?)<\/tr>/g)];
    const readBack = Object.fromEntries(
      rows.map(([, id, body]) => [id, Object.fromEntries([...body.matchAll(/data-model="(paper|exact)" data-verdict="([a-z]*)"/g)].map(([, m, v]) => [m, v]))]),
    );
    const expected = Object.fromEntries(
      report.claims.map((c) => [c.id, { paper: c.results.find((r) => r.model === 'paper')?.verdict ?? '', exact: c.results.find((r) => r.model === 'exact')?.verdict ?? '' }]),
    );
    expect(readBack).toEqual(expected);
    // KaTeX rendered server-side: the DOM holds KaTeX markup for every claim with a LaTeX statement
    const texCount = report.claims.filter((c) => c.statementTex).length;
    expect((dom.match(/class="katex-display"/g) ?? []).length).toBeGreaterThanOrEqual(texCount);
  });
});

