import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/run-cli.ts';

describe('matmem verify (command line)', () => {
  it('replays one claim, writes the three report files, and passes against an equal baseline', () => {
    const dir = mkdtempSync(join(tmpdir(), 'matmem-verify-'));
    const r = runCli(['verify', '--claim', 'eq-13.fmm', '--runs', '20', '--out', dir, '--baseline', 'verdicts.baseline.json', '--json']);
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
