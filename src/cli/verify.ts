/** `matmem verify`: every derivation and claim, a verdict table, the report files, the baseline guard. */
import { Command } from 'commander';
import cliProgress from 'cli-progress';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { InputError } from '../errors.ts';
import { checkOutputFile, prepareOutputDir } from '../io/output-paths.ts';
import { lockOutputs } from '../io/output-lock.ts';
import type { Report, Verdict } from '../core/types.ts';
import type { RunConfig } from '../claims/baseline.ts';
import { note, parseNumberOption, printJson } from './common.ts';
import { shardOption, SHARD_HELP } from './shard-option.ts';
import { finishVerify, readBaselineOption, readExperiments, recordDigest } from './verify-output.ts';
import { checkReplayPath, checkVerifyPaths, MAX_RUNS } from './verify-paths.ts';
import { DEFAULT_CHECK_TIMEOUT_SECONDS, DEFAULT_LOAD_TIMEOUT_SECONDS } from '../claims/user-units.ts';
import { DEFAULT_CASE_TIMEOUT_SECONDS } from '../claims/checks/case-budget.ts';
import { FULL_REPORT_DIR, reportScope, verifyOutDir } from './partial-report.ts';


export function verifyCommand(): Command {
  return new Command('verify')
    .summary('check every claim and derivation; write the report; guard verdicts against a baseline')
    .description(
      'Check every registered derivation step and claim of the paper in both models (paper: its formulas\n' +
        'as printed; exact: the true law of the linear system), and write report.json, report.md and\n' +
        'report.html to --out. Each verdict is holds, fails (with a counterexample and a replay command)\n' +
        'or inconclusive (with the reason). The same --seed and --runs give a byte-identical report.json\n' +
        'apart from its "generated" field.\n\n' +
        'The regression guard: --write-baseline FILE records, per claim × model and per derivation step, the\n' +
        'verdict and a fingerprint of its evidence (worst case, counterexample and statistics numbers, witness\n' +
        'gaps, and each step\'s two sides at pinned points), with the run configuration (seed, runs, filter).\n' +
        '--baseline FILE compares this run with it: a changed verdict, or an evidence number that moved beyond\n' +
        'the recorded tolerance, is a regression (exit 1), listed with the numbers and the replay command.\n' +
        'A baseline made with another --seed or --runs is refused (exit 2); with --claim or --step only the\n' +
        'keys this run computed are compared.\n\n' +
        'Exit codes: 0 done; 1 a verdict or its evidence differs from the baseline, or --fail-on matched;\n' +
        '2 bad input or usage; 3 internal error (a bug in matmem, never a verdict); 4 a --load unit of yours\n' +
        'failed (its import threw, did not finish within --load-timeout or called process.exit; a check threw,\n' +
        'ran past --check-timeout or returned no list of results).\n\n' +
        'Then open matmem-report/report.html (self-contained: the verdicts, every counterexample and replay\n' +
        'command, the derivations step by step, Figures 2–4); report.md is the same as text, report.json the data.\n\n' +
        'Examples:\n' +
        '  npx matmem verify\n' +

        '  npx matmem verify --baseline verdicts.baseline.json --json\n' +
        '  npx matmem verify --claim corollary-2.1 --seed 7 --path "3:1:0"   (replay one counterexample)\n' +
        '  npx matmem verify --step theorem-2#6 --seed 1 --runs 200            (replay one derivation step)\n\n' +
        '--claim ID runs the registry checks of that claim and the derivation steps that name it.\n\n' +
        'Your own claims and derivations (files default-exporting defineClaim or defineDerivation, plain .js, or\n' +
        '.ts with tsx installed in your project) load beside matmem\'s with --load DIR; --fail-on fails makes\n' +
        'the run exit 1 when any of them fails (for CI):   npx matmem verify --load my-proofs --fail-on fails\n\n' +
        SHARD_HELP,
    )
    .option('--runs <N>', `generated cases per property and model (1..${MAX_RUNS})`, '200')
    .option('--seed <N>', 'seed of every random choice (0..2147483647)', '1')
    .option('--out <dir>', 'where to write report.json, report.md, report.html (default matmem-report; a run of one claim or step: matmem-report-<claim>, matmem-report-<claim>-replay with --path, matmem-report-step-<id>)', FULL_REPORT_DIR)
    .option('--force', 'with --claim or --step: write into an --out that holds a whole run\'s report, replacing it (refused without)')
    .option('--case-timeout <seconds>', `the time budget of one generated case of a property (0.01..3600, default ${DEFAULT_CASE_TIMEOUT_SECONDS}): a case that does not finish is counted undefined (time-budget), the run goes on`, String(DEFAULT_CASE_TIMEOUT_SECONDS))
    .option('--baseline <file>', 'baseline of verdicts and evidence (JSON); exit 1 if any verdict or evidence number changed')
    .option('--write-baseline <file>', 'write the verdicts and evidence of this run as a new baseline file')
    .option('--claim <id>', 'run one claim only (see the list with --list)')
    .option('--path <path>', 'with --claim: replay one fast-check counterexample path')
    .option('--model <model>', 'with --claim: only this model (paper | exact | experiment), e.g. to replay a counterexample in the model it came from')
    .option('--step <derivation#index>', 'run one derivation step only (e.g. theorem-2#6): replays its counterexample')
    .option('--load <dir>', 'also load your own claims and derivations from this folder (files default-exporting defineClaim or defineDerivation; repeatable)', (v: string, prev: string[]) => [...prev, v], [] as string[])
    .option('--load-timeout <seconds>', `how long a --load folder's imports may take (1..3600; they are tried first in a separate process)`, String(DEFAULT_LOAD_TIMEOUT_SECONDS))
    .option('--check-timeout <seconds>', `how long one check of a --load claim may run (1..86400)`, String(DEFAULT_CHECK_TIMEOUT_SECONDS))
    .option('--experiment <dir>', 'an experiment record (matmem experiment … --out DIR) for the Section 6 claims; repeat for copy and recall', (v: string, prev: string[]) => [...prev, v], [] as string[])
    .option('--junit <file>', 'also write the verdicts as JUnit XML (one test case per claim × model, derivation step and model check; fails = failure, inconclusive = skipped)')
    .option('--no-files', 'print the verdicts without writing the report files')
    .option('--shard <i/n|slurm|k8s/n>', 'run share i of n of the work (claims × models, derivation steps, model checks) and write DIR/verify-shard-i-of-n.json; then matmem merge')
    .option('--threads <n>', `threads of a whole run (1..16; default: ${defaultVerifyThreads()}, the cores here, at most 2): the units are shared out, the report is the same`)
    .option('--fail-on <verdicts>', 'exit 1 when any claim or derivation step of the run has one of these verdicts: fails, or fails,inconclusive (with --claim: that claim\'s results and steps)')
    .option('--list', 'list the claim ids, then the derivations with their steps (the ids --claim and --step take), and exit (with --json: one JSON document)')
    .option('--json', 'print the report as one JSON document on stdout (human text goes to stderr)')
    .action(async function (this: Command, opts) {
      // every option, file and output path is checked first (cheap); the checkers (computer algebra,
      // fast-check, vega) load only after that, and only when verify runs
      const runs = parseNumberOption('--runs', opts.runs, { integer: true, min: 1, max: MAX_RUNS });
      const seed = parseNumberOption('--seed', opts.seed, { integer: true, min: 0, max: 2 ** 31 - 1 });
      const loadTimeout = parseNumberOption('--load-timeout', opts.loadTimeout, { min: 1, max: 3600 });
      const checkTimeout = parseNumberOption('--check-timeout', opts.checkTimeout, { min: 1, max: 86400 });
      const caseTimeout = parseNumberOption('--case-timeout', opts.caseTimeout, { min: 0.01, max: 3600 });
      const threads = opts.threads !== undefined ? parseNumberOption('--threads', opts.threads, { integer: true, min: 1, max: 16 }) : defaultVerifyThreads();
      const failOn = opts.failOn !== undefined ? parseFailOn(opts.failOn) : undefined;
      if (opts.step !== undefined && opts.claim !== undefined) throw new InputError('give --claim or --step, not both');
      if (opts.path !== undefined && opts.claim === undefined) throw new InputError('--path replays a counterexample of one claim: give --claim too');
      if (opts.model !== undefined && !['paper', 'exact', 'experiment'].includes(opts.model)) throw new InputError(`--model must be paper, exact or experiment, got "${opts.model}"`);
      if (opts.model !== undefined && opts.claim === undefined) throw new InputError('--model selects the model of one claim: give --claim too');
      if (opts.path !== undefined) checkReplayPath(opts.path, this.getOptionValueSource('runs') === 'default' ? undefined : runs);
      if (opts.force && opts.claim === undefined && opts.step === undefined) throw new InputError("--force lets a run of one claim or step replace a whole run's report; a whole run replaces its own report without it");
      if (opts.list) {
        const given = (['out', 'baseline', 'writeBaseline', 'junit', 'claim', 'step', 'path', 'model', 'failOn', 'threads', 'force', 'caseTimeout'] as const).filter((k) => opts[k] !== undefined && this.getOptionValueSource(k) !== 'default');
        if (given.length) throw new InputError(`--list only lists the claim ids; it does not run, so ${given.map((k) => `--${k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`).join(', ')} would be ignored`);
      }
      const experiments = await readExperiments(opts.experiment as string[]);
      const config: RunConfig = { seed, runs, node: Number(process.versions.node.split('.')[0]), claim: opts.claim ?? null, step: opts.step ?? null, experiments: experiments.map((e) => ({ task: e.record.config.task, digest: recordDigest(e.record) })) };
      const shard = opts.shard !== undefined ? shardOption(opts.shard) : undefined;
      if (shard) {
        for (const [flag, set] of [['--path', opts.path], ['--model', opts.model], ['--force', opts.force], ['--step', opts.step], ['--baseline', opts.baseline], ['--write-baseline', opts.writeBaseline], ['--junit', opts.junit], ['--list', opts.list], ['--fail-on', opts.failOn]] as const) {
          if (set !== undefined && set !== false) throw new InputError(`--shard runs a share of the whole verify; ${flag} belongs to the merged run: matmem merge DIR... ${flag === '--list' ? '' : flag}`.trim());
        }
        if (!opts.files) throw new InputError('--no-files: a shard\'s result is its file DIR/verify-shard-i-of-n.json (for matmem merge); give --shard without --no-files');
      }
      const baseline = await readBaselineOption(opts.baseline, config);
      // a run of one claim or step writes its own folder, and never replaces a whole run's report without --force
      if (!shard && opts.files && !opts.list) opts.out = verifyOutDir({ out: opts.out, outGiven: this.getOptionValueSource('out') !== 'default', force: Boolean(opts.force), selection: { claim: opts.claim, step: opts.step, path: opts.path } });
      if (shard) prepareOutputDir('--out', opts.out, false);
      else if (opts.files && !opts.list) prepareOutputDir('--out', opts.out, false);
      if (opts.writeBaseline !== undefined) checkOutputFile('--write-baseline', opts.writeBaseline);
      if (opts.junit !== undefined) checkOutputFile('--junit', opts.junit);
      const { verifyShardFileName } = await import('../claims/shard.ts');
      const lockTargets = opts.list
        ? []
        : checkVerifyPaths({ out: opts.out, files: opts.files, junit: opts.junit, writeBaseline: opts.writeBaseline, baseline: opts.baseline, experiments: opts.experiment as string[], load: opts.load as string[], shardFile: shard ? join(resolve(opts.out), verifyShardFileName(shard)) : undefined });
      const full = opts.claim === undefined && opts.step === undefined;
      const parallel = full && !shard && !opts.list && threads > 1 && (opts.load as string[]).length === 0;
      // the worker threads load the claims and derivations while this thread loads its own
      const workers = parallel ? (await import('../claims/parallel-verify.ts')).startVerifyWorkers(threads - 1) : undefined;
      const { loadUnits } = await import('../claims/registry.ts');
      const { runVerifyWith, withLoadInReplays } = await import('../claims/verify.ts');
      const { derivationOnlyClaimIds, selectedStepCount, stepIds, verifyHooks } = await import('./verify-hooks.ts');
      const units = await loadUnits(opts.load as string[], { loadTimeoutSeconds: loadTimeout, checkTimeoutSeconds: checkTimeout });
      const registered = units.claims.map((c) => c.id);
      const claimIds = [...registered, ...derivationOnlyClaimIds(registered, units.derivations)];
      if (opts.list) {
        const derivations = units.derivations.map((d) => ({ id: d.id, title: d.title, steps: d.steps.map((_, i) => `${d.id}#${i + 1}`) }));
        if (opts.json) printJson({ claims: claimIds, derivations });
        else process.stdout.write(`claims (--claim ID):\n${claimIds.map((c) => `  ${c}`).join('\n')}\nderivations and their steps (--step ID#N):\n${derivations.map((d) => `  ${d.id} (${d.steps.length} steps: #1…#${d.steps.length}) — ${d.title}`).join('\n')}\n`);
        return;
      }
      if (opts.claim !== undefined && !claimIds.includes(opts.claim)) {
        throw new InputError(`unknown claim "${opts.claim}"; registered: ${claimIds.join(', ')}`);
      }
      const allSteps = stepIds(units.derivations);
      if (opts.step !== undefined && !allSteps.includes(opts.step)) {
        throw new InputError(`unknown step "${opts.step}"; steps are named derivation-id#index, e.g. ${allSteps[0]}`);
      }
      if (opts.path !== undefined && !hasPropertyCases(units.claims.find((c) => c.id === opts.claim))) {
        throw new InputError(`--path replays a case of a property check (fast-check); claim ${opts.claim} has none (its cases are fixed, replayed by --claim ${opts.claim} --seed ${seed} alone)`);
      }
      // everything is checked: the outputs are this run's until it ends (a second run on them refuses)
      lockOutputs(lockTargets);
      if (shard) {
        await runShard(units, { seed, runs, load: opts.load as string[], experiments, config, out: opts.out, json: opts.json, claim: opts.claim, caseTimeoutSeconds: caseTimeout }, shard);
        return;
      }
      let report: Report;
      if (workers) {
        // a whole run on several threads: the same report (figures included when files are written)
        const { runVerifyParallel } = await import('../claims/parallel-verify.ts');
        const bar = new cliProgress.SingleBar(
          { format: `verify [{bar}] {value}/{total} items on ${threads} threads | {item}`, stream: process.stderr, clearOnComplete: true, hideCursor: false },
          cliProgress.Presets.shades_classic,
        );
        try {
          report = await runVerifyParallel(units, {
            seed,
            runs,
            experiments,
            caseTimeoutSeconds: caseTimeout,
            threads,
            // the renderers' module, imported by whichever thread draws the figures
            figures: opts.files ? new URL(import.meta.url.endsWith('.ts') ? './verify-hooks.ts' : './verify-hooks.js', import.meta.url).href : null,
            onItem: itemProgress(bar),
            workers,
          });
        } finally {
          bar.stop();
        }
      } else {
        const ids = opts.step ? [] : opts.claim ? (registered.includes(opts.claim) ? [opts.claim] : []) : registered;
        const steps = selectedStepCount({ claim: opts.claim, step: opts.step }, units.derivations);
        // progress on stderr: registry claims, then derivation steps (the long part)
        const bar = new cliProgress.SingleBar(
          { format: 'verify [{bar}] {value}/{total} claims and derivation steps | {item}', stream: process.stderr, clearOnComplete: true, hideCursor: false },
          cliProgress.Presets.shades_classic,
        );
        bar.start(ids.length + steps, 0, { item: '' });
        const seen = new Set<string>();
        let stepsDone = 0;
        try {
          report = runVerifyWith(
            units,
            { seed, runs, claim: opts.claim, path: opts.path, step: opts.step, experiments, caseTimeoutSeconds: caseTimeout },
            {
              ...verifyHooks,
              onClaim: (id) => {
                seen.add(id);
                bar.update(seen.size + stepsDone, { item: id });
              },
              onStep: (label) => bar.update(seen.size + ++stepsDone, { item: label }),
            },
          );
        } finally {
          bar.stop();
        }
      }
      if ((opts.load as string[]).length > 0) report = withLoadInReplays(report, opts.load as string[]);
      if (opts.model !== undefined) for (const c of report.claims) c.results = c.results.filter((r) => r.model === opts.model);
      report.scope = reportScope({ claim: opts.claim, step: opts.step, path: opts.path, model: opts.model });
      await finishVerify(report, { seed, runs, config, files: opts.files, out: opts.out, junit: opts.junit, writeBaseline: opts.writeBaseline, baseline, json: opts.json, partial: opts.claim !== undefined || opts.step !== undefined, experiments, failOn });
    });
}


/** --fail-on fails[,inconclusive]: the verdicts that make verify exit 1. */
function parseFailOn(raw: string): Verdict[] {
  const list = String(raw)
    .split(',')
    .map((x) => x.trim());
  const bad = list.filter((x) => x !== 'fails' && x !== 'inconclusive');
  if (bad.length || list.length === 0) throw new InputError(`--fail-on takes fails or inconclusive (comma separated), got "${raw}"`);
  return list as Verdict[];
}

/** Threads of a whole verify by default: the cores of this machine, at most 2 (the work list's biggest items bound the gain). */
function defaultVerifyThreads(): number {
  return Math.max(1, Math.min(2, availableParallelism()));
}

/** Whether a claim has a property check, whose cases --path replays (identity and lemma checks have fixed cases). */
function hasPropertyCases(claim: { checks: { source: string }[] } | undefined): boolean {
  return claim !== undefined && claim.checks.some((c) => c.source === 'property runs (fast-check)');
}

/** verify --shard: this share of the units, written to DIR/verify-shard-i-of-n.json for matmem merge. */
async function runShard(
  units: import('../claims/registry.ts').Units,
  o: { seed: number; runs: number; load: string[]; experiments: Awaited<ReturnType<typeof readExperiments>>; config: RunConfig; out: string; json?: boolean; claim?: string; caseTimeoutSeconds: number },
  shard: { index: number; count: number },
): Promise<void> {
  const { runVerifyShard, writeShardFile, verifyShardFileName } = await import('../claims/shard.ts');
  const bar = new cliProgress.SingleBar(
    { format: `verify shard ${shard.index}/${shard.count} [{bar}] {value}/{total} units | {item}`, stream: process.stderr, clearOnComplete: true, hideCursor: false },
    cliProgress.Presets.shades_classic,
  );
  let record;
  try {
    const caseTimeout = o.caseTimeoutSeconds === DEFAULT_CASE_TIMEOUT_SECONDS ? {} : { caseTimeoutSeconds: o.caseTimeoutSeconds };
    record = runVerifyShard(units, { seed: o.seed, runs: o.runs, experiments: o.experiments, load: o.load, experimentDigests: o.config.experiments ?? [], claim: o.claim, ...caseTimeout }, shard, itemProgress(bar));
  } finally {
    bar.stop();
  }
  const path = join(resolve(o.out), verifyShardFileName(shard));
  writeShardFile(path, record);
  const slices = record.caseSlices ?? [];
  const cases = slices.reduce((n, s) => n + s.ledger.count, 0);
  const units_ = record.claims.length + record.steps.length + record.modelChecks.length + (record.slicedClaims?.length ?? 0) + slices.length;
  note(`wrote ${path}: ${record.claims.length} claim results, ${slices.length} slices of property cases (${cases} cases), ${record.steps.length} derivation steps and ${record.modelChecks.length} model checks (${units_} units) of shard ${shard.index}/${shard.count}`);
  note(`then: matmem merge ${o.out} … (every shard's folder) --out DIR`);
  if (o.json) printJson({ shard, path, claims: record.claims.length, caseSlices: slices.length, cases, steps: record.steps.length, modelChecks: record.modelChecks.length });
}

/** A progress callback (label, done, total) on a bar that starts when the first item is done (the total is known then). */
function itemProgress(bar: cliProgress.SingleBar): (label: string, done: number, total: number) => void {
  let started = false;
  return (label, done, total) => {
    if (!started) {
      bar.start(total, 0, { item: '' });
      started = true;
    }
    bar.update(done, { item: label });
  };
}
