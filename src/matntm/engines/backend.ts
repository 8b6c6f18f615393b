/**
 * TF.js backend selection: webgpu (Dawn through the `webgpu` package), wasm, cpu. The full
 * @tensorflow/tfjs package is used (tfjs-core alone does not register gradients under CommonJS);
 * never @tensorflow/tfjs-node.
 */
import * as tf from '@tensorflow/tfjs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { InputError } from '../../errors.ts';
import { isSoftwareAdapter } from './adapter.ts';

// No module prints: PROD silences TF.js's console notes (the tfjs-node advertisement on first use of cpu).
tf.env().set('PROD', true);

export type TfBackendName = 'cpu' | 'wasm' | 'webgpu';
export type BackendChoice = TfBackendName | 'auto';

export interface WebGpuProbe {
  available: boolean;
  /** Why not, when unavailable. */
  reason?: string;
  /** Adapter description (vendor, architecture, device, description). */
  adapter?: Record<string, string>;
  /** True when the adapter is a software rasteriser (lavapipe, SwiftShader). */
  software?: boolean;
}

let gpuInstalled = false;
let probeCache: Promise<WebGpuProbe> | null = null;

/** Install Dawn's navigator.gpu (once) and ask it for an adapter, with a timeout so a broken driver cannot hang us. */
export function probeWebGpu(timeoutMs = 20_000): Promise<WebGpuProbe> {
  probeCache ??= (async (): Promise<WebGpuProbe> => {
    try {
      if (!gpuInstalled) {
        const webgpu = (await import('webgpu')) as unknown as { create: (o: string[]) => unknown; globals: object };
        Object.assign(globalThis, webgpu.globals);
        const gpu = webgpu.create([]);
        const nav = (globalThis as { navigator?: object }).navigator;
        if (nav) Object.defineProperty(nav, 'gpu', { value: gpu, configurable: true });
        else Object.defineProperty(globalThis, 'navigator', { value: { gpu }, configurable: true, writable: true });
        gpuInstalled = true;
      }
      const gpu = (globalThis as unknown as { navigator: { gpu: { requestAdapter(o?: object): Promise<unknown> } } }).navigator.gpu;
      let timer: NodeJS.Timeout | undefined;
      const adapter = (await Promise.race([
        gpu.requestAdapter({ powerPreference: 'high-performance' }),
        new Promise((resolve) => {
          timer = setTimeout(() => resolve('timeout'), timeoutMs);
        }),
      ]).finally(() => clearTimeout(timer))) as { info?: Record<string, string> } | null | 'timeout';
      if (adapter === 'timeout') return { available: false, reason: `requestAdapter did not answer within ${timeoutMs} ms` };
      if (!adapter) return { available: false, reason: 'no WebGPU adapter (Dawn found no Vulkan driver; install mesa-vulkan-drivers)' };
      const info = adapter.info ?? {};
      const desc: Record<string, string> = {};
      for (const k of ['vendor', 'architecture', 'device', 'description']) desc[k] = String(info[k] ?? '');
      return { available: true, adapter: desc, software: isSoftwareAdapter(desc) };
    } catch (err) {
      return { available: false, reason: `WebGPU unavailable: ${(err as Error).message}` };
    }
  })();
  return probeCache;
}

let wasmRegistered = false;

/** Make `name` the active TF.js backend; `auto` picks webgpu on a real GPU, else wasm. */
export async function useBackend(choice: BackendChoice): Promise<{ backend: TfBackendName; adapter?: Record<string, string> }> {
  let name: TfBackendName;
  let adapter: Record<string, string> | undefined;
  if (choice === 'auto') {
    const probe = await probeWebGpu();
    name = probe.available && !probe.software ? 'webgpu' : 'wasm';
    adapter = probe.adapter;
  } else name = choice;
  if (name === 'webgpu') {
    const probe = await probeWebGpu();
    if (!probe.available) throw new InputError(`backend webgpu: ${probe.reason}`);
    adapter = probe.adapter;
    await import('@tensorflow/tfjs-backend-webgpu');
  } else if (name === 'wasm') {
    const wasm = await import('@tensorflow/tfjs-backend-wasm');
    if (!wasmRegistered) {
      const require = createRequire(import.meta.url);
      const dir = dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json'));
      wasm.setWasmPaths(`${join(dir, 'dist')}/`);
      wasmRegistered = true;
    }
  } else if (name !== 'cpu') throw new InputError(`unknown backend "${String(name)}" (cpu, wasm, webgpu, auto)`);
  const ok = await tf.setBackend(name);
  if (!ok) throw new InputError(`backend ${name} failed to initialise`);
  await tf.ready();
  return { backend: name, adapter };
}

export { tf };
