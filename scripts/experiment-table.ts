/**
 * `npx tsx scripts/experiment-table.ts DIR`: the README's per-run table of a Section 6 experiment, as
 * Markdown, from DIR/experiment.json (per model and seed: parameters, final held-out BCE and wrong
 * bits, the NTM-algorithm fraction, the wall time). Nothing here is typed by hand.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

interface Metrics { loss: number; bitErrorPerMatrix: number; bitErrorPerSequence: number }
interface Run {
  id: string;
  model: 'matntm' | 'matrnn';
  seed: number;
  parameters: number;
  iterations: number;
  final: { mean: Metrics };
  algorithm?: { sequences: number; following: number } | null;
  timing?: { seconds: number; secondsPerIteration: number; backend: string };
}

const dir = process.argv[2];
if (!dir) {
  process.stderr.write('usage: npx tsx scripts/experiment-table.ts DIR (an experiment folder)\n');
  process.exit(2);
}
const record = JSON.parse(readFileSync(join(dir, 'experiment.json'), 'utf8')) as { config: { task: string; preset: string; iterations: number }; runs: Run[] };
const name = { matntm: 'MatNTM', matrnn: 'Matrix RNN' };
const lines = [
  `${record.config.task}, preset ${record.config.preset}, ${record.config.iterations} iterations per run:`,
  '',
  '| model | seed | parameters | held-out BCE | wrong bits / matrix | wrong bits / sequence | NTM algorithm | wall time |',
  '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
];
for (const r of record.runs) {
  const m = r.final.mean;
  const alg = r.algorithm ? `${r.algorithm.following}/${r.algorithm.sequences}` : '—';
  const time = r.timing ? `${r.timing.seconds.toFixed(0)} s` : '—';
  lines.push(`| ${name[r.model]} | ${r.seed} | ${r.parameters} | ${m.loss.toFixed(4)} | ${m.bitErrorPerMatrix.toFixed(3)} | ${m.bitErrorPerSequence.toFixed(3)} | ${alg} | ${time} |`);
}
process.stdout.write(`${lines.join('\n')}\n`);
