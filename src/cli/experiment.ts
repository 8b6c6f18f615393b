/**
 * `matmem experiment copy|recall`: the Section 6 grid (models × seeds) with held-out curves, the
 * length generalization of Fig. 9 and the NTM-algorithm statistic, written to DIR/experiment.json
 * with the figures; resumable (each run checkpoints itself).
 */
import { Command, Option } from 'commander';
import cliProgress from 'cli-progress';
import { join } from 'node:path';
import { InputError } from '../errors.ts';
import { prepareOutputDir } from '../io/output-paths.ts';
import { lockOutputs } from '../io/output-lock.ts';
import { checkExperimentOutputs, refuseForeignExperimentDir } from './experiment-outputs.ts';
import { MAX_ITERATIONS } from './train-outputs.ts';
import { EXIT_OK, note, parseNumberOption, printJson } from './common.ts';
import { BACKEND_HELP, parseBackend, parseCurriculum, parseItemLength, parseModels, parseOptimizer, parsePreset, parseSoftmax, parseTask, parseThreads } from './training-options.ts';
import { presetFor } from '../matntm/presets.ts';
import { experimentConfig, parseIntegerList, type ExperimentOverrides } from '../matntm/experiment/config.ts';
import type { ExperimentRecord, RunRecord } from '../matntm/experiment/record.ts';
import { VERSION } from '../core/version.ts';
import { shardOption, SHARD_HELP } from './shard-option.ts';


/** The most seeds one experiment takes (a grid of two models × 1000 seeds is far beyond the paper's 5). */
const MAX_SEEDS = 1000;

interface ExperimentCliOptions {
  models: string;
  seeds: string;
  preset: string;
  out: string;
  iterations?: string;
  batch?: string;
  trainLengths?: string;
  itemLength?: string;
  softmax: string;
  slots?: string;
  optimizer?: string;
  lr?: string;
  lrDecay?: string;
  curriculum?: string;
  evalEvery?: string;
  evalBatches?: string;
  evalLengths?: string;
  evalItemLengths?: string;
  backend: string;
  threads?: string;
  progress: boolean;
  json?: boolean;
  shard?: string;
  dryRun?: boolean;
}

const HELP = `
What it writes (DIR = --out):
  DIR/experiment.json     configuration, version, and per run: the training curve (window means), the
                          held-out curve (every --eval-every iterations, every training length, batches
                          with their own seed, the same for every run), the final held-out metrics, the
                          cost at --eval-lengths (and, for recall, --eval-item-lengths), the NTM-algorithm
                          statistic (MatNTM), the parameter count and the wall time
  DIR/runs/<model>-seed<S>/checkpoint.json, run.json   one folder per run
  DIR/figure-5.svg (copy) or figure-7.svg (recall), DIR/figure-9.svg

Run the same command again to resume: finished runs are reused, an interrupted one continues from its
last checkpoint bit for bit, and experiment.json comes out the same (its "timing" fields apart).
A folder holding an experiment with other settings is refused.

Then: matmem verify --experiment DIR     (the Section 6 claims, decided from the record)
      matmem figure 5 --experiment DIR   matmem eval DIR --lengths 1..40   matmem trace DIR

${BACKEND_HELP}

${SHARD_HELP}

Presets: quick (copy of 1–5 matrices with 20 slots, recall of 2–3 items with 8; minutes per run),
paper-sizes (the paper's task sizes and 120 slots, a 2-core budget: about 90 min for the copy grid
here), paper (the reference's 200,000 RMSprop iterations per run: hours per run, a cluster job).
--dry-run says what a grid costs on this machine before anything runs; \`matmem train --help\` lists
every preset's settings.

Examples:
  matmem experiment copy --out exp-copy                       quick preset, both models, seeds 1..5
  matmem experiment recall --seeds 1..3 --out exp-recall
  matmem experiment copy --preset paper --out exp-paper --dry-run     its cost here and the Slurm command
  matmem experiment copy --models matntm --seeds 1 --iterations 500 --out tiny
`;

