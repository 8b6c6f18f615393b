import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { registeredClaimIds } from '../../src/claims/registry.ts';
import { compareVerdicts, runVerify, verdictMap } from '../../src/claims/verify.ts';
import { verifyHooks } from '../../src/cli/verify-hooks.ts';

const baselinePath = join(import.meta.dirname, '..', '..', 'verdicts.baseline.json');
const baseline = JSON.parse(readFileSync(baselinePath, 'utf8')) as { seed: number; runs: number; verdicts: Record<string, string> };

// One run with the baseline's seed and runs (the defaults of `matmem verify`), shared by the tests.
const report = runVerify({ seed: baseline.seed, runs: baseline.runs }, verifyHooks);

describe('matmem verify (library)', () => {
  it('the design\'s minimum claim ids are all registered', () => {
    const minimum = [
      'theorem-1.covariance', 'eq-8.fmm', 'eq-12.fmc', 'eq-13.fmm', 'eq-17.normal-fmc', 'eq-18.normal-capacity',
      'lemma-1.kl', 'lemma-2.input-fisher', 'corollary-2.1', 'eq-28-30.spacetime', 'theorem-3',
      'eq-33.dynamic-range', 'eq-49.lyapunov', 'theorem-4.memory-fmc', 'memory.capacity-increase', 'memory.stability',
    ];
    const missing = minimum.filter((id) => !registeredClaimIds().includes(id));
    expect(missing).toEqual([]);
  });

  it('every claim has a verdict in at least one model, and every `fails` carries a counterexample and a replay', () => {
    for (const c of report.claims) {
      expect(c.results.length, c.id).toBeGreaterThan(0);
      for (const r of c.results) {
        if (r.verdict === 'fails') {
          expect(r.counterexample, `${c.id}/${r.model}`).not.toBeNull();
          expect(r.replay, `${c.id}/${r.model}`).toMatch(/^matmem verify --claim /);
        }
      }
    }
  });

  it('is deterministic: the same seed gives the same report apart from `generated`', () => {
    const again = runVerify({ seed: baseline.seed, runs: baseline.runs }, verifyHooks);
    const strip = (r: typeof report) => JSON.stringify({ ...r, generated: undefined });
    expect(strip(again)).toEqual(strip(report));
  });

  it('regression guard: every verdict equals verdicts.baseline.json', () => {
    const changes = compareVerdicts(baseline.verdicts as never, verdictMap(report));
    // a change here means a verdict moved: update the baseline only after reading why
    // (npx matmem verify --write-baseline verdicts.baseline.json)
    expect(changes).toEqual([]);
  });
});
