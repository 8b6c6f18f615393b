/** verify --list (claims, then derivations with their step ids), --fail-on, and the terminal's wrapped lines. */
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.ts';
import { wrapped } from '../../src/cli/verify-output.ts';

describe('verify --list', () => {
  it('lists the claim ids and every derivation with the step ids --step takes', () => {
    const r = runCli(['verify', '--list', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as { claims: string[]; derivations: { id: string; steps: string[] }[] };
    expect(doc.claims).toContain('corollary-2.1');
    const t2 = doc.derivations.find((d) => d.id === 'theorem-2')!;
    expect(t2.steps[0]).toBe('theorem-2#1');
    expect(t2.steps.at(-1)).toBe(`theorem-2#${t2.steps.length}`);
    const text = runCli(['verify', '--list']);
    expect(text.stdout).toContain('derivations and their steps (--step ID#N):');
    expect(text.stdout).toContain(`theorem-2 (${t2.steps.length} steps: #1…#${t2.steps.length})`);
  });
});

describe('verify --fail-on', () => {
  it('exits 1 when a result of the run has a listed verdict, 0 when none has', () => {
    // Eq. 17 as printed (theorem-2 #6) fails; Lemma 2's first step holds
    const failing = runCli(['verify', '--step', 'theorem-2#6', '--no-files', '--fail-on', 'fails']);
    expect(failing.code, failing.stderr).toBe(1);
    expect(failing.stderr).toMatch(/--fail-on fails: 1 result\(s\) — theorem-2#6 fails/);
    const holding = runCli(['verify', '--step', 'lemma-2#2', '--no-files', '--fail-on', 'fails,inconclusive']);
    expect(holding.code, holding.stderr).toBe(0);
    const without = runCli(['verify', '--step', 'theorem-2#6', '--no-files']);
    expect(without.code).toBe(0);
  }, 120_000);

  it('refuses a verdict it does not know, before any work', () => {
    const r = runCli(['verify', '--fail-on', 'maybe']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe('matmem: --fail-on takes fails or inconclusive (comma separated), got "maybe"');
  });
});

describe('terminal lines', () => {
  it('are wrapped at word boundaries to the width, never cut', () => {
    const text = 'numeric: float64, case 1 (random convergent 3×3 cases: exactFisherMemoryCurve vs paperFisherMemoryCurve): lhs = rhs violated at component 0';
    const lines = wrapped(text, 4, 7, 60);
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(60);
    expect(lines[0].startsWith('    numeric:')).toBe(true);
    expect(lines.slice(1).every((l) => l.startsWith('       ') && !l.startsWith('        '))).toBe(true);
    expect(lines.map((l) => l.trim()).join(' ')).toBe(text);
  });
});
