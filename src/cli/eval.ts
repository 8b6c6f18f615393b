/**
 * `matmem eval DIR|CHECKPOINT --lengths A..B [--item-length A..B]`: the cost of trained networks
 * against the copy length l, the recall item count k and the recall item length n (Fig. 9), as a
 * table, JSON and SVG.
 */
import { Command } from 'commander';
import { dirname, join, resolve } from 'node:path';
import { guardOutputs, markFigure, networksInput } from '../io/output-guard.ts';
import { lockOutputs } from '../io/output-lock.ts';
import { pathNature } from '../io/read-input.ts';
import { InputError } from '../errors.ts';
import { prepareOutputDir } from '../io/output-paths.ts';
import { EXIT_OK, note, parseNumberOption, printJson } from './common.ts';
import { parseModel, parseThreads } from './training-options.ts';
import { parseIntegerList } from '../matntm/experiment/config.ts';
import { range } from '../matntm/evaluate.ts';
import type { LengthMetrics } from '../matntm/spec.ts';

interface EvalCliOptions {
  lengths?: string;
  itemLength?: string;
  batches: string;
  evalSeed?: string;
  model?: string;
  out?: string;
  threads?: string;
  json?: boolean;
}

const HELP = `
PATH is an experiment folder (every run is evaluated, grouped by model), a train --out folder, or its
checkpoint.json. The held-out batches of a length come from their own seed (--eval-seed; the same one
the experiment used by default), so every network sees the same sequences.

Writes eval.json and eval.svg (Fig. 9: BCE and wrong bits per matrix against length, mean ± sd over
runs, the longest training length dashed) to --out (default: the folder of PATH).

Examples:
  matmem eval exp-copy --lengths 1..40
  matmem eval exp-recall --lengths 2..12 --item-length 1..6
  matmem eval run1/checkpoint.json --lengths 1..20 --json
`;

