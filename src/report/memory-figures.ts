/**
 * Figures 3 and 4 of the paper (the memory system of Eq. 34 with p = 1), laid out like Figure 2:
 * the paper model on the left, the exact model on the right, one row per network size (small
 * multiples: seven curves in one panel hide each other). Figure 3 draws J(k)′, on a log scale in the
 * paper model (it falls by decades per step, so on a linear axis it is 0 from k = 2 on) and linear in
 * the exact one (it grows towards the horizon); Figure 4 draws the partial sums Σ_{i≤k} J(i)′ with
 * I(W) (dashed) and the network's J_tot without memory (dotted) as reference lines.
 */
import type { MemoryFigureData, MemoryFigureSeries } from '../figures/memory-figures.ts';
import { renderVegaLiteToSvg } from './vega-svg.ts';

const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

/** Panel size of one network in one model (CSS pixels). */
export const MEMORY_PANEL = { width: 360, height: 72 };

/** Seven saturated categorical colours, one per network size, the same in both columns. */
const NETWORK_COLOURS = 'dark2';

/** One point of a curve. */
export interface MemoryFigurePoint {
  network: string;
  k: number;
  value: number;
  /** I(W) = Tr(WᵀW)/(ε₁ε₂) of the network (Figure 4's dashed line). */
  inputFisher: number;
  /** J_tot of the same network without memory (Eq. 5) in the same model (Figure 4's dotted line). */
  withoutMemory: number;
}

/** The network's row label, e.g. "MAT-36 (6×6)". */
export function networkLabel(s: Pick<MemoryFigureSeries, 'label' | 'neurons'>): string {
  const N = Math.round(Math.sqrt(s.neurons));
  return `${s.label} (${N}×${N})`;
}

/** The points of one model's curves: J(k)′ (Figure 3) or its partial sums (Figure 4); on a log scale only positive values. */
export function memoryFigurePoints(which: 3 | 4, series: MemoryFigureSeries[], logY: boolean): MemoryFigurePoint[] {
  return series.flatMap((s) =>
    (which === 3 ? s.fmc : s.cumulative).flatMap((value, k) =>
      Number.isFinite(value) && (!logY || value > 0) ? [{ network: networkLabel(s), k, value, inputFisher: s.inputFisher, withoutMemory: s.jtotWithoutMemory }] : [],
    ),
  );
}

/** The column of one model: a panel per network, stacked, on one y scale; the first column names the rows. */
function modelColumn(which: 3 | 4, data: MemoryFigureData, model: 'paper' | 'exact', networks: string[], firstColumn: boolean): Record<string, unknown> {
  const series = data.series.filter((s) => s.model === model);
  const logY = which === 3 && model === 'paper';
  const yTitle = which === 3 ? (logY ? ['J(k)′', 'log scale'] : 'J(k)′') : ['Σ J(i)′', 'i ≤ k'];
  const points = memoryFigurePoints(which, series, logY);
  const yScale = logY ? { type: 'log' } : which === 4 ? { domain: [0, cumulativeTop(data)], nice: false } : { zero: true };
  const panel = (network: string, last: boolean): Record<string, unknown> => {
    const line = {
      mark: { type: 'line', clip: true, strokeWidth: 2 },
      encoding: {
        x: {
          field: 'k',
          type: 'quantitative',
          scale: { domain: [0, data.k - 1], nice: false },
          // only the bottom row carries the k labels and title; the grid runs through every row
          axis: last ? { title: 'k (steps back from the present)' } : { title: null, labels: false, ticks: false, domain: false },
        },
        y: { field: 'value', type: 'quantitative', title: yTitle, scale: yScale, axis: logY ? { format: '.0e', tickCount: 4 } : { tickCount: 4 } },
        color: { field: 'network', type: 'nominal', scale: { domain: networks, scheme: NETWORK_COLOURS }, legend: null },
      },
    };
    // Figure 4: reference lines first, so that a curve reaching one is drawn over it
    const references =
      which === 4
        ? [
            { field: 'inputFisher', strokeDash: [6, 4], title: 'I(W)' },
            { field: 'withoutMemory', strokeDash: [2, 3], title: 'J_tot without memory' },
          ].map((r) => ({
            transform: [{ filter: 'datum.k === 0' }],
            mark: { type: 'rule', color: '#777', strokeWidth: 1, strokeDash: r.strokeDash },
            encoding: { y: { field: r.field, type: 'quantitative' }, tooltip: { field: r.field, type: 'quantitative', title: r.title } },
          }))
        : [];
    return {
      ...(firstColumn ? { title: { text: network, orient: 'left', angle: 0, anchor: 'middle', align: 'left', fontSize: 12, offset: 8 } } : {}),
      width: MEMORY_PANEL.width,
      height: MEMORY_PANEL.height,
      data: { values: points.filter((p) => p.network === network) },
      layer: [...references, line],
    };
  };
  const title = model === 'paper' ? `Paper model: Eq. 41, sums over m to depth ${data.truncationDepth}` : `Exact model: the state from zero, horizon T = ${data.horizon}`;
  return {
    title: { text: title, anchor: 'middle', fontSize: 13 },
    vconcat: networks.map((network, i) => panel(network, i === networks.length - 1)),
    // rows placed by their panels' size alone, so that the two columns line up whatever their axis labels
    bounds: 'flush',
    spacing: 16,
    resolve: { scale: { y: 'shared', color: 'shared' } },
  };
}

