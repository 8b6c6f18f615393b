/**
 * Optimisers on flat float32 parameter vectors, with torch's update rules (float64 state, so a
 * checkpoint that stores the state bytes resumes bit for bit), and element-wise gradient clipping
 * (the reference's `p.register_hook(lambda g: torch.clamp(g, −c, c))`).
 */
export type OptimizerKind = 'rmsprop' | 'adam';

export interface OptimizerSettings {
  kind: OptimizerKind;
  lr: number;
  /** RMSprop momentum (torch.optim.RMSprop(momentum=…)); ignored by Adam. */
  momentum: number;
  /** Element-wise clip of every gradient entry to [−clip, clip]; 0 = none. */
  clip: number;
  /** Step decay: the learning rate is multiplied by `factor` after every `every` updates (the quick preset's annealing). */
  decay?: { every: number; factor: number };
}

export interface OptimizerState {
  step: number;
  /** RMSprop: square average; Adam: second moment. */
  v: Float64Array;
  /** RMSprop: momentum buffer; Adam: first moment. */
  m: Float64Array;
}

export function newOptimizerState(size: number): OptimizerState {
  return { step: 0, v: new Float64Array(size), m: new Float64Array(size) };
}

const RMS_ALPHA = 0.99;
const RMS_EPS = 1e-8;
const ADAM_B1 = 0.9;
const ADAM_B2 = 0.999;
const ADAM_EPS = 1e-8;

/** One update of θ in place from the gradient (clipped here). */
export function optimizerStep(s: OptimizerSettings, st: OptimizerState, theta: Float32Array, grad: Float32Array): void {
  st.step++;
  const c = s.clip;
  const lr = s.decay ? s.lr * s.decay.factor ** Math.floor((st.step - 1) / s.decay.every) : s.lr;
  if (s.kind === 'rmsprop') {
    // torch: v = α v + (1 − α) g²; buf = μ buf + g / (√v + eps); θ −= lr · buf
    for (let i = 0; i < theta.length; i++) {
      let g = grad[i];
      if (c > 0) g = g > c ? c : g < -c ? -c : g;
      const v = RMS_ALPHA * st.v[i] + (1 - RMS_ALPHA) * g * g;
      st.v[i] = v;
      const step = g / (Math.sqrt(v) + RMS_EPS);
      const m = s.momentum > 0 ? s.momentum * st.m[i] + step : step;
      st.m[i] = m;
      theta[i] -= lr * m;
    }
  } else {
    const bc1 = 1 - ADAM_B1 ** st.step;
    const bc2 = 1 - ADAM_B2 ** st.step;
    for (let i = 0; i < theta.length; i++) {
      let g = grad[i];
      if (c > 0) g = g > c ? c : g < -c ? -c : g;
      const m = ADAM_B1 * st.m[i] + (1 - ADAM_B1) * g;
      const v = ADAM_B2 * st.v[i] + (1 - ADAM_B2) * g * g;
      st.m[i] = m;
      st.v[i] = v;
      theta[i] -= (lr * (m / bc1)) / (Math.sqrt(v / bc2) + ADAM_EPS);
    }
  }
}
