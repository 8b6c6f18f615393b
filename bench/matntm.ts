/**
 * Benchmark: one training iteration of the MatNTM in the copy configuration of Table 1 (4121
 * parameters), batch 16, l = 10 — forward, backward through time, gradient clamp ±10, RMSprop
 * (lr 1e-4, momentum 0.9) — on every engine available here, and, in the same run, the authors'
 * PyTorch reference on CPU through bench/reference/matntm.py.
 *
 *   MATNTM_REF="/path/to/RNN Controller Final" npx tsx bench/matntm.ts [--iterations N] [--warmup N]
 *       [--rounds R] [--skip fused,fused-1,wasm,cpu,webgpu] [--software-gpu]
 *
 * Rows: `fused` is the fused engine on every core (shards of the batch on worker threads), `fused-1`
 * the same engine on one thread; `wasm`, `cpu`, `webgpu` the TF.js engine on that backend. PyTorch
 * runs with its default thread count (every core), as a user would run it.
 *
 * Timings on a shared machine drift by tens of percent from minute to minute, so the engines and the
 * peer are timed in R interleaved rounds (default 3): each round times every engine for --iterations
 * iterations (default 10; tfjs cpu at most 3), then the peer (a fresh process, after --warmup untimed
 * iterations, default 10; the engines are warmed up once, before the first round). The table gives the
 * median over rounds and the ratio of medians. webgpu is timed only on a real GPU adapter unless
 * --software-gpu is given (lavapipe's timings say nothing about GPUs).
 *
 * MATNTM_REF points at the reference's folder (fetched outside this repository, with its in-place
 * activations on torch.split views made to act on copies); PYTHON picks the interpreter that has
 * torch (default python3). Without them the peer row says why it is missing.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { createEngine, type BackendOption } from '../src/matntm/engines/index.ts';
import { probeWebGpu } from '../src/matntm/engines/backend.ts';
import { copyPaperConfig, initParameters, layoutOf } from '../src/matntm/config.ts';
import { newOptimizerState, optimizerStep } from '../src/matntm/optim.ts';
import { copyBatch } from '../src/matntm/tasks/copy.ts';
import { initialHeadWeights } from '../src/matntm/model.ts';
import { Rng } from '../src/matntm/rng.ts';
import { machineLoad, median, peerEnv } from './peer.ts';

const args = process.argv.slice(2);
const arg = (name: string, dflt: number) => (args.indexOf(name) >= 0 ? Number(args[args.indexOf(name) + 1]) : dflt);
const iterations = arg('--iterations', 10);
// untimed iterations first, on both sides: V8 optimises a function only after it has run a while
// (in each of the fused engine's worker threads too, which start with the engine), and torch's first
// iterations allocate; the table compares steady states
const warmup = arg('--warmup', 10);
const rounds = arg('--rounds', 3);
const skipIdx = args.indexOf('--skip');
const skip = new Set(skipIdx >= 0 ? args[skipIdx + 1].split(',') : []);

const config = copyPaperConfig('matntm');
const layout = layoutOf(config);
const B = 16;
const L = 10;

type EngineRow = 'fused' | 'fused-1' | 'wasm' | 'cpu' | 'webgpu';

/** Times `n` iterations of one engine (created afresh: the TF.js backends share one global backend). */
async function timeEngine(row: EngineRow, n: number, warm: number): Promise<{ backend: string; seconds: number; note?: string } | { error: string }> {
  try {
    let note: string | undefined;
    const option: BackendOption = row === 'fused-1' ? 'fused' : row;
    if (option === 'webgpu') {
      const probe = await probeWebGpu();
      if (!probe.available) return { error: `not available: ${probe.reason}` };
      const name = probe.adapter?.description || probe.adapter?.device || probe.adapter?.architecture || 'adapter';
      if (probe.software && !args.includes('--software-gpu')) return { error: `skipped: ${name} is a software adapter (--software-gpu times it anyway)` };
      note = `${name}${probe.software ? ' (software)' : ''}`;
    }
    const { engine, backend } = await createEngine(layout, option, row === 'fused-1' ? { threads: 1 } : {});
    if (row.startsWith('fused')) note = row === 'fused-1' ? '1 thread' : `${(engine as { threads?: number }).threads} threads`;
    const rng = new Rng(1);
    const theta = initParameters(layout, rng);
    const opt = { kind: 'rmsprop' as const, lr: 1e-4, momentum: 0.9, clip: 10 };
    const state = newOptimizerState(layout.size);
    const step = async () => {
      const batch = copyBatch(rng, { batch: B, minLength: L, maxLength: L });
      const w0 = initialHeadWeights(rng, B, config.slots, config.eps);
      const r = await engine.run(theta, batch, w0, true);
      optimizerStep(opt, state, theta, r.grad!);
    };
    for (let i = 0; i < warm; i++) await step(); // JIT, kernel compilation, worker start
    const t0 = performance.now();
    for (let i = 0; i < n; i++) await step();
    const seconds = (performance.now() - t0) / 1000 / n;
    engine.dispose?.();
    return { backend: row === 'fused-1' ? 'fused (1 thread)' : backend, seconds, note };
  } catch (e) {
    return { error: (e as Error).message.split('\n')[0] };
  }
}

