/** Option parsing shared by `train` and `experiment`: models, presets, backends, softmax, threads. */
import { InputError } from '../errors.ts';
import type { ModelKind, SoftmaxKind } from '../matntm/config.ts';
import type { PresetName } from '../matntm/presets.ts';
import type { TaskName } from '../matntm/tasks/types.ts';
import { BACKEND_OPTIONS, type BackendOption } from '../matntm/engines/index.ts';
import { parseNumberOption } from './common.ts';

export function parseTask(raw: string): TaskName {
  if (raw !== 'copy' && raw !== 'recall') throw new InputError(`task must be copy or recall, got "${raw}"`);
  return raw;
}

export function parseModel(raw: string, option = '--model'): ModelKind {
  if (raw !== 'matntm' && raw !== 'matrnn') throw new InputError(`${option} must be matntm or matrnn, got "${raw}"`);
  return raw;
}

export function parseModels(raw: string): ModelKind[] {
  return String(raw)
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .map((s) => parseModel(s, '--models'));
}

export function parsePreset(raw: string): PresetName {
  if (raw !== 'paper' && raw !== 'quick') throw new InputError(`--preset must be paper or quick, got "${raw}"`);
  return raw;
}

export function parseSoftmax(raw: string): SoftmaxKind {
  if (raw !== 'clamped' && raw !== 'standard') throw new InputError(`--softmax must be clamped or standard, got "${raw}"`);
  return raw;
}

export function parseBackend(raw: string): BackendOption {
  if (!(BACKEND_OPTIONS as string[]).includes(raw)) throw new InputError(`--backend must be one of ${BACKEND_OPTIONS.join(', ')}, got "${raw}"`);
  return raw as BackendOption;
}

export function parseThreads(raw: string | undefined): number | undefined {
  return raw !== undefined ? parseNumberOption('--threads', raw, { integer: true, min: 1, max: 256 }) : undefined;
}

/** The recall item length n (the paper's 2), 1..20. */
export function parseItemLength(raw: string | undefined, task: TaskName): number | undefined {
  if (raw === undefined) return undefined;
  if (task !== 'recall') throw new InputError('--item-length is a recall option (copy has no items)');
  return parseNumberOption('--item-length', raw, { integer: true, min: 1, max: 20 });
}

export const BACKEND_HELP = `Backends (--backend):
  fused   typed-array CPU engine with a hand-written backward pass through time (fastest on CPU);
          the batch is cut into shards of 8 sequences run on --threads worker threads
  cpu     TF.js on plain JavaScript      wasm    TF.js on WebAssembly
  webgpu  TF.js on WebGPU (Dawn, through the webgpu package; Mesa's lavapipe works without a GPU)
  auto    webgpu when a real GPU adapter answers (asked in a separate process), else fused`;
