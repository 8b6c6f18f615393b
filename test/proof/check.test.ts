import { describe, expect, it } from 'vitest';
import { checkStep, combineWitnesses, runIdentity, runNumeric, runSymbolic } from '../../src/proof/check.ts';
import type { AlgebraicWitnessSpec, NumericWitnessSpec, VarSpec } from '../../src/proof/types.ts';
import { makeRng } from '../../src/core/random.ts';
import { logLinear } from '../../src/symbolic/loglinear.ts';
import type { WitnessResult } from '../../src/core/types.ts';
import { step, transposeOfProduct } from '../helpers/proof-steps.ts';
import { verdictOfGaps } from '../helpers/expected-verdicts.ts';

const opts = { seed: 1, runs: 200 };



describe('the step checker (src/proof/check.ts)', () => {
  it('a true identity holds by both the symbolic and the exact identity witness, with a Schwartz–Zippel bound', () => {
    const r = checkStep(step([transposeOfProduct(false)]), 1, 'test', opts);
    expect(r.verdict).toBe('holds');
    expect(r.agreed).toEqual(['symbolic', 'identity']);
    const id = r.witnesses!.find((w) => w.witness === 'identity')!;
    expect(id.points).toBe(5);
    // (d/|S|)^r with d = 2, |S| = 997 values, r = 5 points
    expect(id.errorBound).toBeCloseTo((2 / 997) ** 5, 20);
    expect(r.counterexample).toBeNull();
    expect(r.replay).toBe('matmem verify --step test#1 --seed 1 --runs 200');
  });

  it('a false identity fails by both witnesses, with a counterexample point that shows the difference', () => {
    const r = checkStep(step([transposeOfProduct(true)]), 2, 'test', opts);
    expect(r.verdict).toBe('fails');
    expect(r.agreed).toEqual(['symbolic', 'identity']);
    expect(r.counterexample).toMatchObject({ witness: 'identity' });
    const cx = r.counterexample as { point: Record<string, string[][]>; lhs: string; rhs: string; difference: string };
    expect(Object.keys(cx.point).sort()).toEqual(['A', 'B']);
    expect(cx.lhs).not.toBe(cx.rhs);
    expect(cx.difference).not.toBe('0');
    expect(r.witnesses!.find((w) => w.witness === 'symbolic')!.detail).toMatch(/does not vanish identically/);
  });

  it('reports a disagreement between the symbolic and the identity witness as inconclusive, never resolved silently', () => {
    // a side that (wrongly) behaves differently in the symbolic field: the checker must say so
    const twoFaced: AlgebraicWitnessSpec = {
      type: 'algebraic',
      variables: [{ name: 'x', kind: 'scalar' }],
      degree: 1,
      lhs: (F, v) => v.s('x'),
      rhs: (F, v) => (F.name.startsWith('symbolic') ? F.add(v.s('x'), F.one()) : v.s('x')),
    };
    const r = checkStep(step([twoFaced]), 3, 'test', opts);
    expect(r.verdict).toBe('inconclusive');
    expect(r.detail).toMatch(/WITNESSES DISAGREE/);
    expect(r.witnesses!.map((w) => w.verdict)).toEqual(['fails', 'holds']);
  });

  it('combineWitnesses: agreement decides, disagreement is inconclusive, unfinished witnesses are named', () => {
    const w = (witness: WitnessResult['witness'], verdict: WitnessResult['verdict']): WitnessResult => ({ witness, verdict, detail: `${witness} says ${verdict}` });
    expect(combineWitnesses([w('symbolic', 'holds'), w('identity', 'holds')]).verdict).toBe('holds');
    expect(combineWitnesses([w('symbolic', 'inconclusive'), w('identity', 'fails')])).toMatchObject({ verdict: 'fails', method: 'identity' });
    expect(combineWitnesses([w('symbolic', 'inconclusive'), w('identity', 'fails')]).detail).toMatch(/symbolic inconclusive/);
    expect(combineWitnesses([w('identity', 'holds'), w('numeric', 'fails')]).verdict).toBe('inconclusive');
  });

  it('log terms are compared through exact products of their arguments: log(xy) = log x + log y, but not log(x + y)', () => {
    const vars: VarSpec[] = [
      { name: 'x', kind: 'scalar', domain: 'positive' },
      { name: 'y', kind: 'scalar', domain: 'positive' },
    ];
    const law = (typo: boolean): AlgebraicWitnessSpec => ({
      type: 'algebraic',
      variables: vars,
      degree: 2,
      lhs: (F, v) => logLinear(F.zero(), [{ coef: [1, 1], arg: typo ? F.add(v.s('x'), v.s('y')) : F.mul(v.s('x'), v.s('y')) }]),
      rhs: (F, v) => logLinear(F.zero(), [{ coef: [1, 1], arg: v.s('x') }, { coef: [1, 1], arg: v.s('y') }]),
    });
    expect(runSymbolic(law(false)).verdict).toBe('holds');
    expect(runIdentity(law(false), makeRng(1), 3).result.verdict).toBe('holds');
    expect(runSymbolic(law(true)).verdict).toBe('fails');
    expect(runIdentity(law(true), makeRng(1), 3).result.verdict).toBe('fails');
  });

  it('the symbolic witness is deterministic: a size budget, not a clock', () => {
    const big: AlgebraicWitnessSpec = { ...transposeOfProduct(false), symbolic: { maxTerms: 1 } };
    const a = runSymbolic(big);
    expect(a.verdict).toBe('inconclusive');
    expect(a.detail).toMatch(/too large/);
    expect(runSymbolic(big)).toEqual(a);
  });

  describe('numeric witness', () => {
    // lhs = x, rhs = x + δ·x: a relative perturbation δ against a rounding tolerance of 1e-12·|x|
    const perturbed = (delta: number): NumericWitnessSpec<number> => ({
      type: 'numeric',
      inputs: 'x uniform in [1, 2)',
      generate: (rng) => rng.uniform(1, 2),
      evaluate: (x) => ({ relation: 'eq', lhs: x, rhs: x + delta * x, tolerance: 1e-12 * x, toleranceReason: '1e-12·|x| (test)' }),
      describe: (x) => ({ x }),
    });

    it('holds when every case is within its tolerance, reporting the worst gap and the tolerance', () => {
      const o = runNumeric(perturbed(1e-15) as NumericWitnessSpec<unknown>, makeRng(2), 12);
      expect(o.result.verdict).toBe('holds');
      expect(o.result.cases).toBe(12);
      expect(o.result.worstGap!).toBeLessThan(o.result.tolerance!);
      expect(o.result.toleranceReason).toBe('1e-12·|x| (test)');
    });

    it('fails beyond the tolerance, with the case as counterexample', () => {
      const o = runNumeric(perturbed(1e-9) as NumericWitnessSpec<unknown>, makeRng(2), 12);
      expect(o.result.verdict).toBe('fails');
      expect(o.result.worstGap!).toBeGreaterThan(o.result.tolerance!);
      expect(o.counterexample).toMatchObject({ witness: 'numeric', relation: 'eq' });
      expect((o.counterexample as { case: { x: number } }).case.x).toBeGreaterThanOrEqual(1);
    });

    it('counts skipped cases and is inconclusive when none could be evaluated', () => {
      const undefinedEverywhere: NumericWitnessSpec<number> = { ...perturbed(0), evaluate: () => ({ relation: 'eq', lhs: 0, rhs: 0, tolerance: 0, toleranceReason: '', skip: 'model undefined' }) };
      const o = runNumeric(undefinedEverywhere as NumericWitnessSpec<unknown>, makeRng(2), 5);
      expect(o.result.verdict).toBe('inconclusive');
      expect(o.result.skipped).toBe(5);
    });
  });

  it('a step verdict is reproducible from its seed', () => {
    const a = checkStep(step([transposeOfProduct(true)]), 2, 'test', opts);
    const b = checkStep(step([transposeOfProduct(true)]), 2, 'test', opts);
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });
});

