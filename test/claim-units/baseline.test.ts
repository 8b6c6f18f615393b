/**
 * Regression guard: every property in every model at seed 1 with 200 runs (the `matmem verify`
 * defaults) must give the verdicts recorded in baseline.json. The baseline was produced by running
 * the properties (not written by hand); the other tests check those verdicts against independent
 * values. Regenerate it only when a verdict change is understood and intended.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { allProperties } from '../helpers/units.ts';
import { runPropertyClaim } from '../../src/claims/checks/property.ts';

const baseline = JSON.parse(readFileSync(new URL('./baseline.json', import.meta.url), 'utf8')) as { seed: number; runs: number; verdicts: Record<string, string> };

describe(`property verdicts at seed ${baseline.seed}, ${baseline.runs} runs`, () => {
  for (const p of allProperties) {
    for (const model of ['paper', 'exact'] as const) {
      test(`${p.id} / ${model}`, () => {
        const r = runPropertyClaim(p, { model, runs: baseline.runs, seed: baseline.seed });
        expect(r.cases).toBe(p.models.includes(model) ? baseline.runs : 0);
        expect(`${r.verdict}`, `${r.detail} (replay: ${r.replay})`).toBe(baseline.verdicts[`${p.id}/${model}`]);
      });
    }
  }
});
