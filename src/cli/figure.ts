/** `matmem figure 2|3|4`: the paper's figures reproduced in both models, as SVG. */
import { Command } from 'commander';
import { InputError } from '../errors.ts';

export function figureCommand(): Command {
  return new Command('figure')
    .summary('reproduce Figures 2–4 in both models, and Figures 5–9 from an experiment, as SVG')
    .description(
      "Reproduce a figure of the paper in both models (paper: its formulas; exact: the true law), as SVG.\n\n" +
        '  2  FMC of vector (Eq. 14) vs matrix (Eq. 12) networks with normal connectivity, cumulative sums\n' +
        '     of J(i), and J_tot against the number of neurons (Tr(WᵀW) = 1, ε₁ = ε₂ = 1)\n' +
        "  3  FMC J(k)' of the memory system of Eq. 34 with p = 1, normal U, V, N² ∈ {16, …, 225}\n" +
        "  4  cumulative J'_tot of the same systems\n" +
        '  5  matrix copy: held-out learning curves of MatNTM and Matrix RNN over seeds    (--experiment DIR)\n' +
        '  6  matrix copy: one traced sequence, memory and head weights over time          (--experiment DIR)\n' +
        '  7  associative recall: held-out learning curves                                  (--experiment DIR)\n' +
        '  8  associative recall: one traced sequence                                       (--experiment DIR)\n' +
        '  9  cost against sequence length (and recall item length)                         (--experiment DIR)\n\n' +
        'Without --out the SVG goes to stdout; with --json a JSON document with the data (and the SVG).\n\n' +
        'Examples:\n  npx matmem figure 2 --out fig2.svg\n  npx matmem figure 4 --json > fig4.json\n  npx matmem figure 5 --experiment exp-copy --out fig5.svg',
    )
    .argument('<number>', '2, 3, 4 (models) or 5, 6, 7, 8, 9 (experiments)')
    .option('--out <file>', 'write the SVG to this file (atomically)')
    .option('--seed <n>', 'figures 2–4: seed of the random normal connectivity (0..2147483647)')
    .option('--k <K>', 'figures 2–4: points of each curve, J(0) … J(K−1), 1..10000 (figure 2: 40; figures 3/4: the horizon T)')
    .option('--depth <D>', 'figures 3/4: truncation depth of the paper model (sums over m), 0..200')
    .option('--horizon <T>', 'figures 3/4: finite horizon T of the exact model, 1..100000 (default 100)')
    .option('--experiment <dir>', 'figures 5–9: the experiment folder (matmem experiment … --out DIR)')
    .option('--json', 'print the figure data (and SVG) as one JSON document')
    .action(async (which: string, opts) => {
      refuseOptionsNotOf(which, opts);
      // the renderers (vega) load only when a figure is drawn
      if (which === '2') return (await import('./figure2.ts')).figure2CommandAction(opts);
      if (which === '3' || which === '4') return (await import('./figure-memory.ts')).figureMemoryCommandAction(Number(which) as 3 | 4, opts);
      if (['5', '6', '7', '8', '9'].includes(which)) return (await import('./figure-section6.ts')).figureSection6Action(Number(which) as 5 | 6 | 7 | 8 | 9, opts);
      throw new InputError(`figure must be 2, 3, 4, 5, 6, 7, 8 or 9, got "${which}"`);
    });
}

/** The options each figure reads; any other option given is refused, not silently ignored. */
const FIGURE_OPTIONS: Record<string, string[]> = {
  '2': ['seed', 'k'],
  '3': ['seed', 'k', 'depth', 'horizon'],
  '4': ['seed', 'k', 'depth', 'horizon'],
  '5': ['experiment'],
  '6': ['experiment'],
  '7': ['experiment'],
  '8': ['experiment'],
  '9': ['experiment'],
};

function refuseOptionsNotOf(which: string, opts: Record<string, unknown>): void {
  const allowed = FIGURE_OPTIONS[which];
  if (!allowed) return; // an unknown figure is refused by the action
  const flag = (k: string) => `--${k}`;
  const extra = ['seed', 'k', 'depth', 'horizon', 'experiment'].find((k) => opts[k] !== undefined && !allowed.includes(k));
  if (extra) throw new InputError(`figure ${which} has no ${flag(extra)} (its options: ${allowed.map(flag).join(', ')}, --out, --json)`);
}
