/**
 * `npx tsx scripts/size-coverage.ts [--report report.json]`: the table of docs/size-certificates.md —
 * per derivation, how many steps are certified for every N and why each other step covers its tested
 * sizes only — from a verify report (report.json), or, without one, from the derivations checked
 * here (seed 1, 200 runs, as the committed baseline). test/docs/size-certificates.test.ts keeps the
 * page's counts equal to the baseline's.
 */
import { readFileSync } from 'node:fs';
import type { DerivationReport } from '../src/core/types.ts';
import { reportFromJson } from '../src/report/json.ts';
import { derivationSizeCounts } from '../src/report/step-sizes.ts';

const at = process.argv.indexOf('--report');
let derivations: DerivationReport[];
if (at > 0) derivations = reportFromJson(readFileSync(process.argv[at + 1], 'utf8')).derivations;
else {
  const { loadUnits } = await import('../src/claims/registry.ts');
  const { checkAllDerivations } = await import('../src/proof/index.ts');
  derivations = checkAllDerivations({ seed: 1, runs: 200 }, (await loadUnits()).derivations);
}
const rows = derivations.map((d) => {
  const c = derivationSizeCounts(d);
  const tested = [...(c.smallOnly ? [{ short: 'holds at N = 2 only (fails for larger N)', steps: d.steps.filter((s) => s.sizes?.witnesses.some((w) => w.status === 'fails at a larger N')).map((s) => s.index) }] : []), ...c.testedOnly];
  return `| \`${d.id}\` | ${c.steps} | ${c.everyN} | ${c.steps - c.everyN} | ${tested.map((t) => `${t.steps.map((i) => `#${i}`).join(', ')}: ${t.short}`).join('; ') || '—'} |`;
});
const total = derivations.reduce((n, d) => n + d.steps.length, 0);
const every = derivations.reduce((n, d) => n + derivationSizeCounts(d).everyN, 0);
process.stdout.write(
  ['| derivation | steps | every N | tested sizes only | why (steps: reason) |', '| --- | ---: | ---: | ---: | --- |', ...rows, `| all | ${total} | ${every} | ${total - every} | |`, ''].join('\n'),
);
