/**
 * The record of an experiment (`DIR/experiment.json`): the configuration, the version, and per run
 * its training curve, held-out curve, final held-out metrics, length generalization, NTM-algorithm
 * statistic, parameter count and wall time. Everything but the `timing` fields is a function of the
 * configuration alone, so a killed and resumed experiment writes the same bytes there.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../../errors.ts';
import type { ModelKind } from '../config.ts';
import type { HeldOutPoint, LengthMetrics, Metrics, TrainSpec } from '../spec.ts';
import type { AlgorithmStatistic } from '../trace.ts';
import type { Rollback } from '../train.ts';
import type { ExperimentConfig } from './config.ts';

export const EXPERIMENT_FORMAT = 'matmem-experiment/1';
export const EXPERIMENT_FILE = 'experiment.json';

export interface RunRecord {
  id: string;
  model: ModelKind;
  seed: number;
  parameters: number;
  spec: TrainSpec;
  iterations: number;
  rollbacks: Rollback[];
  /** Training-batch metrics averaged over windows of evalEvery iterations (the iteration is the window's last). */
  training: { iteration: number[]; loss: number[]; bitErrorPerMatrix: number[] };
  heldOut: HeldOutPoint[];
  /** Held-out metrics after training at every training length (the generalization batches), and their mean. */
  final: { byLength: LengthMetrics[]; mean: Metrics };
  generalization: { lengths: LengthMetrics[]; itemLengths?: LengthMetrics[] };
  /** MatNTM runs: the NTM-algorithm statistic over traced held-out sequences. */
  algorithm?: Omit<AlgorithmStatistic, 'perSequence'>;
  timing: { seconds: number; secondsPerIteration: number | null; backend: string };
}

export interface ExperimentRecord {
  format: typeof EXPERIMENT_FORMAT;
  tool: { name: 'matmem'; version: string };
  config: ExperimentConfig;
  runs: RunRecord[];
  timing: { seconds: number };
}

/** The record without its timing fields (what must be byte-identical between an interrupted and a straight run). */
export function withoutTiming(r: ExperimentRecord): Omit<ExperimentRecord, 'timing'> {
  const { timing: _t, ...rest } = r;
  return { ...rest, runs: r.runs.map(({ timing: _rt, ...run }) => run as RunRecord) };
}

/** Read `DIR/experiment.json` (or the file itself), checking that it is an experiment record. */
export function readExperimentRecord(path: string): ExperimentRecord {
  const file = existsSync(path) && statSync(path).isDirectory() ? join(path, EXPERIMENT_FILE) : path;
  if (!existsSync(file)) throw new InputError(`no experiment record at ${file} (make one with: matmem experiment copy --out DIR)`);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new InputError(`${file} is not valid JSON (${(err as Error).message})`);
  }
  const r = raw as Partial<ExperimentRecord>;
  if (!r || typeof r !== 'object' || r.format !== EXPERIMENT_FORMAT) throw new InputError(`${file} is not a matmem experiment record (format ${EXPERIMENT_FORMAT})`);
  if (!r.config || !Array.isArray(r.runs)) throw new InputError(`${file}: an experiment record needs "config" and "runs"`);
  for (const run of r.runs) {
    if (!run || typeof run.model !== 'string' || typeof run.seed !== 'number' || !run.final || !Array.isArray(run.heldOut)) throw new InputError(`${file}: run ${JSON.stringify(run?.id ?? '?')} is incomplete`);
  }
  return r as ExperimentRecord;
}
