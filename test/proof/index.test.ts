// The derivation runner's API (src/proof/index.ts) on two small derivations given as data: selection by --step and
// --claim (statement steps and supporting steps), step ids, per-derivation and per-claim verdicts by model.
import { describe, expect, it } from 'vitest';
import { checkAllDerivations, claimSteps, claimVerdict, derivationClaimIds, derivationVerdict, selectedStepCount, stepIds, stepSelected } from '../../src/proof/index.ts';
import type { AlgebraicWitnessSpec, Derivation, ProofStep } from '../../src/proof/types.ts';
import type { DerivationReport } from '../../src/core/types.ts';
import { verdictOfGaps } from '../helpers/expected-verdicts.ts';

const x = { name: 'x', kind: 'scalar' as const };
// x + x = 2x (true) or x + x = 3x (false), decided exactly
const sum = (times: number): AlgebraicWitnessSpec => ({ type: 'algebraic', variables: [x], degree: 1, lhs: (F, v) => F.add(v.s('x'), v.s('x')), rhs: (F, v) => F.mul(F.rational(times), v.s('x')) });
const step = (claims: string[], times: number, extra: Partial<ProofStep> = {}): ProofStep => ({ from: 'x + x', to: `${times}x`, justification: 'test', assumptions: [], source: 'test', claims, witnesses: [sum(times)], ...extra });
const derivations: Derivation[] = [
  { id: 'd1', title: 'one', source: 's', steps: [step(['c.a'], 2, { model: 'paper' }), step(['c.a'], 3, { model: 'exact' }), step([], 2, { supports: ['c.b'] })] },
  { id: 'd2', title: 'two', source: 's', steps: [step(['c.b'], 2)] },
];
const opts = { seed: 1, runs: 20 };
// the evidence, in plain numbers: x + x − times·x at x = 1
const [TRUE, FALSE, NONE] = [verdictOfGaps(2 - 2), verdictOfGaps(2 - 3), verdictOfGaps()];

describe('selection', () => {
  it('stepSelected: everything by default; --step picks one id; --claim its statement and supporting steps', () => {
    const [s1, s2, s3] = derivations[0].steps;
    expect(stepSelected('d1', s1, 1, {})).toBe(true);
    expect(stepSelected('d1', s1, 1, { step: 'd1#1' })).toBe(true);
    expect(stepSelected('d1', s2, 2, { step: 'd1#1' })).toBe(false);
    expect(stepSelected('d2', s1, 1, { step: 'd1#1' })).toBe(false);
    expect(stepSelected('d1', s1, 1, { claim: 'c.a' })).toBe(true);
    expect(stepSelected('d1', s1, 1, { claim: 'c.b' })).toBe(false);
    expect(stepSelected('d1', s3, 3, { claim: 'c.b' })).toBe(true);
    expect(stepSelected('d1', s1, 1, { claim: 'c.a', step: 'd1#2' })).toBe(false);
  });

  it('selectedStepCount counts what a run would check', () => {
    expect(selectedStepCount({}, derivations)).toBe(4);
    expect(selectedStepCount({ claim: 'c.a' }, derivations)).toBe(2);
    expect(selectedStepCount({ claim: 'c.b' }, derivations)).toBe(2);
    expect(selectedStepCount({ step: 'd1#3' }, derivations)).toBe(1);
    expect(selectedStepCount({ step: 'd1#4' }, derivations)).toBe(0);
  });

  it('stepIds and derivationClaimIds list every step and every claim named (statement or support), once', () => {
    expect(stepIds(derivations)).toEqual(['d1#1', 'd1#2', 'd1#3', 'd2#1']);
    expect(derivationClaimIds(derivations)).toEqual(['c.a', 'c.b']);
  });
});

describe('running and combining', () => {
  const progress: string[] = [];
  const reports: DerivationReport[] = checkAllDerivations({ ...opts, onStep: (l) => progress.push(l) }, derivations);

  it('checkAllDerivations checks the selected steps, with progress, and leaves out derivations with none selected', () => {
    expect(reports.map((r) => [r.id, r.steps.map((s) => [s.index, s.verdict])])).toEqual([
      ['d1', [[1, TRUE], [2, FALSE], [3, TRUE]]],
      ['d2', [[1, TRUE]]],
    ]);
    expect(progress).toEqual(['d1 #1', 'd1 #2', 'd1 #3', 'd2 #1']);
    const one = checkAllDerivations({ ...opts, step: 'd1#2' }, derivations);
    expect(one.map((r) => [r.id, r.steps.map((s) => s.index)])).toEqual([['d1', [2]]]);
  });

  it('derivationVerdict combines all steps, or the chosen ones', () => {
    expect(derivationVerdict(reports[0])).toBe(FALSE);
    expect(derivationVerdict(reports[0], [1, 3])).toBe(TRUE);
    expect(derivationVerdict(reports[0], [])).toBe(NONE);
  });

  it('claimSteps: the statement steps of a claim, with their model; supporting steps are not statements', () => {
    expect(claimSteps('c.a', derivations)).toEqual([{ derivation: 'd1', index: 1, model: 'paper' }, { derivation: 'd1', index: 2, model: 'exact' }]);
    expect(claimSteps('c.b', derivations)).toEqual([{ derivation: 'd2', index: 1 }]);
  });

  it('claimVerdict: per model (steps without a model count for both), from the reports', () => {
    const paper = claimVerdict(reports, 'c.a', 'paper', derivations);
    expect(paper.verdict).toBe(TRUE);
    expect(paper.steps.map((s) => [s.derivation, s.index, s.verdict])).toEqual([['d1', 1, TRUE]]);
    expect(paper.steps[0].detail).toBe(reports[0].steps[0].detail);
    expect(claimVerdict(reports, 'c.a', 'exact', derivations).verdict).toBe(FALSE);
    expect(claimVerdict(reports, 'c.a', undefined, derivations).steps).toHaveLength(2);
    expect(claimVerdict(reports, 'c.b', 'exact', derivations).verdict).toBe(TRUE);
    // a step that was not run (another --step) gives no evidence: inconclusive
    expect(claimVerdict([], 'c.a', 'paper', derivations)).toEqual({ verdict: NONE, steps: [] });
  });
});
