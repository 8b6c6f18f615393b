import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadUnits } from '../../src/claims/registry.ts';
import { compareVerdicts, runVerify, verdictMap } from '../../src/claims/verify.ts';
import { compareWithBaseline, parseBaseline, reportFingerprints } from '../../src/claims/baseline.ts';
import { verifyHooks } from '../../src/cli/verify-hooks.ts';
import { reportToJson } from '../../src/report/json.ts';
import { schemaErrors } from '../helpers/schemas.ts';
import { emptyRequiredBuckets } from '../../src/claims/checks/property-coverage.ts';

const baselinePath = join(import.meta.dirname, '..', '..', 'verdicts.baseline.json');
const stored = parseBaseline(baselinePath, JSON.parse(readFileSync(baselinePath, 'utf8')));
const baseline = { seed: stored.config!.seed, runs: stored.config!.runs, verdicts: stored.verdicts as Record<string, string> };

// One run with the baseline's seed and runs (the defaults of `matmem verify`), shared by the tests.
const report = await runVerify({ seed: baseline.seed, runs: baseline.runs }, verifyHooks);
const registeredClaimIds = (await loadUnits()).claims.map((c) => c.id);

describe('matmem verify (library)', () => {
  it('the design\'s minimum claim ids are all registered', () => {
    const minimum = [
      'theorem-1.covariance', 'eq-8.fmm', 'eq-12.fmc', 'eq-13.fmm', 'eq-17.normal-fmc', 'eq-18.normal-capacity',
      'lemma-1.kl', 'lemma-2.input-fisher', 'corollary-2.1', 'eq-28-30.spacetime', 'theorem-3',
      'eq-33.dynamic-range', 'eq-49.lyapunov', 'theorem-4.memory-fmc', 'memory.capacity-increase', 'memory.stability',
    ];
    const missing = minimum.filter((id) => !registeredClaimIds.includes(id));
    expect(missing).toEqual([]);
  });

  it('the full report, as report.json holds it, validates against schemas/report.schema.json', () => {
    expect(schemaErrors('report', JSON.parse(reportToJson(report)))).toEqual([]);
  });

  it('every claim has a verdict in at least one model, and every `fails` carries a counterexample and a replay', () => {
    for (const c of report.claims) {
      expect(c.results.length, c.id).toBeGreaterThan(0);
      for (const r of c.results) {
        if (r.verdict === 'fails') {
          expect(r.counterexample, `${c.id}/${r.model}`).not.toBeNull();
          expect(r.replay, `${c.id}/${r.model}`).toMatch(/^matmem verify --(claim|step) /);
        }
      }
    }
  });

  it('every property reaches, in every model, each coverage bucket its statement covers (a bucket left empty is declared unreachable, with its reason)', () => {
    const properties = report.claims.filter((c) => c.results.some((r) => r.coverage !== undefined));
    // the seven claims of properties/
    expect(properties.map((c) => c.id).sort()).toEqual(['corollary-2.1', 'eq-18.normal-capacity', 'eq-28-30.trace-identity', 'eq-33.dynamic-range', 'memory.capacity-increase', 'remark-3.weight', 'theorem-3']);
    const empty = properties.flatMap((c) => c.results.flatMap((r) => emptyRequiredBuckets(r.coverage ?? []).map((b) => `${c.id}/${r.model}: ${b}`)));
    expect(empty).toEqual([]);
  });

  it('every derivation step has a verdict with its witnesses; every failing step a counterexample and a replay of exactly that step', () => {
    expect(report.derivations.length).toBeGreaterThan(0);
    for (const d of report.derivations) {
      for (const s of d.steps) {
        expect(s.witnesses?.length, `${d.id}#${s.index}`).toBeGreaterThan(0);
        expect(s.replay).toBe(`matmem verify --step ${d.id}#${s.index} --seed ${baseline.seed} --runs ${baseline.runs}`);
        if (s.verdict === 'fails') expect(s.counterexample, `${d.id}#${s.index}`).not.toBeNull();
        if (s.verdict !== 'inconclusive') expect(s.agreed?.length, `${d.id}#${s.index}`).toBeGreaterThan(0);
      }
    }
  });

  it('a claim verdict includes its statement steps: any failing evidence makes the claim fail', () => {
    for (const c of report.claims) {
      for (const r of c.results) {
        for (const e of r.evidence ?? []) {
          if (e.verdict === 'fails') expect(r.verdict, `${c.id}/${r.model}: ${e.source}`).toBe('fails');
        }
      }
    }
  });

  it('is deterministic: the same seed gives a byte-identical report.json apart from `generated`', async () => {
    const again = await runVerify({ seed: baseline.seed, runs: baseline.runs }, verifyHooks);
    const strip = (r: typeof report) => reportToJson({ ...r, generated: undefined });
    expect(strip(again) === strip(report)).toBe(true);
  });

  it('regression guard: every verdict and every evidence number equals verdicts.baseline.json', () => {
    const changes = compareWithBaseline(stored, { verdicts: verdictMap(report), evidence: reportFingerprints(report) }, () => true);
    // a change here means a verdict or its evidence moved: update the baseline only after reading why
    // (npx matmem verify --write-baseline verdicts.baseline.json)
    expect(changes).toEqual([]);
    expect(Object.keys(stored.evidence!).length).toBe(Object.keys(stored.verdicts).length);
  });

  it('the guard sees a changed evidence number in a claim that already fails, with the verdict unchanged', () => {
    const now = { verdicts: verdictMap(report), evidence: reportFingerprints(report) };
    const failing = Object.keys(now.verdicts).find((k) => now.verdicts[k] === 'fails' && Object.keys(now.evidence[k]).some((p) => p.startsWith('counterexample.')))!;
    const path = Object.keys(now.evidence[failing]).find((p) => p.startsWith('counterexample.') && typeof now.evidence[failing][p] === 'number' && now.evidence[failing][p] !== 0)!;
    const moved = { ...now, evidence: { ...now.evidence, [failing]: { ...now.evidence[failing], [path]: (now.evidence[failing][path] as number) * (1 + 1e-6) } } };
    const changes = compareWithBaseline(stored, moved, () => true);
    expect(changes).toHaveLength(1);
    expect(changes[0].key).toBe(failing);
    expect(changes[0].verdict).toBeUndefined();
    expect(changes[0].evidence.map((e) => e.path)).toEqual([path]);
    // a move within the tolerance (rounding between machines) is not a change
    const rounding = { ...now, evidence: { ...now.evidence, [failing]: { ...now.evidence[failing], [path]: (now.evidence[failing][path] as number) * (1 + 1e-13) } } };
    expect(compareWithBaseline(stored, rounding, () => true)).toEqual([]);
  });

  it('the baseline guards every derivation step too: a changed step verdict is a change', () => {
    const now = verdictMap(report);
    const stepKeys = report.derivations.flatMap((d) => d.steps.map((s) => `${d.id}#${s.index}`));
    expect(stepKeys.filter((k) => !(k in baseline.verdicts))).toEqual([]);
    const k = stepKeys[0];
    const flipped = { ...now, [k]: now[k] === 'holds' ? 'fails' : 'holds' } as typeof now;
    expect(compareVerdicts(baseline.verdicts as never, flipped)).toEqual([{ key: k, baseline: baseline.verdicts[k], now: flipped[k] }]);
  });
});
