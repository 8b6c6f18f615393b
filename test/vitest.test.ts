/**
 * matmem/vitest: the matchers run matmem's checkers and pass or fail with the verdict. A correct and
 * a mistyped step of the same identity, a claim known to fail in one model (Corollary 2.1, exact
 * model: the report's counterexample), and plain results.
 */
import { describe, expect, it } from 'vitest';
import { judge, matchers, runProperty, test as propTest, arbitraries, fc } from '../src/vitest.ts';
import type { PropertyClaim } from '../src/vitest.ts';
import { fieldMatrix as M } from '../src/index.ts';
import type { ProofStep } from '../src/proof/types.ts';
import { defineClaim, customCheck } from '../src/claims/unit.ts';
import corollary21 from '../properties/corollary-2.1.ts';

const U = { name: 'U', kind: 'matrix' as const, rows: 2, cols: 2 };
const V = { name: 'V', kind: 'matrix' as const, rows: 2, cols: 2 };
/** (U V)ᵀ against the given right side. */
const step = (rhs: ProofStep['witnesses'][number] extends infer W ? (W extends { rhs: infer R } ? R : never) : never): ProofStep => ({
  from: '(U V)ᵀ',
  to: 'rhs',
  justification: 'transpose of a product',
  assumptions: [],
  source: 'test',
  claims: [],
  witnesses: [{ type: 'algebraic', variables: [U, V], degree: 2, lhs: (F, v) => M.transpose(M.mul(F, v.m('U'), v.m('V'))), rhs }],
});
const right = step((F, v) => M.mul(F, M.transpose(v.m('V')), M.transpose(v.m('U'))));
const typo = step((F, v) => M.mul(F, M.transpose(v.m('U')), M.transpose(v.m('V'))));

describe('matmem/vitest matchers', () => {
  it('toHold passes on a correct step and fails on its typo, naming the verdict and where the sides differ', () => {
    expect(right).toHold();
    expect(typo).not.toHold();
    expect(typo).toFail();
    let message = '';
    try {
      expect(typo).toHold();
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toContain('expected the verdict to be "holds", got "fails"');
    expect(message).toContain('entry (1, 1)');
  });

  it('toHoldIn / toFailIn run a claim in one model: Corollary 2.1 fails in the exact model', () => {
    expect(corollary21).toFailIn('exact', { runs: 30 });
    expect(corollary21).not.toHoldIn('exact', { runs: 30 });
    expect(judge(corollary21, { runs: 30 }, 'exact').replay).toMatch(/^matmem verify --claim corollary-2\.1 --seed 1 --path /);
  });

  it('a claim without a result in the model is inconclusive, not a pass', () => {
    const onlyPaper = defineClaim({ id: 'x', order: 0, source: 's', statement: 's', checks: [customCheck('c', () => [{ model: 'paper', verdict: 'holds', cases: 1, worst: null, counterexample: null, replay: '', detail: 'ok' }])] });
    expect(onlyPaper).toHoldIn('paper');
    expect(judge(onlyPaper, {}, 'exact').verdict).toBe('inconclusive');
    expect(onlyPaper).not.toHoldIn('exact');
  });

  it('takes anything with a verdict, and refuses what has none', () => {
    expect({ verdict: 'holds', detail: '' }).toHold();
    expect({ verdict: 'inconclusive' }).not.toFail();
    expect(() => judge(42)).toThrow(/expected a claim/);
    expect(Object.keys(matchers).sort()).toEqual(['toCoverItsBuckets', 'toFail', 'toFailIn', 'toHold', 'toHoldIn']);
  });
});

/** A user's own property: x ≤ 40 over integers 0..50, with a coverage dimension whose "above 60" bucket no case can reach. */
function ownProperty(reachable: boolean): PropertyClaim<number> {
  return {
    id: 'my.at-most-40',
    source: 'a test',
    statement: 'x ≤ 40',
    statementTex: 'x \\le 40',
    kind: 'inequality',
    quantity: { paper: 'x', exact: 'x' },
    models: ['paper'],
    arbitrary: fc.integer({ min: 0, max: 50 }),
    evaluate: (_m, x) => ({ value: x, margin: 40 - x, errorBound: 0, bound: 40, numbers: { x } }),
    describe: (x) => ({ x }),
    size: () => 1,
    coverage: [{ name: 'x', buckets: reachable ? ['low', 'high'] : ['low', 'high', 'above 60'], bucket: (x) => (x < 25 ? 'low' : 'high') }],
  };
}

describe("a user's own property under vitest", () => {
  it('runs with counts, coverage and a shrunk counterexample (x = 41), and toCoverItsBuckets names an empty bucket', () => {
    const { results, story } = runProperty(ownProperty(true), { runs: 300 });
    expect(results.map((r) => [r.model, r.verdict])).toEqual([['paper', 'fails']]);
    expect(results[0].caseCounts!.tried).toBe(300);
    expect(story).toContain('x = 41');
    expect(story).toMatch(/replay: matmem verify --claim my\.at-most-40 --seed 1 --path /);
    expect(ownProperty(true)).toCoverItsBuckets({ runs: 300 });
    expect(ownProperty(false)).not.toCoverItsBuckets({ runs: 300 });
    let message = '';
    try {
      expect(ownProperty(false)).toCoverItsBuckets({ runs: 300 });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toContain('paper: x: above 60');
  });
});

describe('test.prop with the arbitraries', () => {
  propTest.prop([arbitraries.normalConvergentCases()], { seed: 3, numRuns: 10 })('generated cases are N×N and convergent', (g) => {
    const c = arbitraries.toMatrixCase(g);
    expect(c.U.rows).toBe(g.N);
    expect(c.W.columns).toBe(g.N);
  });
});

describe("replay commands of the user's own claims", () => {
  it('name the folder the claim lives in (verify --load DIR), so the printed command replays it; matmem’s own need none', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join, relative } = await import('node:path');
    const dir = mkdtempSync(join(tmpdir(), 'matmem-own-claim-'));
    const unit = new URL('../src/claims/unit.ts', import.meta.url).href;
    writeFileSync(
      join(dir, 'always-fails.ts'),
      `import { defineClaim, customCheck } from ${JSON.stringify(unit)};\n` +
        `export default defineClaim({ id: 'my.always-fails', source: 'mine', statement: 'false', order: 1, checks: [customCheck('mine', () => [{ model: 'exact', verdict: 'fails', cases: 1, worst: null, counterexample: { x: 1 }, replay: 'matmem verify --claim my.always-fails --seed 1 --runs 200', detail: 'never true' }])] });\n`,
    );
    const mine = (await import(join(dir, 'always-fails.ts'))).default;
    const j = judge(mine, { runs: 5 }, 'exact');
    expect(j.verdict).toBe('fails');
    expect(j.replay).toBe(`matmem verify --claim my.always-fails --seed 1 --runs 200 --load ${relative(process.cwd(), dir)}`);
    expect(judge(corollary21, { runs: 30 }, 'exact').replay).not.toContain('--load');
  });
});
