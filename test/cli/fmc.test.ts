import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/run-cli.ts';

/** Reference values from numpy/scipy (test/cli/fixtures/make-reference.py → bench/reference/fmc.py). */
const reference = JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures', 'reference.json'), 'utf8')) as Record<
  string,
  Record<'paper' | 'exact', { fmc: number[]; jtot: number; inputFisher: number }>
>;

const rel = (a: number, b: number) => Math.abs(a - b) / Math.max(Math.abs(b), 1e-300);

describe('matmem fmc --json agrees with an independent scipy implementation', () => {
  it.each(Object.keys(reference))('%s: FMC (K = 60), J_tot and I(W) to 1e-8 relative in both models', (name) => {
    const r = runCli(['fmc', '--case', join('examples', name), '--model', 'all', '--k', '60', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    for (const model of ['paper', 'exact'] as const) {
      const mine = out.models[model];
      const ref = reference[name][model];
      // both sides are float64 solvers of the same well-conditioned (ρ ≤ 0.9) equations; 1e-8 leaves
      // room for the condition of C (κ < 1e3 here) times rounding, and nothing for a wrong formula
      expect(rel(mine.jtot, ref.jtot)).toBeLessThan(1e-8);
      expect(rel(mine.inputFisher, ref.inputFisher)).toBeLessThan(1e-12);
      expect(mine.fmc).toHaveLength(60);
      mine.fmc.forEach((j: number, k: number) => expect(rel(j, ref.fmc[k])).toBeLessThan(1e-8));
    }
    // the vector model is an independent dense path to the exact model's numbers
    expect(rel(out.models.vector.jtot, reference[name].exact.jtot)).toBeLessThan(1e-8);
    expect(out.spectralRadius.U).toBeLessThan(1);
  });
});

describe('matmem fmc: bad input exits 2 with one clear line and nothing on stdout', () => {
  const dir = mkdtempSync(join(tmpdir(), 'matmem-bad-'));
  const file = (name: string, text: string) => {
    const p = join(dir, name);
    writeFileSync(p, text);
    return p;
  };
  const ok = { U: [[0.5, 0], [0, 0.5]], V: [[0.5, 0], [0, 0.5]], W: [[1, 0], [0, 1]] };
  const okFile = file('ok.json', JSON.stringify(ok));
  const cases: [string, string[], RegExp][] = [
    ['non-square U', ['--case', file('a.json', JSON.stringify({ ...ok, U: [[0.5, 0, 0], [0, 0.5, 0]] }))], /U must be square/],
    ['mismatched sizes', ['--case', file('b.json', JSON.stringify({ ...ok, W: [[1]] }))], /same size/],
    ['ragged rows', ['--case', file('c.json', JSON.stringify({ ...ok, V: [[0.5, 0], [0]] }))], /ragged rows/],
    ['a non-number', ['--case', file('d.json', JSON.stringify({ ...ok, W: [[1, 'x'], [0, 1]] }))], /W\[0\]\[1\] must be a finite number \(got "x"\)/],
    ['NaN in a CSV', ['--u', file('u.csv', '0.5,nan\n0,0.5\n'), '--v', file('v.csv', '0.5,0\n0,0.5\n'), '--w', file('w.csv', '1,0\n0,1\n')], /U\[1\]\[2\] is not finite/],
    ['Infinity in a CSV', ['--u', file('u2.csv', '0.5,Infinity\n0,0.5\n'), '--v', join(dir, 'v.csv'), '--w', join(dir, 'w.csv')], /not finite/],
    ['an empty matrix', ['--case', file('e.json', JSON.stringify({ ...ok, U: [] }))], /U must NOT have fewer than 1 items/],
    ['a missing key', ['--case', file('f.json', JSON.stringify({ U: ok.U, V: ok.V }))], /the field "W" is missing/],
    ['zero noise', ['--case', file('g.json', JSON.stringify({ ...ok, e1: 0 }))], /e1 must be > 0 \(got 0\)/],
    ['negative noise option', ['--case', join(dir, 'g.json'), '--e2', '-1'], /--e2 must be > 0/],
    ['unstable dynamics for the paper model (the exact one is named)', ['--case', file('h.json', JSON.stringify({ ...ok, U: [[1.1, 0], [0, 0.5]] })), '--model', 'paper'], /ρ\(U\) = 1\.1.*--model exact is defined for this case/],
    ['unstable for the exact model', ['--case', file('h2.json', JSON.stringify({ ...ok, U: [[2, 0], [0, 0.5]], V: [[0.6, 0], [0, 0.5]] })), '--model', 'exact'], /ρ\(U\)·ρ\(V\) = 1\.2/],
    ['a subnormal noise variance', ['--case', okFile, '--e1', '1e-320'], /e1 = 1e-320 is outside/],
    ['a noise product beyond the solvers\' range', ['--case', okFile, '--e1', '1e100', '--e2', '1e100'], /e1·e2 = 1e\+200 is outside/],
    ['a W entry beyond the solvers\' range', ['--case', file('big.json', JSON.stringify({ ...ok, W: [[1e200, 0], [0, 1]] }))], /W has an entry of size 1e\+200/],
    ['an unreadable file', ['--case', join(dir, 'missing.json')], /missing\.json: no such case file/],
    ['a truncated JSON file', ['--case', file('t.json', '{"U": [[0.5, 0], [0, 0.')], /not valid JSON/],
    ['a truncated .npy file', ['--u', join(import.meta.dirname, '..', 'io', 'fixtures', 'truncated.npy'), '--v', join(dir, 'v.csv'), '--w', join(dir, 'w.csv')], /truncated data/],
    ['an unknown option', ['--case', okFile, '--frobnicate'], /unknown option '--frobnicate'/],
    ['a bad --k', ['--case', okFile, '--k', 'ten'], /--k must be a finite number/],
    ['an unknown model', ['--case', okFile, '--model', 'magic'], /--model must be/],
    ['no case at all', [], /no case given/],
  ];
  it.each(cases)('%s', (_label, args, message) => {
    const r = runCli(['fmc', ...args, '--json']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('the exact model takes ρ(U) > 1 with ρ(U)ρ(V) < 1 where the paper model refuses', () => {
    const p = file('wide.json', JSON.stringify({ U: [[1.5, 0], [0, 0.2]], V: [[0.5, 0], [0, 0.1]], W: [[1, 1], [0, 1]] }));
    const exact = runCli(['fmc', '--case', p, '--model', 'exact', '--json']);
    expect(exact.code).toBe(0);
    expect(JSON.parse(exact.stdout).models.exact.jtot).toBeCloseTo(3, 10);
    const paper = runCli(['fmc', '--case', p, '--model', 'paper', '--json']);
    expect(paper.code).toBe(2);
    expect(paper.stderr).toMatch(/ρ\(U\) = 1\.5/);
  });
});