describe('step reports (checkStep)', () => {
  const x: VarSpec = { name: 'x', kind: 'scalar' };
  const twice = (times: number): AlgebraicWitnessSpec => ({ type: 'algebraic', variables: [x], degree: 1, lhs: (F, v) => F.add(v.s('x'), v.s('x')), rhs: (F, v) => F.mul(F.rational(times), v.s('x')) });
  // the evidence, in plain numbers: x + x − times·x at x = 1
  const [TRUE, FALSE, NONE] = [verdictOfGaps(2 - 2), verdictOfGaps(2 - 3), verdictOfGaps()];
  const counted = (): NumericWitnessSpec<number> => ({ type: 'numeric', inputs: 'k', generate: (_rng, k) => k, evaluate: () => ({ relation: 'eq', lhs: 1, rhs: 1, tolerance: 0, toleranceReason: 'exact' }), describe: (k) => ({ k }) });

  it('carries the step\'s optional fields only when it has them, the agreeing witnesses and the pinned sides', () => {
    const bare = checkStep(step([twice(2)]), 1, 'd', { seed: 1, runs: 20 });
    expect(['fromTex', 'toTex', 'supports', 'model'].filter((k) => k in bare)).toEqual([]);
    expect(bare).toMatchObject({ index: 1, verdict: TRUE, counterexample: null, claims: ['test.claim'], replay: 'matmem verify --step d#1 --seed 1 --runs 20' });
    expect(bare.agreed).toEqual(['symbolic', 'identity']);
    expect(bare.pinned).toHaveLength(2);
    const full = checkStep({ ...step([twice(2)]), fromTex: 'x+x', toTex: '2x', supports: ['c.b'], model: 'exact' }, 2, 'd', { seed: 1, runs: 20 });
    expect(full).toMatchObject({ fromTex: 'x+x', toTex: '2x', supports: ['c.b'], model: 'exact' });
    const numeric = checkStep(step([counted()]), 1, 'd', { seed: 1, runs: 20 });
    expect(numeric.agreed).toEqual(['numeric']);
  });

  it('a failing step carries its first counterexample', () => {
    const r = checkStep(step([twice(3)]), 1, 'd', { seed: 1, runs: 20 });
    expect(r.verdict).toBe(FALSE);
    expect(r.counterexample).toMatchObject({ witness: 'identity' });
  });

  it('numeric cases: --runs clamped to [3, 12]; identity points: ⌈runs/40⌉ clamped to [2, 6]', () => {
    const cases = (runs: number) => checkStep(step([counted()]), 1, 'd', { seed: 1, runs }).witnesses![0].cases;
    expect([cases(1), cases(7), cases(50)]).toEqual([3, 7, 12]);
    const points = (runs: number) => checkStep(step([twice(2)]), 1, 'd', { seed: 1, runs }).witnesses!.find((w) => w.witness === 'identity')!.points;
    expect([points(20), points(200), points(1000)]).toEqual([2, 5, 6]);
  });

  it('a failure only the symbolic witness sees, with no counterexample point, is inconclusive, and says why', () => {
    const r = checkStep(step([{ ...twice(3), identity: { skip: 'not sampled' } }]), 1, 'd', { seed: 1, runs: 20 });
    expect(r.verdict).toBe(NONE);
    expect(r.detail).toMatch(/^only the symbolic witness found a non-zero difference and no witness produced a counterexample point; /);
    expect(r.counterexample).toBeNull();
    expect(r.agreed).toEqual([]);
  });
});
