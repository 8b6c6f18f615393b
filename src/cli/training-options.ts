/** Option parsing shared by `train` and `experiment`: models, presets, backends, softmax, threads. */
import { InputError } from '../errors.ts';
import type { ModelKind, SoftmaxKind } from '../matntm/config.ts';
import { PRESET_NAMES, type PresetName } from '../matntm/presets.ts';
import type { TaskName } from '../matntm/tasks/types.ts';
import { BACKEND_OPTIONS, type BackendOption } from '../matntm/engines/index.ts';
import { parseNumberOption } from './common.ts';
import type { Curriculum } from '../matntm/spec.ts';
import type { OptimizerSettings } from '../matntm/optim.ts';

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
  if (!(PRESET_NAMES as string[]).includes(raw)) throw new InputError(`--preset must be one of ${PRESET_NAMES.join(', ')}, got "${raw}"`);
  return raw as PresetName;
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

/** --curriculum FROM:UNTIL (lengths up to FROM at first, the whole range from iteration UNTIL) or none. */
export function parseCurriculum(raw: string | undefined): Curriculum | null | undefined {
  if (raw === undefined) return undefined;
  const t = String(raw).trim();
  if (t === 'none') return null;
  const m = /^(\d+):(\d+)$/.exec(t);
  if (!m) throw new InputError(`--curriculum must be FROM:UNTIL (a length and an iteration, e.g. 5:15000) or none, got "${raw}"`);
  const from = parseNumberOption('--curriculum (length)', m[1], { integer: true, min: 1, max: 1000 });
  const until = parseNumberOption('--curriculum (iteration)', m[2], { integer: true, min: 1, max: 10_000_000 });
  return { from, until };
}

/**
 * The optimizer from --optimizer, --lr and --lr-decay (EVERY:FACTOR or none) over the preset's;
 * undefined when none of them is given.
 */
export function parseOptimizer(base: OptimizerSettings, o: { optimizer?: string; lr?: string; lrDecay?: string }): OptimizerSettings | undefined {
  if (o.optimizer === undefined && o.lr === undefined && o.lrDecay === undefined) return undefined;
  const out: OptimizerSettings = { ...base };
  if (o.optimizer !== undefined) {
    if (o.optimizer !== 'adam' && o.optimizer !== 'rmsprop') throw new InputError(`--optimizer must be adam or rmsprop, got "${o.optimizer}"`);
    out.kind = o.optimizer;
    if (out.kind === 'rmsprop' && base.kind !== 'rmsprop') out.momentum = 0.9;
  }
  if (o.lr !== undefined) out.lr = parseNumberOption('--lr', o.lr, { min: 0, exclusiveMin: true, max: 1 });
  if (o.lrDecay !== undefined) {
    const t = String(o.lrDecay).trim();
    if (t === 'none') delete out.decay;
    else {
      const m = /^(\d+):([0-9.]+(?:e-?\d+)?)$/i.exec(t);
      if (!m) throw new InputError(`--lr-decay must be EVERY:FACTOR (e.g. 3000:0.333) or none, got "${o.lrDecay}"`);
      out.decay = {
        every: parseNumberOption('--lr-decay (updates)', m[1], { integer: true, min: 1, max: 10_000_000 }),
        factor: parseNumberOption('--lr-decay (factor)', m[2], { min: 0, exclusiveMin: true, max: 1 }),
      };
    }
  }
  return out;
}
