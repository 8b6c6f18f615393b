/**
 * Fig. 9: the cost of trained networks against the sequence length (copy l, recall k) and, for
 * recall, the item length n: held-out BCE and wrong bits per matrix, mean ± sd over runs, with the
 * training range shaded.
 */
import type { LengthMetrics } from '../spec.ts';
import { MODEL_COLOR_SCALE } from './colors.ts';

export interface CostSeries {
  /** e.g. "MatNTM" or "MatNTM seed 3". */
  label: string;
  /** "copy length l", "item count k", "item length n". */
  axis: string;
  points: { x: number; metrics: LengthMetrics }[];
  /** The training range on this axis. */
  trained: [number, number];
}

/** Several runs' costs on one axis → mean and sd per x. */
export function meanSeries(label: string, axis: string, trained: [number, number], runs: { x: number; metrics: LengthMetrics }[][]): CostSeries & { sd: Map<number, { loss: number; bits: number }> } {
  const xs = [...new Set(runs.flatMap((r) => r.map((p) => p.x)))].sort((a, b) => a - b);
  const sd = new Map<number, { loss: number; bits: number }>();
  const points = xs.map((x) => {
    const ms = runs.map((r) => r.find((p) => p.x === x)?.metrics).filter((m): m is LengthMetrics => m !== undefined);
    const avg = (f: (m: LengthMetrics) => number) => ms.reduce((a, m) => a + f(m), 0) / ms.length;
    const dev = (f: (m: LengthMetrics) => number) => {
      const mu = avg(f);
      return ms.length > 1 ? Math.sqrt(ms.reduce((a, m) => a + (f(m) - mu) ** 2, 0) / (ms.length - 1)) : 0;
    };
    sd.set(x, { loss: dev((m) => m.loss), bits: dev((m) => m.bitErrorPerMatrix) });
    const metrics: LengthMetrics = { length: x, loss: avg((m) => m.loss), bitErrorPerMatrix: avg((m) => m.bitErrorPerMatrix), bitErrorPerSequence: avg((m) => m.bitErrorPerSequence), sequences: ms.reduce((a, m) => a + m.sequences, 0), lossSe: 0, bitErrorPerMatrixSe: 0 };
    return { x, metrics };
  });
  return { label, axis, points, trained, sd };
}

export function costSpec(series: (CostSeries & { sd?: Map<number, { loss: number; bits: number }> })[], title: string): Record<string, unknown> {
  const values = series.flatMap((s) =>
    s.points.flatMap((p) => {
      const sd = s.sd?.get(p.x) ?? { loss: 0, bits: 0 };
      return [
        { label: s.label, axis: s.axis, metric: 'BCE', x: p.x, value: p.metrics.loss, low: Math.max(0, p.metrics.loss - sd.loss), high: p.metrics.loss + sd.loss },
        { label: s.label, axis: s.axis, metric: 'wrong bits per matrix', x: p.x, value: p.metrics.bitErrorPerMatrix, low: Math.max(0, p.metrics.bitErrorPerMatrix - sd.bits), high: p.metrics.bitErrorPerMatrix + sd.bits },
      ];
    }),
  );
  // the edge of the training range, as rows of their own in the same data (a facet has one data source)
  const edges = [...new Map(series.flatMap((s) => ['BCE', 'wrong bits per matrix'].map((metric) => [`${s.axis}/${metric}`, { kind: 'edge', axis: s.axis, metric, edge: s.trained[1] }]))).values()];
  const x = { field: 'x', type: 'quantitative', title: null };
  const labels = [...new Set(series.map((s) => s.label))];
  const color = { field: 'label', type: 'nominal', title: null, ...(labels.every((l) => MODEL_COLOR_SCALE.domain.includes(l)) ? { scale: MODEL_COLOR_SCALE } : {}) };
  const cost = { filter: "datum.kind !== 'edge'" };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: title, subtitle: 'held-out; dashed: the longest training length; band: ± sd over runs' },
    data: { values: [...values.map((v) => ({ kind: 'cost', ...v })), ...edges] },
    facet: { row: { field: 'metric', type: 'nominal', title: null, sort: ['BCE', 'wrong bits per matrix'] }, column: { field: 'axis', type: 'nominal', title: null } },
    spec: {
      width: 300,
      height: 160,
      layer: [
        { transform: [cost], mark: { type: 'area', opacity: 0.2 }, encoding: { x, y: { field: 'low', type: 'quantitative', title: null }, y2: { field: 'high' }, color } },
        { transform: [cost], mark: { type: 'line', point: true, strokeWidth: 1.5 }, encoding: { x, y: { field: 'value', type: 'quantitative' }, color } },
        { transform: [{ filter: "datum.kind === 'edge'" }], mark: { type: 'rule', strokeDash: [4, 3], color: '#666' }, encoding: { x: { field: 'edge', type: 'quantitative' } } },
      ],
    },
    resolve: { scale: { x: 'independent', y: 'independent' } },
  };
}
