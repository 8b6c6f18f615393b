import { describe, expect, it } from 'vitest';
import { figure2, figure2Spec, type Figure2Data } from '../../src/report/figure2.ts';
import { axisTopAbove, cumulativePlot, fmcPlot, jtotVsNeuronsPlot, renderVegaLite, renderVegaLiteToSvg, type FmcSeries } from '../../src/report/plots.ts';
import { renameSvgIds } from '../../src/report/vega-svg.ts';
import { axisTitles, legendLabels, lineMarks, pointLabels, ruleMarkCount, titleTexts } from './svg-read.ts';

/** J(k) = (1 − r²) r^{2k}: a normal 1-neuron network's curve, whose sum over all k is 1. */
function geometricFmc(r: number, K: number, scale = 1): number[] {
  return Array.from({ length: K }, (_, k) => scale * (1 - r * r) * r ** (2 * k));
}

function figure2Data(): Figure2Data {
  const small: FmcSeries[] = [
    { label: 'vector 16', model: 'vector', neurons: 16, fmc: geometricFmc(0.9, 30) },
    { label: 'matrix 4×4 (paper)', model: 'paper', neurons: 16, fmc: geometricFmc(0.7, 30, 0.6) },
    { label: 'matrix 4×4 (exact)', model: 'exact', neurons: 16, fmc: geometricFmc(0.8, 30) },
  ];
  const large = [6, 8].flatMap((N) =>
    ['paper', 'exact'].map((model) => ({ label: `${N * N} neurons`, model, neurons: N * N, fmc: geometricFmc(0.5 + N / 40, 30, model === 'paper' ? 0.5 : 1) })),
  );
  const capacity = [4, 9, 16, 25].flatMap((n) => [
    { neurons: n, jtot: 1, series: 'vector' },
    { neurons: n, jtot: 0.5 + n / 100, series: 'matrix (paper)' },
    { neurons: n, jtot: 1, series: 'matrix (exact)' },
  ]);
  return { small, large, capacity, inputFisher: 1 };
}

describe('plot builders rendered to SVG', () => {
  it('fmcPlot draws one line per series, through every point, labelled in the legend', async () => {
    const series: FmcSeries[] = [
      { label: 'a', model: 'vector', neurons: 4, fmc: geometricFmc(0.5, 5) },
      { label: 'b', model: 'paper', neurons: 4, fmc: geometricFmc(0.6, 6) },
      { label: 'c', model: 'exact', neurons: 4, fmc: geometricFmc(0.7, 7) },
    ];
    const { svg, warnings } = await renderVegaLite(fmcPlot(series, { title: 'FMC' }));
    expect(warnings).toEqual([]);
    expect(lineMarks(svg).map((l) => [l.series, l.points])).toEqual([['a', 5], ['b', 6], ['c', 7]]);
    expect(legendLabels(svg)).toEqual(['a', 'b', 'c']);
    expect(titleTexts(svg)).toEqual(['FMC']);
    expect(axisTitles(svg)).toEqual(['k', 'J(k)']);
  });

  it('on a log scale leaves out values that cannot be drawn (0, NaN) instead of failing', async () => {
    const spec = fmcPlot([{ label: 'a', model: 'exact', neurons: 1, fmc: [0.5, 0.25, 0, NaN, 0.01] }], { logY: true });
    expect((spec.data as { values: unknown[] }).values).toHaveLength(3);
    const { svg, warnings } = await renderVegaLite(spec);
    expect(warnings).toEqual([]);
    expect(lineMarks(svg)[0].points).toBe(3);
    expect(svg).not.toContain('NaN');
  });

  it('cumulativePlot plots the partial sums Σ_{i≤k} J(i)', async () => {
    const spec = cumulativePlot([{ label: 'a', model: 'vector', neurons: 1, fmc: [0.5, 0.25, 0.125] }]);
    expect((spec.data as { values: { value: number }[] }).values.map((v) => v.value)).toEqual([0.5, 0.75, 0.875]);
    const svg = await renderVegaLiteToSvg(spec);
    expect(lineMarks(svg)).toHaveLength(1);
    expect(svg).toContain('aria-label="k: 0; Σ J(i) over i ≤ k: 0.5; series: a"');
  });

  it('jtotVsNeuronsPlot draws a line and a point per neuron count for each series, and the reference line', async () => {
    const points = [4, 9, 16, 25].flatMap((n) => [
      { neurons: n, jtot: 1, series: 'vector' },
      { neurons: n, jtot: 0.5 + n / 100, series: 'matrix (paper)' },
    ]);
    const svg = await renderVegaLiteToSvg(jtotVsNeuronsPlot(points, { reference: { value: 1, label: 'I(W)' } }));
    expect(lineMarks(svg).map((l) => [l.series, l.points])).toEqual([['vector', 4], ['matrix (paper)', 4]]);
    expect(pointLabels(svg)).toHaveLength(8);
    expect(pointLabels(svg)).toContain('neurons: 9; J_tot: 0.59; series: matrix (paper)');
    expect(ruleMarkCount(svg)).toBe(1);
  });
});

