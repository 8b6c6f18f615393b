import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/run-cli.ts';

describe('matmem verify (command line)', () => {
  it('replays one claim, writes the three report files, and passes against an equal baseline', () => {
    const dir = mkdtempSync(join(tmpdir(), 'matmem-verify-'));
    const r = runCli(['verify', '--claim', 'eq-13.fmm', '--out', dir, '--baseline', 'verdicts.baseline.json', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['report.html', 'report.json', 'report.md']);
    const report = JSON.parse(r.stdout);
    expect(report.claims.map((c: { id: string }) => c.id)).toEqual(['eq-13.fmm']);
    const onDisk = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8'));
    expect(onDisk.claims[0].results.map((x: { verdict: string }) => x.verdict)).toEqual(report.claims[0].results.map((x: { verdict: string }) => x.verdict));
  });

  it('exits 1 when a verdict differs from the baseline, naming it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'matmem-baseline-'));
    const baseline = join(dir, 'baseline.json');
    writeFileSync(baseline, JSON.stringify({ verdicts: { 'eq-13.fmm/paper': 'holds', 'eq-13.fmm/exact': 'fails' } }));
    const r = runCli(['verify', '--claim', 'eq-13.fmm', '--runs', '20', '--no-files', '--baseline', baseline]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/eq-13\.fmm\/paper: holds → fails/);
  });

  it('a changed evidence number is a regression even with the same verdict: it says what moved, by how much, and the replay', () => {
    const dir = mkdtempSync(join(tmpdir(), 'matmem-evidence-'));
    const file = join(dir, 'b.json');
    const w = runCli(['verify', '--claim', 'eq-13.fmm', '--runs', '20', '--no-files', '--write-baseline', file]);
    expect(w.code, w.stderr).toBe(0);
    expect(w.stderr).toMatch(/wrote the baseline .*: 4 verdicts and \d+ evidence numbers \(seed 1, runs 20, claim eq-13\.fmm\)/);
    const b = JSON.parse(readFileSync(file, 'utf8'));
    expect(b.config).toEqual({ seed: 1, runs: 20, node: Number(process.versions.node.split('.')[0]), claim: 'eq-13.fmm', step: null, experiments: [] });
    const same = runCli(['verify', '--claim', 'eq-13.fmm', '--runs', '20', '--no-files', '--baseline', file]);
    expect(same.code, same.stderr).toBe(0);
    const ev = b.evidence['eq-13.fmm/paper'];
    const path = Object.keys(ev).find((p) => p.startsWith('counterexample.numbers.'))!;
    ev[path] = ev[path] * 1.25;
    writeFileSync(file, JSON.stringify(b));
    const r = runCli(['verify', '--claim', 'eq-13.fmm', '--runs', '20', '--no-files', '--baseline', file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/0 verdict\(s\) and 1 evidence fingerprint\(s\) changed/);
    expect(r.stderr).toContain(`eq-13.fmm/paper: verdict unchanged`);
    expect(r.stderr).toMatch(new RegExp(`${path.replace(/\./g, '\\.')}: .* → .* \\(relative change 2\\.00e-1\\)`));
    expect(r.stderr).toMatch(/replay: matmem verify --claim eq-13\.fmm --seed 1 --runs 20/);
  });

  it('another run configuration is refused (exit 2), not reported as a false regression', () => {
    const r = runCli(['verify', '--claim', 'corollary-2.1', '--runs', '20', '--no-files', '--baseline', 'verdicts.baseline.json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/the baseline was made with --runs 200 \(this run: 20\)/);
    expect(r.stderr).not.toMatch(/→/);
  });

  it('a baseline with a verdict that is not a verdict is bad input', () => {
    const dir = mkdtempSync(join(tmpdir(), 'matmem-maybe-'));
    const file = join(dir, 'b.json');
    writeFileSync(file, JSON.stringify({ verdicts: { 'eq-13.fmm/paper': 'maybe' } }));
    const r = runCli(['verify', '--claim', 'eq-13.fmm', '--no-files', '--baseline', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/verdicts\.eq-13\.fmm\/paper must be one of "holds", "fails", "inconclusive" \(got "maybe"\)/);
  });

  it('refuses an unknown claim and a malformed baseline with exit 2, writing nothing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'matmem-bad-verify-'));
    const unknown = runCli(['verify', '--claim', 'no-such-claim', '--out', dir]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown claim "no-such-claim"/);
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '[1, 2]');
    const r = runCli(['verify', '--baseline', bad, '--out', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/a baseline is/);
    expect(readdirSync(dir)).toEqual(['bad.json']);
  });
});
