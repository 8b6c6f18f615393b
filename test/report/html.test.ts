import { beforeAll, describe, expect, it } from 'vitest';
import { reportToHtml } from '../../src/report/html.ts';
import type { Report } from '../../src/core/types.ts';
import { fmcPlot, renderVegaLiteToSvg } from '../../src/report/plots.ts';
import { externalReferences, readVerdictTable } from './html-read.ts';
import { SAMPLE_TEX_COUNT, SAMPLE_VERDICTS, sampleReport } from './sample-report.ts';

let report: Report;
let html: string;

beforeAll(async () => {
  report = sampleReport();
  const svg = await renderVegaLiteToSvg(fmcPlot([{ label: 'vector 4', model: 'vector', neurons: 4, fmc: [0.5, 0.25, 0.125] }], { title: 'J(k)' }));
  report.figures = [{ id: 'fmc', title: 'A small FMC', caption: 'three points', svg }];
  html = reportToHtml(report);
});

describe('reportToHtml', () => {
  it('refers to nothing outside the page (no URL in src, href or url(), no @import, no script)', () => {
    expect(externalReferences(html)).toEqual([]);
    expect(html).not.toMatch(/<script/i);
    // the inline SVG's namespace declarations are there, and are not loads
    expect(html).toContain('xmlns="http://www.w3.org/2000/svg"');
    // the checker itself finds what it must
    expect(externalReferences('<img src="https://x.org/a.png"><a href=//cdn.x/y>y</a><style>@import "a.css";b{background:url(http://x/i.png)}</style>')).toHaveLength(4);
  });

  it('embeds every KaTeX font as a woff2 data: URI and no font file reference remains', () => {
    const faces = html.match(/@font-face\{[^}]*\}/g) ?? [];
    expect(faces.length).toBe(20);
    for (const face of faces) {
      const m = /src:url\(data:font\/woff2;base64,([A-Za-z0-9+/=]+)\) format\("woff2"\)/.exec(face);
      expect(m, face.slice(0, 80)).not.toBeNull();
      expect(Buffer.from(m![1], 'base64').subarray(0, 4).toString('latin1')).toBe('wOF2');
    }
    expect(html).not.toMatch(/url\(["']?fonts\//);
  });

  it('renders every formula with KaTeX on the server: display math for statements, inline in derivations', () => {
    expect((html.match(/<span class="katex">/g) ?? []).length).toBe(SAMPLE_TEX_COUNT);
    expect((html.match(/<span class="katex-display">/g) ?? []).length).toBe(3);
    expect(html).not.toContain('katex-error');
    // the TeX source is kept as MathML annotation, and the fraction is laid out (mfrac)
    expect(html).toContain('<annotation encoding="application/x-tex">J_{tot} &lt; \\frac{1}{\\varepsilon_1\\varepsilon_2}\\operatorname{Tr}(W^T W)</annotation>');
    expect(html).toContain('<mfrac>');
    const bad = sampleReport();
    bad.claims[0].statementTex = '\\frac{1}{';
    expect(reportToHtml(bad)).toContain('katex-error');
  });

  it('puts the verdict table first, one row per claim in order, colour-coded by verdict', () => {
    expect(html.indexOf('<table id="verdicts">')).toBeLessThan(html.indexOf('<h2 id="derivations">'));
    expect(html.indexOf('<h2 id="derivations">')).toBeLessThan(html.indexOf('<h2 id="claims">'));
    const table = readVerdictTable(html);
    expect(Object.keys(table)).toEqual(Object.keys(SAMPLE_VERDICTS));
    expect(table).toEqual(SAMPLE_VERDICTS);
    expect(html).toContain('<td class="v fails" data-model="exact" data-verdict="fails">fails</td>');
    expect(html).toContain('<td class="na" data-model="exact" data-verdict="">—</td>');
    expect(html).toMatch(/\.fails\{background:#fbe0e0/);
    expect(html).toContain('<tr data-claim="eq-49.lyapunov"><td><a href="#claim-eq-49.lyapunov">eq-49.lyapunov</a></td><td>Eq. 49 | Appendix</td>');
  });

  it('shows derivation steps, evidence, statistics and the counterexample matrices', () => {
    expect(html).toMatch(/<tr data-step="3">[\s\S]*?<td class="v fails" data-verdict="fails">fails<\/td>/);
    expect(html).toMatch(/<tr data-step="1">[\s\S]*?<td>symbolic<\/td>/);
    const exact = html.slice(html.indexOf('<div class="result" data-model="exact" data-verdict="fails">'));
    expect(exact).toMatch(/<th>V<\/th><td><table class="matrix" data-rows="2" data-cols="2"><tbody><tr><td>0.5<\/td><td>0<\/td><\/tr><tr><td>0<\/td><td>-0.125<\/td><\/tr><\/tbody><\/table>/);
    expect(exact).toContain('<td>0.9999999999999998</td><td>1</td><td>1.0000000000000002</td>');
    expect(exact).toContain('<code>matmem verify --claim corollary-2.1 --seed 7 --path 3:0:0</code>');
    expect(html).toContain('cases: 50 (model undefined in 3, counted)');
    expect(html).toContain('Eq. 9 is the covariance of X(n) when A &lt; B &amp; C &gt; D.');
  });

  it('inlines the figures as SVG with their captions, and is deterministic', () => {
    expect(html).toMatch(/<figure class="fig" id="figure-fmc"><svg [^>]*>[\s\S]*<\/svg><figcaption><b>A small FMC\.<\/b> three points<\/figcaption><\/figure>/);
    expect(reportToHtml(report)).toBe(html);
  });
});
