/** `matmem figure 2`: Figure 2 of the paper in the vector model and both matrix models. */
import { writeFileAtomic } from '../io/atomic.ts';
import { checkOutputFile } from '../io/output-paths.ts';
import { guardOutputs, markFigure } from '../io/output-guard.ts';
import { lockOutputs } from '../io/output-lock.ts';
import { figure2Numbers, type Figure2Numbers } from '../figures/figure2.ts';
import { figure2 } from '../report/figure2.ts';
import { note, parseNumberOption, printJson } from './common.ts';

export const FIGURE2_CAPTION =
  'Figure 2 reproduced: normal connectivity with eigenvalues uniform on (−0.95, 0.95), Tr(WᵀW) = ‖v‖² = 1, ε₁ = ε₂ = 1. ' +
  'A/C: FMC and its cumulative sum for a vector network of 16 neurons and a 4×4 matrix network in both models. ' +
  'B/D: matrix networks with more neurons. E: J_tot against the number of neurons. In the exact model the matrix network, ' +
  'like the vector network, stores J_tot = I(W) = 1; only the paper model gives J_tot < 1.';

export async function figure2Svg(numbers: Figure2Numbers): Promise<string> {
  // ε₁ = ε₂ = 1 and Tr(WᵀW) = ‖v‖² = 1, so I(W) = 1 is drawn as the reference line
  return (await figure2({ ...numbers, inputFisher: 1 })).svg;
}

export async function figure2CommandAction(opts: { out?: string; json?: boolean; seed?: string; k?: string }): Promise<void> {
  const seed = opts.seed === undefined ? 1 : parseNumberOption('--seed', opts.seed, { integer: true, min: 0, max: 2 ** 31 - 1 });
  const K = opts.k === undefined ? 40 : parseNumberOption('--k', opts.k, { integer: true, min: 1, max: 10000 });
  if (opts.out) checkOutputFile('--out', opts.out);
  if (opts.out) {
    guardOutputs([{ option: '--out', path: opts.out, kind: 'svg', figure: 'figure-2' }], []);
    lockOutputs([opts.out]);
  }
  let last = 0;
  const numbers = figure2Numbers({
    seed,
    K,
    onProgress: (done, total) => {
      if (performance.now() - last < 1000 && done < total) return;
      last = performance.now();
      note(`figure 2: ${done}/${total} networks`);
    },
  });
  note('figure 2: rendering');
  const { svg, spec } = await figure2({ ...numbers, inputFisher: 1 });
  if (opts.out) {
    writeFileAtomic(opts.out, markFigure(svg, 'figure-2'));
    note(`wrote ${opts.out}`);
  }
  if (opts.json) printJson({ figure: 2, caption: FIGURE2_CAPTION, data: numbers, spec, svg: opts.out ? undefined : svg });
  else if (!opts.out) process.stdout.write(svg);
}
