/**
 * The fused engine's hand-written backward pass against (1) finite differences of its own float64
 * forward pass, (2) itself one sequence at a time, and (3) TF.js autodiff on the cpu, wasm and
 * webgpu backends (the gradient oracle).
 */
import { describe, expect, it } from 'vitest';
import { FusedEngine } from '../../src/matntm/engines/fused.ts';
import { TfjsEngine } from '../../src/matntm/engines/tfjs.ts';
import { probeWebGpu, useBackend } from '../../src/matntm/engines/backend.ts';
import type { ModelKind, SoftmaxKind } from '../../src/matntm/config.ts';
import { Rng } from '../../src/matntm/rng.ts';
import { maxAbs, maxAbsDiff, tinyProblem } from './helpers.ts';

const cases: [ModelKind, SoftmaxKind, number][] = [
  ['matntm', 'clamped', 101],
  ['matntm', 'standard', 102],
  ['matrnn', 'clamped', 103],
];

describe('fused gradient = central finite differences of the fused loss', () => {
  for (const [model, softmax, seed] of cases) {
    it(`${model}, ${softmax} softmax (seed ${seed})`, () => {
      const p = tinyProblem(model, seed, softmax);
      const eng = new FusedEngine(p.layout);
      const g = eng.runSync(p.theta, p.batch, p.w0, true).grad!;
      const pick = new Rng(seed);
      // two entries of every parameter tensor
      for (const spec of p.layout.params) {
        for (let rep = 0; rep < 2; rep++) {
          const i = spec.offset + pick.int(0, spec.rows * spec.cols - 1);
          const th = p.theta.slice();
          const x = th[i];
          th[i] = Math.fround(x + 1e-3);
          const hi = th[i];
          const lp = eng.runSync(th, p.batch, p.w0, false).loss;
          th[i] = Math.fround(x - 1e-3);
          const lo = th[i];
          const lm = eng.runSync(th, p.batch, p.w0, false).loss;
          const fd = (lp - lm) / (hi - lo); // the float32 step actually taken
          // central differences in float64: truncation O(h²·|f'''|) ≈ 1e-6 here; clamp kinks are
          // farther than h from these seeds' points (a kink inside the step would show as a large miss)
          expect(Math.abs(fd - g[i]), `${spec.name}[${i - spec.offset}] seed ${seed}: fd ${fd} vs ${g[i]}`).toBeLessThan(1e-5 + 1e-4 * Math.abs(fd));
        }
      }
    });
  }
});

describe('the fused engine batches sequences without mixing them', () => {
  for (const [model, softmax, seed] of cases) {
    it(`${model}, ${softmax} softmax: a batch of 3 = the mean of 3 batches of 1 (seed ${seed})`, () => {
      // the engine stores a batch as [rows][B][cols]; an index slip between sequences would change one
      // sequence's result by O(1), far above the float64 roundoff of summing 3 terms in another order
      const p = tinyProblem(model, seed, softmax, 4, 3);
      const eng = new FusedEngine(p.layout);
      const all = eng.runSync(p.theta, p.batch, p.w0, true);
      const { batch } = p;
      const mat = batch.rows * batch.cols;
      const N = p.config.slots;
      const mean = new Float64Array(p.layout.size);
      let loss = 0;
      for (let b = 0; b < 3; b++) {
        const pick = (src: Float32Array, steps: number) => {
          const out = new Float32Array(steps * mat);
          for (let t = 0; t < steps; t++) out.set(src.subarray((t * 3 + b) * mat, (t * 3 + b + 1) * mat), t * mat);
          return out;
        };
        const one = { ...batch, batch: 1, inputs: pick(batch.inputs, batch.steps), targets: pick(batch.targets, batch.outputSteps) };
        const w0 = p.w0 ? Float32Array.from([...p.w0.subarray(b * N, (b + 1) * N), ...p.w0.subarray((3 + b) * N, (4 + b) * N)]) : null;
        const r = eng.runSync(p.theta, one, w0, true);
        loss += r.loss / 3;
        for (let i = 0; i < mean.length; i++) mean[i] += r.grad![i] / 3;
        for (let t = 0; t < batch.outputSteps; t++) {
          for (let e = 0; e < mat; e++) expect(all.outputs[(t * 3 + b) * mat + e], `seed ${seed}`).toBeCloseTo(r.outputs[t * mat + e], 6);
        }
      }
      expect(Math.abs(all.loss - loss), `seed ${seed}`).toBeLessThan(1e-12);
      // float32 gradients: equal to a few ulps of the largest entry
      expect(maxAbsDiff(all.grad!, mean), `seed ${seed}`).toBeLessThan(1e-6 * maxAbs(mean));
      expect(maxAbs(mean)).toBeGreaterThan(1e-3);
    });
  }
});

