/** Plots: vega-lite specs rendered to SVG in Node (vega's headless 'none' renderer, no canvas). */
import { compile, type TopLevelSpec } from 'vega-lite';
import * as vega from 'vega';

/** A vega-lite spec as SVG text; deterministic for the same spec. */
export async function renderVegaLiteToSvg(spec: object): Promise<string> {
  const vgSpec = compile(spec as TopLevelSpec).spec;
  const view = new vega.View(vega.parse(vgSpec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

export interface CurveSeries {
  label: string;
  model: string;
  values: number[];
}

/** Line chart of several series against k (one line per label, one panel per model when `facetByModel`). */
export function curvesSpec(series: CurveSeries[], opts: { title: string; yTitle: string; logY?: boolean; facetByModel?: boolean; width?: number; height?: number }): object {
  const values = series.flatMap((s) => s.values.map((value, k) => ({ label: s.label, model: s.model, k, value })));
  const y = { field: 'value', type: 'quantitative', title: opts.yTitle, ...(opts.logY ? { scale: { type: 'log' } } : {}) };
  const layer = {
    width: opts.width ?? 300,
    height: opts.height ?? 200,
    mark: { type: 'line' },
    encoding: { x: { field: 'k', type: 'quantitative', title: 'k' }, y, color: { field: 'label', type: 'nominal', title: null } },
  };
  const base = { $schema: 'https://vega.github.io/schema/vega-lite/v5.json', title: opts.title, data: { values } };
  return opts.facetByModel ? { ...base, facet: { column: { field: 'model', type: 'nominal', title: null } }, spec: layer } : { ...base, ...layer };
}

/** Scatter/line of J_tot against the number of neurons, one series per label. */
export function capacitySpec(points: { neurons: number; jtot: number; series: string }[], opts: { title: string }): object {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    title: opts.title,
    data: { values: points },
    width: 300,
    height: 200,
    mark: { type: 'line', point: true },
    encoding: {
      x: { field: 'neurons', type: 'quantitative', title: 'neurons' },
      y: { field: 'jtot', type: 'quantitative', title: 'J_tot (= J_tot,rel)' },
      color: { field: 'series', type: 'nominal', title: null },
    },
  };
}

/** Cumulative sums Σ_{i≤k} of a curve. */
export function cumulative(values: number[]): number[] {
  let s = 0;
  return values.map((v) => (s += v));
}
