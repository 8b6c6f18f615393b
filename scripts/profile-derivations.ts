/**
 * Per-step verdicts and the time each witness takes: where `matmem verify` spends its derivation time.
 *   npx tsx scripts/profile-derivations.ts [derivation-id] [--runs N] [--seed N]
 * Prints to stdout (a script, not a library module).
 */
import { loadUnits } from '../src/claims/registry.ts';
import { runIdentity, runNumeric, runSymbolic } from '../src/proof/check.ts';
import { deriveSeed, makeRng } from '../src/core/random.ts';
import type { NumericWitnessSpec } from '../src/proof/types.ts';

const args = process.argv.slice(2);
const flag = (name: string, dflt: number): number => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
const only = args.find((a, i) => !a.startsWith('--') && !(i > 0 && args[i - 1].startsWith('--')));
const runs = flag('--runs', 200);
const seed = flag('--seed', 1);
// the same point and case counts as checkStep
const points = Math.max(2, Math.min(6, Math.ceil(runs / 40)));
const cases = Math.max(3, Math.min(12, runs));
const total = { symbolic: 0, identity: 0, numeric: 0 };
const started = Date.now();
for (const d of (await loadUnits()).derivations) {
  if (only && d.id !== only) continue;
  d.steps.forEach((s, i) => {
    const parts: string[] = [];
    s.witnesses.forEach((w, wi) => {
      const rng = makeRng(deriveSeed(seed, d.id, i + 1, wi));
      if (w.type === 'algebraic') {
        let t = Date.now();
        const sym = runSymbolic(w);
        const ts = Date.now() - t;
        t = Date.now();
        const id = runIdentity(w, rng, points);
        const ti = Date.now() - t;
        total.symbolic += ts;
        total.identity += ti;
        parts.push(`symbolic ${sym.verdict} ${ts} ms`, `identity ${id.result.verdict} ${ti} ms`);
      } else {
        const t = Date.now();
        const nu = runNumeric(w as NumericWitnessSpec<unknown>, rng, cases);
        const tn = Date.now() - t;
        total.numeric += tn;
        parts.push(`numeric ${nu.result.verdict} ${tn} ms`);
      }
    });
    process.stdout.write(`${d.id}#${i + 1}  ${s.source}: ${parts.join(' | ')}\n`);
  });
}
process.stdout.write(`total ${Date.now() - started} ms (symbolic ${total.symbolic}, identity ${total.identity}, numeric ${total.numeric})\n`);
