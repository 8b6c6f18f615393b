import { describe, expect, it } from 'vitest';
import { lazy } from '../../helpers/lazy.ts';
import { memorySystemCheck } from '../../../src/claims/checks/memory-system.ts';

const meta = { id: 'x', source: 'x', statement: 'x' };
const CLAIMS = [['theorem-4.memory-fmc', 'theorem-4'], ['memory.stability', 'stability'], ['memory.capacity-increase', 'capacity-increase']] as const;
const evaluateMemoryClaims = (opts: { seed: number; runs: number }) =>
  CLAIMS.map(([id, which]) => ({ id, results: memorySystemCheck(which).run({ ...opts, experiments: [] }, meta) }));

describe('memory claims: computed verdicts', () => {
  const reports = lazy(() => evaluateMemoryClaims({ seed: 1, runs: 24 }));
  const verdict = (id: string, model: string) => reports().find((r) => r.id === id)?.results.find((x) => x.model === model)?.verdict;

  it('has the three claims with both models', () => {
    expect(reports().map((r) => r.id)).toEqual(['theorem-4.memory-fmc', 'memory.stability', 'memory.capacity-increase']);
    for (const r of reports()) expect(r.results.map((x) => x.model).sort()).toEqual(['exact', 'paper']);
  });

  it('verdicts', () => {
    expect(verdict('theorem-4.memory-fmc', 'paper')).toBe('holds');
    expect(verdict('theorem-4.memory-fmc', 'exact')).toBe('fails');
    expect(verdict('memory.stability', 'exact')).toBe('fails');
    expect(verdict('memory.stability', 'paper')).toBe('fails');
    expect(verdict('memory.capacity-increase', 'paper')).toBe('fails');
    expect(verdict('memory.capacity-increase', 'exact')).toBe('fails');
  });

  it('fails come with counterexamples and the decisive numbers', () => {
    const stab = reports()[1].results.find((x) => x.model === 'exact')!;
    expect((stab.counterexample as { spectralRadiusStacked: number }).spectralRadiusStacked).toBeCloseTo((0.25 + Math.sqrt(4.0625)) / 2, 12);
    expect(stab.statistics!.min).toBeGreaterThanOrEqual(1 - 1e-12);
    for (const r of reports()) for (const x of r.results) if (x.verdict === 'fails') expect(x.counterexample).not.toBeNull();
  });
});
