/**
 * Engine selection. `fused`: the typed-array CPU engine (fastest on CPU); `cpu` / `wasm` /
 * `webgpu`: the TF.js engine on that backend; `auto`: webgpu when the adapter is a real GPU
 * (not a software rasteriser), else fused.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Layout } from '../config.ts';
import type { Engine } from '../model.ts';
import { ShardedFusedEngine } from './sharded.ts';
import { InputError } from '../../errors.ts';
import { isSoftwareAdapter } from './adapter.ts';

export { isSoftwareAdapter };


/**
 * Whether a real GPU adapter exists, asked in a child process (probe-webgpu.mjs) so that Dawn is
 * never loaded into this one unless a TF.js backend will run: its driver messages stay out of the
 * fused engine's output.
 */
export function probeGpuIsolated(timeoutMs = 30_000): { available: boolean; reason?: string; adapter?: Record<string, string> } {
  const script = fileURLToPath(new URL('./probe-webgpu.mjs', import.meta.url));
  const r = spawnSync(process.execPath, [script], { encoding: 'utf8', timeout: timeoutMs, stdio: ['ignore', 'pipe', 'pipe'] });
  const line = (r.stdout ?? '').trim().split('\n').pop() ?? '';
  try {
    return JSON.parse(line);
  } catch {
    return { available: false, reason: r.error ? `the WebGPU probe failed (${r.error.message})` : 'the WebGPU probe gave no answer' };
  }
}

/** The packages a TF.js backend needs: optional dependencies, so that the verifier installs without them. */
export const TFJS_PACKAGES = ['@tensorflow/tfjs', '@tensorflow/tfjs-backend-wasm', '@tensorflow/tfjs-backend-webgpu', 'webgpu'];

/** The TF.js backend module, or an InputError naming the install command when the optional packages are absent. */
async function loadTfjs(name: string): Promise<typeof import('./backend.ts')> {
  try {
    return await import('./backend.ts');
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    if (e.code === 'ERR_MODULE_NOT_FOUND' && /@tensorflow|webgpu/.test(e.message)) {
      throw new InputError(`backend ${name} needs TF.js, an optional dependency that is not installed: npm install ${TFJS_PACKAGES.join(' ')} (or use --backend fused, which needs nothing more)`);
    }
    throw err;
  }
}

export type BackendOption = 'auto' | 'fused' | 'cpu' | 'wasm' | 'webgpu';
export const BACKEND_OPTIONS: BackendOption[] = ['auto', 'fused', 'cpu', 'wasm', 'webgpu'];

export interface EngineChoice {
  engine: Engine;
  /** 'fused', 'tfjs-cpu', 'tfjs-wasm' or 'tfjs-webgpu'. */
  backend: string;
  adapter?: Record<string, string>;
}

/** `threads`: worker threads of the fused engine (default: every core; results do not depend on it). */
export async function createEngine(layout: Layout, option: BackendOption, opts: { threads?: number } = {}): Promise<EngineChoice> {
  if (!BACKEND_OPTIONS.includes(option)) throw new InputError(`--backend must be one of ${BACKEND_OPTIONS.join(', ')}, got "${option}"`);
  let tfName: 'cpu' | 'wasm' | 'webgpu';
  let adapter: Record<string, string> | undefined;
  if (option === 'fused') return { engine: new ShardedFusedEngine(layout, opts.threads), backend: 'fused' };
  if (option === 'auto') {
    const probe = probeGpuIsolated();
    if (!(probe.available && !isSoftwareAdapter(probe.adapter))) return { engine: new ShardedFusedEngine(layout, opts.threads), backend: 'fused', adapter: probe.adapter };
    tfName = 'webgpu';
  } else {
    tfName = option;
    // ask in a child process first: with no adapter, Dawn never loads here (its driver messages stay out)
    if (option === 'webgpu') {
      const probe = probeGpuIsolated();
      if (!probe.available) throw new InputError(`backend webgpu: ${probe.reason}`);
    }
  }
  const backend = await loadTfjs(tfName);
  const used = await backend.useBackend(tfName);
  adapter = used.adapter;
  const { TfjsEngine } = await import('./tfjs.ts');
  return { engine: new TfjsEngine(layout), backend: `tfjs-${used.backend}`, adapter };
}