export function experimentCommand(): Command {
  return new Command('experiment')
    .summary('train MatNTM and Matrix RNN over several seeds (Section 6) and record curves and held-out metrics')
    .description('Run the Section 6 experiment grid (models × seeds) on the matrix copy or associative-recall task and write DIR/experiment.json, the record that `matmem verify --experiment DIR` decides the Section 6 claims from.')
    .argument('<task>', 'copy | recall')
    .option('--models <list>', 'comma-separated: matntm, matrnn', 'matntm,matrnn')
    .option('--seeds <list>', `seeds (0..4294967295, at most ${MAX_SEEDS} of them), e.g. 1..5 or 1,4,9`, '1..5')
    .addOption(new Option('--preset <preset>', 'quick (small tasks, minutes per run) | paper-sizes (the paper\'s task sizes, a 2-core budget) | paper (the reference settings, a cluster job)').default('quick'))
    .requiredOption('--out <dir>', 'experiment folder (created; resumed when it holds the same experiment)')
    .option('--iterations <n>', `training iterations per run, 0..${MAX_ITERATIONS} (default: the preset's)`)
    .option('--batch <n>', "sequences per batch, 1..4096 (default: the preset's)")
    .option('--train-lengths <A..B>', "training lengths, one range: copy l in 1..1000, recall k in 2..1000 (default: the preset's)")
    .option('--item-length <n>', 'recall: matrices per item n, 1..20 (default 2, the paper)')
    .addOption(new Option('--softmax <kind>', 'clamped (the reference) | standard').default('clamped'))
    .option('--slots <n>', "memory slots of the MatNTM, 3..4096 (default: the preset's)")
    .option('--optimizer <kind>', "adam | rmsprop (default: the preset's)")
    .option('--lr <x>', "learning rate, in (0, 1] (default: the preset's)")
    .option('--lr-decay <every:factor>', "step decay of the learning rate, e.g. 3000:0.333, or none (default: the preset's)")
    .option('--curriculum <from:until>', "training lengths up to FROM at first, growing linearly to the whole range at iteration UNTIL, or none (default: the preset's)")
    .option('--eval-every <K>', `held-out evaluation every K iterations, 1..${MAX_ITERATIONS} (default: iterations / 36)`)
    .option('--eval-batches <n>', 'held-out batches per training length at each evaluation (1..1000)', '2')
    .option('--eval-lengths <A..B>', 'lengths of the final cost-against-length evaluation, 1..1000, ranges and numbers (default: copy 1..2·max, recall 2..2·max)')
    .option('--eval-item-lengths <A..B>', 'recall: item lengths n of the final evaluation, 1..20 (default 1..6)')
    .addOption(new Option('--backend <backend>', 'fused | cpu | wasm | webgpu | auto').default('fused'))
    .option('--threads <n>', 'CPU threads of the fused engine, 1..256 (default: every core, at most 8)')
    .option('--shard <i/n|slurm|k8s/n>', 'train only share i of n of the grid\'s runs and write DIR/experiment-shard-i-of-n.json; then matmem merge')
    .option('--no-progress', 'no progress on stderr')
    .option('--dry-run', 'train nothing and write nothing: print the grid and what it costs on this machine (a few iterations of each model, timed), and the Slurm command that runs it')
    .option('--json', 'print a summary of the record as JSON on stdout')
    .addHelpText('after', HELP)
    .action(async (taskArg: string, o: ExperimentCliOptions) => {
      // everything is checked before the first iteration
      const task = parseTask(taskArg);
      const models = parseModels(o.models);
      const seeds = parseIntegerList('--seeds', o.seeds, 0, 2 ** 32 - 1);
      if (seeds.length > MAX_SEEDS) throw new InputError(`--seeds lists ${seeds.length} seeds; one experiment takes at most ${MAX_SEEDS} (run several experiments for more)`);
      const preset = parsePreset(o.preset);
      const backend = parseBackend(o.backend);
      const threads = parseThreads(o.threads);
      const overrides: ExperimentOverrides = { softmax: parseSoftmax(o.softmax) };
      if (o.iterations !== undefined) overrides.iterations = parseNumberOption('--iterations', o.iterations, { integer: true, min: 0, max: MAX_ITERATIONS });
      if (o.batch !== undefined) overrides.batch = parseNumberOption('--batch', o.batch, { integer: true, min: 1, max: 4096 });
      if (o.trainLengths !== undefined) {
        const ls = parseIntegerList('--train-lengths', o.trainLengths, task === 'copy' ? 1 : 2, 1000);
        // batches draw their length uniformly from one range, so a list must be one (3,4,5 is 3..5; 3,5 is not)
        if (Math.max(...ls) - Math.min(...ls) + 1 !== new Set(ls).size || new Set(ls).size !== ls.length) {
          throw new InputError(`--train-lengths is one range A..B (each batch draws its length from it); "${o.trainLengths}" is not one`);
        }
        overrides.minLength = Math.min(...ls);
        overrides.maxLength = Math.max(...ls);
      }
      overrides.itemLength = parseItemLength(o.itemLength, task);
      if (o.slots !== undefined) overrides.slots = parseNumberOption('--slots', o.slots, { integer: true, min: 3, max: 4096 });
      const optimizer = parseOptimizer(presetFor(task, 'matntm', preset, overrides.iterations).optimizer, o);
      if (optimizer) overrides.optimizer = optimizer;
      const curriculum = parseCurriculum(o.curriculum);
      if (curriculum !== undefined) overrides.curriculum = curriculum;
      if (o.evalEvery !== undefined) overrides.evalEvery = parseNumberOption('--eval-every', o.evalEvery, { integer: true, min: 1, max: MAX_ITERATIONS });
      overrides.evalBatches = parseNumberOption('--eval-batches', o.evalBatches ?? '2', { integer: true, min: 1, max: 1000 });
      if (o.evalLengths !== undefined) overrides.lengths = parseIntegerList('--eval-lengths', o.evalLengths, task === 'copy' ? 1 : 2, 1000);
      if (o.evalItemLengths !== undefined) {
        if (task !== 'recall') throw new InputError('--eval-item-lengths is a recall option');
        overrides.itemLengths = parseIntegerList('--eval-item-lengths', o.evalItemLengths, 1, 20);
      }
      const config = experimentConfig(task, models, seeds, preset, overrides);
      const shard = o.shard !== undefined ? shardOption(o.shard) : undefined;
      if (o.dryRun) {
        await dryRun(task, config, o, backend, threads);
        return;
      }
      const dir = prepareOutputDir('--out', o.out, false);
      refuseForeignExperimentDir('--out', dir);
      const { experimentShardFileName, makeExperimentShard, shardRunIds, writeExperimentShard } = await import('../matntm/experiment/shard.ts');
      const shardFile = shard ? join(dir, experimentShardFileName(shard)) : undefined;
      checkExperimentOutputs(dir, task, { shardFile });
      const { claimExperimentDir, runDirOf, runExperiment } = await import('../matntm/experiment/run.ts');
      const { gridRuns } = await import('../matntm/experiment/config.ts');
      const only = shard ? shardRunIds(config, shard) : undefined;
      // the runs this process trains, and the file it writes at the end, are its own until it ends
      lockOutputs([...(only ?? gridRuns(config).map((r) => r.id)).map((id) => runDirOf(dir, id)), shardFile ?? join(dir, 'experiment.json')]);
      claimExperimentDir(dir, config);
      const { createEngine } = await import('../matntm/engines/index.ts');
      const total = config.models.length * config.seeds.length;
      note(`matmem experiment: ${task}, ${config.models.join(' and ')} × seeds ${o.seeds} (${total} runs${shard ? `; shard ${shard.index}/${shard.count}: ${only!.join(', ') || 'none'}` : ''}), preset ${preset}, ${config.iterations} iterations each, held-out every ${config.evalEvery}; writing ${dir}`);
      const progress = runProgress(o.progress);
      const record = await runExperiment(config, dir, {
        version: VERSION,
        createEngine: (layout) => createEngine(layout, backend, { threads }),
        hooks: progress.hooks,
        only,
      });
      progress.stop();
      if (shard) {
        const path = join(dir, experimentShardFileName(shard));
        writeExperimentShard(path, makeExperimentShard(record, shard));
        if (record.runs.length) note(summaryTable(record));
        note(`wrote ${path} (${record.runs.length} run${record.runs.length === 1 ? '' : 's'} of shard ${shard.index}/${shard.count})`);
        note(`then: matmem merge ${o.out} … (every shard's folder) --out DIR`);
        if (o.json) printJson(summaryJson(record, dir));
        process.exitCode = EXIT_OK;
        return;
      }
      const { writeExperimentFigures } = await import('./experiment-figures.ts');
      const figures = await writeExperimentFigures(record, dir);
      note(summaryTable(record));
      note(`wrote ${join(dir, 'experiment.json')}${figures.length ? `, ${figures.join(', ')}` : ''}`);
      note(`next: matmem verify --experiment ${o.out}`);
      if (o.json) printJson(summaryJson(record, dir));
      process.exitCode = EXIT_OK;
    });
}

