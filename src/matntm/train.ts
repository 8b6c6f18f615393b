/**
 * The training loop: seeded data, engine-agnostic forward/backward, clipped RMSprop/Adam,
 * atomic checkpoints with bit-for-bit resume, rollback to the last good checkpoint on a non-finite
 * loss or gradient, and the learning curve. Nothing here prints; progress goes through hooks.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../errors.ts';
import { writeFileAtomic, writeFilesAtomic } from '../io/atomic.ts';
import { readJsonInput } from '../io/json-input.ts';
import { markFigure } from '../io/output-guard.ts';
import { pathNature } from '../io/read-input.ts';
import { assertSchema } from '../io/schema.ts';
import { assertCheckpointConsistent } from './checkpoint-validation.ts';
import { initParameters, layoutOf } from './config.ts';
import { bitErrors, type Engine } from './model.ts';
import { finalHeldOut } from './evaluate.ts';
import { newOptimizerState, optimizerStep, type OptimizerState } from './optim.ts';
import { Rng } from './rng.ts';
import { trainingMaxLength, type CurvePoint, type HeldOutPoint, type Metrics, type TrainSpec } from './spec.ts';
import { drawBatch } from './tasks/draw.ts';
import { curveSvg } from './plot.ts';

export type { CurvePoint, HeldOutPoint, Metrics, TrainSpec } from './spec.ts';
export { drawBatch } from './tasks/draw.ts';

export interface Rollback {
  /** The iteration whose loss or gradient was not finite. */
  iteration: number;
  /** The checkpoint iteration training went back to. */
  restoredTo: number;
  reason: string;
}

export interface TrainOptions {
  /** Total number of iterations the run should reach (a resumed run counts those already done). */
  iterations: number;
  outDir?: string;
  resume?: boolean;
  checkpointEvery?: number;
  /** Held-out batches per training length for the final metrics (finalHeldOut; default FINAL_EVAL_BATCHES). */
  evalBatches?: number;
  onIteration?: (iteration: number, total: number, point: CurvePoint) => void;
  onRollback?: (r: Rollback) => void;
  /** Test hook: the loss of these iterations is replaced by NaN. */
  injectNonFiniteAt?: number[];
  /** Give up after this many consecutive rollbacks. */
  maxConsecutiveRollbacks?: number;
  /**
   * Held-out evaluation every `every` iterations and at the last; the points are part of the training state (and
   * of the checkpoint), so a resumed run has exactly the points of an uninterrupted one.
   */
  heldOut?: { every: number; evaluate: (theta: Float32Array, iteration: number) => Promise<HeldOutPoint> };
  /** Called after each checkpoint is written. */
  onCheckpoint?: (iteration: number) => void;
  /** Skip the final held-out evaluation (the caller evaluates itself). */
  skipFinalEvaluation?: boolean;
}

export interface TrainResult {
  spec: TrainSpec;
  parameters: number;
  iterations: number;
  iterationsRun: number;
  startedAt: number;
  secondsPerIteration: number | null;
  /** Null with skipFinalEvaluation. */
  final: Metrics | null;
  rollbacks: Rollback[];
  curve: CurvePoint[];
  heldOut: HeldOutPoint[];
  theta: Float32Array;
}

interface State {
  iteration: number;
  theta: Float32Array;
  opt: OptimizerState;
  rng: number[];
  rollbacks: Rollback[];
  curve: CurvePoint[];
  heldOut: HeldOutPoint[];
}

export const CHECKPOINT_FILE = 'checkpoint.json';
const CHECKPOINT_FORMAT = 'matmem-matntm-checkpoint/1';

function b64(a: Float32Array | Float64Array): string {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');
}
function f32(s: string): Float32Array {
  const b = Buffer.from(s, 'base64');
  return new Float32Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));
}
function f64(s: string): Float64Array {
  const b = Buffer.from(s, 'base64');
  return new Float64Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));
}

function cloneState(s: State): State {
  return {
    iteration: s.iteration,
    theta: s.theta.slice(),
    opt: { step: s.opt.step, v: s.opt.v.slice(), m: s.opt.m.slice() },
    rng: s.rng.slice(),
    rollbacks: s.rollbacks.slice(),
    curve: s.curve.slice(),
    heldOut: s.heldOut.slice(),
  };
}

