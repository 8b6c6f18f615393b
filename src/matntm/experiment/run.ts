/**
 * Runs the grid of an experiment. Each run trains in its own folder `DIR/runs/<model>-seed<S>/`
 * (checkpoint.json, and run.json once finished), so a killed experiment started again with the
 * same settings reuses the finished runs, resumes the interrupted one from its last checkpoint
 * (bit for bit) and writes the same `experiment.json`, timings apart.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../../errors.ts';
import { writeFileAtomic } from '../../io/atomic.ts';
import { readJsonInput } from '../../io/json-input.ts';
import { pathNature } from '../../io/read-input.ts';
import { assertSchema } from '../../io/schema.ts';
import { layoutOf, type Layout, type ModelKind } from '../config.ts';
import { evaluateAtLengths, meanOverLengths, range } from '../evaluate.ts';
import type { Engine } from '../model.ts';
import type { CurvePoint, HeldOutPoint, LengthMetrics, TrainSpec } from '../spec.ts';
import { drawBatch } from '../tasks/draw.ts';
import { heldOutRng } from '../evaluate.ts';
import { algorithmStatistic, poolStatistics, type AlgorithmStatistic } from '../trace.ts';
import { CHECKPOINT_FILE, readCheckpoint, train } from '../train.ts';
import { gridRuns, runSpec, type ExperimentConfig } from './config.ts';
import { EXPERIMENT_FILE, EXPERIMENT_FORMAT, type ExperimentRecord, type RunRecord } from './record.ts';

export const CONFIG_FILE = 'config.json';
export const RUN_FILE = 'run.json';
const TIMING_FILE = 'timing.json';

export interface ExperimentHooks {
  onRunStart?: (index: number, total: number, run: { id: string; model: ModelKind; seed: number }, state: 'new' | 'resumed' | 'finished', iteration: number) => void;
  onIteration?: (id: string, iteration: number, total: number, point: CurvePoint) => void;
  onHeldOut?: (id: string, point: HeldOutPoint) => void;
  onPhase?: (id: string, phase: string) => void;
  onRunDone?: (run: RunRecord) => void;
}

export interface ExperimentOptions {
  createEngine: (layout: Layout) => Promise<{ engine: Engine; backend: string }>;
  version: string;
  checkpointEvery?: number;
  /** Only these run ids (a shard of the grid); the record then holds only them. */
  only?: string[];
  hooks?: ExperimentHooks;
}

export function runDirOf(dir: string, id: string): string {
  return join(dir, 'runs', id);
}

/** An experiment folder's config.json, read and validated (experiment.schema.json's config). */
export function readExperimentConfig(dir: string): ExperimentConfig {
  const path = join(dir, CONFIG_FILE);
  const raw = readJsonInput(path, 'experimentConfig', 'experiment configuration');
  assertSchema('experiment.schema.json#/$defs/config', raw, `${path} (remove it or use another --out)`);
  return raw as ExperimentConfig;
}

/**
 * Refuses a folder that holds an experiment made with other settings, or finished runs and
 * checkpoints that do not read back (checked now, before any training); records the settings otherwise.
 */
export function claimExperimentDir(dir: string, config: ExperimentConfig): void {
  const path = join(dir, CONFIG_FILE);
  const text = `${JSON.stringify(config, null, 2)}\n`;
  if (pathNature(path) === 'missing') {
    writeFileAtomic(path, text);
    return;
  }
  const old = readExperimentConfig(dir);
  const diff = firstDifference(old as unknown as Record<string, unknown>, config as unknown as Record<string, unknown>);
  if (diff) throw new InputError(`${dir} holds an experiment with other settings (${diff}); use another --out or the same settings to resume`);
  for (const run of gridRuns(config)) {
    const runDir = runDirOf(dir, run.id);
    if (pathNature(join(runDir, RUN_FILE)) !== 'missing') readRunRecord(runDir);
    if (pathNature(join(runDir, CHECKPOINT_FILE)) !== 'missing') readCheckpoint(runDir);
  }
}