/** Progress on stderr: a bar per run on a terminal, a line every 15 s otherwise (--no-progress: only each run's start and end). */
function runProgress(enabled: boolean) {
  const tty = process.stderr.isTTY === true;
  let bar: cliProgress.SingleBar | null = null;
  let last = 0;
  let label = '';
  let heldOut = '-';
  const stopBar = () => {
    bar?.stop();
    bar = null;
  };
  return {
    stop: stopBar,
    hooks: {
      // which run starts, resumes or is reused, and how it ended: always said; the rest is progress
      onRunStart: (i: number, n: number, run: { id: string }, state: string, iteration: number) => {
        stopBar();
        label = `run ${i + 1}/${n} ${run.id}`;
        heldOut = '-';
        note(`${label}: ${state === 'finished' ? 'finished earlier, reused' : state === 'resumed' ? `resumed at iteration ${iteration}` : 'started'}`);
      },
      onIteration: (_id: string, it: number, total: number, p: { loss: number }) => {
        if (!enabled) return;
        if (tty) {
          if (!bar) {
            bar = new cliProgress.SingleBar({ stream: process.stderr, format: `${label} [{bar}] {value}/{total} | loss {loss} | held-out bits/matrix {held} | eta {eta_formatted}`, hideCursor: true }, cliProgress.Presets.shades_classic);
            bar.start(total, it - 1, { loss: '-', held: heldOut });
          }
          bar.update(it, { loss: p.loss.toFixed(4), held: heldOut });
        } else if (it === total || performance.now() - last > 15_000) {
          last = performance.now();
          note(`${label}: iteration ${it}/${total}, training loss ${p.loss.toFixed(4)}, held-out wrong bits per matrix ${heldOut}`);
        }
      },
      onHeldOut: (_id: string, p: { mean: { bitErrorPerMatrix: number } }) => {
        heldOut = p.mean.bitErrorPerMatrix.toFixed(3);
      },
      onPhase: (_id: string, phase: string) => {
        stopBar();
        if (enabled) note(`${label}: ${phase}`);
      },
      onRunDone: (r: RunRecord) => {
        stopBar();
        note(`${label}: done, final held-out ${r.final.mean.bitErrorPerMatrix.toFixed(3)} wrong bits per matrix, BCE ${r.final.mean.loss.toFixed(4)}, ${r.timing.seconds.toFixed(0)} s`);
      },
    },
  };
}