function timePeer(): { seconds: number; detail: string } | { error: string } {
  const ref = process.env.MATNTM_REF;
  if (!ref) return { error: 'peer not available: MATNTM_REF is not set' };
  const py = process.env.PYTHON ?? 'python3';
  const r = spawnSync(py, [join(import.meta.dirname, 'reference', 'matntm.py'), String(iterations), String(warmup)], { encoding: 'utf8', env: peerEnv() });
  const line = r.stdout.trim().split('\n').pop() ?? '';
  try {
    const j = JSON.parse(line);
    if (j.error) return { error: `peer not available: ${j.error}` };
    return { seconds: j.secondsPerIteration, detail: `torch ${j.torch}, ${j.threads} thread(s), ${j.parameters} parameters` };
  } catch {
    return { error: `peer not available: ${(r.stderr || line).trim().split('\n').pop()}` };
  }
}


interface Row {
  name: string;
  times: number[];
  note: string;
}
const rows = new Map<string, Row>();
const order: EngineRow[] = (['fused', 'fused-1', 'wasm', 'cpu', 'webgpu'] as EngineRow[]).filter((r) => !skip.has(r));
const PEER = 'PyTorch reference (CPU)';
const loads: string[] = [];
for (let round = 0; round < rounds; round++) {
  const load = machineLoad();
  loads.push(load.load.toFixed(2));
  process.stderr.write(`round ${round + 1}/${rounds}: ${load.text}\n`);
  for (const row of order) {
    // tfjs cpu takes seconds per iteration: timed in the first round only, one warm-up, at most 3 iterations
    if (row === 'cpu' && round > 0) continue;
    const warm = row === 'cpu' ? Math.min(warmup, 1) : warmup;
    const t = await timeEngine(row, row === 'cpu' ? Math.min(iterations, 3) : iterations, warm);
    const key = `matmem ${row}`;
    if (!rows.has(key)) rows.set(key, { name: 'error' in t ? key : `matmem ${t.backend}`, times: [], note: 'error' in t ? t.error : (t.note ?? '') });
    if (!('error' in t)) rows.get(key)!.times.push(t.seconds);
  }
  const peer = timePeer();
  if (!rows.has(PEER)) rows.set(PEER, { name: PEER, times: [], note: 'seconds' in peer ? peer.detail : peer.error });
  if ('seconds' in peer) rows.get(PEER)!.times.push(peer.seconds);
}
const peerTimes = rows.get(PEER)!.times;
const peerMedian = peerTimes.length ? median(peerTimes) : undefined;

console.log(`MatNTM copy configuration, ${layout.size} parameters, batch ${B}, l = ${L}: ${rounds} interleaved rounds of ${iterations} timed iterations (after ${warmup} untimed)`);
console.log('| engine | s / iteration (median) | rounds (min – max) | PyTorch time / ours | note |\n| --- | ---: | ---: | ---: | --- |');
for (const r of rows.values()) {
  const m = r.times.length ? median(r.times) : undefined;
  const ratio = m !== undefined && peerMedian !== undefined ? `${(peerMedian / m).toFixed(2)}×` : '';
  const range = r.times.length ? `${Math.min(...r.times).toFixed(4)} – ${Math.max(...r.times).toFixed(4)}` : '';
  console.log(`| ${r.name} | ${m !== undefined ? m.toFixed(4) : '—'} | ${range} | ${ratio} | ${r.note} |`);
}
console.log(`\nload before each round: ${loads.join(', ')} (${machineLoad().cores} cores); the peer ran with OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE unset.`);
