/**
 * Engine selection. `fused`: the typed-array CPU engine (fastest on CPU); `cpu` / `wasm` /
 * `webgpu`: the TF.js engine on that backend; `auto`: webgpu when the adapter is a real GPU
 * (not a software rasteriser), else fused.
 */
import type { Layout } from '../config.ts';
import type { Engine } from '../model.ts';
import { ShardedFusedEngine } from './sharded.ts';
import { InputError } from '../../errors.ts';

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
  const backend = await import('./backend.ts');
  if (option === 'auto') {
    const probe = await backend.probeWebGpu();
    if (!(probe.available && !probe.software)) return { engine: new ShardedFusedEngine(layout, opts.threads), backend: 'fused', adapter: probe.adapter };
    tfName = 'webgpu';
  } else tfName = option;
  const used = await backend.useBackend(tfName);
  adapter = used.adapter;
  const { TfjsEngine } = await import('./tfjs.ts');
  return { engine: new TfjsEngine(layout), backend: `tfjs-${used.backend}`, adapter };
}
