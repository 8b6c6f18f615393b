/**
 * `matmem trace DIR [--task copy|recall]`: Figs. 6 and 8 — one held-out sequence through a trained
 * MatNTM, drawn as heatmaps (input, output, memory, read and write weights over time) — and the
 * NTM-algorithm statistic over traced held-out sequences.
 */
import { Command } from 'commander';
import { dirname, join, resolve } from 'node:path';
import { statSync } from 'node:fs';
import { InputError } from '../errors.ts';
import { checkOutputFile } from '../io/output-paths.ts';
import { guardOutputs, markFigure, networksInput } from '../io/output-guard.ts';
import { lockOutputs } from '../io/output-lock.ts';
import { EXIT_OK, note, parseNumberOption, printJson } from './common.ts';
import { parseTask } from './training-options.ts';

interface TraceCliOptions {
  task?: string;
  run?: string;
  length?: string;
  sequence: string;
  batches: string;
  evalSeed?: string;
  out?: string;
  json?: boolean;
}

const HELP = `
PATH is an experiment folder (the MatNTM run with the lowest final held-out error is traced unless
--run names one), a train --out folder, or its checkpoint.json.

The NTM-algorithm statistic (the fraction of traced held-out sequences that follow it):
  copy    the write head's most-weighted slot moves by one slot (the same direction) per input
          matrix, and during the output the read head visits the same slots in the same order
  recall  during the output the read head lands on the slots where the item after the queried one
          was written
It is computed on --batches held-out batches at each training length (copy from l = 2).

Writes figure-6.svg (copy) or figure-8.svg (recall) into the folder of PATH unless --out is given.

Examples:
  matmem trace exp-copy
  matmem trace exp-recall --run matntm-seed2 --length 4 --out fig8.svg
`;

