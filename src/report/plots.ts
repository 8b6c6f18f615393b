/**
 * Vega-lite spec builders for the report's plots: Fisher memory curves J(k) (Eq. 12 for matrix,
 * Eq. 14 for vector networks), their partial sums Σ_{i≤k} J(i), and J_tot against the number of
 * neurons. Builders return plain specs; `renderVegaLiteToSvg` (vega-svg.ts) turns them into SVG.
 */
export { renderVegaLite, renderVegaLiteToSvg, type RenderedSvg } from './vega-svg.ts';

const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

/** One Fisher memory curve: J(0), J(1), … of a network. */
export interface FmcSeries {
  label: string;
  /** 'vector', 'paper' or 'exact' (any string; used to group and facet). */
  model: string;
  neurons: number;
  fmc: number[];
}

/** A point of J_tot against the number of neurons. */
export interface JtotPoint {
  neurons: number;
  jtot: number;
  series: string;
}

export interface PlotOptions {
  /** A title, or a vega-lite title object ({ text, subtitle }). */
  title?: string | Record<string, unknown>;
  width?: number;
  height?: number;
  /** Log scale on y; points with a value ≤ 0 cannot be drawn there and are left out. */
  logY?: boolean;
  yTitle?: string;
  /** A dashed horizontal reference line, e.g. I(W) = Tr(WᵀW)/(ε₁ε₂) for capacities; drawn under the curves. */
  reference?: { value: number; label: string };
  /** The y axis from 0 to this value (linear scale), e.g. room above a reference line that curves reach. */
  yMax?: number;
  /** Series told apart by their dash pattern as well as their colour, so that coinciding lines all show. */
  dashBySeries?: boolean;
}

/** A y-axis top 15 % above the largest value, rounded up to a tenth: curves at the largest value stay off the frame. */
export function axisTopAbove(values: number[]): number {
  const finite = values.filter(Number.isFinite);
  const top = finite.length === 0 ? 1 : Math.max(...finite);
  return Math.ceil(Math.round(top * 1.15 * 1e9) / 1e8) / 10;
}

/** The y scale of a panel: log, or linear from 0 to yMax, or vega-lite's default. */
function yScale(opts: PlotOptions): Record<string, unknown> {
  if (opts.logY) return { scale: { type: 'log' } };
  if (opts.yMax !== undefined) return { scale: { domain: [0, opts.yMax], nice: false } };
  return {};
}

/**
 * Colour (and with dashBySeries the dash pattern, solid first) by series, in the given order. Colour
 * and dash share one explicit domain, which is what makes vega-lite draw them as one legend.
 */
function seriesEncoding(opts: PlotOptions, order: string[]): Record<string, unknown> {
  const legend = { labelLimit: 320 };
  if (!opts.dashBySeries) return { color: { field: 'series', type: 'nominal', title: null, sort: order, legend } };
  const scale = { domain: order };
  return {
    color: { field: 'series', type: 'nominal', title: null, scale, legend },
    strokeDash: { field: 'series', type: 'nominal', title: null, scale, legend },
  };
}

/** One row of a curve plot's data. */
export interface CurvePoint {
  series: string;
  model: string;
  k: number;
  value: number;
}

/** Partial sums Σ_{i≤k} of a sequence. */
export function cumulative(values: number[]): number[] {
  let s = 0;
  return values.map((v) => (s += v));
}

/** Rows of a curve plot; non-finite values (and non-positive ones on a log scale) are left out. */
export function curvePoints(series: { label: string; model: string; values: number[] }[], logY = false): CurvePoint[] {
  return series.flatMap((s) =>
    s.values.flatMap((value, k) => (Number.isFinite(value) && (!logY || value > 0) ? [{ series: s.label, model: s.model, k, value }] : [])),
  );
}

/** A unit (or layered) line chart of curves against k, without `$schema`: a panel to compose. */
export function curvePanel(series: { label: string; model: string; values: number[] }[], opts: PlotOptions & { xTitle?: string }): Record<string, unknown> {
  const line = {
    mark: { type: 'line', clip: true },
    encoding: {
      x: { field: 'k', type: 'quantitative', title: opts.xTitle ?? 'k' },
      y: { field: 'value', type: 'quantitative', title: opts.yTitle ?? 'value', ...yScale(opts) },
      ...seriesEncoding(opts, series.map((s) => s.label)),
    },
  };
  return withReference(
    { ...(opts.title ? { title: opts.title } : {}), width: opts.width ?? 300, height: opts.height ?? 200, data: { values: curvePoints(series, opts.logY) } },
    line,
    opts.reference,
  );
}

/** Fisher memory curves J(k) against k, one line per series. */
export function fmcPlot(series: FmcSeries[], opts: PlotOptions = {}): Record<string, unknown> {
  return standalone(curvePanel(series.map(asCurve), { yTitle: 'J(k)', ...opts }));
}

/** Partial sums Σ_{i≤k} J(i) against k, one line per series (their limit is J_tot). */
export function cumulativePlot(series: FmcSeries[], opts: PlotOptions = {}): Record<string, unknown> {
  return standalone(curvePanel(series.map(asCumulative), { yTitle: 'Σ J(i) over i ≤ k', ...opts }));
}

/** A J_tot-against-neurons panel (line with points per series), without `$schema`. */
export function jtotVsNeuronsPanel(points: JtotPoint[], opts: PlotOptions = {}): Record<string, unknown> {
  const rows = points.filter((p) => Number.isFinite(p.jtot) && (!opts.logY || p.jtot > 0));
  const seriesOrder = [...new Set(points.map((p) => p.series))];
  const line = {
    mark: { type: 'line', point: true },
    encoding: {
      x: { field: 'neurons', type: 'quantitative', title: 'neurons' },
      y: { field: 'jtot', type: 'quantitative', title: opts.yTitle ?? 'J_tot', ...yScale(opts) },
      ...seriesEncoding(opts, seriesOrder),
    },
  };
  return withReference(
    { ...(opts.title ? { title: opts.title } : {}), width: opts.width ?? 300, height: opts.height ?? 200, data: { values: rows } },
    line,
    opts.reference,
  );
}

/** J_tot against the number of neurons, one line (with points) per series. */
export function jtotVsNeuronsPlot(points: JtotPoint[], opts: PlotOptions = {}): Record<string, unknown> {
  return standalone(jtotVsNeuronsPanel(points, opts));
}

export function asCurve(s: FmcSeries): { label: string; model: string; values: number[] } {
  return { label: s.label, model: s.model, values: s.fmc };
}

export function asCumulative(s: FmcSeries): { label: string; model: string; values: number[] } {
  return { label: s.label, model: s.model, values: cumulative(s.fmc) };
}

/** Adds `$schema` to a panel so it can be compiled on its own. */
export function standalone(panel: Record<string, unknown>): Record<string, unknown> {
  return { $schema: SCHEMA, ...panel };
}

function withReference(frame: Record<string, unknown>, line: Record<string, unknown>, reference: PlotOptions['reference']): Record<string, unknown> {
  if (!reference) return { ...frame, ...line };
  const rule = {
    data: { values: [{ value: reference.value, label: reference.label }] },
    mark: { type: 'rule', strokeDash: [4, 3], color: '#888' },
    encoding: { y: { field: 'value', type: 'quantitative' }, tooltip: { field: 'label' } },
  };
  // the reference line first: a curve that reaches it is drawn over it, not under it
  return { ...frame, layer: [rule, line] };
}