/** A finished run's run.json, validated (experiment.schema.json's run). */
function readRunRecord(runDir: string): RunRecord {
  const path = join(runDir, RUN_FILE);
  const raw = readJsonInput(path, 'runRecord', 'run record');
  assertSchema('experiment.schema.json#/$defs/run', raw, `${path} (remove the run's folder to train it again)`);
  return raw as RunRecord;
}

function firstDifference(a: Record<string, unknown>, b: Record<string, unknown>): string | null {
  for (const k of new Set([...Object.keys(a ?? {}), ...Object.keys(b)])) {
    if (JSON.stringify(a?.[k]) !== JSON.stringify(b[k])) return `${k}: the folder has ${JSON.stringify(a?.[k])}, this run asks for ${JSON.stringify(b[k])}`;
  }
  return null;
}

/** Training-batch metrics averaged over consecutive windows of `every` iterations. */
export function windowedCurve(curve: CurvePoint[], every: number): RunRecord['training'] {
  const out: RunRecord['training'] = { iteration: [], loss: [], bitErrorPerMatrix: [] };
  for (let s = 0; s < curve.length; s += every) {
    const w = curve.slice(s, s + every);
    out.iteration.push(w[w.length - 1].iteration);
    out.loss.push(w.reduce((a, p) => a + p.loss, 0) / w.length);
    out.bitErrorPerMatrix.push(w.reduce((a, p) => a + p.bitErrorPerMatrix, 0) / w.length);
  }
  return out;
}

/** The NTM-algorithm statistic over `batches` traced held-out batches at each length. */
export async function tracedAlgorithm(engine: Engine, spec: TrainSpec, theta: Float32Array, lengths: number[], batches: number, evalSeed: number): Promise<Omit<AlgorithmStatistic, 'perSequence'>> {
  const stats: AlgorithmStatistic[] = [];
  for (const L of lengths) {
    const rng = heldOutRng(evalSeed ^ 0x7ace7ace, L, spec.itemLength);
    for (let i = 0; i < batches; i++) {
      const { batch, w0 } = drawBatch(spec, rng, L);
      stats.push(algorithmStatistic(await engine.trace(theta, batch, w0!), batch));
    }
  }
  return poolStatistics(stats);
}

/** The lengths the NTM-algorithm statistic is computed at: copy needs two inputs to see the write head advance. */
export function traceLengths(c: Pick<ExperimentConfig, 'task' | 'minLength' | 'maxLength'>): number[] {
  const lo = c.task === 'copy' ? Math.max(2, c.minLength) : c.minLength;
  return lo <= c.maxLength ? range(lo, c.maxLength) : [c.maxLength];
}