/** Top of Figure 4's y axis: 15 % above the largest of the curves and the reference lines. */
export function cumulativeTop(data: MemoryFigureData): number {
  const top = Math.max(...data.series.flatMap((s) => [...s.cumulative, s.inputFisher, s.jtotWithoutMemory].filter(Number.isFinite)));
  return Math.ceil(top * 1.15 * 10) / 10;
}

/** The vega-lite spec of Figure 3 or 4. */
export function memoryFigureSpec(which: 3 | 4, data: MemoryFigureData): Record<string, unknown> {
  const networks = [...new Map(data.series.map((s) => [s.neurons, networkLabel(s)])).entries()].sort((a, b) => a[0] - b[0]).map((e) => e[1]);
  const title =
    which === 3
      ? { text: "Figure 3: FMC J(k)′ of the memory system of Eq. 34 (p = 1, α₁ = 1)", subtitle: `normal U, V; J(k)′ for k = 0 … ${data.k - 1}` }
      : {
          text: "Figure 4: cumulative FMC of the memory system of Eq. 34 (p = 1, α₁ = 1)",
          subtitle: `normal U, V; Σ J(i)′ over i ≤ k for k = 0 … ${data.k - 1}. Dashed: I(W) = Tr(WᵀW)/(ε₁ε₂); dotted: J_tot of the same network without memory`,
        };
  return {
    $schema: SCHEMA,
    title: { ...title, anchor: 'start', fontSize: 15, subtitleFontSize: 12 },
    hconcat: [modelColumn(which, data, 'paper', networks, true), modelColumn(which, data, 'exact', networks, false)],
    spacing: 28,
    resolve: { scale: { color: 'shared' } },
    config: { axis: { titleFontSize: 11, labelFontSize: 10 }, title: { fontSize: 13 } },
  };
}

/** Figure 3 or 4 as SVG text, with its spec; the same data gives the same SVG. */
export async function memoryFigure(which: 3 | 4, data: MemoryFigureData): Promise<{ svg: string; spec: Record<string, unknown> }> {
  const spec = memoryFigureSpec(which, data);
  return { svg: await renderVegaLiteToSvg(spec), spec };
}

/** The caption of Figure 3 or 4 for these data (their depth, horizon and number of points). */
export function memoryFigureCaption(which: 3 | 4, data: MemoryFigureData): string {
  const T = data.horizon;
  const range = `k = 0 … ${data.k - 1}`;
  const short = data.k < T ? ` (the curves stop at k = ${data.k - 1}, before the horizon: with --k ${T} they reach it)` : '';
  if (which === 3) {
    return (
      `Figure 3: FMC J(k)′ of Eq. 34 (p = 1, α₁ = 1), normal U, V, one row per network size, ${range}${short}. ` +
      `Left: the paper's model (Eq. 41 under the reconstructed Eq. 40, sums over m truncated at depth D = ${data.truncationDepth}), on a log scale: it falls by orders of magnitude per step. ` +
      `Right: the exact system, which has no stationary law (ρ(F) ≥ 1), started from zero and observed after T = ${T} steps.`
    );
  }
  return (
    `Figure 4: cumulative FMC Σ J(i)′ over i ≤ k of the same systems, ${range}${short}. ` +
    `Exact (right): the total at k = T − 1 = ${T - 1} is I(W) = ‖W‖²/(ε₁ε₂) = 1 (dashed), at every horizon (normal U, V), the same as without memory. ` +
    "Paper model (left): below its own J_tot without memory (dotted)."
  );
}
