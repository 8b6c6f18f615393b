/**
 * Where `matmem verify` spends its time, unit by unit: start-up (module loading), each claim in its
 * models, each derivation, the model checks, the figures and writing the three report files, each
 * timed alone in this process (CPU time of the main thread; the exact model's second thread adds
 * to the wall-clock only where it overlaps).
 *   npx tsx scripts/profile-verify.ts [--runs N] [--seed N] [--top K]
 * Prints a table to stdout (a script, not a library module); docs/performance.md keeps its output.
 */
export {};
const t0 = performance.now();
const { loadUnits, runClaim } = await import('../src/claims/registry.ts');
const { checkAllDerivations } = await import('../src/proof/index.ts');
const { runModelChecks } = await import('../src/claims/model-checks/index.ts');
const { runVerifyWith, checkDerivations } = await import('../src/claims/verify.ts');
const tImport = performance.now() - t0;

const args = process.argv.slice(2);
const flag = (name: string, dflt: number): number => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : dflt);
const runs = flag('--runs', 200);
const seed = flag('--seed', 1);
const topN = flag('--top', 25);

const t1 = performance.now();
const units = await loadUnits();
const tLoad = performance.now() - t1;
const rows: { what: string; ms: number }[] = [];
for (const claim of units.claims) {
  const s = performance.now();
  runClaim(claim, { seed, runs, experiments: [] });
  rows.push({ what: `claim ${claim.id}`, ms: performance.now() - s });
}
for (const d of units.derivations) {
  const s = performance.now();
  checkAllDerivations({ seed, runs }, [d]);
  rows.push({ what: `derivation ${d.id} (${d.steps.length} steps)`, ms: performance.now() - s });
}
{
  const s = performance.now();
  runModelChecks();
  rows.push({ what: 'model checks', ms: performance.now() - s });
}
const report = runVerifyWith(units, { seed, runs, experiments: [] }, { derivations: checkDerivations });
{
  const s = performance.now();
  const { reportFigures } = await import('../src/cli/verify-hooks.ts');
  report.figures = await reportFigures(seed);
  rows.push({ what: 'figures 2–4 (numbers and SVG)', ms: performance.now() - s });
}
{
  const { writeReport } = await import('../src/report/write.ts');
  const { mkdtempSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const s = performance.now();
  writeReport(mkdtempSync(join(tmpdir(), 'matmem-profile-')), report);
  rows.push({ what: 'writing report.json, .md, .html', ms: performance.now() - s });
}
const total = rows.reduce((a, r) => a + r.ms, 0) + tImport + tLoad;
console.log(`matmem verify, unit by unit (seed ${seed}, runs ${runs}): ${(total / 1000).toFixed(2)} s in all`);
console.log('| part | ms | share |\n| --- | ---: | ---: |');
console.log(`| start-up: loading modules | ${tImport.toFixed(0)} | ${((100 * tImport) / total).toFixed(1)} % |`);
console.log(`| start-up: discovering claims and derivations | ${tLoad.toFixed(0)} | ${((100 * tLoad) / total).toFixed(1)} % |`);
for (const r of [...rows].sort((a, b) => b.ms - a.ms).slice(0, topN)) console.log(`| ${r.what} | ${r.ms.toFixed(0)} | ${((100 * r.ms) / total).toFixed(1)} % |`);
const rest = [...rows].sort((a, b) => b.ms - a.ms).slice(topN);
if (rest.length) console.log(`| ${rest.length} more units | ${rest.reduce((a, r) => a + r.ms, 0).toFixed(0)} | |`);
