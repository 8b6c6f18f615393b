/**
 * report.html in headless Chromium (Debian's `chromium`): the page loads offline from a file, and
 * the verdict table read back from Chromium's DOM equals the report's verdicts. Chromium is
 * required in CI (`.ci/install-chromium.sh` installs it; with CI set and no chromium the test
 * fails); elsewhere without chromium the test is skipped and says why.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { reportToHtml } from '../../src/report/html.ts';
import { fmcPlot, renderVegaLiteToSvg } from '../../src/report/plots.ts';
import { readVerdictTable } from './html-read.ts';
import { CHROMIUM, CHROMIUM_SKIP_REASON, IN_CI, dumpDom } from '../helpers/chromium.ts';
import { SAMPLE_TEX_COUNT, SAMPLE_VERDICTS, sampleReport } from './sample-report.ts';
import { loadUnits } from '../../src/claims/registry.ts';
import { checkAllDerivations } from '../../src/proof/index.ts';

if (!CHROMIUM && !IN_CI) process.stderr.write(`[test/report/html-in-chromium] skipped: ${CHROMIUM_SKIP_REASON}\n`);

describe.skipIf(!CHROMIUM && !IN_CI)('report.html in headless Chromium', () => {
  it('loads from a file, and the verdict table read from the DOM equals the report', async () => {
    if (!CHROMIUM) throw new Error(`CI is set but ${CHROMIUM_SKIP_REASON}`);
    const report = sampleReport();
    const svg = await renderVegaLiteToSvg(fmcPlot([{ label: 'vector 4', model: 'vector', neurons: 4, fmc: [0.5, 0.25, 0.125] }]));
    report.figures = [{ id: 'fmc', title: 'FMC', caption: 'a small curve', svg }];
    const dir = mkdtempSync(join(tmpdir(), 'matmem-html-'));
    const file = join(dir, 'report.html');
    writeFileSync(file, reportToHtml(report));
    const dom = dumpDom(file);
    // Chromium parsed the whole page: the last element is there, and the title
    expect(dom).toContain('<title>matmem report (seed 7)</title>');
    expect(dom).toMatch(/<figure class="fig" id="figure-fmc"><svg[\s\S]*<\/svg>/);
    const readBack = readVerdictTable(dom);
    expect(Object.keys(readBack)).toEqual(Object.keys(SAMPLE_VERDICTS));
    const expected = Object.fromEntries(
      report.claims.map((c) => [c.id, Object.fromEntries((['paper', 'exact', 'experiment'] as const).map((m) => [m, c.results.find((r) => r.model === m)?.verdict ?? '']))]),
    );
    expect(readBack).toEqual(expected);
    // the formulas arrive as KaTeX markup, and none failed to parse
    expect((dom.match(/<span class="katex">/g) ?? []).length).toBe(SAMPLE_TEX_COUNT);
    expect(dom).not.toContain('katex-error');
    rmSync(dir, { recursive: true, force: true });
  });

  it('fits a 1400 px window: every derivation table of a real run wraps instead of widening the page', async () => {
    if (!CHROMIUM) throw new Error(`CI is set but ${CHROMIUM_SKIP_REASON}`);
    const report = sampleReport();
    report.derivations = checkAllDerivations({ seed: 1, runs: 20 }, (await loadUnits()).derivations);
    expect(report.derivations.length).toBeGreaterThan(5);
    const dir = mkdtempSync(join(tmpdir(), 'matmem-html-'));
    const file = join(dir, 'report.html');
    // the page measures itself once laid out, and leaves the numbers in the DOM for the dump
    const probe = '<script>addEventListener("load",()=>{const w=Math.max(...[...document.querySelectorAll("table.derivation")].map(t=>t.getBoundingClientRect().right));document.body.dataset.scrollWidth=document.documentElement.scrollWidth;document.body.dataset.tablesRight=Math.ceil(w)});</script>';
    writeFileSync(file, reportToHtml(report).replace('</body>', `${probe}</body>`));
    const dom = dumpDom(file, '1400,900');
    const scrollWidth = Number(/data-scroll-width="(\d+)"/.exec(dom)?.[1]);
    const tablesRight = Number(/data-tables-right="(\d+)"/.exec(dom)?.[1]);
    expect(scrollWidth).toBeGreaterThan(0);
    expect(scrollWidth).toBeLessThanOrEqual(1400);
    expect(tablesRight).toBeLessThanOrEqual(1400);
    rmSync(dir, { recursive: true, force: true });
  });
});

