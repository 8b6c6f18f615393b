/** `matmem figure 2`: Figure 2 of the paper in the vector model and both matrix models. */
import { writeFileAtomic } from '../io/atomic.ts';
import { figure2Numbers, type Figure2Numbers } from '../models/figures/figure2.ts';
import { capacitySpec, cumulative, curvesSpec, renderVegaLiteToSvg } from '../report/plots.ts';
import { note, parseNumberOption, printJson } from './common.ts';

export const FIGURE2_CAPTION =
  'Figure 2 reproduced: normal connectivity with eigenvalues uniform on (−0.95, 0.95), Tr(WᵀW) = ‖v‖² = 1, ε₁ = ε₂ = 1. ' +
  'A/C: FMC and its cumulative sum for a vector network of 16 neurons and a 4×4 matrix network in both models. ' +
  'B/D: matrix networks with more neurons. E: J_tot against the number of neurons. In the exact model the matrix network, ' +
  'like the vector network, stores J_tot = I(W) = 1; only the paper model gives J_tot < 1.';

export async function figure2Svg(numbers: Figure2Numbers): Promise<string> {
  const small = numbers.small.map((s) => ({ label: s.label, model: s.model, values: s.fmc }));
  const large = numbers.large.map((s) => ({ label: `${s.neurons} neurons`, model: s.model, values: s.fmc }));
  const panels = await Promise.all([
    renderVegaLiteToSvg(curvesSpec(small, { title: 'A. FMC J(k), vector vs matrix (16 neurons)', yTitle: 'J(k)' })),
    renderVegaLiteToSvg(curvesSpec(large, { title: 'B. FMC of matrix networks', yTitle: 'J(k)', facetByModel: true, width: 240 })),
    renderVegaLiteToSvg(curvesSpec(small.map((s) => ({ ...s, values: cumulative(s.values) })), { title: 'C. Σ_{i≤k} J(i), vector vs matrix', yTitle: 'cumulative J' })),
    renderVegaLiteToSvg(curvesSpec(large.map((s) => ({ ...s, values: cumulative(s.values) })), { title: 'D. Σ_{i≤k} J(i), matrix networks', yTitle: 'cumulative J', facetByModel: true, width: 240 })),
    renderVegaLiteToSvg(capacitySpec(numbers.capacity, { title: 'E. J_tot against the number of neurons' })),
  ]);
  // stack the panels in one SVG document
  let y = 0;
  const parts: string[] = [];
  let width = 0;
  for (const svg of panels) {
    const w = Number(/width="([\d.]+)"/.exec(svg)?.[1] ?? 600);
    const h = Number(/height="([\d.]+)"/.exec(svg)?.[1] ?? 300);
    parts.push(`<g transform="translate(0,${y})">${svg.replace(/^<svg[^>]*>/, '').replace(/<\/svg>\s*$/, '')}</g>`);
    y += h + 10;
    width = Math.max(width, w);
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${y}" viewBox="0 0 ${width} ${y}">${parts.join('')}</svg>`;
}

export async function figure2CommandAction(opts: { out?: string; json?: boolean; seed?: string; k?: string }): Promise<void> {
  const seed = opts.seed === undefined ? 1 : parseNumberOption('--seed', opts.seed, { integer: true, min: 0, max: 2 ** 31 - 1 });
  const K = opts.k === undefined ? 40 : parseNumberOption('--k', opts.k, { integer: true, min: 1, max: 10000 });
  const numbers = figure2Numbers({ seed, K });
  const svg = await figure2Svg(numbers);
  if (opts.out) {
    writeFileAtomic(opts.out, svg);
    note(`wrote ${opts.out}`);
  }
  if (opts.json) printJson({ figure: 2, caption: FIGURE2_CAPTION, data: numbers, svg: opts.out ? undefined : svg });
  else if (!opts.out) process.stdout.write(svg);
}
