// The equations' building blocks (src/proof/equations.ts), exactly over ℚ and ℚ(i), against values worked out by
// hand: Eq. 9's mean derivative, Eq. 8's trace, the truncated Gram series, the Cayley rotation, the exact normal
// decompositions, B = Eᴴ W E, Eq. 17 in both forms and Eq. 23 on 1×1 cases.
import { describe, expect, it } from 'vitest';
import { cayley2, eigenbasisB, eq17, eq23, eq23Weight, fmmEq8, meanDerivative, normal2, truncatedGramSeries } from '../../src/proof/equations.ts';
import { complexOver, fractionField as F } from '../../src/symbolic/field.ts';
import { conjTranspose, mul, transpose } from '../../src/symbolic/matrix.ts';

const q = (n: number, d = 1) => F.rational(n, d);
/** Integer entries, or [n, d] for n/d. */
const mat = (rows: (number | [number, number])[][]) => rows.map((r) => r.map((x) => (Array.isArray(x) ? q(x[0], x[1]) : q(x))));
const show = (m: ReturnType<typeof mat>) => m.map((r) => r.map((x) => x.toFraction()));
const C = complexOver(F);
/** re + i·im with re = a/b, im = c/d. */
const cq = (re: [number, number] | number, im: [number, number] | number = 0) => ({ re: Array.isArray(re) ? q(re[0], re[1]) : q(re), im: Array.isArray(im) ? q(im[0], im[1]) : q(im) });
const showC = (m: { re: { toFraction(): string }; im: { toFraction(): string } }[][]) => m.map((r) => r.map((z) => `${z.re.toFraction()}${z.im.toFraction() === '0' ? '' : ` ${z.im.toFraction()}i`}`));

describe('real building blocks', () => {
  it('meanDerivative = U^{kᵀ} W V^k: U = [[1, 1], [0, 1]], V = diag(2, 3), W = I, k = 2 gives [[4, 0], [8, 9]]', () => {
    const U = mat([[1, 1], [0, 1]]);
    const V = mat([[2, 0], [0, 3]]);
    const W = mat([[1, 0], [0, 1]]);
    expect(show(meanDerivative(F, U, W, V, 2))).toEqual([['4', '0'], ['8', '9']]);
    expect(show(meanDerivative(F, U, mat([[1, 2], [3, 4]]), V, 0))).toEqual([['1', '2'], ['3', '4']]);
  });

  it('fmmEq8 = Tr(P Dᵢᵀ Q Dⱼ): 30 with P = Q = I and D = [[1, 2], [3, 4]]; 40 with P = diag(2, 1)', () => {
    const I = mat([[1, 0], [0, 1]]);
    const D = mat([[1, 2], [3, 4]]);
    expect(fmmEq8(F, I, I, D, D).toFraction()).toBe('30');
    expect(fmmEq8(F, mat([[2, 0], [0, 1]]), I, D, D).toFraction()).toBe('40');
    expect(fmmEq8(F, I, I, D, mat([[1, 0], [0, 0]])).toFraction()).toBe('1');
  });

  it('truncatedGramSeries = ε Σ_{k<K} A^{kᵀ}A^k: 2(1 + 1/4 + 1/16) = 21/8 for A = 1/2, K = 3', () => {
    expect(show(truncatedGramSeries(F, mat([[[1, 2]]]), q(2), 3))).toEqual([['21/8']]);
    expect(show(truncatedGramSeries(F, mat([[[1, 2]]]), q(2), 0))).toEqual([['0']]);
    // non-symmetric A: Σ A^{kᵀ}A^k, not A^k A^{kᵀ}: A = [[0, 1], [0, 0]], K = 2 gives I + [[0, 0], [0, 1]]
    expect(show(truncatedGramSeries(F, mat([[0, 1], [0, 0]]), q(1), 2))).toEqual([['1', '0'], ['0', '2']]);
  });

  it('cayley2(1/2) = [[3/5, −4/5], [4/5, 3/5]], orthogonal', () => {
    const Q = cayley2(F, q(1, 2));
    expect(show(Q)).toEqual([['3/5', '-4/5'], ['4/5', '3/5']]);
    expect(show(mul(F, transpose(Q), Q))).toEqual([['1', '0'], ['0', '1']]);
  });
});