describe('figure2', () => {
  it('composes panels A–E with the paper and exact matrix models side by side', async () => {
    const data = figure2Data();
    const { svg, spec } = await figure2(data);
    const rows = spec.vconcat as { hconcat?: unknown[] }[];
    expect(rows).toHaveLength(5);
    expect(rows.slice(0, 4).map((r) => r.hconcat?.length)).toEqual([2, 2, 2, 2]);
    const titles = titleTexts(svg);
    for (const p of ['A. FMC, vector vs matrix', 'B. FMC, more neurons', 'C. cumulative J, vector vs matrix', 'D. cumulative J, more neurons']) {
      expect(titles).toContain(`${p} (paper model)`);
      expect(titles).toContain(`${p} (exact model)`);
    }
    expect(titles).toContain('E. J_tot against the number of neurons');
    // A and C: the vector net and one matrix net per column; B and D: both sizes per column; E: 3 series
    const marks = lineMarks(svg);
    const seriesIn = (prefix: string) => marks.filter((m) => m.name.startsWith(prefix)).map((m) => m.series);
    expect(seriesIn('concat_0_concat_0_')).toEqual(['vector 16', 'matrix 4×4 (paper)']);
    expect(seriesIn('concat_0_concat_1_')).toEqual(['vector 16', 'matrix 4×4 (exact)']);
    expect(seriesIn('concat_3_concat_1_')).toEqual(['36 neurons', '64 neurons']);
    expect(seriesIn('concat_4_')).toEqual(['vector', 'matrix (paper)', 'matrix (exact)']);
    expect(marks).toHaveLength(4 * 2 * 2 + 3);
    expect(marks.every((m) => m.points === (m.name.startsWith('concat_4_') ? 4 : 30))).toBe(true);
    // I(W) = 1 as a dashed line in C, D (each column) and E
    expect(ruleMarkCount(svg)).toBe(5);
    expect(pointLabels(svg)).toHaveLength(12);
  });

  it('has one column per matrix model present and no reference line without I(W)', () => {
    const data = figure2Data();
    const paperOnly: Figure2Data = { ...data, small: data.small.filter((s) => s.model !== 'exact'), large: data.large.filter((s) => s.model !== 'exact'), inputFisher: undefined };
    const spec = figure2Spec(paperOnly);
    expect((spec.vconcat as { hconcat?: unknown[] }[]).slice(0, 4).map((r) => r.hconcat?.length)).toEqual([1, 1, 1, 1]);
    expect(JSON.stringify(spec)).not.toContain('"rule"');
  });

  it('renders deterministically: the same data gives the same SVG, whatever was rendered before', async () => {
    const first = (await figure2(figure2Data())).svg;
    await renderVegaLiteToSvg(fmcPlot([{ label: 'x', model: 'paper', neurons: 1, fmc: [1, 0.5] }]));
    const second = (await figure2(figure2Data())).svg;
    expect(second).toBe(first);
    // every clip-path reference points at an id defined in the same SVG
    const ids = new Set([...first.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]));
    const refs = [...first.matchAll(/url\(#([^)]+)\)/g)].map((m) => m[1]);
    expect(refs.length).toBeGreaterThan(0);
    expect(refs.every((r) => ids.has(r))).toBe(true);
  });
});

describe('renameSvgIds', () => {
  it('renames ids and their references by content, not by vega\'s global counter', () => {
    const a = '<svg><clipPath id="clip7"><rect/></clipPath><g clip-path="url(#clip7)"/><clipPath id="clip70"/><use href="#clip70"/></svg>';
    const b = a.replace(/clip70/g, 'clip91').replace(/clip7\b/g, 'clip12');
    const ra = renameSvgIds(a);
    expect(renameSvgIds(b)).toBe(ra);
    const [, prefix] = /id="(v[0-9a-f]{10})-1"/.exec(ra)!;
    expect(ra).toBe(`<svg><clipPath id="${prefix}-1"><rect/></clipPath><g clip-path="url(#${prefix}-1)"/><clipPath id="${prefix}-2"/><use href="#${prefix}-2"/></svg>`);
    // different content, different prefix: ids of two figures in one page do not collide
    expect(renameSvgIds(a.replace('<rect/>', '<circle/>'))).not.toContain(prefix);
  });
});

describe('curves that reach a reference line', () => {
  const reaching: FmcSeries[] = [
    { label: 'reaches 1', model: 'exact', neurons: 4, fmc: [0.9, 0.1, 0, 0] },
    { label: 'also 1', model: 'exact', neurons: 9, fmc: [0.5, 0.5, 0, 0] },
  ];

  it('axisTopAbove leaves 15 % above the largest value, in tenths', () => {
    expect(axisTopAbove([0.2, 1, Number.NaN])).toBe(1.2);
    expect(axisTopAbove([0.4])).toBe(0.5);
    expect(axisTopAbove([2])).toBe(2.3);
  });

  it('the reference line is drawn first, under the curves, and the axis ends above it', async () => {
    const svg = await renderVegaLiteToSvg(cumulativePlot(reaching, { reference: { value: 1, label: 'I(W)' }, yMax: 1.2 }));
    expect(svg.indexOf('class="mark-rule')).toBeLessThan(svg.indexOf('class="mark-line'));
    // the top tick is 1.2, above the curves' final value 1
    expect(svg).toContain('>1.2</text>');
  });

  it('dashBySeries gives each series its own dash in one legend with the colours', async () => {
    const { svg, warnings } = await renderVegaLite(cumulativePlot(reaching, { dashBySeries: true }));
    expect(warnings).toEqual([]);
    expect(legendLabels(svg)).toEqual(['reaches 1', 'also 1']);
    const dashes = [...svg.matchAll(/aria-roledescription="line mark"[^>]*stroke-dasharray="([^"]*)"/g)].map((m) => m[1]);
    // the first solid, the second dashed
    expect(dashes).toEqual(['1,0', '4,2']);
  });
});
