/**
 * What `verify` (and `merge` of verify shards) reads and writes, resolved before any work: the
 * outputs (report files, the shard file, --junit, --write-baseline) checked against each other and
 * against the inputs (--baseline, --experiment records, --load folders, shard files), and the
 * outputs to lock while the run works.
 */
import { join, resolve } from 'node:path';
import { InputError } from '../errors.ts';
import { experimentInput, guardOutputs, type PlannedOutput, type RunInput } from '../io/output-guard.ts';
import { refuseIfLocked } from '../io/output-lock.ts';

export interface VerifyPaths {
  out: string;
  files: boolean;
  junit?: string;
  writeBaseline?: string;
  baseline?: string;
  experiments: string[];
  load: string[];
  /** merge: the shard files read. */
  shardFiles?: string[];
  /** verify --shard: the shard file written. */
  shardFile?: string;
}

/** The report files (report/write.ts's REPORT_FILES, named here so that checking paths loads no renderer) and their kinds. */
const REPORT_KINDS = { 'report.json': 'report-json', 'report.md': 'report-md', 'report.html': 'report-html' } as const;

/** Checks the run's outputs against its inputs and each other (output-guard.ts); returns the paths to lock. */
export function checkVerifyPaths(p: VerifyPaths): string[] {
  const outputs: PlannedOutput[] = [];
  if (p.shardFile) outputs.push({ option: '--out', path: p.shardFile, kind: 'verify-shard' });
  else if (p.files) for (const name of Object.keys(REPORT_KINDS) as (keyof typeof REPORT_KINDS)[]) outputs.push({ option: '--out', path: join(p.out, name), kind: REPORT_KINDS[name] });
  if (p.junit) outputs.push({ option: '--junit', path: p.junit, kind: 'junit' });
  if (p.writeBaseline) outputs.push({ option: '--write-baseline', path: p.writeBaseline, kind: 'baseline' });
  const inputs: RunInput[] = [
    ...(p.baseline ? [{ what: 'the --baseline', files: [p.baseline] }] : []),
    ...p.experiments.map((e) => experimentInput(e, 'an --experiment record')),
    ...p.load.map((d) => ({ what: 'a --load folder', files: [], trees: [d] })),
    ...(p.shardFiles ? [{ what: 'a shard being merged', files: p.shardFiles }] : []),
  ];
  guardOutputs(outputs, inputs);
  const locks = [...(p.shardFile ? [p.shardFile] : p.files ? [resolve(p.out)] : []), ...(p.junit ? [p.junit] : []), ...(p.writeBaseline ? [p.writeBaseline] : [])];
  refuseIfLocked(locks);
  return locks;
}

/** The largest shrink index a --path step may name (fast-check walks the shrinks up to it one by one). */
export const MAX_PATH_STEP = 10_000;

/** The most runs a property may have (verify's cap on --runs). */
export const MAX_RUNS = 1_000_000;

/**
 * A fast-check path checked before it is replayed: its first number is a run of the property (below
 * --runs when given; replay commands leave --runs out, so otherwise below its cap), each further one
 * a shrink step (at most MAX_PATH_STEP), at most 1000 steps: replaying walks to it one by one.
 */
export function checkReplayPath(path: string, runs: number | undefined): void {
  if (!/^\d+(:\d+)*$/.test(path)) throw new InputError(`--path must be a fast-check path, non-negative integers separated by colons (e.g. 3:1:0), got "${path.slice(0, 40)}"`);
  const parts = path.split(':');
  if (parts.length > 1000) throw new InputError(`--path has ${parts.length} steps; a fast-check path from a replay command has far fewer (at most 1000)`);
  const limit = runs ?? MAX_RUNS;
  if (parts[0].length > 9 || Number(parts[0]) >= limit) throw new InputError(`--path ${path.slice(0, 40)}: the run ${parts[0].slice(0, 20)} is not below ${runs !== undefined ? `--runs ${runs}` : `${MAX_RUNS}, the most runs a property has`} (take the path from the replay command)`);
  const big = parts.slice(1).find((x) => x.length > 9 || Number(x) > MAX_PATH_STEP);
  if (big !== undefined) throw new InputError(`--path ${path.slice(0, 40)}: the shrink step ${big.slice(0, 20)} is above ${MAX_PATH_STEP} (take the path from the replay command)`);
}
