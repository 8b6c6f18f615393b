/**
 * Figures 2, 3 and 4 as a reader sees them: each SVG in a page, laid out and screenshotted by headless
 * Chromium. Every series (each line of each panel; the dashed and dotted reference lines aside) must
 * have visible pixels of its own colour inside its plot area, off the frame: a curve hidden under
 * another one, or drawn on the top border, fails. The panels must be large enough to read, and the
 * paper model must be on the left of the exact model in every figure.
 * Chromium is required in CI (.ci/install-chromium.sh); elsewhere without it the test is skipped.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { figure2Numbers } from '../../src/figures/figure2.ts';
import { memoryFigureData } from '../../src/figures/memory-figures.ts';
import { figure2 } from '../../src/report/figure2.ts';
import { memoryFigure } from '../../src/report/memory-figures.ts';
import { CHROMIUM, CHROMIUM_SKIP_REASON, IN_CI, dumpDom, screenshot } from '../helpers/chromium.ts';
import { lineVisibility, readLayoutProbe, LAYOUT_PROBE, type LineVisibility } from './figure-pixels.ts';

if (!CHROMIUM && !IN_CI) process.stderr.write(`[test/report/figures-in-chromium] skipped: ${CHROMIUM_SKIP_REASON}\n`);

/** Fewest pixels of a series' own colour that count as a visible curve (a stretch of about 20 px of a 1.5 px line). */
const MIN_VISIBLE_PIXELS = 30;

/** The figure in a page as Chromium draws it: its lines with their panels, titles and, from a screenshot, each line's visible pixels. */
function lookAt(svg: string): { width: number; height: number; lines: LineVisibility[]; titles: { text: string; left: number }[] } {
  const width = Math.ceil(Number(/^<svg[^>]* width="([\d.]+)"/.exec(svg)?.[1]));
  const height = Math.ceil(Number(/^<svg[^>]* height="([\d.]+)"/.exec(svg)?.[1]));
  const dir = mkdtempSync(join(tmpdir(), 'matmem-figure-'));
  try {
    const page = join(dir, 'figure.html');
    writeFileSync(page, `<!doctype html><html><head><meta charset="utf-8"></head><body style="margin:0">${svg}${LAYOUT_PROBE}</body></html>`);
    const layout = readLayoutProbe(dumpDom(page, `${width},${height}`));
    const png = join(dir, 'figure.png');
    screenshot(page, png, width, height);
    const image = PNG.sync.read(readFileSync(png));
    return { width, height, lines: lineVisibility(layout.lines, image), titles: layout.titles };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function expectEverySeriesVisible(lines: LineVisibility[], expectedLines: number): void {
  expect(lines).toHaveLength(expectedLines);
  const hidden = lines.filter((l) => l.visiblePixels < MIN_VISIBLE_PIXELS).map((l) => `${l.series} in ${l.panel}: ${l.visiblePixels} px`);
  expect(hidden).toEqual([]);
}

describe.skipIf(!CHROMIUM && !IN_CI)('Figures 2–4 in headless Chromium', () => {
  it('Figure 2: every curve of panels A–E shows, C/D and E included where the exact curves lie on I(W)', async () => {
    if (!CHROMIUM) throw new Error(`CI is set but ${CHROMIUM_SKIP_REASON}`);
    const { svg } = await figure2({ ...figure2Numbers({ seed: 1 }), inputFisher: 1 });
    const seen = lookAt(svg);
    // A–D: two panels (paper, exact) with 2, 3, 2, 3 curves; E: three series
    expectEverySeriesVisible(seen.lines, 2 * (2 + 3 + 2 + 3) + 3);
    const left = (prefix: string, model: string) => seen.titles.find((t) => t.text === `${prefix} (${model} model)`)!.left;
    for (const p of ['A. FMC, vector vs matrix', 'C. cumulative J, vector vs matrix']) expect(left(p, 'paper')).toBeLessThan(left(p, 'exact'));
  });

  it.each([3, 4] as const)('Figure %i: large, the paper model on the left, and every network\'s curve shows in both models', async (which) => {
    if (!CHROMIUM) throw new Error(`CI is set but ${CHROMIUM_SKIP_REASON}`);
    const data = memoryFigureData({ seed: 1 });
    const { svg } = await memoryFigure(which, data);
    const seen = lookAt(svg);
    expect(seen.width).toBeGreaterThan(880);
    expect(seen.height).toBeGreaterThan(2 * 311);
    expectEverySeriesVisible(seen.lines, data.series.length);
    const paper = seen.titles.find((t) => t.text.startsWith('Paper model'))!;
    const exact = seen.titles.find((t) => t.text.startsWith('Exact model'))!;
    expect(paper.left).toBeLessThan(exact.left);
    // each network has a colour of its own: seven series, seven colours, the same in both columns
    const colours = new Map(seen.lines.map((l) => [l.series, l.stroke]));
    expect(new Set(colours.values()).size).toBe(data.neurons.length);
  });
});