for (const backend of ['cpu', 'wasm'] as const) {
  describe(`fused gradient = TF.js autodiff on ${backend}`, () => {
    for (const [model, softmax, seed] of cases) {
      it(`${model}, ${softmax} softmax (seed ${seed})`, async () => {
        await useBackend(backend);
        const p = tinyProblem(model, seed, softmax);
        const a = new FusedEngine(p.layout).runSync(p.theta, p.batch, p.w0, true);
        const b = await new TfjsEngine(p.layout).run(p.theta, p.batch, p.w0, true);
        // TF.js runs in float32 (unit roundoff 6e-8) through ~10² dependent operations per step:
        // agreement to 1e-5 of the largest gradient entry is float32 accuracy, not luck
        const scale = maxAbs(a.grad!);
        expect(scale).toBeGreaterThan(1e-3); // a gradient that vanished would make the comparison empty
        expect(maxAbsDiff(a.grad!, b.grad!), `seed ${seed}`).toBeLessThan(1e-5 * scale);
        expect(Math.abs(a.loss - b.loss), `seed ${seed}`).toBeLessThan(1e-6 * Math.max(1, a.loss));
        expect(maxAbsDiff(a.outputs, b.outputs), `seed ${seed}`).toBeLessThan(1e-6);
      });
    }
  });
}

// WebGPU through Dawn: on CI the adapter is Mesa's lavapipe (installed by .ci/install-lavapipe.sh);
// where no adapter exists the suite is skipped and the reason is printed, never silently.
const gpu = await probeWebGpu();
const inCi = process.env.CI !== undefined && !['', '0', 'false'].includes(process.env.CI.toLowerCase());
if (!gpu.available && !inCi) console.warn(`matntm webgpu tests skipped: ${gpu.reason} (install lavapipe: bash .ci/install-lavapipe.sh)`);
// under CI the adapter is required: a missing one fails here with the reason
it.runIf(inCi)('a WebGPU adapter answers (CI installs lavapipe)', () => expect(gpu.available, gpu.reason).toBe(true));
describe.skipIf(!gpu.available)(`fused gradient = TF.js autodiff on webgpu (${gpu.adapter?.description || gpu.adapter?.architecture || 'no adapter'})`, () => {
  for (const [model, softmax, seed] of cases) {
    it(`${model}, ${softmax} softmax (seed ${seed})`, async () => {
      await useBackend('webgpu');
      const p = tinyProblem(model, seed, softmax);
      const a = new FusedEngine(p.layout).runSync(p.theta, p.batch, p.w0, true);
      const b = await new TfjsEngine(p.layout).run(p.theta, p.batch, p.w0, true);
      // the same float32 budget as cpu and wasm: WGSL shaders sum in another order, which moves results by
      // a few float32 ulps per operation, far below 1e-5 of the largest gradient entry
      const scale = maxAbs(a.grad!);
      expect(scale).toBeGreaterThan(1e-3);
      expect(maxAbsDiff(a.grad!, b.grad!), `seed ${seed}`).toBeLessThan(1e-5 * scale);
      expect(Math.abs(a.loss - b.loss), `seed ${seed}`).toBeLessThan(1e-6 * Math.max(1, a.loss));
      expect(maxAbsDiff(a.outputs, b.outputs), `seed ${seed}`).toBeLessThan(1e-6);
    });
  }
});
