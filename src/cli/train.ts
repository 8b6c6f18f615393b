/**
 * `matmem train <copy|recall>`: train the MatNTM or the Matrix RNN baseline on a paper task.
 * With --json, stdout carries one summary document; progress goes to stderr.
 */
import { Command, Option } from 'commander';
import cliProgress from 'cli-progress';
import { InputError } from '../errors.ts';
import { prepareOutputDir } from '../io/output-paths.ts';
import { lockOutputs } from '../io/output-lock.ts';
import { checkTrainOutputs, MAX_ITERATIONS } from './train-outputs.ts';
import { EXIT_OK, note, parseNumberOption, printJson } from './common.ts';
import { layoutOf } from '../matntm/config.ts';
import { PRESET_NAMES, presetFor } from '../matntm/presets.ts';
import { BACKEND_OPTIONS, createEngine } from '../matntm/engines/index.ts';
import type { TrainSpec } from '../matntm/spec.ts';
import type { TaskName } from '../matntm/tasks/types.ts';
import { BACKEND_HELP, parseBackend, parseItemLength, parseModel, parsePreset, parseSoftmax, parseTask, parseThreads } from './training-options.ts';

interface TrainCliOptions {
  model: string;
  preset: string;
  backend: string;
  iterations?: string;
  length?: string;
  itemLength?: string;
  batch?: string;
  seed: string;
  out?: string;
  resume?: boolean;
  force?: boolean;
  json?: boolean;
  softmax: string;
  threads?: string;
  checkpointEvery?: string;
  progress: boolean;
}

/** One help line per preset and task, generated from presets.ts so the help cannot drift from the code. */
function presetHelp(): string {
  const lines: string[] = [];
  for (const name of PRESET_NAMES) {
    for (const task of ['copy', 'recall'] as TaskName[]) {
      const p = presetFor(task, 'matntm', name);
      const o = p.optimizer;
      const lr = o.decay ? `${o.lr}, ×${+o.decay.factor.toFixed(4)} every ${o.decay.every} updates` : `${o.lr}`;
      const opt = o.kind === 'rmsprop' ? `RMSprop lr ${lr}, momentum ${o.momentum}` : `Adam lr ${lr}`;
      const len = task === 'copy' ? `l ~ U{${p.minLength}..${p.maxLength}}` : `k ~ U{${p.minLength}..${p.maxLength}}`;
      const c = p.config;
      const cur = p.curriculum ? `, curriculum: lengths up to ${p.curriculum.from} at first, the whole range from iteration ${p.curriculum.until}` : '';
      lines.push(
        `  ${name.padEnd(11)} ${task.padEnd(7)} ${c.layers} cells of ${c.hidden.join('×')}, memory ${c.slots}×${c.slot.join('×')}, ${len}, ${opt}, clip ±${o.clip}, batch ${p.batch}, ${p.iterations} iterations${cur}`,
      );
    }
  }
  return lines.join('\n');
}

function helpText(): string {
  return `
Presets (--preset; --iterations, --batch and --length override):
${presetHelp()}
  paper is the authors' setting (Table 1 architecture, RunnerCopy.py / RunnerAssRec.py): hours per
  run on a CPU, a cluster job (\`matmem experiment copy --preset paper --dry-run --out DIR\` measures
  what a run costs on this machine and prints the Slurm command). paper-sizes keeps the paper's task sizes and
  architecture (120 memory slots) with a budget for 2 cores (Adam, a step decay, a curriculum over
  the length; the iterations scale the schedule). quick is the same model with a smaller memory,
  sized to learn copy of 1–5 matrices in minutes on a CPU.

${BACKEND_HELP}

Metrics: BCE, wrong bits per output matrix (out of 25, the reference's metric) and per sequence.
The final held-out metrics are experiment's: 16 batches at every training length from the fixed
held-out seed, every length weighted equally, so train and experiment report the same numbers for
the same network.
With --out DIR: DIR/checkpoint.json (atomic, every --checkpoint-every iterations; --resume
continues bit for bit), DIR/curve.json and DIR/curve.svg. A NaN/Inf loss or gradient rolls back
to the last good state and is reported.

Examples:
  matmem train copy                                   quick preset, seed 1, progress on stderr
  matmem train copy --preset paper --out run1         the reference's run; later: ... --resume
  matmem train recall --model matrnn --iterations 0 --json   parameter count and untrained metrics
`;
}

