/**
 * Benchmark: the dense product C = A·B of src/linalg/gemm.ts (float64, row-major), its JavaScript
 * kernel against its WebAssembly one (the same bits), and numpy's `A @ B` (OpenBLAS) as the peer a
 * user would pick, for the shapes verify and the exact model use most (8³ … 144³) and one larger.
 *
 *   npx tsx bench/gemm.ts [--rounds R]
 *
 * Each timing is the median over R interleaved rounds of the mean of enough repetitions for ~0.3 s;
 * numpy is timed in one Python process per round with its own repetitions (its call overhead included,
 * as a user pays it). Prints a Markdown table and the peer's BLAS configuration.
 */
import { spawnSync } from 'node:child_process';
import { gemmJs, gemmWasm } from '../src/linalg/gemm.ts';
import { blasConfig, machineLoad, median, peerEnv } from './peer.ts';

const args = process.argv.slice(2);
const rounds = args.includes('--rounds') ? Number(args[args.indexOf('--rounds') + 1]) : 3;
const SIZES = [8, 15, 50, 144, 400];

function random(len: number, seed: number): Float64Array {
  let x = seed;
  return Float64Array.from({ length: len }, () => (x = (x * 16807) % 2147483647) / 2147483647 - 0.5);
}

function timeIt(f: () => void, n: number): number {
  const reps = Math.max(3, Math.round(1.5e8 / (n * n * n)));
  f();
  const t = performance.now();
  for (let i = 0; i < reps; i++) f();
  return (performance.now() - t) / reps / 1000;
}

function numpyTimes(): Map<number, number> {
  const code = [
    'import json, time, numpy as np',
    'out = {}',
    `for n in ${JSON.stringify(SIZES)}:`,
    '    a = np.random.default_rng(n).standard_normal((n, n)); b = np.random.default_rng(n + 1).standard_normal((n, n))',
    '    reps = max(3, round(1.5e8 / n**3)); a @ b',
    '    t = time.perf_counter()',
    '    for _ in range(reps): a @ b',
    '    out[n] = (time.perf_counter() - t) / reps',
    'print(json.dumps(out))',
  ].join('\n');
  const r = spawnSync('python3', ['-c', code], { encoding: 'utf8', env: peerEnv() });
  if (r.status !== 0) throw new Error(`numpy: ${r.stderr}`);
  return new Map(Object.entries(JSON.parse(r.stdout) as Record<string, number>).map(([k, v]) => [Number(k), v]));
}

const js = new Map<number, number[]>();
const wasm = new Map<number, number[]>();
const peer = new Map<number, number[]>();
const loads: string[] = [];
for (let round = 1; round <= rounds; round++) {
  loads.push(machineLoad().text);
  process.stderr.write(`round ${round}/${rounds}\n`);
  for (const n of SIZES) {
    const A = random(n * n, n);
    const B = random(n * n, n + 1);
    const C = new Float64Array(n * n);
    js.set(n, [...(js.get(n) ?? []), timeIt(() => gemmJs(A, 0, B, 0, C, 0, n, n, n), n)]);
    wasm.set(n, [...(wasm.get(n) ?? []), timeIt(() => gemmWasm(A, 0, B, 0, C, 0, n, n, n), n)]);
  }
  for (const [n, t] of numpyTimes()) peer.set(n, [...(peer.get(n) ?? []), t]);
}
const us = (s: number) => `${(s * 1e6).toFixed(1)} µs`;
const rows = SIZES.map((n) => {
  const [j, w, p] = [median(js.get(n)!), median(wasm.get(n)!), median(peer.get(n)!)];
  return `| ${n}×${n}×${n} | ${us(j)} | ${us(w)} | ${(j / w).toFixed(2)}× | ${us(p)} | ${(w / p).toFixed(2)} | ${((n * n * n) / w / 1e9).toFixed(2)} |`;
});
process.stdout.write(
  [
    '| shape | JavaScript kernel | WebAssembly kernel | speed-up | numpy `A @ B` | WebAssembly / numpy time | GMAC/s (WebAssembly) |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows,
    '',
    `${rounds} interleaved round(s), medians; load before each: ${loads.join('; ')}`,
    `peer: ${blasConfig()}`,
  ].join('\n') + '\n',
);
