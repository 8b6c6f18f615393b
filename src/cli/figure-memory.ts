/**
 * `matmem figure 3|4`: Figures 3 and 4 of the paper (FMC and cumulative J'_tot of Eq. 34 with p = 1,
 * normal connectivity, N² ∈ {16, …, 225}) in both models side by side, as SVG (src/report/memory-figures.ts) and data.
 */
import { memoryFigure, memoryFigureCaption } from '../report/memory-figures.ts';
import { writeFileAtomic } from '../io/atomic.ts';
import { checkOutputFile } from '../io/output-paths.ts';
import { guardOutputs, markFigure } from '../io/output-guard.ts';
import { lockOutputs } from '../io/output-lock.ts';
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

/** The figure's SVG and data (Figures 3 and 4 draw the same data: give it to draw both from one computation). */
export async function buildMemoryFigure(which: 3 | 4, opts: { k?: number; depth?: number; horizon?: number; seed?: number } = {}, data: MemoryFigureData = memoryFigureData(opts)): Promise<{ svg: string; data: MemoryFigureData; caption: string }> {
  const { svg } = await memoryFigure(which, data);
  return { svg, data, caption: memoryFigureCaption(which, data) };
}

/** Action of `matmem figure 3|4 [--k K] [--depth D] [--horizon T] [--seed S] [--out FILE.svg] [--json]`. */
export async function figureMemoryCommandAction(which: 3 | 4, opts: MemoryFigureOptions): Promise<void> {
  if (which !== 3 && which !== 4) throw new InputError(`figure must be 3 or 4, got ${which}`);
  const k = opts.k === undefined ? undefined : parseNumberOption('--k', opts.k, { integer: true, min: 1, max: 10000 });
  const depth = opts.depth === undefined ? undefined : parseNumberOption('--depth', opts.depth, { integer: true, min: 0, max: 200 });
  const horizon = opts.horizon === undefined ? undefined : parseNumberOption('--horizon', opts.horizon, { integer: true, min: 1, max: 100000 });
  const seed = opts.seed === undefined ? undefined : parseNumberOption('--seed', opts.seed, { integer: true, min: 0, max: 2 ** 31 - 1 });
  if (opts.out) checkOutputFile('--out', opts.out);
  if (opts.out) {
    guardOutputs([{ option: '--out', path: opts.out, kind: 'svg', figure: `figure-${which}` }], []);
    lockOutputs([opts.out]);
  }
  const fig = await buildMemoryFigure(which, { k, depth, horizon, seed });
  if (opts.out) {
    writeFileAtomic(opts.out, markFigure(fig.svg, `figure-${which}`));
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
