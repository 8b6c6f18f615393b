/**
 * Figs. 5 and 7: held-out wrong bits per output matrix and BCE against the iteration, per model:
 * the mean over seeds as a line, mean ± sd as a darker band and min–max as a lighter one.
 */
import type { ExperimentRecord } from '../experiment/record.ts';
import { MODEL_COLOR_SCALE, MODEL_LABEL } from './colors.ts';

export interface BandPoint {
  model: string;
  metric: string;
  iteration: number;
  mean: number;
  sdLow: number;
  sdHigh: number;
  min: number;
  max: number;
  seeds: number;
}


/** Per model, metric and evaluation: mean, mean ± sd (clipped at 0) and min–max over the seeds. */
export function learningBands(record: ExperimentRecord): BandPoint[] {
  const out: BandPoint[] = [];
  for (const model of record.config.models) {
    const runs = record.runs.filter((r) => r.model === model);
    if (runs.length === 0) continue;
    const iterations = runs[0].heldOut.map((p) => p.iteration);
    for (const [metric, f] of [
      ['wrong bits per matrix', (m: { bitErrorPerMatrix: number }) => m.bitErrorPerMatrix],
      ['BCE', (m: { loss: number }) => m.loss],
    ] as const) {
      iterations.forEach((iteration, i) => {
        const xs = runs.map((r) => r.heldOut[i]).filter((p) => p && p.iteration === iteration).map((p) => f(p.mean));
        if (xs.length === 0) return;
        const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
        const sd = xs.length > 1 ? Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (xs.length - 1)) : 0;
        out.push({ model: MODEL_LABEL[model] ?? model, metric, iteration, mean, sdLow: Math.max(0, mean - sd), sdHigh: mean + sd, min: Math.min(...xs), max: Math.max(...xs), seeds: xs.length });
      });
    }
  }
  return out;
}

export function learningCurvesSpec(record: ExperimentRecord, title: string): Record<string, unknown> {
  const values = learningBands(record);
  const color = { field: 'model', type: 'nominal', title: null, scale: MODEL_COLOR_SCALE };
  const x = { field: 'iteration', type: 'quantitative', title: 'iteration' };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: title, subtitle: `held-out, mean over ${record.config.seeds.length} seed(s): line; mean ± sd: dark band; min–max: light band` },
    data: { values },
    facet: { row: { field: 'metric', type: 'nominal', title: null, sort: ['wrong bits per matrix', 'BCE'] } },
    spec: {
      width: 520,
      height: 180,
      layer: [
        { mark: { type: 'area', opacity: 0.12 }, encoding: { x, y: { field: 'min', type: 'quantitative', title: null }, y2: { field: 'max' }, color } },
        { mark: { type: 'area', opacity: 0.3 }, encoding: { x, y: { field: 'sdLow', type: 'quantitative' }, y2: { field: 'sdHigh' }, color } },
        { mark: { type: 'line', strokeWidth: 1.5 }, encoding: { x, y: { field: 'mean', type: 'quantitative' }, color } },
      ],
    },
    resolve: { scale: { y: 'independent' } },
  };
}
