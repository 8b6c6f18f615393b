/**
 * What verify (and merge, for a sharded verify) does with a finished report: the figures, the report
 * files, JUnit, the baseline written or compared, and the verdict table or the JSON on stdout.
 */
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import type { Report, Verdict } from '../core/types.ts';
import { VERSION } from '../core/version.ts';
import { InputError } from '../errors.ts';
import { writeFileAtomic } from '../io/atomic.ts';
import { readJsonInput } from '../io/json-input.ts';
import { withoutTiming, type ExperimentRecord } from '../matntm/experiment/record.ts';
import type { Baseline, RunConfig } from '../claims/baseline.ts';
import { EXIT_CHECK_FAILED, note, printJson } from './common.ts';
import { derivationSizeLine, stepSizeLine } from '../report/step-sizes.ts';
import { propertyStory } from '../report/property-story.ts';

export interface FinishOptions {
  seed: number;
  runs: number;
  /** Run configuration recorded in (and compared with) baselines. */
  config: RunConfig;
  files: boolean;
  out: string;
  junit?: string;
  writeBaseline?: string;
  baseline?: { path: string; parsed: Pick<Baseline, 'verdicts'> & { evidence: Baseline['evidence'] | null; config: RunConfig | null } };
  json?: boolean;
  /** A partial run (--claim or --step): no figures; only the computed keys are compared. */
  partial: boolean;
  experiments: { path: string; record: ExperimentRecord }[];
  /** --fail-on: exit 1 when any claim result or derivation step of the run has one of these verdicts. */
  failOn?: Verdict[];
}

export async function finishVerify(report: Report, o: FinishOptions): Promise<void> {
  const { compareWithBaseline, describeChange, makeBaseline, reportFingerprints } = await import('../claims/baseline.ts');
  const { verdictMap } = await import('../claims/verify.ts');
  if (!o.partial && o.files) {
    // figures 2–4 are already there when the run drew them on its threads (parallel-verify.ts)
    const drawn = report.figures ?? [];
    if (!drawn.length) note(`rendering figures 2–4${o.experiments.length ? " and the experiments' figures" : ''} …`);
    else if (o.experiments.length) note("rendering the experiments' figures …");
    const { reportFigures } = await import('./verify-hooks.ts');
    report.figures = [...(drawn.length ? drawn : await reportFigures(o.seed)), ...(await experimentReportFigures(o.experiments))];
  }
  if (o.files) {
    const { writeReport } = await import('../report/write.ts');
    const paths = writeReport(resolve(o.out), report);
    note(`wrote ${paths.join(', ')}`);
  }
  for (const d of report.disagreements ?? []) note(`disagreement on ${d.claim}/${d.model}: holds by ${d.holds.join(', ')}; fails by ${d.fails.join(', ')} — ${d.finding}`);
  if (o.junit) {
    const { reportToJunit } = await import('../report/junit.ts');
    writeFileAtomic(o.junit, reportToJunit(report));
    note(`wrote ${o.junit}`);
  }
  if (o.writeBaseline) {
    const b = makeBaseline(report, o.config, VERSION, verdictMap(report));
    writeFileAtomic(o.writeBaseline, `${JSON.stringify(b, null, 2)}\n`);
    const numbers = Object.values(b.evidence).reduce((n, f) => n + Object.keys(f).length, 0);
    note(`wrote the baseline ${o.writeBaseline}: ${Object.keys(b.verdicts).length} verdicts and ${numbers} evidence numbers (seed ${o.seed}, runs ${o.runs}${o.config.claim ? `, claim ${o.config.claim}` : ''}${o.config.step ? `, step ${o.config.step}` : ''})`);
  }
  if (o.json) printJson(JSON.parse(JSON.stringify(report)));
  else process.stdout.write(verdictTable(report) + (o.partial ? propertyStory(report) : ''));
  if (o.baseline) {
    const baseline = o.baseline.parsed;
    const now = { verdicts: verdictMap(report), evidence: reportFingerprints(report) };
    // with --claim or --step only the keys this run computed are compared; Section 6 claims only when the records are the baseline's
    const sameExperiments = JSON.stringify(baseline.config?.experiments ?? []) === JSON.stringify(o.config.experiments);
    const include = (k: string) => (!o.partial || k in now.verdicts) && (sameExperiments || !k.endsWith('/experiment'));
    if (!sameExperiments) note("the Section 6 claims are not compared: their experiment records differ from the baseline's");
    if (!baseline.evidence) note(`${o.baseline.path} has verdicts only (an older format): evidence is not compared; rewrite it with --write-baseline`);
    const sameNode = baseline.config?.node === undefined || baseline.config.node === o.config.node;
    if (!sameNode) note(`the baseline was made on Node.js ${baseline.config!.node}, this is ${o.config.node}: error bounds (round-off estimates) are not compared`);
    const changes = compareWithBaseline(baseline as Baseline, now, include, sameNode);
    if (changes.length > 0) {
      const verdictChanges = changes.filter((c) => c.verdict).length;
      note(`regression against the baseline ${o.baseline.path}: ${verdictChanges} verdict(s) and ${changes.length - verdictChanges} evidence fingerprint(s) changed`);
      for (const c of changes) for (const line of describeChange(c, replayOf(report, c.key))) note(`  ${line}`);
      process.exitCode = EXIT_CHECK_FAILED;
    } else {
      note(`all verdicts and evidence equal the baseline ${o.baseline.path}`);
    }
  }
  if (o.failOn?.length) {
    const hit = [
      ...report.claims.flatMap((c) => c.results.filter((r) => o.failOn!.includes(r.verdict)).map((r) => `${c.id}/${r.model} ${r.verdict}`)),
      ...report.derivations.flatMap((d) => d.steps.filter((st) => o.failOn!.includes(st.verdict)).map((st) => `${d.id}#${st.index} ${st.verdict}`)),
    ];
    if (hit.length) {
      note(`--fail-on ${o.failOn.join(',')}: ${hit.length} result(s) — ${hit.slice(0, 8).join(', ')}${hit.length > 8 ? ', …' : ''}`);
      process.exitCode = EXIT_CHECK_FAILED;
    }
  }
}

