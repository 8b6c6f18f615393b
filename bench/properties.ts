/**
 * Benchmark: the cost of a property run, per 1,000 cases, for every claim in properties/ and each
 * model it is decided in (what `matmem verify --claim ID --runs R` spends on cases: generation,
 * evaluation under the per-case budget, coverage labels, and the shrinking of a failure).
 *
 *   npx tsx bench/properties.ts [--runs R] [--rounds K]     default R = 2000, K = 3
 *
 * Each round runs every property in every model once with seed 1 (the same cases each round, as
 * verify draws them); the table gives the median seconds per 1,000 cases with the min–max over
 * rounds, and the projected single-core time of 10⁶ cases (what a sharded run shares out). No peer:
 * no other tool decides these claims. Run on a quiet machine; the load before the rounds is printed.
 */
import { loadUnits } from '../src/claims/registry.ts';
import { isPropertyCheck, runPropertyClaim } from '../src/claims/checks/property.ts';
import type { AnalyticModel } from '../src/core/types.ts';
import { machineLoad, median, medianRange } from './peer.ts';

const args = process.argv.slice(2);
const opt = (name: string, dflt: number) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
const runs = opt('--runs', 2000);
const rounds = opt('--rounds', 3);

const units = await loadUnits();
const rows: { id: string; model: AnalyticModel; prop: Parameters<typeof runPropertyClaim>[0] }[] = [];
for (const c of units.claims) {
  for (const check of c.checks) {
    if (!isPropertyCheck(check)) continue;
    for (const model of check.property.models) if (check.property.notDefinedIn?.[model] === undefined) rows.push({ id: c.id, model, prop: check.property });
  }
}

const load = machineLoad().text;
const times = new Map<string, number[]>();
const outcome = new Map<string, string>();
for (let r = 0; r < rounds; r++) {
  for (const row of rows) {
    const t0 = performance.now();
    const res = runPropertyClaim(row.prop, { model: row.model, seed: 1, runs });
    const s = (performance.now() - t0) / 1000;
    const key = `${row.id}/${row.model}`;
    times.set(key, [...(times.get(key) ?? []), s]);
    outcome.set(key, `${res.verdict}${res.counterexample ? ` (shrunk in ${res.counterexample.shrinks})` : ''}`);
  }
}

console.log(`property runs: ${runs} cases per claim and model, seed 1, ${rounds} rounds, load before ${load}`);
console.log('| claim | model | s per 1,000 cases (median, min–max) | 10⁶ cases on one core | verdict |');
console.log('|---|---|---|---|---|');
for (const row of rows) {
  const key = `${row.id}/${row.model}`;
  const per1000 = (times.get(key) ?? []).map((s) => (s * 1000) / runs);
  const m = median(per1000);
  const million = (m * 1000) / 60;
  console.log(`| ${row.id} | ${row.model} | ${medianRange(per1000, 2)} | ${million < 90 ? `${million.toFixed(0)} min` : `${(million / 60).toFixed(1)} h`} | ${outcome.get(key)} |`);
}