export function traceCommand(): Command {
  return new Command('trace')
    .summary('trace a trained MatNTM: head weights and memory (Figs. 6, 8) and the NTM-algorithm statistic')
    .description('Run held-out sequences through a trained MatNTM and record, step by step, the read and write weights and the memory contents.')
    .argument('<path>', 'experiment folder, train --out folder, or checkpoint.json')
    .option('--task <task>', 'copy | recall: check that PATH holds networks of this task')
    .option('--run <id>', 'experiment folder: the run to trace, e.g. matntm-seed3')
    .option('--length <L>', "length of the drawn sequence: copy l, recall k, up to 1000 (default: the longest training length)")
    .option('--sequence <i>', 'which held-out sequence of the batch to draw (0 .. batch size − 1)', '0')
    .option('--batches <n>', 'held-out batches per training length for the statistic (1..1000)', '2')
    .option('--eval-seed <n>', 'seed of the held-out batches (0..4294967295; default: the experiment’s)')
    .option('--out <file.svg>', 'where to write the figure')
    .option('--json', 'print the statistic and the drawn sequence’s head positions as JSON')
    .addHelpText('after', HELP)
    .action(async (path: string, o: TraceCliOptions) => {
      const task = o.task !== undefined ? parseTask(o.task) : undefined;
      const batches = parseNumberOption('--batches', o.batches, { integer: true, min: 1, max: 1000 });
      const sequence = parseNumberOption('--sequence', o.sequence, { integer: true, min: 0, max: 65535 });
      const { loadNetworks } = await import('../matntm/experiment/networks.ts');
      const { readExperimentRecord } = await import('../matntm/experiment/record.ts');
      let networks = loadNetworks(path).filter((n) => n.spec.model === 'matntm');
      if (networks.length === 0) throw new InputError(`${path}: no MatNTM network (only the MatNTM has heads and memory)`);
      if (task && networks.some((n) => n.spec.task !== task)) throw new InputError(`${path} holds ${networks[0].spec.task} networks, not ${task}`);
      if (o.run !== undefined) {
        networks = networks.filter((n) => n.id === o.run);
        if (networks.length === 0) throw new InputError(`--run ${o.run}: no such MatNTM run in ${path}`);
      }
      const isDir = statSync(path).isDirectory();
      let evalSeed: number | undefined;
      let net = networks[0];
      if (isDir && networks.length > 1) {
        // the best run by the record's final held-out error
        const rec = readExperimentRecord(path);
        evalSeed = rec.config.evalSeed;
        const best = rec.runs.filter((r) => r.model === 'matntm').sort((a, b) => a.final.mean.bitErrorPerMatrix - b.final.mean.bitErrorPerMatrix)[0];
        net = networks.find((n) => n.id === best?.id) ?? networks[0];
      }
      if (o.evalSeed !== undefined) evalSeed = parseNumberOption('--eval-seed', o.evalSeed, { integer: true, min: 0, max: 2 ** 32 - 1 });
      const { DEFAULT_EXPERIMENT_EVAL_SEED } = await import('../matntm/experiment/config.ts');
      evalSeed ??= DEFAULT_EXPERIMENT_EVAL_SEED;
      const spec = net.spec;
      const length = o.length !== undefined ? parseNumberOption('--length', o.length, { integer: true, min: spec.task === 'copy' ? 1 : 2, max: 1000 }) : spec.maxLength;
      if (sequence >= spec.batch) throw new InputError(`--sequence must be below the batch size ${spec.batch}`);
      const fig = spec.task === 'copy' ? 6 : 8;
      const out = checkOutputFile('--out', o.out ?? join(isDir ? path : dirname(path), `figure-${fig}.svg`));
      guardOutputs([{ option: '--out', path: out, kind: 'svg', figure: `figure-${fig}` }], [networksInput(path)]);
      lockOutputs([out]);
      const { FusedEngine } = await import('../matntm/engines/fused.ts');
      const { layoutOf } = await import('../matntm/config.ts');
      const { heldOutRng } = await import('../matntm/evaluate.ts');
      const { drawBatch } = await import('../matntm/tasks/draw.ts');
      const { algorithmStatistic, focus } = await import('../matntm/trace.ts');
      const { tracedAlgorithm, traceLengths } = await import('../matntm/experiment/run.ts');
      const { headsSpec } = await import('../matntm/figures/heads.ts');
      const { renderVegaLiteToSvg } = await import('../report/vega-svg.ts');
      const { writeFileAtomic } = await import('../io/atomic.ts');
      const { clopperPearson } = await import('../claims/exact-tests.ts');
      const engine = new FusedEngine(layoutOf(spec.config));
      note(`trace: ${net.id} (${spec.task}, iteration ${net.iteration}), drawing one held-out sequence at ${spec.task === 'copy' ? 'l' : 'k'} = ${length}, the statistic over ${batches} batch(es) per training length`);
      const { batch, w0 } = drawBatch(spec, heldOutRng(evalSeed ^ 0x7ace7ace, length, spec.itemLength), length);
      const trace = await engine.trace(net.theta, batch, w0!);
      const drawn = algorithmStatistic(trace, batch).perSequence[sequence];
      const stat = await tracedAlgorithm(engine, spec, net.theta, traceLengths(spec), batches, evalSeed);
      const [lo, hi] = clopperPearson(stat.following, stat.sequences);
      const title = `Figure ${fig}: ${net.id}, ${spec.task === 'copy' ? 'copy' : 'associative recall'}`;
      writeFileAtomic(out, markFigure(await renderVegaLiteToSvg(headsSpec(trace, batch, title, sequence)), `figure-${fig}`));
      const steps = Array.from({ length: trace.steps }, (_, t) => ({ step: t, write: focus(trace.write, trace, sequence, t), read: focus(trace.read, trace, sequence, t) }));
      const doc = { run: net.id, task: spec.task, iteration: net.iteration, evalSeed, statistic: { ...stat, interval95: [lo, hi] }, drawn: { length, sequence, follows: drawn.follows, written: drawn.written, read: drawn.read, steps }, figure: resolve(out) };
      if (o.json) printJson(doc);
      else {
        process.stdout.write(
          `${net.id}: ${stat.following} of ${stat.sequences} traced held-out sequences follow the NTM algorithm (${(100 * stat.fraction).toFixed(1)}%, exact 95% interval ${(100 * lo).toFixed(1)}–${(100 * hi).toFixed(1)}%)\n` +
            `  read focus on the written slot at ${(100 * stat.readMatch).toFixed(1)}% of output steps${stat.writeAdvance !== undefined ? `; write focus advancing one slot at ${(100 * stat.writeAdvance).toFixed(1)}% of input steps` : ''}\n` +
            `  drawn sequence (${spec.task === 'copy' ? 'l' : 'k'} = ${length}): written slots ${drawn.written.join(' ')}; read slots ${drawn.read.join(' ')} — ${drawn.follows ? 'follows' : 'does not follow'}\n`,
        );
      }
      note(`wrote ${resolve(out)}`);
      process.exitCode = EXIT_OK;
    });
}
