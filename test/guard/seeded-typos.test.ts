/**
 * The regression guard against seeded typos (test/guard/typos.json): 61 one-place slips — a
 * transposed factor, swapped U/V, a wrong exponent, a dropped ε, a flipped index, a missing
 * conjugate, an off-by-one lag, a wrong sign, a size written as a number (an identity that then
 * holds for 2×2 matrices only: caught by the size certificates, src/proof/sizes/) — in proofs/, src/models (paper, exact, memory),
 * src/linalg, the claim files and their checks, a dozen of them in claims and steps that already fail.
 * Each is applied to a sandbox copy, and `matmem verify --baseline` there must exit 1 (a typo shown
 * to be equivalent, i.e. the same function, is listed with the reason instead). Seed 1, 20 runs: the
 * guard's numbers are deterministic, so the outcome is too.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runTypos, type Typo } from './harness.ts';

const typos = JSON.parse(readFileSync(join(import.meta.dirname, 'typos.json'), 'utf8')) as Typo[];

describe('the regression guard catches seeded typos', () => {
  it('the suite is the one the issue asks for: ≥ 40 typos over proofs, models (paper, exact, memory), linalg and properties, some in failing claims', () => {
    const where = (prefix: string) => typos.filter((t) => t.file.startsWith(prefix)).length;
    expect(typos.length).toBeGreaterThanOrEqual(40);
    expect(where('proofs/')).toBeGreaterThan(0);
    expect(where('src/models/paper.ts') + where('src/models/exact.ts') + where('src/models/memory/')).toBeGreaterThanOrEqual(20);
    expect(where('src/models/memory/')).toBeGreaterThan(0);
    expect(where('src/linalg/')).toBeGreaterThan(0);
    expect(where('claims/') + where('src/claims/checks/')).toBeGreaterThan(0);
    expect(typos.filter((t) => t.inFailingClaimOrStep).length).toBeGreaterThanOrEqual(5);
    expect(new Set(typos.map((t) => t.id)).size).toBe(typos.length);
  });

  it('every typo applies: its text occurs exactly once in its file (a refactor that moves code must move the typo too)', () => {
    const stale = typos.filter((t) => readFileSync(join(import.meta.dirname, '..', '..', t.file), 'utf8').split(t.find).length !== 2).map((t) => `${t.id} (${t.file})`);
    expect(stale).toEqual([]);
  });

  it(
    'every typo not shown equivalent makes `verify --baseline` exit 1',
    async () => {
      const { outcomes } = await runTypos(typos, { runs: 20, seed: 1 });
      const missed = outcomes.filter((o) => !o.caught && !o.typo.equivalent).map((o) => `${o.typo.id} (exit ${o.code}): ${o.said}`);
      expect(missed).toEqual([]);
      // a crash (exit 3) is not how a typo should be caught: the guard must see it in the numbers
      expect(outcomes.filter((o) => o.code === 3).map((o) => o.typo.id)).toEqual([]);
      const caught = outcomes.filter((o) => o.caught).length;
      expect(caught / outcomes.filter((o) => !o.typo.equivalent).length).toBeGreaterThanOrEqual(0.95);
    },
    40 * 60_000,
  );
});