/** The baseline named by --baseline, read and checked against this run's configuration before any work. */
export async function readBaselineOption(path: string | undefined, config: RunConfig): Promise<FinishOptions['baseline']> {
  if (!path) return undefined;
  const { configMismatch, parseBaseline } = await import('../claims/baseline.ts');
  const parsed = parseBaseline(path, readJsonInput(path, 'baseline', 'baseline'));
  if (parsed.config) {
    const why = configMismatch(parsed.config, config);
    if (why) throw new InputError(`--baseline ${path}: ${why}`);
  }
  return { path, parsed };
}

/** The experiment records named by --experiment, read and checked before any work. */
export async function readExperiments(paths: string[]): Promise<{ path: string; record: import('../matntm/experiment/record.ts').ExperimentRecord }[]> {
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

/** A digest of an experiment record's content, timings apart (what the Section 6 evidence depends on). */
export function recordDigest(record: ExperimentRecord): string {
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

export function verdictTable(report: Report): string {
  const lines: string[] = [];
  const w = Math.max(...report.claims.map((c) => c.id.length), ...report.derivations.map((d) => d.id.length), 12);
  if (report.claims.length > 0) {
    lines.push(`${'claim'.padEnd(w)}  ${'paper'.padEnd(12)} ${'exact'.padEnd(12)} ${'experiments'.padEnd(12)} source`);
    for (const c of report.claims) {
      const v = (m: string) => c.results.find((r) => r.model === m)?.verdict ?? '—';
      lines.push(`${c.id.padEnd(w)}  ${v('paper').padEnd(12)} ${v('exact').padEnd(12)} ${v('experiment').padEnd(12)} ${c.source}`);
      // a claim in parts (Section 6): each part's verdict under its own line (rules in the report)
      for (const p of c.results.find((r) => r.statementParts?.length)?.statementParts ?? []) lines.push(`${''.padEnd(w)}    (${p.id}) ${p.verdict.padEnd(12)} ${oneLine(p.text, 120)}`);
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
      // the sizes the verdicts cover: certified for every N, or the tested sizes and why
      lines.push(`${''.padEnd(w)}    sizes — ${derivationSizeLine(d)}`);
      // why each step that does not hold does not (every step when only a few were asked for)
      for (const s of d.steps.filter((x) => fewSteps || x.verdict !== 'holds')) {
        lines.push(...wrapped(`#${s.index} ${s.verdict}: ${oneLine(s.to, Infinity)} — ${s.source ?? ''}${s.claims?.length ? ` (claim ${s.claims.join(', ')})` : s.supports?.length ? ` (in the derivation of ${s.supports.join(', ')})` : ''}`, w + 4, w + 7));
        if (s.verdict !== 'holds' || fewSteps) lines.push(...wrapped(oneLine(stepReason(s), 600), w + 7, w + 7));
        if (fewSteps) lines.push(`${''.padEnd(w)}       sizes: ${oneLine(stepSizeLine(s), 220)}`);
        if (s.replay && s.verdict === 'fails') lines.push(`${''.padEnd(w)}       replay: ${s.replay}`);
      }
    }
  }
  return `${lines.join('\n')}\n`;
}

/** The witness that decided a step, in one sentence. */
function stepReason(s: Report['derivations'][number]['steps'][number]): string {
  if (s.sizes?.witnesses.some((w) => w.status === 'fails at a larger N')) return s.detail;
  const deciding = (s.witnesses ?? []).find((w) => w.verdict === s.verdict) ?? s.witnesses?.[0];
  return deciding ? `${deciding.witness}: ${deciding.detail}` : s.detail;
}

/** Width of the terminal lines (stdout's columns on a terminal, else 110). */
function lineWidth(): number {
  return Math.max(60, Math.min(160, process.stdout.columns ?? 110));
}

/** Text wrapped at word boundaries to the line width, the first line indented by `first`, the rest by `rest`. */
export function wrapped(text: string, first: number, rest: number, width = lineWidth()): string[] {
  const out: string[] = [];
  let line = ' '.repeat(first);
  let empty = true;
  for (const word of text.split(' ')) {
    if (!empty && line.length + 1 + word.length > width) {
      out.push(line);
      line = ' '.repeat(rest);
      empty = true;
    }
    line += (empty ? '' : ' ') + word;
    empty = false;
  }
  if (!empty) out.push(line);
  return out;
}

function oneLine(text: string, max = 160): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}
