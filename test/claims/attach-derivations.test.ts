import { describe, expect, it } from 'vitest';
import { attachDerivations } from '../../src/claims/verify.ts';
import type { ClaimReport, DerivationReport, DerivationStepReport, Verdict } from '../../src/core/types.ts';

const opts = { seed: 1, runs: 200 };

function registryClaim(id: string, verdicts: Partial<Record<'paper' | 'exact', Verdict>>): ClaimReport {
  return {
    id,
    source: 'Eq. 0',
    statement: 'test',
    results: Object.entries(verdicts).map(([model, verdict]) => ({
      model: model as 'paper' | 'exact',
      verdict: verdict!,
      cases: 10,
      worst: null,
      counterexample: verdict === 'fails' ? { x: 1 } : null,
      replay: `matmem verify --claim ${id}`,
      detail: `registry ${verdict}`,
      evidence: [{ source: 'registry: numeric comparisons', verdict: verdict!, detail: `registry ${verdict}` }],
    })),
  };
}

function step(index: number, verdict: Verdict, tags: Partial<DerivationStepReport>): DerivationStepReport {
  return { index, from: 'a', to: 'b', justification: '', method: 'identity', verdict, detail: verdict, counterexample: verdict === 'fails' ? { point: { x: '1/2' } } : null, replay: `matmem verify --step d#${index} --seed 1 --runs 200`, ...tags };
}

const derivation = (steps: DerivationStepReport[]): DerivationReport[] => [{ id: 'd', title: 'D', source: 'S', steps }];

describe('claim verdicts combine the registry and the derivation steps (attachDerivations)', () => {
  it('a failing statement step makes a registry `holds` fail, carries its counterexample and replay, and the disagreement is reported', () => {
    const { claims, disagreements } = attachDerivations([registryClaim('c', { paper: 'holds', exact: 'holds' })], derivation([step(1, 'fails', { claims: ['c'], model: 'paper' })]), opts);
    const paper = claims[0].results.find((r) => r.model === 'paper')!;
    expect(paper.verdict).toBe('fails');
    expect(paper.counterexample).toMatchObject({ step: 'd#1', point: { x: '1/2' } });
    expect(paper.replay).toBe('matmem verify --step d#1 --seed 1 --runs 200');
    expect(paper.disagreement).toMatch(/registry: numeric comparisons say holds; derivation d #1 say fails/);
    expect(disagreements).toEqual([expect.objectContaining({ claim: 'c', model: 'paper', holds: ['registry: numeric comparisons'], fails: ['derivation d #1'] })]);
    // the exact model is untouched by a paper-model step
    expect(claims[0].results.find((r) => r.model === 'exact')!.verdict).toBe('holds');
  });

  it('a step that holds in a special case beside one that fails agrees with a registry `fails`', () => {
    const { claims, disagreements } = attachDerivations(
      [registryClaim('c', { paper: 'fails' })],
      derivation([step(1, 'holds', { claims: ['c'], model: 'paper' }), step(2, 'fails', { claims: ['c'], model: 'paper' })]),
      opts,
    );
    expect(claims[0].results[0].verdict).toBe('fails');
    expect(claims[0].results[0].evidence!.map((e) => e.verdict)).toEqual(['fails', 'holds', 'fails']);
    expect(disagreements).toEqual([]);
  });

  it('derivation steps that are not the statement (supports) are listed, never combined', () => {
    const { claims } = attachDerivations([registryClaim('c', { paper: 'holds' })], derivation([step(1, 'fails', { claims: [], supports: ['c'] })]), opts);
    expect(claims[0].results[0].verdict).toBe('holds');
    expect(claims[0].results[0].derivationSteps).toEqual([expect.objectContaining({ source: 'derivation d #1', verdict: 'fails' })]);
  });

  it('steps without a model count in every model the registry defines; a claim only derivations check gets the paper model', () => {
    const { claims } = attachDerivations(
      [registryClaim('c', { paper: 'holds', exact: 'holds' })],
      derivation([step(1, 'holds', { claims: ['c'] }), step(2, 'fails', { claims: ['new.claim'] })]),
      opts,
    );
    expect(claims[0].results.map((r) => r.evidence!.length)).toEqual([2, 2]);
    const added = claims.find((c) => c.id === 'new.claim')!;
    expect(added.results.map((r) => [r.model, r.verdict])).toEqual([['paper', 'fails']]);
    expect(added.results[0].counterexample).not.toBeNull();
  });

  it('an inconclusive step makes a registry `holds` inconclusive', () => {
    const { claims } = attachDerivations([registryClaim('c', { paper: 'holds' })], derivation([step(1, 'inconclusive', { claims: ['c'], model: 'paper' })]), opts);
    expect(claims[0].results[0].verdict).toBe('inconclusive');
  });
});

describe('a run of one claim (--claim) reports that claim only', () => {
  it('a step that also states another claim does not make that claim appear as a derivation-only entry', () => {
    const steps = derivation([step(1, 'holds', { claims: ['c', 'other'] }), step(2, 'fails', { claims: ['other'], model: 'exact' })]);
    const one = attachDerivations([registryClaim('c', { paper: 'holds' })], steps, { ...opts, claim: 'c' });
    expect(one.claims.map((c) => c.id)).toEqual(['c']);
    // a whole run keeps both: 'other' is checked only by steps there
    const all = attachDerivations([registryClaim('c', { paper: 'holds' })], steps, opts);
    expect(all.claims.map((c) => c.id)).toEqual(['c', 'other']);
    expect(all.claims[1].statement).toMatch(/^Checked by derivation steps only/);
  });
});
