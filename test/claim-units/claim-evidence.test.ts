/// <reference types="vite/client" />
/**
 * The regression guard claim by claim, in process and small: each claim file (claims/*.ts and
 * properties/*.ts, imported
 * through Vite's glob, so that a change to any of them selects this test, and Stryker's mutants in them
 * meet it) run alone at seed 1 with 20 runs must give the verdict and the evidence recorded in
 * fixtures/claim-evidence.json, number by number, at the baseline's own tolerance (1e-9 relative plus
 * 1e-10, src/claims/baseline.ts). The fixture is written by fixtures/make-claim-evidence.ts, never by
 * hand; the committed verdicts.baseline.json guards the full run (200 runs) the same way
 * (test/claims/verify.test.ts), and the other tests check the verdicts against independent values.
 * The words of each claim and of its report (statement, details, labels, replay commands; the measured
 * numbers covered, test/helpers/report-text.ts) must be those of fixtures/claim-texts.json, written by the
 * same script. Each test imports its claim file afresh (vi.resetModules), so the claim is defined while the
 * test runs, not when this file is collected.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { claimFingerprint, compareFingerprints, describeChange, parseBaseline } from '../../src/claims/baseline.ts';
import { runClaim } from '../../src/claims/registry.ts';
import type { ClaimDefinition } from '../../src/claims/unit.ts';
import { claimReportText } from '../helpers/report-text.ts';

const fixture = parseBaseline('claim-evidence.json', JSON.parse(readFileSync(new URL('./fixtures/claim-evidence.json', import.meta.url), 'utf8')));
const config = fixture.config!;
const files = import.meta.glob<{ default: ClaimDefinition }>(['../../claims/*.ts', '../../properties/*.ts'], { eager: true });
const claims = Object.values(files).map((m) => m.default);
const loaders = import.meta.glob<{ default: ClaimDefinition }>(['../../claims/*.ts', '../../properties/*.ts']);
const texts = JSON.parse(readFileSync(new URL('./fixtures/claim-texts.json', import.meta.url), 'utf8')) as Record<string, unknown>;

/** The claim file that defines `id`, imported again inside the running test. */
async function definedNow(id: string): Promise<ClaimDefinition> {
  const path = Object.keys(files).find((p) => files[p].default.id === id)!;
  vi.resetModules();
  return (await loaders[path]()).default;
}
const REGENERATE = 'npx tsx test/claim-units/fixtures/make-claim-evidence.ts (only for an intended change)';

describe(`each claim alone at seed ${config.seed}, ${config.runs} runs, against its recorded evidence`, () => {
  it('the fixture holds every claim that has checks, and nothing else', () => {
    const recorded = new Set(Object.keys(fixture.verdicts).map((k) => k.split('/')[0]));
    const withChecks = claims.filter((c) => c.checks.length > 0).map((c) => c.id);
    expect(withChecks.length).toBeGreaterThan(20);
    expect([...recorded].sort()).toEqual([...withChecks].sort());
  });

  it('the texts fixture holds every claim, checked or not', () => {
    expect(Object.keys(texts).sort()).toEqual(claims.map((c) => c.id).sort());
  });

  for (const { id } of claims.filter((c) => c.checks.length === 0)) {
    it(`${id}: its words are the recorded ones`, async () => {
      const claim = await definedNow(id);
      expect(claimReportText(claim, runClaim(claim, { seed: config.seed, runs: config.runs, experiments: [] })), `regenerate: ${REGENERATE}`).toEqual(texts[id]);
    });
  }

  for (const { id } of claims.filter((c) => c.checks.length > 0)) {
    it(`${id}: its evidence and its words are the recorded ones`, async () => {
      const claim = await definedNow(id);
      const report = runClaim(claim, { seed: config.seed, runs: config.runs, experiments: [] });
      const results = report.results;
      expect(results.map((r) => `${id}/${r.model}`)).toEqual(Object.keys(fixture.verdicts).filter((k) => k.startsWith(`${id}/`)));
      for (const r of results) {
        const key = `${id}/${r.model}`;
        const evidence = compareFingerprints(fixture.evidence![key], claimFingerprint(r));
        const change = { key, evidence, ...(r.verdict !== fixture.verdicts[key] ? { verdict: { baseline: fixture.verdicts[key], now: r.verdict } } : {}) };
        expect(evidence.length === 0 && change.verdict === undefined, `${describeChange(change, r.replay).join('\n')}\nregenerate: ${REGENERATE}`).toBe(true);
      }
      expect(claimReportText(claim, report), `regenerate: ${REGENERATE}`).toEqual(texts[id]);
    });
  }
});
