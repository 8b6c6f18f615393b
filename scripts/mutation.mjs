#!/usr/bin/env node
// npm run mutation [-- PART ...] [-- --fresh | --report]: StrykerJS over the analytic core, one part at a time
// (scripts/mutation-parts.mjs), then the score per folder (--report: only the score, from the saved reports). Each part keeps its own report and incremental file
// under reports/mutation/, so a stopped run keeps the parts it finished, and a rerun retests only mutants whose
// code changed. --fresh drops the incremental files first: do that after adding tests (Stryker 9.4 reused all 770
// results of the proof part, survivors included, when only new test files had been added). Hours on 2 cores; not
// part of CI.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { mutationParts } from './mutation-parts.mjs';

const args = process.argv.slice(2);
const fresh = args.includes('--fresh');
const reportOnly = args.includes('--report');
const unknownFlags = args.filter((a) => a.startsWith('-') && !['--fresh', '--report', '--help', '-h'].includes(a));
const names = args.filter((a) => !a.startsWith('-'));
const unknownParts = names.filter((n) => !mutationParts.some((p) => p.name === n));
if (args.includes('--help') || args.includes('-h')) {
  console.log(`usage: npm run mutation [-- PART ...] [-- --fresh | --report]\nparts, in run order: ${mutationParts.map((p) => p.name).join(', ')} (default: all)\n` +
    'Reports: reports/mutation/<part>.{json,html}; reruns reuse reports/mutation/<part>.incremental.json unless --fresh\n' +
    '(use --fresh after adding tests: the incremental reuse keeps earlier survivors).\n' +
    '--report runs nothing and prints the table from the saved reports.\n' +
    'Prints the score per folder: (killed + timed out) / (killed + timed out + survived + no coverage).');
  process.exit(0);
}
if (unknownFlags.length > 0 || unknownParts.length > 0) {
  console.error(`mutation: unknown ${unknownFlags.length > 0 ? `option ${unknownFlags[0]}` : `part "${unknownParts[0]}"`}; parts: ${mutationParts.map((p) => p.name).join(', ')}; options: --fresh, --report`);
  process.exit(2);
}
const parts = reportOnly ? [] : names.length > 0 ? mutationParts.filter((p) => names.includes(p.name)) : mutationParts;

mkdirSync('reports/mutation', { recursive: true });
for (const part of parts) {
  if (fresh) rmSync(`reports/mutation/${part.name}.incremental.json`, { force: true });
  console.error(`mutation: part ${part.name} (${part.mutate.join(' ')})`);
  const run = spawnSync('npx', ['stryker', 'run'], { stdio: 'inherit', env: { ...process.env, MATMEM_MUTATION_PART: part.name } });
  if (run.status !== 0) {
    console.error(`mutation: part ${part.name} ended with exit code ${run.status ?? run.signal}; the parts before it are kept`);
    process.exit(3);
  }
}

// the score per folder, over every part that has a report (this run's and earlier ones')
const COUNTED = { Killed: 'killed', Timeout: 'timedOut', Survived: 'survived', NoCoverage: 'noCoverage' };
const folders = new Map();
for (const part of mutationParts) {
  const file = `reports/mutation/${part.name}.json`;
  if (!existsSync(file)) continue;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  for (const [path, result] of Object.entries(report.files)) {
    const folder = dirname(path);
    const row = folders.get(folder) ?? { folder, part: part.name, killed: 0, timedOut: 0, survived: 0, noCoverage: 0, other: 0 };
    for (const m of result.mutants) {
      const key = COUNTED[m.status];
      if (key) row[key]++;
      else row.other++;
    }
    folders.set(folder, row);
  }
}
if (folders.size === 0) {
  console.error('mutation: no saved reports under reports/mutation/ yet (npm run mutation writes them)');
  process.exit(0);
}
const rows = [...folders.values()].sort((a, b) => a.folder.localeCompare(b.folder)).map((r) => ({ ...r, score: (r.killed + r.timedOut) / (r.killed + r.timedOut + r.survived + r.noCoverage) }));
const total = rows.reduce((t, r) => ({ killed: t.killed + r.killed, timedOut: t.timedOut + r.timedOut, survived: t.survived + r.survived, noCoverage: t.noCoverage + r.noCoverage }), { killed: 0, timedOut: 0, survived: 0, noCoverage: 0 });
const summary = { date: new Date().toISOString(), folders: rows, total: { ...total, score: (total.killed + total.timedOut) / (total.killed + total.timedOut + total.survived + total.noCoverage) } };
writeFileSync('reports/mutation/summary.json.tmp', `${JSON.stringify(summary, null, 2)}\n`);
renameSync('reports/mutation/summary.json.tmp', 'reports/mutation/summary.json');
console.log('| folder | killed | timed out | survived | no coverage | score |\n| --- | ---: | ---: | ---: | ---: | ---: |');
for (const r of [...rows, { folder: 'all', ...summary.total }]) {
  console.log(`| ${r.folder} | ${r.killed} | ${r.timedOut} | ${r.survived} | ${r.noCoverage} | ${(100 * r.score).toFixed(1)} % |`);
}
