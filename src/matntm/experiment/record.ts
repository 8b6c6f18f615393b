/**
 * The record of an experiment (`DIR/experiment.json`): the configuration, the version, and per run
 * its training curve, held-out curve, final held-out metrics, length generalization, NTM-algorithm
 * statistic, parameter count and wall time. Everything but the `timing` fields is a function of the
 * configuration alone, so a killed and resumed experiment writes the same bytes there.
 */
import { join } from 'node:path';
import { InputError } from '../../errors.ts';
import { parseJsonBytes } from '../../io/json-input.ts';
import { INPUT_CAPS, pathNature, readRegularFile } from '../../io/read-input.ts';
import { schemaViolation } from '../../io/schema.ts';
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

/** Read `DIR/experiment.json` (or the file itself): a regular file, valid against schemas/experiment.schema.json, consistent. */
export function readExperimentRecord(path: string): ExperimentRecord {
  const file = pathNature(path) === 'folder' ? join(path, EXPERIMENT_FILE) : path;
  if (pathNature(file) === 'missing') throw new InputError(`no experiment record at ${file} (make one with: matmem experiment copy --out DIR)`);
  const raw = parseJsonBytes(file, readRegularFile(file, INPUT_CAPS.experiment, 'experiment record'));
  const r = raw as Partial<ExperimentRecord>;
  if (!r || typeof r !== 'object' || Array.isArray(r) || r.format !== EXPERIMENT_FORMAT) throw new InputError(`${file} is not a matmem experiment record (format ${EXPERIMENT_FORMAT})`);
  const bad = schemaViolation('experiment.schema.json', raw);
  if (bad) throw new InputError(`${file}: ${inRun(r, bad.pointer)}${bad.message}`);
  const why = recordInconsistency(raw as ExperimentRecord);
  if (why) throw new InputError(`${file}: ${why}`);
  return raw as ExperimentRecord;
}

/** "run matntm-seed4: " when the pointer is inside a run. */
function inRun(r: Partial<ExperimentRecord>, pointer: string): string {
  const m = /^\/runs\/(\d+)/.exec(pointer);
  if (!m) return '';
  const run = (r.runs as unknown[] | undefined)?.[Number(m[1])] as { id?: unknown } | undefined;
  return `run ${typeof run?.id === 'string' ? run.id : `#${Number(m[1]) + 1}`}: `;
}

/**
 * What a schema cannot say: one run per (model, seed) and id, every run's model and seed in the
 * configuration and its spec's task and training lengths the configuration's, the final metrics at
 * exactly the training lengths, and wrong bits per matrix at most the output matrix's size.
 */
export function recordInconsistency(rec: ExperimentRecord): string | null {
  const c = rec.config;
  if (c.maxLength < c.minLength) return `config: the training lengths ${c.minLength}..${c.maxLength} are empty`;
  if (c.task === 'copy' && c.itemLength !== undefined) return 'config.itemLength: copy has no items';
  const seen = new Set<string>();
  const ids = new Set<string>();
  for (const run of rec.runs) {
    const at = `run ${run.id}: `;
    const key = `${run.model} seed ${run.seed}`;
    if (seen.has(key)) return `${at}a second run of ${key} (one run per model and seed)`;
    if (ids.has(run.id)) return `${at}the id is used twice`;
    seen.add(key);
    ids.add(run.id);
    if (!c.models.includes(run.model)) return `${at}model ${run.model} is not among the configuration's models (${c.models.join(', ')})`;
    if (!c.seeds.includes(run.seed)) return `${at}seed ${run.seed} is not among the configuration's seeds`;
    if (run.spec.task !== c.task) return `${at}spec.task is ${run.spec.task}, the record's task is ${c.task}`;
    if (run.spec.minLength !== c.minLength || run.spec.maxLength !== c.maxLength) return `${at}spec lengths ${run.spec.minLength}..${run.spec.maxLength} differ from the configuration's ${c.minLength}..${c.maxLength}`;
    const trained = run.final.byLength.map((m) => m.length);
    const want = Array.from({ length: c.maxLength - c.minLength + 1 }, (_, i) => c.minLength + i);
    if (trained.join() !== want.join()) return `${at}final.byLength has lengths ${trained.join(', ')}, the training lengths are ${c.minLength}..${c.maxLength}`;
    const out = run.spec.config?.output;
    const bits = out ? out[0] * out[1] : Infinity;
    const metricsAt: [string, { bitErrorPerMatrix: number }][] = [['final.mean', run.final.mean], ...run.final.byLength.map((m, i) => [`final.byLength[${i}]`, m] as [string, { bitErrorPerMatrix: number }])];
    for (const [field, m] of metricsAt) if (m.bitErrorPerMatrix > bits) return `${at}${field}.bitErrorPerMatrix is ${m.bitErrorPerMatrix}, more than the ${bits} bits of an output matrix`;
    for (const [i, m] of run.generalization.lengths.entries()) {
      if (!c.generalization.lengths.includes(m.length)) return `${at}generalization.lengths[${i}] is at length ${m.length}, not among the configuration's evaluation lengths`;
    }
    if (run.generalization.itemLengths && c.task !== 'recall') return `${at}generalization.itemLengths: copy has no items`;
    if (run.algorithm && run.algorithm.following > run.algorithm.sequences) return `${at}algorithm.following (${run.algorithm.following}) is more than algorithm.sequences (${run.algorithm.sequences})`;
    if (run.algorithm && run.model !== 'matntm') return `${at}only the MatNTM has heads to trace (algorithm)`;
  }
  return null;
}
