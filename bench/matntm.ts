/**
 * Benchmark: one training iteration of the MatNTM in the copy configuration of Table 1 (4121
 * parameters), batch 16, l = 10 — forward, backward through time, gradient clamp ±10, RMSprop
 * (lr 1e-4, momentum 0.9) — on every engine available here, and, in the same run, the authors'
 * PyTorch reference on CPU through bench/reference/matntm.py.
 *
 *   MATNTM_REF="/path/to/RNN Controller Final" npx tsx bench/matntm.ts [--iterations N] [--warmup N]
 *       [--skip fused,wasm,cpu,webgpu] [--software-gpu]
 *
 * Every engine (and the peer) first runs --warmup untimed iterations (default 3), then --iterations
 * timed ones (tfjs cpu: 1 and at most 3). webgpu is timed only on a real GPU adapter unless
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

const args = process.argv.slice(2);
const itIdx = args.indexOf('--iterations');
const iterations = itIdx >= 0 ? Number(args[itIdx + 1]) : 10;
const wuIdx = args.indexOf('--warmup');
// untimed iterations first, on both sides: V8 optimises a function only after it has run a while,
// and torch's first iterations allocate; the table compares steady states
const warmup = wuIdx >= 0 ? Number(args[wuIdx + 1]) : 3;
const skipIdx = args.indexOf('--skip');
const skip = new Set(skipIdx >= 0 ? args[skipIdx + 1].split(',') : []);

const config = copyPaperConfig('matntm');
const layout = layoutOf(config);
const B = 16;
const L = 10;

async function timeEngine(option: BackendOption): Promise<{ backend: string; seconds: number; note?: string } | { backend: string; error: string }> {
  try {
    let note: string | undefined;
    if (option === 'webgpu') {
      const probe = await probeWebGpu();
      if (!probe.available) return { backend: option, error: `not available: ${probe.reason}` };
      const name = probe.adapter?.description || probe.adapter?.device || probe.adapter?.architecture || 'adapter';
      if (probe.software && !args.includes('--software-gpu')) return { backend: option, error: `skipped: ${name} is a software adapter (--software-gpu times it anyway)` };
      note = `${name}${probe.software ? ' (software)' : ''}`;
    }
    const { engine, backend } = await createEngine(layout, option);
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
    // tfjs cpu takes seconds per iteration: one warm-up and at most three timed iterations
    for (let i = 0; i < (option === 'cpu' ? Math.min(warmup, 1) : warmup); i++) await step(); // warm-up (JIT, kernel compilation)
    const n = option === 'cpu' ? Math.min(iterations, 3) : iterations;
    const t0 = performance.now();
    for (let i = 0; i < n; i++) await step();
    const seconds = (performance.now() - t0) / 1000 / n;
    engine.dispose?.();
    return { backend, seconds, note };
  } catch (e) {
    return { backend: option, error: (e as Error).message.split('\n')[0] };
  }
}

function timePeer(): { seconds: number; detail: string } | { error: string } {
  const ref = process.env.MATNTM_REF;
  if (!ref) return { error: 'peer not available: MATNTM_REF is not set' };
  const py = process.env.PYTHON ?? 'python3';
  const r = spawnSync(py, [join(import.meta.dirname, 'reference', 'matntm.py'), String(iterations), String(warmup)], { encoding: 'utf8', env: process.env });
  const line = r.stdout.trim().split('\n').pop() ?? '';
  try {
    const j = JSON.parse(line);
    if (j.error) return { error: `peer not available: ${j.error}` };
    return { seconds: j.secondsPerIteration, detail: `torch ${j.torch}, ${j.threads} thread(s), ${j.parameters} parameters` };
  } catch {
    return { error: `peer not available: ${(r.stderr || line).trim().split('\n').pop()}` };
  }
}

const rows: { name: string; seconds?: number; note: string }[] = [];
for (const option of ['fused', 'wasm', 'cpu', 'webgpu'] as BackendOption[]) {
  if (skip.has(option)) continue;
  const t = await timeEngine(option);
  rows.push('error' in t ? { name: `matmem ${option}`, note: t.error } : { name: `matmem ${t.backend}`, seconds: t.seconds, note: t.note ?? '' });
}
const peer = timePeer();
const peerSeconds = 'seconds' in peer ? peer.seconds : undefined;
rows.push({ name: 'PyTorch reference (CPU)', seconds: peerSeconds, note: 'seconds' in peer ? peer.detail : peer.error });

console.log(`MatNTM copy configuration, ${layout.size} parameters, batch ${B}, l = ${L}, ${iterations} timed iterations after ${warmup} untimed`);
console.log('| engine | s / iteration | PyTorch time / ours | note |\n| --- | ---: | ---: | --- |');
for (const r of rows) {
  const ratio = r.seconds !== undefined && peerSeconds !== undefined ? `${(peerSeconds / r.seconds).toFixed(2)}×` : '';
  console.log(`| ${r.name} | ${r.seconds !== undefined ? r.seconds.toFixed(4) : '—'} | ${ratio} | ${r.note} |`);
}
