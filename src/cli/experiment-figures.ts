/** Figures 5/7 (held-out learning curves) and 9 (cost against length) from an experiment record, as SVG. */
import { join } from 'node:path';
import { writeFilesAtomic } from '../io/atomic.ts';
import { markFigure } from '../io/output-guard.ts';
import type { ExperimentRecord } from '../matntm/experiment/record.ts';
import { costSpec, meanSeries } from '../matntm/figures/generalization.ts';
import { learningCurvesSpec } from '../matntm/figures/learning-curves.ts';
import { MODEL_LABEL } from '../matntm/figures/colors.ts';
import type { FigureReport } from '../core/types.ts';
import { renderVegaLiteToSvg } from '../report/vega-svg.ts';


export function learningFigureNumber(record: ExperimentRecord): 5 | 7 {
  return record.config.task === 'copy' ? 5 : 7;
}

export async function learningFigure(record: ExperimentRecord): Promise<FigureReport> {
  const n = learningFigureNumber(record);
  const task = record.config.task === 'copy' ? 'matrix copy' : 'matrix associative recall';
  const title = `Figure ${n}: ${task}, held-out learning curves`;
  return {
    id: `figure-${n}`,
    title,
    caption: `${title}: ${record.config.models.map((m) => MODEL_LABEL[m]).join(' and ')}, ${record.config.seeds.length} seed(s), preset ${record.config.preset}, ${record.config.iterations} iterations; held-out wrong bits per output matrix and BCE every ${record.config.evalEvery} iterations, every training length equally weighted (the same held-out sequences for every run).`,
    svg: await renderVegaLiteToSvg(learningCurvesSpec(record, title)),
  };
}

export function generalizationSeries(record: ExperimentRecord) {
  const c = record.config;
  const axis = c.task === 'copy' ? 'copy length l' : 'item count k';
  const series = [];
  for (const model of c.models) {
    const runs = record.runs.filter((r) => r.model === model);
    if (runs.length === 0) continue;
    series.push(meanSeries(MODEL_LABEL[model] ?? model, axis, [c.minLength, c.maxLength], runs.map((r) => r.generalization.lengths.map((m) => ({ x: m.length, metrics: m })))));
    if (c.task === 'recall' && c.itemLength !== undefined && runs.every((r) => r.generalization.itemLengths?.length)) {
      series.push(meanSeries(MODEL_LABEL[model] ?? model, `item length n (k = ${c.maxLength})`, [c.itemLength, c.itemLength], runs.map((r) => r.generalization.itemLengths!.map((m) => ({ x: m.itemLength ?? 0, metrics: m })))));
    }
  }
  return series;
}

export async function generalizationFigure(record: ExperimentRecord): Promise<FigureReport> {
  const task = record.config.task === 'copy' ? 'copy' : 'associative recall';
  const title = `Figure 9: cost against length, ${task}`;
  return {
    id: `figure-9-${record.config.task}`,
    title,
    caption: `${title}: trained networks of the experiment (${record.config.seeds.length} seed(s) per model), held-out BCE and wrong bits per matrix at each length, mean ± sd over runs; trained on ${record.config.task === 'copy' ? 'l' : 'k'} = ${record.config.minLength}..${record.config.maxLength}${record.config.itemLength ? `, n = ${record.config.itemLength}` : ''}.`,
    svg: await renderVegaLiteToSvg(costSpec(generalizationSeries(record), title)),
  };
}

export async function experimentFigures(record: ExperimentRecord): Promise<FigureReport[]> {
  return [await learningFigure(record), await generalizationFigure(record)];
}

/** Writes figure-5.svg (or 7) and figure-9.svg into the experiment folder; returns their paths. */
export async function writeExperimentFigures(record: ExperimentRecord, dir: string): Promise<string[]> {
  if (record.runs.length === 0) return [];
  const [learning, cost] = await experimentFigures(record);
  const files = [
    { path: join(dir, `figure-${learningFigureNumber(record)}.svg`), data: markFigure(learning.svg, `figure-${learningFigureNumber(record)}`) },
    { path: join(dir, 'figure-9.svg'), data: markFigure(cost.svg, 'figure-9') },
  ];
  writeFilesAtomic(files);
  return files.map((f) => f.path);
}