export function evalCommand(): Command {
  return new Command('eval')
    .summary('cost of trained networks against sequence length and item length (Fig. 9)')
    .description('Evaluate trained MatNTM / Matrix RNN networks on held-out batches at each length: BCE, wrong bits per output matrix and per sequence.')
    .argument('<path>', 'experiment folder, train --out folder, or checkpoint.json')
    .option('--lengths <A..B>', 'copy lengths l or recall item counts k, 1..1000, as ranges and numbers (e.g. 1..20 or 5,10,20; default: 1..2·max or 2..2·max of the training range)')
    .option('--item-length <A..B>', 'recall: also evaluate item lengths n, 1..20 (at k = the longest training item count)')
    .option('--batches <n>', 'held-out batches per length (1..10000)', '8')
    .option('--eval-seed <n>', 'seed of the held-out batches (0..4294967295; default: the experiment’s)')
    .option('--model <model>', 'experiment folder: only this model (matntm | matrnn)')
    .option('--out <dir>', 'where to write eval.json and eval.svg (default: the folder of PATH)')
    .option('--threads <n>', 'CPU threads of the fused engine (1..256)')
    .option('--json', 'print the results as one JSON document on stdout')
    .addHelpText('after', HELP)
    .action(async (path: string, o: EvalCliOptions) => {
      const batches = parseNumberOption('--batches', o.batches, { integer: true, min: 1, max: 10_000 });
      const threads = parseThreads(o.threads);
      const model = o.model !== undefined ? parseModel(o.model) : undefined;
      const { loadNetworks } = await import('../matntm/experiment/networks.ts');
      let networks = loadNetworks(path);
      if (model) networks = networks.filter((n) => n.spec.model === model);
      if (networks.length === 0) throw new InputError(`${path}: no ${model ?? ''} network to evaluate`);
      const tasks = new Set(networks.map((n) => n.spec.task));
      if (tasks.size > 1) throw new InputError(`${path}: networks of several tasks; evaluate them apart`);
      const task = networks[0].spec.task;
      const maxTrained = Math.max(...networks.map((n) => n.spec.maxLength));
      const lengths = o.lengths !== undefined ? parseIntegerList('--lengths', o.lengths, task === 'copy' ? 1 : 2, 1000) : task === 'copy' ? range(1, 2 * maxTrained) : range(2, 2 * maxTrained);
      let itemLengths: number[] | undefined;
      if (o.itemLength !== undefined) {
        if (task !== 'recall') throw new InputError('--item-length is a recall option (copy has no items)');
        itemLengths = parseIntegerList('--item-length', o.itemLength, 1, 20);
      }
      const { DEFAULT_EXPERIMENT_EVAL_SEED } = await import('../matntm/experiment/config.ts');
      const evalSeed = o.evalSeed !== undefined ? parseNumberOption('--eval-seed', o.evalSeed, { integer: true, min: 0, max: 2 ** 32 - 1 }) : (await experimentEvalSeed(path)) ?? DEFAULT_EXPERIMENT_EVAL_SEED;
      const slots = Math.min(...networks.map((n) => n.spec.config.slots));
      if (task === 'copy' && Math.max(...lengths) > slots) note(`matmem eval: note: lengths above ${slots} exceed the memory slots`);
      const outDir = prepareOutputDir('--out', o.out ?? (pathNature(path) === 'file' ? dirname(path) : path), false);
      const files = [join(outDir, 'eval.json'), join(outDir, 'eval.svg')];
      guardOutputs([{ option: '--out', path: files[0], kind: 'eval-json' }, { option: '--out', path: files[1], kind: 'svg', figure: 'eval' }], [networksInput(path)]);
      lockOutputs(files);
      const { evaluateAtLengths } = await import('../matntm/evaluate.ts');
      const { createEngine } = await import('../matntm/engines/index.ts');
      const { layoutOf } = await import('../matntm/config.ts');
      const results: { id: string; model: string; seed: number; trained: [number, number]; itemLength?: number; lengths: LengthMetrics[]; itemLengths?: LengthMetrics[] }[] = [];
      for (const [i, net] of networks.entries()) {
        note(`eval ${i + 1}/${networks.length}: ${net.id} at ${lengths.length} length(s)${itemLengths ? ` and ${itemLengths.length} item length(s)` : ''}, ${batches} batches each`);
        const { engine } = await createEngine(layoutOf(net.spec.config), 'fused', { threads });
        try {
          const ls = await evaluateAtLengths(engine, net.spec, net.theta, lengths, batches, { evalSeed });
          const items: LengthMetrics[] = [];
          for (const n of itemLengths ?? []) items.push(...(await evaluateAtLengths(engine, net.spec, net.theta, [net.spec.maxLength], batches, { evalSeed, itemLength: n })));
          results.push({ id: net.id, model: net.spec.model, seed: net.spec.seed, trained: [net.spec.minLength, net.spec.maxLength], ...(net.spec.itemLength ? { itemLength: net.spec.itemLength } : {}), lengths: ls, ...(itemLengths ? { itemLengths: items } : {}) });
        } finally {
          engine.dispose?.();
        }
      }
      const doc = { format: 'matmem-eval/1', task, path, evalSeed, batches, networks: results };
      const { costSpec, meanSeries } = await import('../matntm/figures/generalization.ts');
      const { MODEL_LABEL } = await import('../matntm/figures/colors.ts');
      const { renderVegaLiteToSvg } = await import('../report/vega-svg.ts');
      const { writeFilesAtomic } = await import('../io/atomic.ts');
            const series = [];
      for (const m of [...new Set(results.map((r) => r.model))]) {
        const rs = results.filter((r) => r.model === m);
        const axis = task === 'copy' ? 'copy length l' : 'item count k';
        series.push(meanSeries(MODEL_LABEL[m] ?? m, axis, rs[0].trained, rs.map((r) => r.lengths.map((x) => ({ x: x.length, metrics: x })))));
        if (itemLengths) series.push(meanSeries(MODEL_LABEL[m] ?? m, 'item length n', [rs[0].itemLength ?? 2, rs[0].itemLength ?? 2], rs.map((r) => r.itemLengths!.map((x) => ({ x: x.itemLength ?? 0, metrics: x })))));
      }
      const svg = await renderVegaLiteToSvg(costSpec(series, `Figure 9: cost against length, ${task === 'copy' ? 'copy' : 'associative recall'}`));
      writeFilesAtomic([
        { path: files[0], data: `${JSON.stringify(doc, null, 1)}\n` },
        { path: files[1], data: markFigure(svg, 'eval') },
      ]);
      if (o.json) printJson(doc);
      else process.stdout.write(table(task, results));
      note(`wrote ${files.map((f) => resolve(f)).join(', ')}`);
      process.exitCode = EXIT_OK;
    });
}

/** The evaluation seed an experiment folder used, so `eval` sees its held-out sequences. */
async function experimentEvalSeed(path: string): Promise<number | undefined> {
  if (pathNature(join(path, 'config.json')) === 'missing') return undefined;
  const { readExperimentConfig } = await import('../matntm/experiment/run.ts');
  return readExperimentConfig(path).evalSeed;
}

function table(task: string, results: { id: string; lengths: LengthMetrics[]; itemLengths?: LengthMetrics[]; trained: [number, number] }[]): string {
  const lines: string[] = [];
  const x = task === 'copy' ? 'l' : 'k';
  for (const r of results) {
    lines.push(`${r.id} (trained on ${x} = ${r.trained[0]}..${r.trained[1]})`, `  ${x.padStart(4)}  ${'BCE'.padStart(10)}  ${'bits/matrix'.padStart(12)}  ${'bits/sequence'.padStart(14)}`);
    for (const m of r.lengths) lines.push(`  ${String(m.length).padStart(4)}  ${m.loss.toFixed(4).padStart(10)}  ${m.bitErrorPerMatrix.toFixed(3).padStart(12)}  ${m.bitErrorPerSequence.toFixed(3).padStart(14)}${m.length > r.trained[1] ? '  (beyond training)' : ''}`);
    if (r.itemLengths) {
      lines.push(`  ${'n'.padStart(4)}  (k = ${r.trained[1]})`);
      for (const m of r.itemLengths) lines.push(`  ${String(m.itemLength).padStart(4)}  ${m.loss.toFixed(4).padStart(10)}  ${m.bitErrorPerMatrix.toFixed(3).padStart(12)}  ${m.bitErrorPerSequence.toFixed(3).padStart(14)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