export function trainCommand(): Command {
  return new Command('train')
    .description('train the Matrix NTM (or the Matrix RNN baseline) on the matrix copy or associative-recall task')
    .argument('<task>', 'copy | recall')
    .addOption(new Option('--model <model>', 'matntm | matrnn').default('matntm'))
    .addOption(new Option('--preset <preset>', 'quick (small tasks, minutes) | paper-sizes (the paper\'s task sizes, a 2-core budget) | paper (the reference settings)').default('quick'))
    .addOption(new Option('--backend <backend>', `${BACKEND_OPTIONS.join(' | ')} (auto: webgpu on a real GPU, else fused)`).default('auto'))
    .option('--iterations <n>', `total iterations, 0..${MAX_ITERATIONS} (default: the preset's; a resumed run counts those done); 0 = evaluate only`)
    .option('--length <L>', 'fix the copy length l, 1..1000 (recall: the item count k, 2..200)')
    .option('--item-length <n>', 'recall: matrices per item n, 1..20 (default 2, the paper)')
    .option('--batch <n>', "sequences per batch, 1..65536 (default: the preset's, 16)")
    .option('--seed <n>', 'seed for parameters and data (0..4294967295)', '1')
    .option('--out <dir>', 'write checkpoint.json, curve.json and curve.svg here (a folder that holds a run needs --resume or --force)')
    .option('--resume', 'continue from DIR/checkpoint.json')
    .option('--force', 'start over in a --out folder that holds a run, replacing its checkpoint')
    .addOption(new Option('--softmax <kind>', 'clamped (the reference: exp(clamp(x, 0, 80))) | standard').default('clamped'))
    .option('--threads <n>', 'CPU threads of the fused engine, 1..256 (default: every core, at most 8; results do not depend on it)')
    .option('--checkpoint-every <n>', `iterations between checkpoints (1..${MAX_ITERATIONS})`, '250')
    .option('--no-progress', 'no progress bar')
    .option('--json', 'print one JSON summary on stdout')
    .addHelpText('after', helpText)
    .action(async (taskArg: string, o: TrainCliOptions) => {
      // the training loop (and the plot renderer it uses for curve.svg) loads only when training runs
      const { checkResumable, readCheckpoint, train } = await import('../matntm/train.ts');
      const { FINAL_EVAL_BATCHES, HELD_OUT_SEED } = await import('../matntm/evaluate.ts');
      const task = parseTask(taskArg);
      const model = parseModel(o.model);
      const softmax = parseSoftmax(o.softmax);
      const backendOption = parseBackend(o.backend);
      const itemLength = parseItemLength(o.itemLength, task);
      const presetName = parsePreset(o.preset);
      const iterations = o.iterations !== undefined ? parseNumberOption('--iterations', o.iterations, { integer: true, min: 0, max: MAX_ITERATIONS }) : presetFor(task, model, presetName).iterations;
      const preset = presetFor(task, model, presetName, iterations);
      const batch = o.batch !== undefined ? parseNumberOption('--batch', o.batch, { integer: true, min: 1, max: 65536 }) : preset.batch;
      const seed = parseNumberOption('--seed', o.seed, { integer: true, min: 0, max: 2 ** 32 - 1 });
      const threads = parseThreads(o.threads);
      const checkpointEvery = parseNumberOption('--checkpoint-every', o.checkpointEvery ?? '250', { integer: true, min: 1, max: MAX_ITERATIONS });
      let { minLength, maxLength } = preset;
      if (o.length !== undefined) {
        const L = parseNumberOption('--length', o.length, { integer: true, min: task === 'copy' ? 1 : 2, max: task === 'copy' ? 1000 : 200 });
        if (task === 'copy' && L > preset.config.slots) note(`matmem: note: l = ${L} is more than the ${preset.config.slots} memory slots`);
        minLength = maxLength = L;
      }
      if (o.resume && !o.out) throw new InputError('--resume needs --out DIR');
      if (o.force && !o.out) throw new InputError('--force replaces the run in --out DIR: give --out');
      if (o.force && o.resume) throw new InputError('give --resume (continue the run in --out) or --force (start it over), not both');
      if (o.out) {
        prepareOutputDir('--out', o.out, false);
        checkTrainOutputs(o.out, { resume: o.resume === true, force: o.force === true });
      }
      if (o.resume) readCheckpoint(o.out!); // a missing or unreadable checkpoint is bad input, reported before any work
      const config = { ...preset.config, softmax };
      const curriculum = preset.curriculum && minLength < maxLength && iterations >= preset.curriculum.until ? preset.curriculum : undefined;
      const spec: TrainSpec = { task, model, preset: preset.name, config, optimizer: preset.optimizer, batch, minLength, maxLength, ...(task === 'recall' ? { itemLength: itemLength ?? 2 } : {}), ...(curriculum ? { curriculum } : {}), seed };
      if (o.resume) checkResumable(spec, o.out!);
      const layout = layoutOf(config);
      if (o.out) lockOutputs([o.out]);
      const { engine, backend } = await createEngine(layout, backendOption, { threads });
      note(`matmem train: ${spec.model} on ${task}, preset ${spec.preset}, backend ${backend}, ${layout.size} parameters, seed ${seed}${spec.model === 'matntm' ? `, softmax ${config.softmax}` : ''}${spec.itemLength !== undefined ? `, item length ${spec.itemLength}` : ''}`);
      const showBar = o.progress && iterations > 0 && process.stderr.isTTY === true;
      const bar = showBar
        ? new cliProgress.SingleBar({ stream: process.stderr, format: 'train [{bar}] {value}/{total} | loss {loss} | bits/matrix {bits} | eta {eta_formatted}', hideCursor: true }, cliProgress.Presets.shades_classic)
        : null;
      let started = false;
      let lastNote = 0;
      const result = await train(spec, engine, {
        iterations,
        outDir: o.out,
        resume: o.resume,
        checkpointEvery,
        onIteration: (it, total, p) => {
          if (bar) {
            if (!started) {
              bar.start(total, it - 1, { loss: '-', bits: '-' });
              started = true;
            }
            bar.update(it, { loss: p.loss.toFixed(4), bits: p.bitErrorPerMatrix.toFixed(2) });
          } else if (o.progress && (it === total || performance.now() - lastNote > 10_000)) {
            lastNote = performance.now();
            note(`train: iteration ${it}/${total}, loss ${p.loss.toFixed(4)}, wrong bits per matrix ${p.bitErrorPerMatrix.toFixed(2)}`);
          }
        },
        onRollback: (r) => {
          if (bar && started) bar.stop(), (started = false);
          note(`matmem train: ${r.reason} at iteration ${r.iteration}; rolled back to the checkpoint of iteration ${r.restoredTo}`);
        },
      });
      if (bar && started) bar.stop();
      const final = result.final!;
      const summary = {
        task,
        model: spec.model,
        backend,
        parameters: result.parameters,
        iterations: result.iterations,
        secondsPerIteration: result.secondsPerIteration,
        final,
        preset: spec.preset,
        seed,
        ...(spec.model === 'matntm' ? { softmax: config.softmax } : {}),
        ...(spec.itemLength !== undefined ? { itemLength: spec.itemLength } : {}),
        rollbacks: result.rollbacks,
        evaluation: `final held-out: ${FINAL_EVAL_BATCHES} batches at every training length ${spec.minLength}..${spec.maxLength} from seed ${HELD_OUT_SEED}, every length weighted equally (as experiment's final metrics)`,
      };
      if (o.json) printJson(summary);
      else {
        note(
          `done: ${result.iterations} iterations (${result.iterationsRun} in this run${result.secondsPerIteration ? `, ${result.secondsPerIteration.toFixed(3)} s each` : ''}); ` +
            `held-out loss ${final.loss.toFixed(4)}, wrong bits per matrix ${final.bitErrorPerMatrix.toFixed(3)}, per sequence ${final.bitErrorPerSequence.toFixed(3)}; seed ${seed}` +
            (result.rollbacks.length ? `; ${result.rollbacks.length} rollback(s)` : ''),
        );
      }
      engine.dispose?.();
      process.exitCode = EXIT_OK;
    });
}
