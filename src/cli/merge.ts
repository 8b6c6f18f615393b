/**
 * `matmem merge DIR...`: the shards of a sharded verify (verify-shard-i-of-n.json) or experiment
 * (experiment-shard-i-of-n.json) combined into what the unsharded run writes: report.json/.md/.html
 * (with the verdict table, --baseline, --junit as verify) or experiment.json with its figures.
 */
import { Command } from 'commander';
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { InputError } from '../errors.ts';
import { checkOutputFile, prepareOutputDir } from '../io/output-paths.ts';
import { lockOutputs } from '../io/output-lock.ts';
import { pathNature } from '../io/read-input.ts';
import { checkExperimentOutputs, refuseForeignExperimentDir } from './experiment-outputs.ts';
import { checkVerifyPaths } from './verify-paths.ts';
import type { RunConfig } from '../claims/baseline.ts';
import { EXIT_OK, note, printJson } from './common.ts';
import { finishVerify, readBaselineOption, readExperiments, recordDigest } from './verify-output.ts';
import { FULL_REPORT_DIR, reportScope, verifyOutDir } from './partial-report.ts';

const HELP = `
Give the folders the shards wrote to (or the shard files themselves); every shard of the run must be
there exactly once, made by the same matmem version with the same settings, or nothing is written
(exit 2, naming the missing, duplicated or mismatched shard).

verify shards (verify --shard i/n --out DIR):
  writes report.json, report.md, report.html to --out (default matmem-report) and prints the verdict
  table, as the unsharded verify does; report.json equals the unsharded one apart from "generated".
  --baseline, --write-baseline and --junit work as in verify. Runs with --experiment: give the same
  --experiment folders to merge (for the Section 6 figures).

experiment shards (experiment ... --shard i/n --out DIR):
  writes experiment.json and the figures to --out (default: the shards' folder when they share one);
  experiment.json equals the unsharded one apart from its timing fields.

Exit codes: 0 done; 1 (verify shards with --baseline) a verdict or its evidence changed; 2 bad input.

Examples:
  matmem merge shards/ --out report                      (every shard wrote into shards/)
  matmem merge run-1 run-2 run-3 run-4 --baseline verdicts.baseline.json
  matmem merge exp-recall --json`;

interface MergeOptions {
  out?: string;
  force?: boolean;
  baseline?: string;
  writeBaseline?: string;
  junit?: string;
  experiment: string[];
  files: boolean;
  json?: boolean;
}

/** The shard files under the given folders (or the files given), by kind. */
function findShards(paths: string[]): { verify: string[]; experiment: string[] } {
  const verify: string[] = [];
  const experiment: string[] = [];
  for (const p of paths) {
    const nature = pathNature(p);
    if (nature === 'missing') throw new InputError(`merge: ${p}: no such file or folder`);
    if (nature === 'loop') throw new InputError(`merge: ${p}: a loop of symbolic links`);
    if (nature === 'denied') throw new InputError(`merge: ${p}: permission denied`);
    if (nature === 'special') throw new InputError(`merge: ${p} is not a regular file or folder (give the folders the shards wrote to, or the shard files)`);
    const files = nature === 'folder' ? readdirSync(p).sort().map((f) => join(p, f)) : [p];
    let found = 0;
    for (const f of files) {
      const name = f.slice(f.lastIndexOf('/') + 1);
      if (/^verify-shard-\d+-of-\d+\.json$/.test(name)) verify.push(f), found++;
      else if (/^experiment-shard-\d+-of-\d+\.json$/.test(name)) experiment.push(f), found++;
    }
    if (found === 0) throw new InputError(`merge: ${p} holds no shard file (verify-shard-i-of-n.json or experiment-shard-i-of-n.json)`);
  }
  if (verify.length && experiment.length) throw new InputError('merge: verify shards and experiment shards given together; merge each run on its own');
  return { verify, experiment };
}

export function mergeCommand(): Command {
  return new Command('merge')
    .summary('combine the shards of a sharded verify or experiment into the unsharded output')
    .description('Combine the shard files written by `verify --shard` or `experiment --shard` into the report (or experiment record) of the whole run.')
    .argument('<dirs...>', 'folders holding shard files (or the files)')
    .option('--out <dir>', 'where to write the merged output (verify shards: default matmem-report, or matmem-report-<claim> for the shards of one claim)')
    .option('--force', "verify shards of one claim: write into an --out that holds a whole run's report, replacing it (refused without)")
    .option('--baseline <file>', 'verify shards: compare with this baseline (exit 1 on a change)')
    .option('--write-baseline <file>', 'verify shards: write the merged verdicts and evidence as a baseline')
    .option('--junit <file>', 'verify shards: also write JUnit XML')
    .option('--experiment <dir>', 'verify shards made with --experiment: the same experiment folders (for their figures)', (v: string, prev: string[]) => [...prev, v], [] as string[])
    .option('--no-files', 'print the result without writing files')
    .option('--json', 'print the merged report (or a summary of the record) as JSON on stdout')
    .addHelpText('after', HELP)
    .action(async (dirs: string[], o: MergeOptions) => {
      const found = findShards(dirs);
      if (found.verify.length) await mergeVerify(found.verify, o);
      else await mergeExperiment(found.experiment, dirs, o);
    });
}

