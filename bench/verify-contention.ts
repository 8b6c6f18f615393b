/**
 * Benchmark: how much two busy threads slow each other on this machine, for verify's own work. The
 * claims, derivation steps and model checks of a default verify (seed 1, runs 200, no figures) run in
 * a fresh process, twice in a row (cold: the first pass, compiling as it goes; warm: the second),
 * once with the process alone and once beside a second process doing the same (nothing shared but
 * the cores). Also the derivation steps alone, and the whole list with `--single-threaded-gc`.
 *
 *   npm run build && npx tsx bench/verify-contention.ts [--rounds R]
 *
 * Prints a Markdown table of medians over R interleaved rounds (default 2) and the machine's load.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { machineLoad, median } from './peer.ts';

const args = process.argv.slice(2);
const rounds = args.includes('--rounds') ? Number(args[args.indexOf('--rounds') + 1]) : 2;
const dist = join(import.meta.dirname, '..', 'dist', 'src', 'claims');
const url = (f: string) => pathToFileURL(join(dist, f)).href;

/** A child that runs the units of `kind` ('all' or 'step') twice and prints the two wall times in ms. */
const childScript = (kind: string) => `
import { loadUnits } from ${JSON.stringify(url('registry.js'))};
import { itemUnits, runItem } from ${JSON.stringify(url('parallel-verify.js'))};
const units = await loadUnits();
const list = itemUnits(units);
const times = [];
for (let pass = 0; pass < 2; pass++) {
  const t = performance.now();
  for (let i = 0; i < list.length; i++) if (${JSON.stringify(kind)} === 'all' || list[i].kind === ${JSON.stringify(kind)}) await runItem(units, i, { seed: 1, runs: 200, figures: null });
  times.push(performance.now() - t);
}
console.log(JSON.stringify(times));
`;

function child(kind: string, flags: string[] = []): Promise<[number, number]> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [...flags, '--input-type=module', '-e', childScript(kind)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    p.stdout.on('data', (d) => (out += d));
    p.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out) as [number, number]) : reject(new Error(`child exited ${code}`))));
  });
}

type Row = { what: string; cold: number[]; warm: number[] };
const rows: Row[] = [
  { what: 'claims, steps and checks: one process alone', cold: [], warm: [] },
  { what: 'the same, two processes at once (each)', cold: [], warm: [] },
  { what: 'the same, alone, `--single-threaded-gc`', cold: [], warm: [] },
  { what: 'derivation steps: one process alone', cold: [], warm: [] },
  { what: 'the same, two processes at once (each)', cold: [], warm: [] },
];
const add = (r: Row, t: [number, number]) => {
  r.cold.push(t[0] / 1000);
  r.warm.push(t[1] / 1000);
};
const loads: string[] = [];
for (let round = 1; round <= rounds; round++) {
  loads.push(machineLoad().text);
  process.stderr.write(`round ${round}/${rounds}\n`);
  add(rows[0], await child('all'));
  for (const t of await Promise.all([child('all'), child('all')])) add(rows[1], t);
  add(rows[2], await child('all', ['--single-threaded-gc']));
  add(rows[3], await child('step'));
  for (const t of await Promise.all([child('step'), child('step')])) add(rows[4], t);
}
const f = (xs: number[]) => `${median(xs).toFixed(2)} s`;
process.stdout.write(
  ['| run | first pass (cold), median | second pass (warm), median |', '| --- | ---: | ---: |', ...rows.map((r) => `| ${r.what} | ${f(r.cold)} | ${f(r.warm)} |`), '', `${rounds} round(s); load before each: ${loads.join('; ')}`].join('\n') + '\n',
);
