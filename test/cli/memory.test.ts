import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.ts';

describe('fmc/simulate with --memory-slots (Eq. 34)', () => {
  it('a stable choice (α₁ = 0.3) gives both models and stability in the JSON', () => {
    const r = runCli(['fmc', '--case', 'examples/small-3x3.json', '--memory-slots', '1', '--alpha', '0.3', '--k', '5', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out.models).sort()).toEqual(['exact', 'paper']);
    expect(out.stability.stable).toBe(true);
    expect(out.stability.spectralRadius).toBeLessThan(1);
    expect(out.models.exact.fmc).toHaveLength(5);
  });

  it("the paper's α₁ = 1 has no stationary law: exit 2 naming ρ(F), and --horizon gives the finite-horizon law", () => {
    const r = runCli(['fmc', '--case', 'examples/small-3x3.json', '--memory-slots', '1', '--model', 'exact', '--json']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/no stationary law.*ρ\(F\) = 1\.\d+/);
    const h = runCli(['fmc', '--case', 'examples/small-3x3.json', '--memory-slots', '1', '--model', 'exact', '--horizon', '20', '--k', '3', '--json']);
    expect(h.code, h.stderr).toBe(0);
    expect(JSON.parse(h.stdout).stability.stable).toBe(false);
  });

  it('memory flags without --memory-slots are refused', () => {
    const r = runCli(['fmc', '--case', 'examples/small-3x3.json', '--alpha', '0.5']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--alpha needs --memory-slots/);
  });

  it('simulate --memory-slots agrees with the exact finite-horizon J_tot within 5 standard errors', () => {
    const r = runCli(['simulate', '--case', 'examples/small-3x3.json', '--memory-slots', '1', '--alpha', '0.3', '--samples', '20000', '--steps', '25', '--seed', '4', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    // 5 standard errors: see test/models/simulate.test.ts
    expect(Math.abs(out.jtot.estimate - out.exact.finiteHorizon.jtot)).toBeLessThan(5 * out.jtot.stderr);
  });
});