function serialize(spec: TrainSpec, s: State): string {
  const curve = {
    loss: b64(Float64Array.from(s.curve, (p) => p.loss)),
    bitErrorPerMatrix: b64(Float64Array.from(s.curve, (p) => p.bitErrorPerMatrix)),
    bitErrorPerSequence: b64(Float64Array.from(s.curve, (p) => p.bitErrorPerSequence)),
  };
  return JSON.stringify({
    format: CHECKPOINT_FORMAT,
    spec,
    iteration: s.iteration,
    theta: b64(s.theta),
    optimizer: { step: s.opt.step, v: b64(s.opt.v), m: b64(s.opt.m) },
    rng: s.rng,
    rollbacks: s.rollbacks,
    curve,
    ...(s.heldOut.length > 0 ? { heldOut: s.heldOut } : {}),
  });
}

/**
 * Reads DIR/checkpoint.json: a regular file under its size cap, valid against
 * schemas/checkpoint.schema.json, its sizes and numbers consistent (checkpoint-validation.ts).
 */
export function readCheckpoint(dir: string): { spec: TrainSpec; state: State } {
  const path = join(dir, CHECKPOINT_FILE);
  if (!existsSync(path) && pathNature(path) === 'missing') throw new InputError(`no ${CHECKPOINT_FILE} in ${dir}`);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const raw = readJsonInput(path, 'checkpoint', 'checkpoint') as Record<string, any>;
  if (!raw || typeof raw !== 'object' || Array.isArray(raw) || raw.format !== CHECKPOINT_FORMAT) throw new InputError(`${path} is not a matmem training checkpoint (format ${CHECKPOINT_FORMAT})`);
  assertSchema('checkpoint.schema.json', raw, path);
  assertCheckpointConsistent(raw as Parameters<typeof assertCheckpointConsistent>[0], path);
  const loss = f64(raw.curve.loss);
  const bpm = f64(raw.curve.bitErrorPerMatrix);
  const bps = f64(raw.curve.bitErrorPerSequence);
  const curve: CurvePoint[] = Array.from(loss, (l, i) => ({ iteration: i + 1, loss: l, bitErrorPerMatrix: bpm[i], bitErrorPerSequence: bps[i] }));
  return {
    spec: normalizeSpec(raw.spec as TrainSpec),
    state: {
      iteration: raw.iteration,
      theta: f32(raw.theta),
      opt: { step: raw.optimizer.step, v: f64(raw.optimizer.v), m: f64(raw.optimizer.m) },
      rng: raw.rng,
      rollbacks: raw.rollbacks,
      curve,
      heldOut: (raw.heldOut ?? []) as HeldOutPoint[],
    },
  };
}

/** Checkpoints written before item lengths existed hold recall runs at the paper's n = 2. */
function normalizeSpec(spec: TrainSpec): TrainSpec {
  return spec.task === 'recall' && spec.itemLength === undefined ? { ...spec, itemLength: 2 } : spec;
}

/** Throws InputError unless `dir` holds a checkpoint made with `spec` (what --resume needs), before any work. */
export function checkResumable(spec: TrainSpec, dir: string): void {
  const ck = readCheckpoint(dir);
  const why = specMismatch(normalizeSpec(spec), ck.spec);
  if (why) throw new InputError(`--resume: the checkpoint in ${dir} was made with other settings (${why})`);
}

/** The fields of two specs that must agree for a resume (all of them). */
function specMismatch(a: TrainSpec, b: TrainSpec): string | null {
  const ja = JSON.stringify(a);
  const jb = JSON.stringify(b);
  if (ja === jb) return null;
  for (const k of Object.keys(a) as (keyof TrainSpec)[]) {
    if (JSON.stringify(a[k]) !== JSON.stringify(b[k])) return `${k}: checkpoint has ${JSON.stringify(b[k])}, this run asks for ${JSON.stringify(a[k])}`;
  }
  return 'settings differ';
}

function finite(a: ArrayLike<number>): boolean {
  for (let i = 0; i < a.length; i++) if (!Number.isFinite(a[i])) return false;
  return true;
}

