/**
 * `matmem figure 3|4`: Figures 3 and 4 of the paper (FMC and cumulative J'_tot of Eq. 34 with p = 1,
 * normal connectivity, N² ∈ {16, …, 225}) in both models side by side, as SVG (vega-lite) and data.
 * Rendering is local (vega-lite → vega → SVG in Node) until src/report/plots.ts takes it over.
 */
import { renderVegaLiteToSvg } from '../report/plots.ts';
import { writeFileAtomic } from '../io/atomic.ts';
import { checkOutputFile } from '../io/output-paths.ts';
import { memoryFigureData, type MemoryFigureData } from '../figures/memory-figures.ts';
import { InputError } from '../errors.ts';
import { note, parseNumberOption, printJson } from './common.ts';

export interface MemoryFigureOptions {
  k?: string;
  depth?: string;
  horizon?: string;
  seed?: string;
  out?: string;
  json?: boolean;
}

export const MEMORY_FIGURE_CAPTIONS: Record<3 | 4, string> = {
  3:
    "Figure 3: FMC J(k)' of Eq. 34 (p = 1, α₁ = 1), normal U, V. Left: the paper's model (Eq. 41 under the reconstructed Eq. 40, " +
    'sums over m truncated at depth D). Right: the exact system, which has no stationary law (ρ(F) ≥ 1), at finite horizon T.',
  4:
    "Figure 4: cumulative Σ_{i≤k} J(i)' of the same systems. Exact: the total is ‖W‖²/(ε₁ε₂) = 1 at every horizon (normal U, V), " +
    'the same as without memory; paper model: below its own no-memory J_tot.',
};

/** The figure's SVG and data. */
export async function buildMemoryFigure(which: 3 | 4, opts: { k?: number; depth?: number; horizon?: number; seed?: number } = {}): Promise<{ svg: string; data: MemoryFigureData; caption: string }> {
  const data = memoryFigureData(opts);
  const values: { label: string; model: string; k: number; value: number }[] = [];
  for (const s of data.series) {
    const ys = which === 3 ? s.fmc : s.cumulative;
    ys.forEach((value, k) => values.push({ label: s.label, model: s.model === 'paper' ? `paper (depth ${data.truncationDepth})` : `exact (T = ${data.horizon})`, k, value }));
  }
  const spec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    title: which === 3 ? "FMC J(k)' of Eq. 34, p = 1" : "Cumulative J'_tot of Eq. 34, p = 1",
    data: { values },
    facet: { column: { field: 'model', type: 'nominal', title: null } },
    resolve: { scale: { y: 'independent' } },
    spec: {
      width: 320,
      height: 220,
      mark: { type: 'line', point: false },
      encoding: {
        x: { field: 'k', type: 'quantitative', title: 'k' },
        y: { field: 'value', type: 'quantitative', title: which === 3 ? "J(k)'" : "Σ_{i≤k} J(i)'" },
        color: { field: 'label', type: 'nominal', title: 'neurons', sort: data.series.filter((s) => s.model === 'paper').map((s) => s.label) },
      },
    },
  };
  const svg = await renderVegaLiteToSvg(spec);
  return { svg, data, caption: MEMORY_FIGURE_CAPTIONS[which] };
}

/** Action of `matmem figure 3|4 [--k K] [--depth D] [--horizon T] [--seed S] [--out FILE.svg] [--json]`. */
export async function figureMemoryCommandAction(which: 3 | 4, opts: MemoryFigureOptions): Promise<void> {
  if (which !== 3 && which !== 4) throw new InputError(`figure must be 3 or 4, got ${which}`);
  const k = opts.k === undefined ? undefined : parseNumberOption('--k', opts.k, { integer: true, min: 1, max: 10000 });
  const depth = opts.depth === undefined ? undefined : parseNumberOption('--depth', opts.depth, { integer: true, min: 0, max: 200 });
  const horizon = opts.horizon === undefined ? undefined : parseNumberOption('--horizon', opts.horizon, { integer: true, min: 1, max: 100000 });
  const seed = opts.seed === undefined ? undefined : parseNumberOption('--seed', opts.seed, { integer: true, min: 0, max: 2 ** 31 - 1 });
  if (opts.out) checkOutputFile('--out', opts.out);
  const fig = await buildMemoryFigure(which, { k, depth, horizon, seed });
  if (opts.out) {
    writeFileAtomic(opts.out, fig.svg);
    note(`wrote ${opts.out}`);
  }
  if (opts.json) {
    printJson({ figure: which, caption: fig.caption, data: fig.data, svg: opts.out ? undefined : fig.svg });
  } else if (!opts.out) {
    process.stdout.write(fig.svg);
  } else {
    const lines = fig.data.series.map(
      (s) => `${s.label.padEnd(8)} ${s.model.padEnd(6)} J'_tot = ${s.jtot === null ? 'undefined' : s.jtot.toPrecision(6)}   (without memory: ${s.jtotWithoutMemory.toPrecision(6)}; ρ(F) = ${s.spectralRadius.toPrecision(5)})`,
    );
    process.stdout.write(`${fig.caption}\n${lines.join('\n')}\n`);
  }
}
