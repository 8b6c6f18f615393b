/** `matmem verify`: every derivation and claim, a verdict table, the report files, the baseline guard. */
import { Command } from 'commander';
import cliProgress from 'cli-progress';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { InputError } from '../errors.ts';
import { readFileOrExplain, parseJsonText } from '../io/matrix-file.ts';
import { checkOutputFile, prepareOutputDir } from '../io/output-paths.ts';
import type { Report } from '../core/types.ts';
import { withoutTiming, type ExperimentRecord } from '../matntm/experiment/record.ts';
import type { RunConfig } from '../claims/baseline.ts';
import { EXIT_CHECK_FAILED, note, parseNumberOption, printJson } from './common.ts';


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
        'Exit codes: 0 done; 1 a verdict or its evidence differs from the baseline; 2 bad input or usage;\n' +
        '3 internal error (a bug in matmem, never a verdict).\n\n' +
        'Examples:\n' +
        '  npx matmem verify\n' +
        '  npx matmem verify --baseline verdicts.baseline.json --json\n' +
        '  npx matmem verify --claim corollary-2.1 --seed 7 --path "3:1:0"   (replay one counterexample)\n' +
        '  npx matmem verify --step theorem-2#6 --seed 1 --runs 200            (replay one derivation step)\n\n' +
        '--claim ID runs the registry checks of that claim and the derivation steps that name it.',
    )
    .option('--runs <N>', 'generated cases per property and model', '200')
    .option('--seed <N>', 'seed of every random choice', '1')
    .option('--out <dir>', 'where to write report.json, report.md, report.html', 'matmem-report')
    .option('--baseline <file>', 'baseline of verdicts and evidence (JSON); exit 1 if any verdict or evidence number changed')
    .option('--write-baseline <file>', 'write the verdicts and evidence of this run as a new baseline file')
    .option('--claim <id>', 'run one claim only (see the list with --list)')
    .option('--path <path>', 'with --claim: replay one fast-check counterexample path')
    .option('--model <model>', 'with --claim: only this model (paper | exact | experiment), e.g. to replay a counterexample in the model it came from')
    .option('--step <derivation#index>', 'run one derivation step only (e.g. theorem-2#6): replays its counterexample')
    .option('--load <dir>', 'also load your own claims and derivations from this folder (files default-exporting defineClaim or defineDerivation; repeatable)', (v: string, prev: string[]) => [...prev, v], [] as string[])
    .option('--experiment <dir>', 'an experiment record (matmem experiment … --out DIR) for the Section 6 claims; repeat for copy and recall', (v: string, prev: string[]) => [...prev, v], [] as string[])
    .option('--junit <file>', 'also write the verdicts as JUnit XML (one test case per claim × model, derivation step and model check; fails = failure, inconclusive = skipped)')
    .option('--no-files', 'print the verdicts without writing the report files')
    .option('--list', 'list the registered claim ids and exit')
    .option('--json', 'print the report as one JSON document on stdout (human text goes to stderr)')
    .action(async (opts) => {
      // every option, file and output path is checked first (cheap); the checkers (computer algebra,
      // fast-check, vega) load only after that, and only when verify runs
      const { compareWithBaseline, configMismatch, describeChange, makeBaseline, parseBaseline, reportFingerprints } = await import('../claims/baseline.ts');
      const runs = parseNumberOption('--runs', opts.runs, { integer: true, min: 1, max: 100000 });
      const seed = parseNumberOption('--seed', opts.seed, { integer: true, min: 0, max: 2 ** 31 - 1 });
      if (opts.step !== undefined && opts.claim !== undefined) throw new InputError('give --claim or --step, not both');
      if (opts.path !== undefined && opts.claim === undefined) throw new InputError('--path replays a counterexample of one claim: give --claim too');
      if (opts.model !== undefined && !['paper', 'exact', 'experiment'].includes(opts.model)) throw new InputError(`--model must be paper, exact or experiment, got "${opts.model}"`);
      if (opts.model !== undefined && opts.claim === undefined) throw new InputError('--model selects the model of one claim: give --claim too');
      if (opts.path !== undefined && !/^\d+(:\d+)*$/.test(opts.path)) throw new InputError(`--path must be a fast-check path, non-negative integers separated by colons (e.g. 3:1:0), got "${opts.path}"`);
      const experiments = await readExperiments(opts.experiment as string[]);
      const config: RunConfig = { seed, runs, node: Number(process.versions.node.split('.')[0]), claim: opts.claim ?? null, step: opts.step ?? null, experiments: experiments.map((e) => ({ task: e.record.config.task, digest: recordDigest(e.record) })) };
      const baseline = opts.baseline ? parseBaseline(opts.baseline, readJsonFile(opts.baseline)) : undefined;
      if (baseline?.config) {
        const why = configMismatch(baseline.config, config);
        if (why) throw new InputError(`--baseline ${opts.baseline}: ${why}`);
      }
      if (opts.files && !opts.list) prepareOutputDir('--out', opts.out, false);
      if (opts.writeBaseline) checkOutputFile('--write-baseline', opts.writeBaseline);
      if (opts.junit) checkOutputFile('--junit', opts.junit);
      const { loadUnits } = await import('../claims/registry.ts');
      const { runVerifyWith, verdictMap, withLoadInReplays } = await import('../claims/verify.ts');
      const { writeReport } = await import('../report/write.ts');
      const { derivationOnlyClaimIds, reportFigures, selectedStepCount, stepIds, verifyHooks } = await import('./verify-hooks.ts');
      const units = await loadUnits(opts.load as string[]);
      const registered = units.claims.map((c) => c.id);
      const claimIds = [...registered, ...derivationOnlyClaimIds(registered, units.derivations)];
      if (opts.list) {
        process.stdout.write(`${claimIds.join('\n')}\n`);
        return;
      }
      if (opts.claim !== undefined && !claimIds.includes(opts.claim)) {
        throw new InputError(`unknown claim "${opts.claim}"; registered: ${claimIds.join(', ')}`);
      }
      const allSteps = stepIds(units.derivations);
      if (opts.step !== undefined && !allSteps.includes(opts.step)) {
        throw new InputError(`unknown step "${opts.step}"; steps are named derivation-id#index, e.g. ${allSteps[0]}`);
      }
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
      let report: Report;
      try {
        report = runVerifyWith(
          units,
          { seed, runs, claim: opts.claim, path: opts.path, step: opts.step, experiments },
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
      if ((opts.load as string[]).length > 0) report = withLoadInReplays(report, opts.load as string[]);
      if (opts.model !== undefined) for (const c of report.claims) c.results = c.results.filter((r) => r.model === opts.model);
      if (opts.claim === undefined && opts.step === undefined && opts.files) {
        note(`rendering figures 2–4${experiments.length ? ' and the experiments\' figures' : ''} …`);
        report.figures = [...(await reportFigures(seed)), ...(await experimentReportFigures(experiments))];
      }
      if (opts.files) {
        const paths = writeReport(resolve(opts.out), report);
        note(`wrote ${paths.join(', ')}`);
      }
      for (const d of report.disagreements ?? []) note(`disagreement on ${d.claim}/${d.model}: holds by ${d.holds.join(', ')}; fails by ${d.fails.join(', ')} — ${d.finding}`);
      if (opts.junit) {
        const { reportToJunit } = await import('../report/junit.ts');
        writeFileAtomic(opts.junit, reportToJunit(report));
        note(`wrote ${opts.junit}`);
      }
      if (opts.writeBaseline) {
        const b = makeBaseline(report, config, VERSION, verdictMap(report));
        writeFileAtomic(opts.writeBaseline, `${JSON.stringify(b, null, 2)}\n`);
        const numbers = Object.values(b.evidence).reduce((n, f) => n + Object.keys(f).length, 0);
        note(`wrote the baseline ${opts.writeBaseline}: ${Object.keys(b.verdicts).length} verdicts and ${numbers} evidence numbers (seed ${seed}, runs ${runs}${config.claim ? `, claim ${config.claim}` : ''}${config.step ? `, step ${config.step}` : ''})`);
      }
      if (opts.json) printJson(JSON.parse(JSON.stringify(report)));
      else process.stdout.write(verdictTable(report));
      if (baseline) {
        const now = { verdicts: verdictMap(report), evidence: reportFingerprints(report) };
        // with --claim or --step only the keys this run computed are compared; Section 6 claims only when the records are the baseline's
        const partial = opts.claim !== undefined || opts.step !== undefined;
        const sameExperiments = JSON.stringify(baseline.config?.experiments ?? []) === JSON.stringify(config.experiments);
        const include = (k: string) => (!partial || k in now.verdicts) && (sameExperiments || !k.endsWith('/experiment'));
        if (!sameExperiments) note('the Section 6 claims are not compared: their experiment records differ from the baseline\'s');
        if (!baseline.evidence) note(`${opts.baseline} has verdicts only (an older format): evidence is not compared; rewrite it with --write-baseline`);
        const sameNode = baseline.config?.node === undefined || baseline.config.node === config.node;
        if (!sameNode) note(`the baseline was made on Node.js ${baseline.config!.node}, this is ${config.node}: error bounds (round-off estimates) are not compared`);
        const changes = compareWithBaseline(baseline, now, include, sameNode);
        if (changes.length > 0) {
          const verdictChanges = changes.filter((c) => c.verdict).length;
          note(`regression against the baseline ${opts.baseline}: ${verdictChanges} verdict(s) and ${changes.length - verdictChanges} evidence fingerprint(s) changed`);
          for (const c of changes) for (const line of describeChange(c, replayOf(report, c.key))) note(`  ${line}`);
          process.exitCode = EXIT_CHECK_FAILED;
        } else {
          note(`all verdicts and evidence equal the baseline ${opts.baseline}`);
        }
      }
    });
}

/** The experiment records named by --experiment, read and checked before any work. */
async function readExperiments(paths: string[]): Promise<{ path: string; record: import('../matntm/experiment/record.ts').ExperimentRecord }[]> {
  if (paths.length === 0) return [];
  const { readExperimentRecord } = await import('../matntm/experiment/record.ts');
  const out = paths.map((path) => ({ path, record: readExperimentRecord(path) }));
  const tasks = out.map((e) => e.record.config.task);
  if (new Set(tasks).size !== tasks.length) throw new InputError(`--experiment: give at most one record per task (got ${tasks.join(', ')})`);
  return out;
}

async function experimentReportFigures(experiments: { record: import('../matntm/experiment/record.ts').ExperimentRecord }[]) {
  if (experiments.length === 0) return [];
  const { experimentFigures } = await import('./experiment-figures.ts');
  return (await Promise.all(experiments.map((e) => experimentFigures(e.record)))).flat();
}

function readJsonFile(path: string): unknown {
  if (!existsSync(path)) throw new InputError(`cannot read ${path}: no such file`);
  return parseJsonText(path, readFileOrExplain(path).toString('utf8'));
}

/** A digest of an experiment record's content, timings apart (what the Section 6 evidence depends on). */
function recordDigest(record: ExperimentRecord): string {
  return createHash('sha256').update(JSON.stringify(withoutTiming(record))).digest('hex').slice(0, 16);
}

/** The replay command of a claim/model or derivation#step key in this report. */
function replayOf(report: Report, key: string): string | undefined {
  if (key.startsWith('check/')) return `matmem verify --seed ${report.seed} --runs ${report.runs} (the model checks run in every full verify; their cases are pinned)`;
  const hash = key.lastIndexOf('#');
  const slash = key.lastIndexOf('/');
  if (hash > 0 && slash < hash) {
    const d = report.derivations.find((x) => x.id === key.slice(0, hash));
    return d?.steps.find((s) => s.index === Number(key.slice(hash + 1)))?.replay;
  }
  const c = report.claims.find((x) => x.id === key.slice(0, slash));
  return c?.results.find((r) => r.model === key.slice(slash + 1))?.replay;
}

import { writeFileAtomic } from '../io/atomic.ts';
import { VERSION } from '../core/version.ts';
function verdictTable(report: Report): string {
  const lines: string[] = [];
  const w = Math.max(...report.claims.map((c) => c.id.length), ...report.derivations.map((d) => d.id.length), 12);
  if (report.claims.length > 0) {
    lines.push(`${'claim'.padEnd(w)}  ${'paper'.padEnd(12)} ${'exact'.padEnd(12)} ${'experiments'.padEnd(12)} source`);
    for (const c of report.claims) {
      const v = (m: string) => c.results.find((r) => r.model === m)?.verdict ?? '—';
      lines.push(`${c.id.padEnd(w)}  ${v('paper').padEnd(12)} ${v('exact').padEnd(12)} ${v('experiment').padEnd(12)} ${c.source}`);
    }
  }
  if (report.modelChecks?.length) {
    const failing = report.modelChecks.filter((m) => m.verdict !== 'holds');
    lines.push('', `${'model checks'.padEnd(w)}  ${report.modelChecks.length} on pinned cases: ${report.modelChecks.length - failing.length} hold${failing.length ? `; ${failing.map((m) => `${m.id} ${m.verdict} (${m.detail})`).join('; ')}` : ''}`);
  }
  if (report.derivations.length > 0) {
    lines.push('');
    const fewSteps = report.derivations.reduce((n, d) => n + d.steps.length, 0) <= 3;
    for (const d of report.derivations) {
      const counts = { holds: 0, fails: 0, inconclusive: 0 };
      for (const s of d.steps) counts[s.verdict]++;
      lines.push(`${d.id.padEnd(w)}  ${d.steps.length} step${d.steps.length === 1 ? '' : 's'}: ${counts.holds} hold, ${counts.fails} fail, ${counts.inconclusive} inconclusive`);
      // why each step that does not hold does not (every step when only a few were asked for)
      for (const s of d.steps.filter((x) => fewSteps || x.verdict !== 'holds')) {
        lines.push(`${''.padEnd(w)}    #${s.index} ${s.verdict}: ${oneLine(s.to)} — ${s.source ?? ''}${s.claims?.length ? ` (claim ${s.claims.join(', ')})` : s.supports?.length ? ` (in the derivation of ${s.supports.join(', ')})` : ''}`);
        if (s.verdict !== 'holds' || fewSteps) lines.push(`${''.padEnd(w)}       ${oneLine(stepReason(s), 220)}`);
        if (s.replay && s.verdict === 'fails') lines.push(`${''.padEnd(w)}       replay: ${s.replay}`);
      }
    }
  }
  return `${lines.join('\n')}\n`;
}

/** The witness that decided a step, in one sentence. */
function stepReason(s: Report['derivations'][number]['steps'][number]): string {
  const deciding = (s.witnesses ?? []).find((w) => w.verdict === s.verdict) ?? s.witnesses?.[0];
  return deciding ? `${deciding.witness}: ${deciding.detail}` : s.detail;
}

function oneLine(text: string, max = 160): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}
