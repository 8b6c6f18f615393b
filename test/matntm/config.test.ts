import { describe, expect, it } from 'vitest';
import { copyPaperConfig, layoutOf, parameterCount, recallPaperConfig } from '../../src/matntm/config.ts';

describe('parameter layout', () => {
  it('reproduces Table 1 for the MatNTM: 4121 (copy) and 7946 (associative recall)', () => {
    expect(parameterCount(copyPaperConfig('matntm'))).toBe(4121);
    expect(parameterCount(recallPaperConfig('matntm'))).toBe(7946);
  });

  it('counts the Matrix RNN baseline as cells without read terms plus the output map', () => {
    // copy: per cell Up 15·15 + Vp 15·15 + Uq 15·5 + Vq 5·15 + B 15·15 = 825, ×3, plus Uy 5·15 + Vy 15·5 + By 25 = 175
    expect(parameterCount(copyPaperConfig('matrnn'))).toBe(3 * 825 + 175);
    // recall: per cell 400 + 400 + 100 + 100 + 400 = 1400, ×4, plus 100 + 100 + 25
    expect(parameterCount(recallPaperConfig('matrnn'))).toBe(4 * 1400 + 225);
  });

  it('lays parameters out contiguously with the reference shapes', () => {
    const lay = layoutOf(copyPaperConfig('matntm'));
    let offset = 0;
    for (const p of lay.params) {
      expect(p.offset).toBe(offset);
      offset += p.rows * p.cols;
    }
    expect(offset).toBe(lay.size);
    const byName = Object.fromEntries(lay.params.map((p) => [p.name, [p.rows, p.cols]]));
    expect(byName['keys.B']).toEqual([6, 12]); // read key | write key side by side
    expect(byName['addErase.V']).toEqual([15, 12]);
    expect(byName['shift.B']).toEqual([3, 2]);
    expect(byName['betaGGamma.B']).toEqual([3, 2]);
    expect(byName['cell0.Ur']).toEqual([15, 6]);
    expect(byName['outR.U']).toEqual([5, 6]);
  });
});
