/**
 * Benchmark: the commands a user runs most, as a user runs them (a fresh `node bin/matmem.js`
 * process each time, wall time and peak memory from /usr/bin/time), in R interleaved rounds:
 *   - `matmem verify` (default runs, writing report.json/.md/.html) on 2 threads (the default) and on 1;
 *   - `matmem fmc` of a 4×4 case (examples/normal-complex.json);
 *   - `matmem fmc --model exact` of the peer's N = 64 case (numpy seed 0, ρ(U) = ρ(V) = 0.9, K = 200).
 *
 *   npx tsx bench/commands.ts [--rounds R] [--skip verify,fmc,fmc64] [--compare DIR]
 *
 * Prints a Markdown table (median and min–max over rounds, peak RSS) and the machine's load before
 * each round; nothing is compared with a peer here (bench/fmc.ts and bench/matntm.ts do that).
 * --compare DIR also times another built checkout of matmem (DIR/bin/matmem.js: an earlier commit,
 * say) on the same commands, interleaved with this one in every round, in a column of its own: on a
 * machine whose speed wanders, a change is measured against its before in the same run.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { machineLoad, median, peerEnv } from './peer.ts';

const args = process.argv.slice(2);
const rounds = args.includes('--rounds') ? Number(args[args.indexOf('--rounds') + 1]) : 3;
const skip = new Set(args.includes('--skip') ? args[args.indexOf('--skip') + 1].split(',') : []);
const root = join(import.meta.dirname, '..');
const bin = join(root, 'bin', 'matmem.js');
const compareDir = args.includes('--compare') ? args[args.indexOf('--compare') + 1] : null;
const bins = compareDir ? [bin, join(compareDir, 'bin', 'matmem.js')] : [bin];
const dir = mkdtempSync(join(tmpdir(), 'matmem-commands-'));

function case64(): string {
  const code = `import json,sys; sys.path.insert(0, ${JSON.stringify(join(import.meta.dirname, 'reference'))}); from fmc import random_case; U,V,W = random_case(64, 0); print(json.dumps(dict(U=U.tolist(), V=V.tolist(), W=W.tolist())))`;
  const r = spawnSync('python3', ['-c', code], { encoding: 'utf8', maxBuffer: 1 << 28, env: peerEnv() });
  if (r.status !== 0) throw new Error(r.stderr);
  const path = join(dir, 'case64.json');
  writeFileSync(path, r.stdout);
  return path;
}

/** Wall seconds and peak RSS (MiB) of one matmem command, from /usr/bin/time's verbose output. */
function timed(argv: string[], which = bin): { seconds: number; rssMiB: number } {
  const r = spawnSync('/usr/bin/time', ['-v', process.execPath, which, ...argv], { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.status !== 0 && r.status !== 1) throw new Error(`matmem ${argv.join(' ')} exited ${r.status}: ${r.stderr.trim().split('\n').slice(-3).join(' ')}`);
  const wall = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)/.exec(r.stderr);
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr);
  if (!wall || !rss) throw new Error('no /usr/bin/time output');
  return { seconds: Number(wall[1] ?? 0) * 3600 + Number(wall[2]) * 60 + Number(wall[3]), rssMiB: Number(rss[1]) / 1024 };
}

const rows: { name: string; argv: () => string[] }[] = [];
if (!skip.has('verify')) {
  rows.push({ name: '`matmem verify` (2 threads, the default; writes the 3 report files)', argv: () => ['verify', '--out', join(dir, `v2-${Math.random()}`)] });
  rows.push({ name: '`matmem verify --threads 1`', argv: () => ['verify', '--threads', '1', '--out', join(dir, `v1-${Math.random()}`)] });
}
if (!skip.has('fmc')) rows.push({ name: '`matmem fmc --case examples/normal-complex.json`', argv: () => ['fmc', '--case', join(root, 'examples', 'normal-complex.json'), '--json'] });
if (!skip.has('fmc64')) {
  const c = case64();
  rows.push({ name: '`matmem fmc --model exact`, N = 64 (K = 200)', argv: () => ['fmc', '--case', c, '--model', 'exact', '--k', '200', '--json'] });
}
const times = bins.map(() => rows.map(() => [] as { seconds: number; rssMiB: number }[]));
const loads: string[] = [];
for (let r = 0; r < rounds; r++) {
  const load = machineLoad();
  loads.push(load.load.toFixed(2));
  process.stderr.write(`round ${r + 1}/${rounds}: ${load.text}\n`);
  rows.forEach((row, i) => {
    bins.forEach((b, k) => {
      const t = timed(row.argv(), b);
      times[k][i].push(t);
      process.stderr.write(`  ${row.name}${k > 0 ? ' (--compare)' : ''}: ${t.seconds.toFixed(2)} s, ${t.rssMiB.toFixed(0)} MiB\n`);
    });
  });
}
const cell = (ts: { seconds: number; rssMiB: number }[]) => {
  const s = ts.map((t) => t.seconds);
  return `${median(s).toFixed(2)} s (${Math.min(...s).toFixed(2)} – ${Math.max(...s).toFixed(2)}) | ${Math.max(...ts.map((t) => t.rssMiB)).toFixed(0)} MiB`;
};
const lines = compareDir
  ? ['| command | this checkout: wall time, median (min – max) | peak RSS | --compare checkout: wall time | peak RSS | this / compared |', '| --- | ---: | ---: | ---: | ---: | ---: |']
  : ['| command | wall time, median (min – max) | peak RSS |', '| --- | ---: | ---: |'];
rows.forEach((row, i) => {
  const ratio = compareDir ? ` | ${(median(times[0][i].map((t) => t.seconds)) / median(times[1][i].map((t) => t.seconds))).toFixed(2)}` : '';
  lines.push(`| ${row.name} | ${bins.map((_, k) => cell(times[k][i])).join(' | ')}${ratio} |`);
});
lines.push('', `${rounds} interleaved round(s); load before each: ${loads.join(', ')} (${machineLoad().cores} cores).${compareDir ? ` Compared checkout: ${compareDir}.` : ''}`);
process.stdout.write(`${lines.join('\n')}\n`);
rmSync(dir, { recursive: true, force: true });

