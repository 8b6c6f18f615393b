import { checkAllDerivations } from '../../src/proof/index.ts';
const t = Date.now();
const only = process.argv[2];
for (const d of checkAllDerivations({ seed: 1, runs: 100 })) {
  if (only && d.id !== only) continue;
  for (const s of d.steps) {
    console.log(`${d.id} #${s.index} ${s.verdict} [${s.method}] ${s.source}`);
    for (const w of s.witnesses ?? []) console.log(`    ${w.witness}: ${w.verdict} — ${w.detail.slice(0, 220)}`);
  }
}
console.log('seconds', (Date.now() - t) / 1000);