/** --dry-run: the grid, its cost on this machine (measured) and the Slurm command; nothing is written. */
async function dryRun(task: string, config: ReturnType<typeof experimentConfig>, o: ExperimentCliOptions, backend: ReturnType<typeof parseBackend>, threads: number | undefined): Promise<void> {
  const { createEngine } = await import('../matntm/engines/index.ts');
  const { estimateGridCost, formatDuration } = await import('../matntm/experiment/cost.ts');
  note(`matmem experiment --dry-run: timing a few iterations of each model at the middle training length…`);
  const cost = await estimateGridCost(config, (layout) => createEngine(layout, backend, { threads }));
  const slurm = `TASK=${task} PRESET=${config.preset} MODELS=${config.models.join(',')} SEEDS=${o.seeds} OUT=${o.out} bash examples/slurm/experiment.sbatch`;
  if (o.json) {
    printJson({ dryRun: true, config, cost, slurm });
  } else {
    const lines = [
      `grid: ${task}, ${config.models.join(' and ')} × seeds ${o.seeds} = ${cost.runs} runs, preset ${config.preset}, ${config.iterations} iterations each, lengths ${config.minLength}..${config.maxLength}${config.curriculum ? ` (curriculum: up to ${config.curriculum.from} at first, all from iteration ${config.curriculum.until})` : ''}`,
      ...cost.models.map(
        (m) =>
          `  ${m.model.padEnd(7)} ${m.secondsPerIteration.toFixed(3)} s per training iteration at length ${cost.lengthMeasured} (here, ${backend}${threads ? `, ${threads} thread${threads === 1 ? '' : 's'}` : ''}): about ${formatDuration(m.seconds.total)} per run (training ${formatDuration(m.seconds.training)}, held-out evaluations ${formatDuration(m.seconds.heldOut)}, final evaluation ${formatDuration(m.seconds.final)}${m.seconds.trace ? `, tracing ${formatDuration(m.seconds.trace)}` : ''})`,
      ),
      `on this machine, one run after another: about ${formatDuration(cost.serialSeconds)}; on a cluster, one task per run: about ${formatDuration(cost.longestRunSeconds)} of wall time`,
      `on Slurm (one array task per run, then a merge job; each task resumes from its checkpoint if requeued):`,
      `  ${slurm}`,
      'nothing was written',
    ];
    note(lines.join('\n'));
  }
  process.exitCode = EXIT_OK;
}

