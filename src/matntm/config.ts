/**
 * The one definition of the Matrix NTM (paper Section 4, Figure 1) and of the Matrix RNN baseline:
 * configuration, the list of parameter tensors with their shapes, the parameter count, and the
 * seeded initialisation. Both engines (fused and tfjs) read parameters through this layout, so a
 * flat Float32Array of `parameterCount(config)` numbers is the whole model.
 *
 * Architecture (matching the authors' PyTorch code, "RNN Controller Final"):
 *   cell l:  Hˡ = tanh(Up·P·Vp + Uq·X_t·Vq + Ur·R_{t−1}·Vr + B), P = H_{t−1}^{top} for l = 0, else H^{l−1}_t
 *   heads:   keys [m0, 2·m1] (tanh), add|erase [m0, 2·m1] (tanh|sigmoid), shift logits [2r+1, 2],
 *            (β̂, ĝ, γ̂) [3, 2]; column / column block 0 is the read head, 1 the write head
 *   output:  Y_t = σ(Uy·H_t·Vy + By + Ur'·R_t·Vr' + Br')
 * The Matrix RNN baseline is the same controller with no read term in the cells, no memory, and
 * the output map Uy·H·Vy + By only.
 */
import { InputError } from '../errors.ts';
import { Rng } from './rng.ts';

export type ModelKind = 'matntm' | 'matrnn';
/** 'clamped': the reference's exp(clamp(x, 0, 80)) / (Σ + eps); 'standard': exp(x − max) / (Σ + eps). */
export type SoftmaxKind = 'clamped' | 'standard';

export interface ModelConfig {
  model: ModelKind;
  input: [number, number];
  output: [number, number];
  hidden: [number, number];
  layers: number;
  /** N slots of m0 × m1 matrices. */
  slots: number;
  slot: [number, number];
  shiftRange: number;
  eps: number;
  /** Initial memory value of every entry (the reference's 'small_const' 1e-5). */
  memoryInit: number;
  softmax: SoftmaxKind;
}

/** Table 1, copy task: 3 cells of 15×15, input/output 5×5, memory 120×6×6, shift range 1 (eps from RunnerCopy.py). */
export function copyPaperConfig(model: ModelKind = 'matntm'): ModelConfig {
  return { model, input: [5, 5], output: [5, 5], hidden: [15, 15], layers: 3, slots: 120, slot: [6, 6], shiftRange: 1, eps: 1e-8, memoryInit: 1e-5, softmax: 'clamped' };
}

/** Table 1, associative recall: 4 cells of 20×20, otherwise as copy (eps from RunnerAssRec.py). */
export function recallPaperConfig(model: ModelKind = 'matntm'): ModelConfig {
  return { ...copyPaperConfig(model), hidden: [20, 20], layers: 4, eps: 1e-9 };
}

export interface ParamSpec {
  name: string;
  rows: number;
  cols: number;
  /** Offset into the flat parameter vector. */
  offset: number;
  /** torch kaiming_uniform_ (fan_in = cols) gain: √2 for the cells ('leaky_relu', a = 0), 1 elsewhere. */
  gain: number;
}

/** A bilinear map U·X·V + B from [r, c] to [r', c']: U [r', r], V [c, c'], B [r', c']. */
export interface BilinearSpec {
  U: ParamSpec;
  V: ParamSpec;
  B: ParamSpec | null;
}

export interface CellSpec {
  p: BilinearSpec; // Up, Vp, B (the cell's bias)
  q: BilinearSpec; // Uq, Vq (no bias)
  r: BilinearSpec | null; // Ur, Vr (no bias); absent in the Matrix RNN
}

export interface Layout {
  config: ModelConfig;
  params: ParamSpec[];
  size: number;
  cells: CellSpec[];
  /** Interface maps from the top state (MatNTM only). */
  keys: BilinearSpec | null;
  addErase: BilinearSpec | null;
  shift: BilinearSpec | null;
  bgg: BilinearSpec | null;
  outY: BilinearSpec;
  outR: BilinearSpec | null;
}