describe('exact normal decompositions', () => {
  it('real spectrum: A = Q diag(p₁, p₂) Qᵀ with A Q = Q diag(p₁, p₂), unscaled', () => {
    const d = normal2(F, 'real', q(1, 3), q(-1, 2), q(2));
    expect(d.scaled).toBe(false);
    expect(d.lambda.map((x) => x.toFraction())).toEqual(['1/3', '-1/2']);
    expect(show(mul(F, d.A, d.Escaled))).toEqual(show(mul(F, d.Escaled, mat([[[1, 3], 0], [0, [-1, 2]]]))));
    expect(show(d.A)).toEqual(show(transpose(d.A)));
  });

  it('complex spectrum: A real, eigenvalues a ± ib, A E = E diag(λ), columns of E of squared norm 2 (scaled)', () => {
    const d = normal2(C, 'complex', cq(1), cq(1), cq([1, 2]));
    // a = b = 1 with Q = cayley2(1/2)
    expect(d.scaled).toBe(true);
    expect(showC([d.lambda])).toEqual([['1 1i', '1 -1i']]);
    for (const row of d.A) for (const z of row) expect(z.im.toFraction()).toBe('0');
    const lambdaDiag = [[d.lambda[0], cq(0)], [cq(0), d.lambda[1]]];
    expect(showC(mul(C, d.A, d.Escaled))).toEqual(showC(mul(C, d.Escaled, lambdaDiag)));
    expect(showC(mul(C, conjTranspose(C, d.Escaled), d.Escaled))).toEqual([['2', '0'], ['0', '2']]);
  });

  it('eigenbasisB: Eᵤᴴ W Eᵥ, halved for two complex decompositions, refused for one', () => {
    const W = mat([[1, 2], [3, 4]]);
    const r = normal2(F, 'real', q(1, 3), q(1, 4), q(0));
    // q = 0: Q = I, so B = W
    expect(show(eigenbasisB(F, r, r, W))).toEqual([['1', '2'], ['3', '4']]);
    const c = normal2(C, 'complex', cq([1, 2]), cq([1, 3]), cq(0));
    const Wc = [[cq(1), cq(0)], [cq(0), cq(1)]];
    // Q = I, E = G/√2 with G = [[1, 1], [−i, i]]: Eᴴ I E = ½ GᴴG = I
    expect(showC(eigenbasisB(C, c, c, Wc))).toEqual([['1', '0'], ['0', '1']]);
    const rc = normal2(C, 'real', cq([1, 3]), cq([1, 4]), cq(0));
    expect(() => eigenbasisB(C, rc, c, Wc)).toThrow(/mixed real\/complex decompositions/);
  });
});

describe('Eq. 17 and Eq. 23 on 1×1 cases', () => {
  it('real λ: both forms of Eq. 17 are (1 − v²)(1 − u²)(uv)^{2i} b²/(ε₁ε₂)', () => {
    const [u, v, b, e1, e2] = [q(1, 2), q(1, 3), q(2), q(2), q(3)];
    const expected = (i: number) => (1 - 1 / 9) * (1 - 1 / 4) * (1 / 6) ** (2 * i) * 4 / 6;
    for (const i of [0, 1, 2]) {
      for (const form of ['printed', 'corrected'] as const) expect(eq17(F, form, [u], [v], [[b]], i, e1, e2).valueOf()).toBeCloseTo(expected(i), 15);
    }
  });

  it('complex λ: the printed form uses λ² and λ^i where the corrected one uses |λ|² and λ̄^i', () => {
    const u = cq(0, [1, 2]); // λ_U = i/2
    const v = cq([1, 2]); // λ_V = 1/2
    const B = [[cq(1)]];
    // corrected, i = 1: (1 − 1/4)·(1/2)·1·(i/2)·(1 − 1/4)·(−i/2)·1·(1/2) = (3/4)²·(1/4)·(1/4) = 9/256
    const corrected = eq17(C, 'corrected', [u], [v], B, 1, cq(1), cq(1));
    expect([corrected.re.toFraction(), corrected.im.toFraction()]).toEqual(['9/256', '0']);
    // printed, i = 1: (1 − 1/4)·(1/2)·1·(i/2)·(1 − (i/2)²)·(i/2)·1·(1/2) = (3/4)(5/4)(1/4)(i/2)² = −15/256
    const printed = eq17(C, 'printed', [u], [v], B, 1, cq(1), cq(1));
    expect([printed.re.toFraction(), printed.im.toFraction()]).toEqual(['-15/256', '0']);
  });

  it('Eq. 23: g = (1 − |λ_V|²)(1 − |λ_U|²)/(1 − |λ_V|²|λ_U|²) times |b|², summed, over ε₁ε₂', () => {
    // g(1/2, 1/3) = (3/4)(8/9)/(35/36) = 24/35
    expect(eq23Weight(F, q(1, 2), q(1, 3)).toFraction()).toBe('24/35');
    // |λ| enters, not λ: g(i/2, 1/3) over ℚ(i) is the same 24/35
    const gc = eq23Weight(C, cq(0, [1, 2]), cq([1, 3]));
    expect([gc.re.toFraction(), gc.im.toFraction()]).toEqual(['24/35', '0']);
    // two U modes, one V mode: (g(1/2, 1/3)·1 + g(1/2, 0)·4)/(1·2) = (24/35 + 3)/2 = 129/70
    expect(eq23(F, [q(1, 3), q(0)], [q(1, 2)], mat([[1], [2]]), q(1), q(2)).toFraction()).toBe('129/70');
  });
});
