/**
 * The learning curve as SVG: a vega-lite spec rendered headless by vega ('none' renderer, inline
 * data only). Long curves are averaged over windows so the SVG stays small.
 */
import { compile, type TopLevelSpec } from 'vega-lite';
import * as vega from 'vega';
import type { CurvePoint } from './spec.ts';

const MAX_POINTS = 1000;

export function downsampleCurve(curve: CurvePoint[], maxPoints = MAX_POINTS): CurvePoint[] {
  if (curve.length <= maxPoints) return curve;
  const w = Math.ceil(curve.length / maxPoints);
  const out: CurvePoint[] = [];
  for (let s = 0; s < curve.length; s += w) {
    const chunk = curve.slice(s, s + w);
    const mean = (f: (p: CurvePoint) => number) => chunk.reduce((a, p) => a + f(p), 0) / chunk.length;
    out.push({ iteration: chunk[chunk.length - 1].iteration, loss: mean((p) => p.loss), bitErrorPerMatrix: mean((p) => p.bitErrorPerMatrix), bitErrorPerSequence: mean((p) => p.bitErrorPerSequence) });
  }
  return out;
}

export async function curveSvg(curve: CurvePoint[], title: string): Promise<string> {
  const values = downsampleCurve(curve).flatMap((p) => [
    { iteration: p.iteration, metric: 'BCE loss', value: p.loss },
    { iteration: p.iteration, metric: 'wrong bits per matrix', value: p.bitErrorPerMatrix },
  ]);
  const spec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title,
    data: { values },
    width: 520,
    height: 180,
    mark: { type: 'line', strokeWidth: 1 },
    encoding: {
      x: { field: 'iteration', type: 'quantitative', title: 'iteration' },
      y: { field: 'value', type: 'quantitative', title: null },
      row: { field: 'metric', type: 'nominal', title: null },
    },
    resolve: { scale: { y: 'independent' } },
  };
  const vg = compile(spec as unknown as TopLevelSpec).spec;
  const view = new vega.View(vega.parse(vg), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
