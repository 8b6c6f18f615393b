/**
 * Figure 2 of the paper, reproduced with the matrix network in both models side by side:
 *   A  FMC J(k) of a vector network (Eq. 14) and a matrix network (Eq. 12), same neuron count
 *   B  FMC of matrix networks with more neurons
 *   C  Σ_{i≤k} J(i) of A's networks (→ 1 for vector nets; the paper says < 1 for matrix nets)
 *   D  Σ_{i≤k} J(i) of B's networks
 *   E  J_tot against the number of neurons
 * Rows A–D have one panel per matrix model (columns, e.g. paper | exact); series of model
 * 'vector' are drawn in every column as the reference. E shows every series in one panel.
 */
import { asCumulative, asCurve, axisTopAbove, cumulative, curvePanel, jtotVsNeuronsPanel, standalone, type FmcSeries, type JtotPoint } from './plots.ts';
import { renderVegaLiteToSvg } from './vega-svg.ts';

export const VECTOR_MODEL = 'vector';

export interface Figure2Data {
  /** Panels A and C: a vector network and a matrix network (one series per model) of equal size. */
  small: FmcSeries[];
  /** Panels B and D: matrix networks with more neurons (one series per model and size). */
  large: FmcSeries[];
  /** Panel E: J_tot against the number of neurons. */
  capacity: JtotPoint[];
  /** I(W) = Tr(WᵀW)/(ε₁ε₂) (1 in the paper's setting): drawn as a dashed line in C, D and E. */
  inputFisher?: number;
}

/** The matrix models present (every model but 'vector'), in order of first appearance. */
export function matrixModels(data: Figure2Data): string[] {
  const models = [...data.small, ...data.large].map((s) => s.model).filter((m) => m !== VECTOR_MODEL);
  return [...new Set(models)];
}

/** The vega-lite spec of Figure 2 (panels A–E, one column per matrix model in A–D). */
export function figure2Spec(data: Figure2Data): Record<string, unknown> {
  const models = matrixModels(data);
  const reference = data.inputFisher === undefined ? undefined : { value: data.inputFisher, label: 'I(W)' };
  const inModel = (series: FmcSeries[], model: string): FmcSeries[] => series.filter((s) => s.model === model || s.model === VECTOR_MODEL);
  // the models side by side on one y scale per row, so their panels compare at a glance
  const row = (make: (model: string) => Record<string, unknown>): Record<string, unknown> => ({
    hconcat: models.map(make),
    resolve: { scale: { color: 'independent', strokeDash: 'independent', y: 'shared' }, legend: { color: 'independent', strokeDash: 'independent' } },
  });
  // C, D and E: the axis ends above I(W) and every value, so that curves reaching I(W) (every exact one) are
  // not drawn on the frame; coinciding curves (the exact ones at I(W)) differ in dash as well as colour
  const refValues = reference ? [reference.value] : [];
  const topOf = (series: FmcSeries[]) => axisTopAbove([...series.flatMap((s) => cumulative(s.fmc)), ...refValues]);
  const cumulativeOpts = (series: FmcSeries[]) => ({ yTitle: 'Σ J(i) over i ≤ k', reference, yMax: topOf(series), dashBySeries: true });
  const rows = [
    // J(k) falls geometrically: on a linear axis it sits at 0 from k ≈ 2 on
    row((m) => curvePanel(inModel(data.small, m).map(asCurve), { title: `A. FMC, vector vs matrix (${m} model)`, yTitle: 'J(k) (log scale)', logY: true })),
    row((m) => curvePanel(inModel(data.large, m).map(asCurve), { title: `B. FMC, more neurons (${m} model)`, yTitle: 'J(k) (log scale)', logY: true })),
    row((m) => curvePanel(inModel(data.small, m).map(asCumulative), { title: `C. cumulative J, vector vs matrix (${m} model)`, ...cumulativeOpts(data.small) })),
    row((m) => curvePanel(inModel(data.large, m).map(asCumulative), { title: `D. cumulative J, more neurons (${m} model)`, ...cumulativeOpts(data.large) })),
    jtotVsNeuronsPanel(data.capacity, {
      title: coincidenceTitle('E. J_tot against the number of neurons', data.capacity),
      reference,
      yMax: axisTopAbove([...data.capacity.map((p) => p.jtot), ...refValues]),
      dashBySeries: true,
      width: 300 * Math.max(1, models.length),
    }),
  ];
  return standalone({
    title: 'Figure 2: Fisher memory of vector and matrix networks',
    vconcat: rows,
    resolve: { scale: { color: 'independent', strokeDash: 'independent' }, legend: { color: 'independent', strokeDash: 'independent' } },
  });
}

/**
 * Panel E's title, saying which series lie on top of each other (e.g. the exact matrix model and the
 * vector model, both at I(W) for normal networks) — otherwise one line would seem to be missing.
 */
export function coincidenceTitle(title: string, points: JtotPoint[]): Record<string, unknown> | string {
  const series = [...new Set(points.map((p) => p.series))];
  const values = (s: string) => new Map(points.filter((p) => p.series === s).map((p) => [p.neurons, p.jtot]));
  const pairs: string[] = [];
  for (let i = 0; i < series.length; i++) {
    for (let j = i + 1; j < series.length; j++) {
      const a = values(series[i]);
      const b = values(series[j]);
      const shared = [...a.keys()].filter((n) => b.has(n));
      if (shared.length > 0 && shared.every((n) => Math.abs(a.get(n)! - b.get(n)!) <= 1e-6 * Math.max(Math.abs(a.get(n)!), 1e-300))) pairs.push(`${series[i]} and ${series[j]}`);
    }
  }
  return pairs.length ? { text: title, subtitle: `${pairs.join('; ')}: the same values (to 1e-6), one line dashed over the other` } : title;
}

/** Figure 2 as SVG text, with its spec; the same data gives the same SVG. */
export async function figure2(data: Figure2Data): Promise<{ svg: string; spec: Record<string, unknown> }> {
  const spec = figure2Spec(data);
  return { svg: await renderVegaLiteToSvg(spec), spec };
}
