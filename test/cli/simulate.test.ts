import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../helpers/run-cli.ts';

const reference = JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures', 'reference.json'), 'utf8'));

describe('matmem simulate --json', () => {
  it('prints estimates with standard errors and the covariance comparison, agreeing with the scipy reference', () => {
    const r = runCli(['simulate', '--case', 'examples/small-3x3.json', '--samples', '60000', '--steps', '30', '--seed', '3', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out.jtot)).toEqual(['estimate', 'stderr']);
    expect(out.fmc[0]).toEqual({ k: 0, estimate: expect.any(Number), stderr: expect.any(Number) });
    const exact = reference['small-3x3.json'].exact;
    // 5 standard errors: see test/models/simulate.test.ts
    expect(Math.abs(out.jtot.estimate - exact.jtot)).toBeLessThan(5 * out.jtot.stderr);
    expect(Math.abs(out.fmc[1].estimate - exact.fmc[1])).toBeLessThan(5 * out.fmc[1].stderr);
    // 60 000 samples: Ĉ entries within a few percent of C; the paper's Σ ⊗ Ψ is off by much more
    expect(out.covariance.relDiffExact).toBeLessThan(0.05);
    expect(out.covariance.relDiffPaper).toBeGreaterThan(0.2);
  });

  it('refuses too few samples for the regression, and bad numbers, with exit 2', () => {
    const few = runCli(['simulate', '--case', 'examples/small-3x3.json', '--samples', '100', '--json']);
    expect(few.code).toBe(2);
    expect(few.stdout).toBe('');
    expect(few.stderr).toMatch(/--samples must be at least/);
    const neg = runCli(['simulate', '--case', 'examples/small-3x3.json', '--seed', '-4']);
    expect(neg.code).toBe(2);
    expect(neg.stderr).toMatch(/--seed must be ≥ 0/);
  });
});
