/**
 * `npx tsx scripts/seeded-typos.ts [--runs 20] [--seed 1] [--only id,id]`: runs the seeded-typo
 * suite (test/guard/typos.json) through the regression guard and prints, per typo, whether the
 * guard caught it and what it said. The same suite runs in `npm test` (test/guard).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runTypos, type Typo } from '../test/guard/harness.ts';

const arg = (name: string, dflt: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const runs = Number(arg('--runs', '20'));
const seed = Number(arg('--seed', '1'));
const only = arg('--only', '');
let typos = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'test', 'guard', 'typos.json'), 'utf8')) as Typo[];
if (only) typos = typos.filter((t) => only.split(',').includes(t.id));
const { outcomes, baselineSeconds } = await runTypos(typos, {
  runs,
  seed,
  onOutcome: (o) => process.stderr.write(`${o.caught ? 'caught' : o.code === 3 ? 'CRASH ' : 'MISSED'} ${o.typo.id} (${o.seconds.toFixed(0)} s)\n${o.said ? `    ${o.said.split('\n').join('\n    ')}\n` : ''}`),
});
const caught = outcomes.filter((o) => o.caught);
const equivalent = outcomes.filter((o) => !o.caught && o.typo.equivalent);
process.stdout.write(`${JSON.stringify({ runs, seed, baselineSeconds, typos: outcomes.length, caught: caught.length, equivalentMissed: equivalent.length, missed: outcomes.filter((o) => !o.caught && !o.typo.equivalent).map((o) => ({ id: o.typo.id, code: o.code, said: o.said })) }, null, 2)}\n`);