function summaryTable(record: ExperimentRecord): string {
  const lines = ['', 'model    seed  parameters  iterations  held-out BCE  wrong bits/matrix  wrong bits/sequence  NTM algorithm  seconds'];
  for (const r of record.runs) {
    const alg = r.algorithm ? `${r.algorithm.following}/${r.algorithm.sequences}` : '—';
    lines.push(
      `${r.model.padEnd(8)} ${String(r.seed).padStart(4)}  ${String(r.parameters).padStart(10)}  ${String(r.iterations).padStart(10)}  ${r.final.mean.loss.toFixed(4).padStart(12)}  ${r.final.mean.bitErrorPerMatrix.toFixed(3).padStart(17)}  ${r.final.mean.bitErrorPerSequence.toFixed(3).padStart(19)}  ${alg.padStart(13)}  ${r.timing.seconds.toFixed(0).padStart(7)}`,
    );
  }
  return lines.join('\n');
}

function summaryJson(record: ExperimentRecord, dir: string) {
  return {
    task: record.config.task,
    out: dir,
    record: join(dir, 'experiment.json'),
    config: record.config,
    runs: record.runs.map((r) => ({ id: r.id, model: r.model, seed: r.seed, parameters: r.parameters, iterations: r.iterations, final: r.final.mean, algorithm: r.algorithm ?? null, seconds: r.timing.seconds, backend: r.timing.backend })),
    seconds: record.timing.seconds,
  };
}
