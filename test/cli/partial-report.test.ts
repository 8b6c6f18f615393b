/**
 * A partial run (verify --claim, --step, --path) never replaces a whole run's report silently
 * (src/cli/partial-report.ts): without --out it writes its own folder; an --out that holds a whole
 * run's report is refused (exit 2) unless --force. The whole report here is a report.json whose
 * `scope` says "full" (what holdsFullReport reads), so that the test needs no 20-second whole run.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.ts';

function wholeReport(dir: string): string {
  mkdirSync(dir, { recursive: true });
  const text = JSON.stringify({ scope: { kind: 'full' }, claims: [{ id: 'a' }, { id: 'b' }], modelChecks: [] });
  writeFileSync(join(dir, 'report.json'), text);
  return text;
}

describe('a partial run beside a whole report', () => {
  it('without --out writes its own folder and leaves ./matmem-report as it was', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'matmem-partial-'));
    const before = wholeReport(join(cwd, 'matmem-report'));
    const r = runCli(['verify', '--claim', 'eq-13.fmm', '--runs', '20'], { cwd });
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(join(cwd, 'matmem-report', 'report.json'), 'utf8')).toBe(before);
    const own = JSON.parse(readFileSync(join(cwd, 'matmem-report-eq-13.fmm', 'report.json'), 'utf8'));
    expect(own.scope).toEqual({ kind: 'partial', claim: 'eq-13.fmm' });
    expect(own.claims.map((c: { id: string }) => c.id)).toEqual(['eq-13.fmm']);
  });

  it('with --out at a whole report: refused (exit 2, naming --force), the report unchanged; --force replaces it', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'matmem-partial-')), 'whole');
    // a report matmem wrote (the output guard replaces only its own), marked as a whole run's
    expect(runCli(['verify', '--claim', 'eq-13.fmm', '--runs', '20', '--out', dir]).code).toBe(0);
    const before = JSON.stringify({ ...JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')), scope: { kind: 'full' } });
    writeFileSync(join(dir, 'report.json'), before);
    const r = runCli(['verify', '--claim', 'eq-13.fmm', '--runs', '20', '--out', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('holds the report of a whole verify');
    expect(r.stderr).toContain('--force');
    expect(readFileSync(join(dir, 'report.json'), 'utf8')).toBe(before);
    const forced = runCli(['verify', '--claim', 'eq-13.fmm', '--runs', '20', '--out', dir, '--force']);
    expect(forced.code, forced.stderr).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')).scope).toEqual({ kind: 'partial', claim: 'eq-13.fmm' });
  });

  it('a replayed case (--path) writes its own …-replay folder', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'matmem-partial-'));
    const before = wholeReport(join(cwd, 'matmem-report'));
    const r = runCli(['verify', '--claim', 'corollary-2.1', '--seed', '1', '--path', '0', '--model', 'exact'], { cwd });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('replay of the case at path 0');
    expect(readFileSync(join(cwd, 'matmem-report', 'report.json'), 'utf8')).toBe(before);
    expect(existsSync(join(cwd, 'matmem-report-corollary-2.1-replay', 'report.json'))).toBe(true);
  });
});
