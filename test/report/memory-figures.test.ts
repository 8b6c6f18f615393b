/**
 * Figures 3 and 4 as specs and SVG: the paper model left of the exact one (as in Figure 2), one
 * panel per network, a log scale where the paper's J(k)′ falls by decades, axis titles in plain
 * math, reference lines under the curves and room above I(W).
 */
import { describe, expect, it } from 'vitest';
import type { MemoryFigureData, MemoryFigureSeries } from '../../src/figures/memory-figures.ts';
import { cumulativeTop, memoryFigure, memoryFigureCaption, memoryFigurePoints, memoryFigureSpec, networkLabel } from '../../src/report/memory-figures.ts';
import { axisTitles, titleTexts } from './svg-read.ts';

/** J(k)′ = scale·r^k and its running sum, for a network of n neurons in one model. */
function series(label: string, neurons: number, model: 'paper' | 'exact', r: number, scale: number, K: number): MemoryFigureSeries {
  const fmc = Array.from({ length: K }, (_, k) => scale * r ** k);
  let sum = 0;
  return { label, model, neurons, fmc, cumulative: fmc.map((v) => (sum += v)), jtot: sum, jtotWithoutMemory: 0.5, inputFisher: 1, spectralRadius: 1.2 };
}

function data(K = 12): MemoryFigureData {
  const nets: [string, number][] = [['MAT-36', 36], ['MAT-16', 16]];
  return {
    neurons: [16, 36],
    k: K,
    truncationDepth: 10,
    horizon: K,
    seed: 1,
    series: nets.flatMap(([label, n]) => [series(label, n, 'exact', 0.9, 0.1, K), series(label, n, 'paper', 1e-3, 0.2, K)]),
  };
}

type Panel = { layer: { mark: { type: string }; encoding: { y: { title?: unknown; scale?: { type?: string; domain?: number[] } } } }[]; data: { values: { network: string }[] } };
const columns = (spec: Record<string, unknown>) => spec.hconcat as { title: { text: string }; vconcat: Panel[] }[];
const lineOf = (p: Panel) => p.layer.find((l) => l.mark.type === 'line')!;

describe('memoryFigureSpec', () => {
  it('puts the paper model left of the exact model, one panel per network from the smallest', () => {
    const spec = memoryFigureSpec(3, data());
    expect(columns(spec).map((c) => c.title.text)).toEqual(['Paper model: Eq. 41, sums over m to depth 10', 'Exact model: the state from zero, horizon T = 12']);
    for (const c of columns(spec)) expect(c.vconcat.map((p) => p.data.values[0].network)).toEqual(['MAT-16 (4×4)', 'MAT-36 (6×6)']);
  });

  it('Figure 3: the paper J(k)′ on a log scale, the exact one linear; titles in plain math', () => {
    const [paper, exact] = columns(memoryFigureSpec(3, data()));
    expect(lineOf(paper.vconcat[0]).encoding.y.scale?.type).toBe('log');
    expect(lineOf(exact.vconcat[0]).encoding.y.scale?.type).toBeUndefined();
    expect(lineOf(paper.vconcat[0]).encoding.y.title).toEqual(['J(k)′', 'log scale']);
    expect(lineOf(exact.vconcat[0]).encoding.y.title).toBe('J(k)′');
  });

  it('Figure 4: I(W) and J_tot without memory drawn before the curve, under an axis that ends above them', () => {
    const [paper, exact] = columns(memoryFigureSpec(4, data()));
    for (const p of [...paper.vconcat, ...exact.vconcat]) {
      expect(p.layer.map((l) => l.mark.type)).toEqual(['rule', 'rule', 'line']);
      expect(lineOf(p).encoding.y.scale?.domain).toEqual([0, 1.2]);
      expect(lineOf(p).encoding.y.title).toEqual(['Σ J(i)′', 'i ≤ k']);
    }
  });
});

describe('parts of the figures', () => {
  it('networkLabel names the matrix size', () => {
    expect(networkLabel({ label: 'MAT-196', neurons: 196 })).toBe('MAT-196 (14×14)');
  });

  it('memoryFigurePoints leaves out what a log scale cannot draw', () => {
    const s = { ...series('MAT-16', 16, 'paper', 0.5, 1, 3), fmc: [1, 0, Number.NaN] };
    expect(memoryFigurePoints(3, [s], true).map((p) => p.k)).toEqual([0]);
    expect(memoryFigurePoints(3, [s], false).map((p) => p.k)).toEqual([0, 1]);
    expect(memoryFigurePoints(4, [s], false).map((p) => [p.k, p.value])).toEqual([[0, 1], [1, 1.5], [2, 1.75]]);
  });

  it('cumulativeTop leaves 15 % above the largest curve or reference, in tenths', () => {
    expect(cumulativeTop(data())).toBe(1.2);
    const high = data();
    high.series[0].inputFisher = 2;
    expect(cumulativeTop(high)).toBe(2.3);
  });

  it('the caption states the range of k, and warns when the curves stop before the horizon', () => {
    expect(memoryFigureCaption(4, data())).toContain('k = 0 … 11.');
    expect(memoryFigureCaption(4, data())).not.toContain('stop');
    const short = { ...data(), horizon: 100 };
    expect(memoryFigureCaption(3, short)).toContain('the curves stop at k = 11, before the horizon: with --k 100 they reach it');
  });
});

describe('memoryFigure', () => {
  it('renders one line per network and model, and the titles and axes as written', async () => {
    const { svg } = await memoryFigure(4, data());
    expect(svg.match(/aria-roledescription="line mark"/g)).toHaveLength(4);
    expect(svg.match(/aria-roledescription="rule mark"/g)).toHaveLength(8);
    expect(titleTexts(svg)).toEqual(expect.arrayContaining(['MAT-16 (4×4)', 'MAT-36 (6×6)', 'Paper model: Eq. 41, sums over m to depth 10']));
    const axes = axisTitles(svg);
    expect(axes).toContain('k (steps back from the present)');
    expect(axes.join(' ')).not.toMatch(/_\{|'/);
  });
});