async function runOne(config: ExperimentConfig, dir: string, run: { id: string; model: ModelKind; seed: number }, index: number, total: number, opts: ExperimentOptions): Promise<RunRecord> {
  const hooks = opts.hooks ?? {};
  const spec = runSpec(config, run.model, run.seed);
  const runDir = runDirOf(dir, run.id);
  const donePath = join(runDir, RUN_FILE);
  if (existsSync(donePath)) {
    const done = readRunRecord(runDir);
    if (JSON.stringify(done.spec) === JSON.stringify(spec) && done.iterations === config.iterations) {
      hooks.onRunStart?.(index, total, run, 'finished', done.iterations);
      hooks.onRunDone?.(done);
      return done;
    }
  }
  const layout = layoutOf(spec.config);
  const resume = existsSync(join(runDir, CHECKPOINT_FILE));
  let seconds = 0;
  if (resume) {
    try {
      seconds = Number((readJsonInput(join(runDir, TIMING_FILE), 'experimentConfig', 'timing file') as { seconds?: unknown }).seconds) || 0;
    } catch {
      seconds = 0;
    }
  }
  const { engine, backend } = await opts.createEngine(layout);
  const started = performance.now();
  const elapsed = () => seconds + (performance.now() - started) / 1000;
  try {
    const trainingLengths = range(config.minLength, config.maxLength);
    let announced = false;
    const result = await train(spec, engine, {
      iterations: config.iterations,
      outDir: runDir,
      resume,
      checkpointEvery: opts.checkpointEvery ?? config.evalEvery,
      skipFinalEvaluation: true,
      heldOut: {
        every: config.evalEvery,
        evaluate: async (theta, iteration) => {
          const byLength = await evaluateAtLengths(engine, spec, theta, trainingLengths, config.evalBatches, { evalSeed: config.evalSeed });
          const point: HeldOutPoint = { iteration, byLength, mean: meanOverLengths(byLength) };
          hooks.onHeldOut?.(run.id, point);
          return point;
        },
      },
      onCheckpoint: () => writeFileAtomic(join(runDir, TIMING_FILE), JSON.stringify({ seconds: elapsed() })),
      onIteration: (it, tot, p) => {
        if (!announced) {
          hooks.onRunStart?.(index, total, run, it > 1 ? 'resumed' : 'new', it - 1);
          announced = true;
        }
        hooks.onIteration?.(run.id, it, tot, p);
      },
    });
    if (!announced) hooks.onRunStart?.(index, total, run, resume ? 'resumed' : 'new', result.iterations);
    hooks.onPhase?.(run.id, 'held-out evaluation at every length');
    const lengths = [...new Set([...trainingLengths, ...config.generalization.lengths])].sort((a, b) => a - b);
    const all = await evaluateAtLengths(engine, spec, result.theta, lengths, config.generalization.batches, { evalSeed: config.evalSeed });
    const at = (L: number): LengthMetrics => all.find((m) => m.length === L)!;
    const byLength = trainingLengths.map(at);
    const itemLengths: LengthMetrics[] = [];
    for (const n of config.generalization.itemLengths ?? []) {
      itemLengths.push(...(await evaluateAtLengths(engine, spec, result.theta, [config.maxLength], config.generalization.batches, { evalSeed: config.evalSeed, itemLength: n })));
    }
    let algorithm: RunRecord['algorithm'];
    if (run.model === 'matntm') {
      hooks.onPhase?.(run.id, 'tracing the heads');
      algorithm = await tracedAlgorithm(engine, spec, result.theta, traceLengths(config), config.traceBatches, config.evalSeed);
    }
    const record: RunRecord = {
      id: run.id,
      model: run.model,
      seed: run.seed,
      parameters: layout.size,
      spec,
      iterations: result.iterations,
      rollbacks: result.rollbacks,
      training: windowedCurve(result.curve, config.evalEvery),
      heldOut: result.heldOut,
      final: { byLength, mean: meanOverLengths(byLength) },
      generalization: { lengths: config.generalization.lengths.map(at), ...(config.generalization.itemLengths ? { itemLengths } : {}) },
      ...(algorithm ? { algorithm } : {}),
      timing: { seconds: elapsed(), secondsPerIteration: result.secondsPerIteration, backend },
    };
    writeFileAtomic(donePath, `${JSON.stringify(record)}\n`);
    hooks.onRunDone?.(record);
    return record;
  } finally {
    engine.dispose?.();
  }
}

/** Runs (or resumes) every run of the grid, or the `only` ones, and returns the record (written to DIR/experiment.json when the whole grid ran). */
export async function runExperiment(config: ExperimentConfig, dir: string, opts: ExperimentOptions): Promise<ExperimentRecord> {
  claimExperimentDir(dir, config);
  const grid = gridRuns(config).filter((r) => !opts.only || opts.only.includes(r.id));
  const runs: RunRecord[] = [];
  for (let i = 0; i < grid.length; i++) runs.push(await runOne(config, dir, grid[i], i, grid.length, opts));
  const record: ExperimentRecord = {
    format: EXPERIMENT_FORMAT,
    tool: { name: 'matmem', version: opts.version },
    config,
    runs,
    timing: { seconds: runs.reduce((s, r) => s + r.timing.seconds, 0) },
  };
  if (!opts.only) writeFileAtomic(join(dir, EXPERIMENT_FILE), `${JSON.stringify(record, null, 1)}\n`);
  return record;
}
