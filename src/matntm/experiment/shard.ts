/**
 * An experiment in shards (`experiment --shard i/n`, then `matmem merge`): shard i of n trains the
 * runs of the grid (models × seeds, in the grid's order) whose position is i − 1 modulo n and writes
 * them to DIR/experiment-shard-i-of-n.json; the merge orders the runs as the grid does, so its
 * experiment.json equals the unsharded one apart from timings.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { inShard, type ShardSpec } from '../../core/shard.ts';
import { InputError } from '../../errors.ts';
import { writeFileAtomic } from '../../io/atomic.ts';
import { readJsonInput } from '../../io/json-input.ts';
import { assertSchema } from '../../io/schema.ts';
import { gridRuns, type ExperimentConfig } from './config.ts';
import { EXPERIMENT_FORMAT, recordInconsistency, type ExperimentRecord, type RunRecord } from './record.ts';

export const EXPERIMENT_SHARD_FORMAT = 'matmem-experiment-shard/1';

export interface ExperimentShardRecord {
  format: typeof EXPERIMENT_SHARD_FORMAT;
  tool: { name: 'matmem'; version: string };
  shard: ShardSpec;
  config: ExperimentConfig;
  /** Every run id of the grid, in order (the merge checks that the shards cover it). */
  grid: string[];
  runs: RunRecord[];
}

/** The run ids of the grid that belong to the shard. */
export function shardRunIds(config: ExperimentConfig, shard: ShardSpec): string[] {
  return gridRuns(config)
    .filter((_, i) => inShard(i, shard))
    .map((r) => r.id);
}

export function experimentShardFileName(s: ShardSpec): string {
  return `experiment-shard-${s.index}-of-${s.count}.json`;
}

export function makeExperimentShard(record: ExperimentRecord, shard: ShardSpec): ExperimentShardRecord {
  return { format: EXPERIMENT_SHARD_FORMAT, tool: record.tool, shard, config: record.config, grid: gridRuns(record.config).map((r) => r.id), runs: record.runs };
}

export function writeExperimentShard(path: string, record: ExperimentShardRecord): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileAtomic(path, `${JSON.stringify(record, null, 1)}\n`);
}

/** Reads a shard: a regular file under its cap, valid against schemas/experiment-shard.schema.json, its grid the configuration's. */
export function readExperimentShard(path: string): ExperimentShardRecord {
  const raw = readJsonInput(path, 'experimentShard', 'experiment shard');
  const r = raw as Partial<ExperimentShardRecord> | null;
  if (!r || typeof r !== 'object' || r.format !== EXPERIMENT_SHARD_FORMAT) throw new InputError(`merge: ${path} is not an experiment shard (format ${EXPERIMENT_SHARD_FORMAT})`);
  assertSchema('experiment-shard.schema.json', raw, `merge: ${path}`);
  const record = raw as ExperimentShardRecord;
  if (record.shard.index > record.shard.count) throw new InputError(`merge: ${path}: shard ${record.shard.index} of ${record.shard.count} does not exist`);
  const grid = gridRuns(record.config).map((x) => x.id);
  if (JSON.stringify(grid) !== JSON.stringify(record.grid)) throw new InputError(`merge: ${path}: grid lists ${record.grid.join(', ')}, the configuration's grid is ${grid.join(', ')}`);
  return record;
}

/** The experiment record of the whole grid; refuses missing, duplicated or mismatched shards. */
export function mergeExperimentShards(shards: { path: string; record: ExperimentShardRecord }[]): ExperimentRecord {
  if (shards.length === 0) throw new InputError('merge: no experiment shard files found (experiment --shard i/n --out DIR writes DIR/experiment-shard-i-of-n.json)');
  const first = shards[0].record;
  const n = first.shard.count;
  const seen = new Map<number, string>();
  for (const { path, record } of shards) {
    if (record.tool.version !== first.tool.version) throw new InputError(`merge: ${path} was made by matmem ${record.tool.version}, ${shards[0].path} by ${first.tool.version}`);
    if (JSON.stringify(record.config) !== JSON.stringify(first.config)) throw new InputError(`merge: ${path} belongs to another experiment than ${shards[0].path} (other settings)`);
    if (record.shard.count !== n) throw new InputError(`merge: ${path} is shard ${record.shard.index} of ${record.shard.count}, ${shards[0].path} one of ${n}`);
    const other = seen.get(record.shard.index);
    if (other) throw new InputError(`merge: shard ${record.shard.index}/${n} is there twice: ${other} and ${path}`);
    seen.set(record.shard.index, path);
    const expected = shardRunIds(record.config, record.shard);
    const got = record.runs.map((r) => r.id);
    if (JSON.stringify(expected) !== JSON.stringify(got)) throw new InputError(`merge: ${path} should hold runs ${expected.join(', ')} and holds ${got.join(', ') || 'none'}`);
  }
  const missing = Array.from({ length: n }, (_, i) => i + 1).filter((i) => !seen.has(i));
  if (missing.length) throw new InputError(`merge: shard${missing.length > 1 ? 's' : ''} ${missing.map((i) => `${i}/${n}`).join(', ')} missing`);
  const byId = new Map(shards.flatMap((s) => s.record.runs.map((r) => [r.id, r] as const)));
  const runs = first.grid.map((id) => byId.get(id)!);
  const record: ExperimentRecord = { format: EXPERIMENT_FORMAT, tool: first.tool, config: first.config, runs, timing: { seconds: runs.reduce((s, r) => s + (r.timing?.seconds ?? 0), 0) } };
  // the merged record must be one verify --experiment reads
  const why = recordInconsistency(record);
  if (why) throw new InputError(`merge: the merged experiment record is not consistent: ${why}`);
  return record;
}