export async function train(spec: TrainSpec, engine: Engine, opts: TrainOptions): Promise<TrainResult> {
  const layout = layoutOf(spec.config);
  if (JSON.stringify(engine.layout.config) !== JSON.stringify(spec.config)) throw new Error('engine and spec configs differ');
  const checkpointEvery = Math.max(1, opts.checkpointEvery ?? 250);
  const inject = new Set(opts.injectNonFiniteAt ?? []);
  const maxRollbacks = opts.maxConsecutiveRollbacks ?? 5;
  let state: State;
  if (opts.resume) {
    if (!opts.outDir) throw new InputError('--resume needs --out DIR');
    const ck = readCheckpoint(opts.outDir);
    const why = specMismatch(normalizeSpec(spec), ck.spec);
    if (why) throw new InputError(`--resume: the checkpoint in ${opts.outDir} was made with other settings (${why})`);
    state = ck.state;
  } else {
    const initRng = new Rng(spec.seed);
    const theta = initParameters(layout, initRng);
    state = { iteration: 0, theta, opt: newOptimizerState(layout.size), rng: new Rng(spec.seed + 1).state(), rollbacks: [], curve: [], heldOut: [] };
  }
  let good = cloneState(state);
  const writeCheckpoint = (s: State): void => {
    if (!opts.outDir) return;
    writeFileAtomic(join(opts.outDir, CHECKPOINT_FILE), serialize(spec, s));
    opts.onCheckpoint?.(s.iteration);
  };
  const startedAt = state.iteration;
  const t0 = performance.now();
  let consecutive = 0;
  let rng = new Rng(state.rng);
  while (state.iteration < opts.iterations) {
    const it = state.iteration + 1;
    const { batch, w0 } = drawBatch(spec, rng, undefined, undefined, trainingMaxLength(spec, it));
    const r = await engine.run(state.theta, batch, w0, true);
    const loss = inject.has(it) ? NaN : r.loss;
    if (!Number.isFinite(loss) || !finite(r.grad!)) {
      inject.delete(it);
      const rb: Rollback = { iteration: it, restoredTo: good.iteration, reason: Number.isFinite(loss) ? 'non-finite gradient' : `non-finite loss (${loss})` };
      if (++consecutive > maxRollbacks) throw new Error(`training diverged: ${maxRollbacks} rollbacks in a row (last at iteration ${it})`);
      state = cloneState(good);
      state.rollbacks.push(rb);
      // draw different data from here on: the restored stream, mixed with the rollback count
      const mixed = new Rng(state.rng);
      for (let i = 0; i < state.rollbacks.length; i++) mixed.nextU32();
      state.rng = mixed.state();
      rng = new Rng(state.rng);
      opts.onRollback?.(rb);
      continue;
    }
    optimizerStep(spec.optimizer, state.opt, state.theta, r.grad!);
    const m = bitErrors(r.outputs, batch);
    const point: CurvePoint = { iteration: it, loss, bitErrorPerMatrix: m.bitErrorPerMatrix, bitErrorPerSequence: m.bitErrorPerSequence };
    state.curve.push(point);
    state.iteration = it;
    state.rng = rng.state();
    if (!finite(state.theta)) {
      // the update itself overflowed: treat as a non-finite gradient at this iteration
      const rb: Rollback = { iteration: it, restoredTo: good.iteration, reason: 'non-finite parameters after the update' };
      if (++consecutive > maxRollbacks) throw new Error(`training diverged: ${maxRollbacks} rollbacks in a row (last at iteration ${it})`);
      state = cloneState(good);
      state.rollbacks.push(rb);
      const mixed = new Rng(state.rng);
      for (let i = 0; i < state.rollbacks.length; i++) mixed.nextU32();
      state.rng = mixed.state();
      rng = new Rng(state.rng);
      opts.onRollback?.(rb);
      continue;
    }
    consecutive = 0;
    if (opts.heldOut && (it % opts.heldOut.every === 0 || it === opts.iterations)) state.heldOut.push(await opts.heldOut.evaluate(state.theta, it));
    opts.onIteration?.(it, opts.iterations, point);
    if (it % checkpointEvery === 0 || it === opts.iterations) {
      good = cloneState(state);
      writeCheckpoint(state);
    }
  }
  const seconds = (performance.now() - t0) / 1000;
  const iterationsRun = state.iteration - startedAt;
  const final = opts.skipFinalEvaluation ? null : (await finalHeldOut(engine, spec, state.theta, opts.evalBatches)).mean;
  if (opts.outDir) {
    if (state.iteration === 0) writeCheckpoint(state);
    writeFilesAtomic([
      { path: join(opts.outDir, 'curve.json'), data: JSON.stringify({ task: spec.task, model: spec.model, seed: spec.seed, points: state.curve }) },
      { path: join(opts.outDir, 'curve.svg'), data: markFigure(await curveSvg(state.curve, `${spec.model} on ${spec.task} (seed ${spec.seed})`), 'curve') },
    ]);
  }
  return {
    spec,
    parameters: layout.size,
    iterations: state.iteration,
    iterationsRun,
    startedAt,
    secondsPerIteration: iterationsRun > 0 ? seconds / iterationsRun : null,
    final,
    rollbacks: state.rollbacks,
    curve: state.curve,
    heldOut: state.heldOut,
    theta: state.theta,
  };
}