export function validateConfig(c: ModelConfig): void {
  const dims = [...c.input, ...c.output, ...c.hidden, ...c.slot, c.layers, c.slots];
  if (!dims.every((d) => Number.isInteger(d) && d >= 1)) throw new InputError('model dimensions must be positive integers');
  if (!Number.isInteger(c.shiftRange) || c.shiftRange < 0 || 2 * c.shiftRange + 1 > c.slots) {
    throw new InputError(`shift range must be an integer in [0, (slots − 1)/2], got ${c.shiftRange}`);
  }
  if (!(c.eps > 0)) throw new InputError('eps must be > 0');
}

/** The parameter layout: names, shapes and offsets, in the reference's module order. */
export function layoutOf(config: ModelConfig): Layout {
  validateConfig(config);
  const params: ParamSpec[] = [];
  let offset = 0;
  const add = (name: string, rows: number, cols: number, gain: number): ParamSpec => {
    const p = { name, rows, cols, offset, gain };
    params.push(p);
    offset += rows * cols;
    return p;
  };
  const bilinear = (name: string, from: [number, number], to: [number, number], gain: number, bias: boolean): BilinearSpec => ({
    U: add(`${name}.U`, to[0], from[0], gain),
    V: add(`${name}.V`, from[1], to[1], gain),
    B: bias ? add(`${name}.B`, to[0], to[1], gain) : null,
  });
  const [h0, h1] = config.hidden;
  const [m0, m1] = config.slot;
  const ntm = config.model === 'matntm';
  const cells: CellSpec[] = [];
  const cellGain = Math.SQRT2;
  for (let l = 0; l < config.layers; l++) {
    // reference order inside MFNN3: Up, Vp, Uq, Vq, Ur, Vr, B
    const Up = add(`cell${l}.Up`, h0, h0, cellGain);
    const Vp = add(`cell${l}.Vp`, h1, h1, cellGain);
    const Uq = add(`cell${l}.Uq`, h0, config.input[0], cellGain);
    const Vq = add(`cell${l}.Vq`, config.input[1], h1, cellGain);
    let r: BilinearSpec | null = null;
    if (ntm) r = { U: add(`cell${l}.Ur`, h0, m0, cellGain), V: add(`cell${l}.Vr`, m1, h1, cellGain), B: null };
    const B = add(`cell${l}.B`, h0, h1, cellGain);
    cells.push({ p: { U: Up, V: Vp, B }, q: { U: Uq, V: Vq, B: null }, r });
  }
  const outY = bilinear('outY', config.hidden, config.output, 1, true);
  const outR = ntm ? bilinear('outR', config.slot, config.output, 1, true) : null;
  const S = 2 * config.shiftRange + 1;
  const keys = ntm ? bilinear('keys', config.hidden, [m0, 2 * m1], 1, true) : null;
  const addErase = ntm ? bilinear('addErase', config.hidden, [m0, 2 * m1], 1, true) : null;
  const shift = ntm ? bilinear('shift', config.hidden, [S, 2], 1, true) : null;
  const bgg = ntm ? bilinear('betaGGamma', config.hidden, [3, 2], 1, true) : null;
  return { config, params, size: offset, cells, keys, addErase, shift, bgg, outY, outR };
}

export function parameterCount(config: ModelConfig): number {
  return layoutOf(config).size;
}

/**
 * torch.nn.init.kaiming_uniform_(mode='fan_in') as the reference uses it: U(−b, b) with
 * b = gain·√(3 / fan_in) and fan_in = the number of columns of the tensor.
 */
export function initParameters(layout: Layout, rng: Rng): Float32Array {
  const theta = new Float32Array(layout.size);
  for (const p of layout.params) {
    const bound = p.gain * Math.sqrt(3 / p.cols);
    for (let i = 0; i < p.rows * p.cols; i++) theta[p.offset + i] = (2 * rng.uniform() - 1) * bound;
  }
  return theta;
}
