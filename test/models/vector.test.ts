// The vector network of Figure 2 (src/models/vector.ts) in closed form for a scalar A = a: C = ε/(1 − a²),
// J(k) = a^{2k}(1 − a²)/ε, J_tot = 1/ε (normal A: J_tot = ‖v‖²/ε), and refused for |a| ≥ 1.
import { Matrix } from 'ml-matrix';
import { describe, expect, it } from 'vitest';
import { assertVectorModelDefined, vectorFisherMemory } from '../../src/models/vector.ts';
import { ModelUndefinedError } from '../../src/errors.ts';

describe('vector network', () => {
  it('scalar A = a: J(k) = a^{2k}(1 − a²)/ε and J_tot = 1/ε = the input Fisher information', () => {
    const a = -0.6;
    const eps = 0.5;
    const r = vectorFisherMemory({ A: new Matrix([[a]]), v: [1], epsilon: eps }, 5);
    for (let k = 0; k < 5; k++) expect(r.fmc[k]).toBeCloseTo((a ** (2 * k) * (1 - a * a)) / eps, 13);
    expect(r.jtot).toBeCloseTo(1 / eps, 13);
    expect(r.inputFisher).toBe(1 / eps);
  });

  it('a normal (symmetric) A: J_tot = ‖v‖²/ε; J(0) = vᵀC⁻¹v', () => {
    const A = new Matrix([[0.5, 0.2], [0.2, -0.3]]);
    const v = [1, 2];
    const r = vectorFisherMemory({ A, v, epsilon: 2 }, 3);
    expect(r.jtot).toBeCloseTo(5 / 2, 12);
    expect(r.inputFisher).toBe(5 / 2);
    expect(r.fmc).toHaveLength(3);
    expect(r.fmc[0]).toBeGreaterThan(r.fmc[1]);
  });

  it('refuses ρ(A) ≥ 1, naming ρ', () => {
    expect(assertVectorModelDefined({ A: new Matrix([[0.5]]), v: [1], epsilon: 1 })).toBe(0.5);
    expect(() => vectorFisherMemory({ A: new Matrix([[1]]), v: [1], epsilon: 1 }, 2)).toThrow(ModelUndefinedError);
    expect(() => assertVectorModelDefined({ A: new Matrix([[0, 2], [0.5, 0]]), v: [1, 0], epsilon: 1 })).toThrow('vector model undefined: C_n = Σ A^k A^{kᵀ} needs ρ(A) < 1, but ρ(A) = 1.00000');
    let error: unknown;
    try {
      assertVectorModelDefined({ A: new Matrix([[1.25]]), v: [1], epsilon: 1 });
    } catch (e) {
      error = e;
    }
    expect((error as ModelUndefinedError).reason).toBe('divergent');
    expect((error as ModelUndefinedError).details).toEqual({ spectralRadius: 1.25 });
  });
});
