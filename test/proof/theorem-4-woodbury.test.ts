import { describe, expect, it } from 'vitest';
import { lazy } from '../helpers/lazy.ts';
import { checkDerivation } from '../../src/proof/check.ts';
import { theorem4Woodbury } from '../../proofs/theorem-4-woodbury.ts';

describe('Theorem 4 Woodbury derivation (proofs/theorem-4-woodbury.ts)', () => {
  const report = lazy(() => checkDerivation(theorem4Woodbury, { seed: 1, runs: 200 }));
  const verdict = (i: number) => report().steps.find((s) => s.index === i)!.verdict;

  it('every step holds, symbolically and by exact identity testing', () => {
    // 1–2: Woodbury with U = V = I (Eq. 44); 3: bilinear expansion (Eq. 45); 4: bilinear expansion
    // (Eq. 43); 5–6: Σ_MF⁻¹Σ_S⁻¹ = Σ⁻¹ (Eq. 47); 7: Eq. 46 = Eq. 41 since T(S, M) = T(M, S) by symmetry
    for (let i = 1; i <= 7; i++) expect(verdict(i), `step ${i}`).toBe('holds');
    for (const s of report().steps) expect((s.witnesses ?? []).map((w) => w.verdict)).toEqual(['holds', 'holds']);
  });

  it('only Eq. 46 is a statement of theorem-4.memory-fmc', () => {
    expect(theorem4Woodbury.steps.map((s) => s.claims)).toEqual([[], [], [], [], [], [], ['theorem-4.memory-fmc']]);
  });
});
