/** The "why" of a claim's row: the deciding result's first sentence, a failing model before an inconclusive one. */
import { describe, expect, it } from 'vitest';
import { whyOf } from '../../src/report/verdicts.ts';
import type { ClaimReport, ClaimResult } from '../../src/core/types.ts';

const result = (model: ClaimResult['model'], verdict: ClaimResult['verdict'], detail: string): ClaimResult => ({ model, verdict, detail, cases: 1, worst: null, counterexample: null, replay: '' });
const claim = (...results: ClaimResult[]): ClaimReport => ({ id: 'c', source: 's', statement: 's', results });

describe('whyOf', () => {
  it('names the failing model and gives its first sentence', () => {
    const c = claim(result('paper', 'holds', 'Equal in all 200 cases. More.'), result('exact', 'fails', 'Differs in 12 of 200 cases; worst 0.3. Then more.'));
    expect(whyOf(c)).toBe('exact: Differs in 12 of 200 cases');
  });
  it('an inconclusive model when none fails, the exact model when all hold, the only one without its name', () => {
    expect(whyOf(claim(result('paper', 'inconclusive', 'Undefined in 3 cases. x'), result('exact', 'holds', 'ok.')))).toBe('paper: Undefined in 3 cases.');
    expect(whyOf(claim(result('paper', 'holds', 'p.'), result('exact', 'holds', 'Equal everywhere. x')))).toBe('exact: Equal everywhere.');
    expect(whyOf(claim(result('experiment', 'holds', 'Below on 5 of 5 seeds. p = 0.031.')))).toBe('Below on 5 of 5 seeds.');
    expect(whyOf(claim())).toBe('no check decides it in any model');
  });
  it('an abbreviation does not end the sentence, a colon does not either', () => {
    expect(whyOf(claim(result('exact', 'fails', 'Eq. 34 with p = 1 has no stationary law (ρ(F) = 1.13), so it fails; more.')))).toBe('Eq. 34 with p = 1 has no stationary law (ρ(F) = 1.13), so it fails');
    expect(whyOf(claim(result('paper', 'fails', 'The sums over m of Eq. 40 and Figs. 3 and 4. Then.')))).toBe('The sums over m of Eq. 40 and Figs. 3 and 4.');
    expect(whyOf(claim(result('experiment', 'inconclusive', 'No record to decide it: run `matmem experiment copy`, then verify. x')))).toBe('No record to decide it: run `matmem experiment copy`, then verify.');
  });
  it('cuts a long sentence', () => {
    const w = whyOf(claim(result('exact', 'fails', `${'x'.repeat(400)}.`)), 50);
    expect(w).toHaveLength(50);
    expect(w.endsWith('…')).toBe(true);
  });
});