async function mergeVerify(files: string[], o: MergeOptions): Promise<void> {
  const { mergeVerifyShards, readShardFile } = await import('../claims/shard.ts');
  const shards = files.map((path) => ({ path, record: readShardFile(path) }));
  const first = shards[0].record;
  const experiments = await readExperiments(o.experiment);
  const digests = experiments.map((e) => ({ task: e.record.config.task, digest: recordDigest(e.record) }));
  if (JSON.stringify(digests) !== JSON.stringify(first.config.experiments)) {
    throw new InputError(`merge: the shards were made with ${first.config.experiments.length ? `experiment records ${first.config.experiments.map((e) => `${e.task} (${e.digest})`).join(', ')}` : 'no experiment records'}; give the same with --experiment (got ${digests.length ? digests.map((e) => `${e.task} (${e.digest})`).join(', ') : 'none'})`);
  }
  const claim = first.config.claim;
  const config: RunConfig = { seed: first.config.seed, runs: first.config.runs, node: Number(process.versions.node.split('.')[0]), claim: claim ?? null, step: null, experiments: digests };
  const baseline = await readBaselineOption(o.baseline, config);
  if (o.force && claim === undefined) throw new InputError("--force lets the shards of one claim replace a whole run's report; the shards of a whole run replace it without");
  // the shards of one claim make a partial report: its own folder by default, never over a whole run's without --force
  const out = o.files ? verifyOutDir({ out: o.out ?? FULL_REPORT_DIR, outGiven: o.out !== undefined, force: Boolean(o.force), selection: { claim } }) : (o.out ?? FULL_REPORT_DIR);
  if (o.files) prepareOutputDir('--out', out, false);
  if (o.writeBaseline !== undefined) checkOutputFile('--write-baseline', o.writeBaseline);
  if (o.junit !== undefined) checkOutputFile('--junit', o.junit);
  const locks = checkVerifyPaths({ out, files: o.files, junit: o.junit, writeBaseline: o.writeBaseline, baseline: o.baseline, experiments: o.experiment, load: [], shardFiles: files });
  const report = mergeVerifyShards(shards);
  report.scope = reportScope({ claim });
  lockOutputs(locks);
  note(`merged ${shards.length} verify shard${shards.length === 1 ? '' : 's'} (seed ${config.seed}, runs ${config.runs})`);
  await finishVerify(report, { seed: config.seed, runs: config.runs, config, files: o.files, out, junit: o.junit, writeBaseline: o.writeBaseline, baseline, json: o.json, partial: claim !== undefined, experiments });
}

async function mergeExperiment(files: string[], dirs: string[], o: MergeOptions): Promise<void> {
  for (const [flag, v] of [['--baseline', o.baseline], ['--write-baseline', o.writeBaseline], ['--junit', o.junit], ['--force', o.force]] as const) {
    if (v !== undefined) throw new InputError(`merge: ${flag} is for verify shards; an experiment record is checked with matmem verify --experiment DIR`);
  }
  const { mergeExperimentShards, readExperimentShard } = await import('../matntm/experiment/shard.ts');
  const shards = files.map((path) => ({ path, record: readExperimentShard(path) }));
  const sameDir = dirs.length === 1 && pathNature(dirs[0]) === 'folder' ? dirs[0] : undefined;
  const out = o.out ?? sameDir;
  if (o.files && out === undefined) throw new InputError('merge: the shards are in several folders; say where experiment.json goes with --out DIR');
  const record = mergeExperimentShards(shards);
  if (o.files) {
    prepareOutputDir('--out', out!, false);
    refuseForeignExperimentDir('--out', out!);
    if (pathNature(join(out!, 'config.json')) !== 'missing') {
      const { readExperimentConfig } = await import('../matntm/experiment/run.ts');
      if (JSON.stringify(readExperimentConfig(out!)) !== JSON.stringify(record.config)) throw new InputError(`--out ${out} holds another experiment (its config.json differs from the shards'); use another --out`);
    }
    checkExperimentOutputs(out!, record.config.task, { inputs: [{ what: 'a shard being merged', files }] });
    lockOutputs([join(out!, 'experiment.json')]);
  }
  note(`merged ${shards.length} experiment shard${shards.length === 1 ? '' : 's'}: ${record.runs.length} runs (${record.config.task})`);
  if (o.files) {
    const { mkdirSync } = await import('node:fs');
    const { writeFileAtomic } = await import('../io/atomic.ts');
    const { EXPERIMENT_FILE } = await import('../matntm/experiment/record.ts');
    const dir = resolve(out!);
    mkdirSync(dir, { recursive: true });
    writeFileAtomic(join(dir, EXPERIMENT_FILE), `${JSON.stringify(record, null, 1)}\n`);
    const { writeExperimentFigures } = await import('./experiment-figures.ts');
    const figures = await writeExperimentFigures(record, dir);
    note(`wrote ${join(dir, EXPERIMENT_FILE)}${figures.length ? `, ${figures.join(', ')}` : ''}`);
    note(`next: matmem verify --experiment ${out}`);
  }
  if (o.json) printJson({ task: record.config.task, runs: record.runs.map((r) => ({ id: r.id, final: r.final.mean, seconds: r.timing.seconds })), seconds: record.timing.seconds });
  process.exitCode = EXIT_OK;
}
