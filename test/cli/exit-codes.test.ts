/**
 * The exit-code contract: 1 is a verdict (a check failed or regressed), 2 bad input, 3 an internal
 * error, 4 a researcher's own --load code — never confused; the README and docs/architecture.md list
 * every code.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import * as common from '../../src/cli/common.ts';
import { EXIT_BAD_INPUT, EXIT_INTERNAL, EXIT_USER_CODE, reportFailure } from '../../src/cli/common.ts';
import { InputError, UserCodeError } from '../../src/errors.ts';
import { NonConvergenceError } from '../../src/linalg/nonsymmetric-eigen.ts';

describe('reportFailure', () => {
  it('an internal error (a bug) exits 3 with one line that says so; bad input exits 2', () => {
    const lines: string[] = [];
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => {
      lines.push(String(s));
      return true;
    });
    try {
      expect(reportFailure(new TypeError("Cannot read properties of undefined (reading 'x')"))).toBe(EXIT_INTERNAL);
      expect(EXIT_INTERNAL).toBe(3);
      expect(lines.join('')).toMatch(/^matmem: internal error \(exit 3; please report it/);
      expect(lines.join('').trim().split('\n')).toHaveLength(1);
      lines.length = 0;
      expect(reportFailure(new InputError('--k must be ≥ 1, got 0'))).toBe(EXIT_BAD_INPUT);
      expect(lines.join('')).toBe('matmem: --k must be ≥ 1, got 0\n');
      lines.length = 0;
      // eigenvalues that do not converge are a property of the input case, reported as such (exit 2)
      expect(reportFailure(new NonConvergenceError(4, 300))).toBe(EXIT_BAD_INPUT);
      expect(lines.join('')).toMatch(/^matmem: the Hessenberg QR iteration did not converge after 300 iterations .* 4×4 matrix; the model is undefined for this case/);
      expect(lines.join('').trim().split('\n')).toHaveLength(1);
    } finally {
      spy.mockRestore();
    }
  });

  it("a failure of the user's --load code exits 4 with its one line (its message's line breaks joined)", () => {
    const lines: string[] = [];
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => {
      lines.push(String(s));
      return true;
    });
    try {
      expect(reportFailure(new UserCodeError('--load: my/unit.js could not be imported: Transform failed\n  at line 3'))).toBe(EXIT_USER_CODE);
      expect(EXIT_USER_CODE).toBe(4);
      expect(lines.join('')).toBe('matmem: --load: my/unit.js could not be imported: Transform failed at line 3\n');
    } finally {
      spy.mockRestore();
    }
  });
});

describe('the documented exit codes', () => {
  const codes = Object.entries(common)
    .filter(([k]) => k.startsWith('EXIT_'))
    .map(([, v]) => v as number)
    .sort();
  const tableCodes = (text: string) => [...text.matchAll(/^\| \*{0,2}(\d)\*{0,2} \| /gm)].map((m) => Number(m[1]));

  it('the CLI defines 0 to 4', () => expect(codes).toEqual([0, 1, 2, 3, 4]));

  it("the README's exit-code table and docs/architecture.md's contract list every code once", () => {
    const root = join(import.meta.dirname, '..', '..');
    for (const file of ['README.md', 'docs/architecture.md']) expect(tableCodes(readFileSync(join(root, file), 'utf8')), file).toEqual(codes);
  });
});


describe('a reader that stops early', () => {
  it('`matmem --help | head -1` ends quietly with exit 0, not in an internal error (EPIPE)', async () => {
    const { spawnSync } = await import('node:child_process');
    const root = join(import.meta.dirname, '..', '..');
    // the shell's pipe: head reads one line and closes it while matmem still writes
    const r = spawnSync('bash', ['-c', `node "${join(root, 'bin', 'matmem.js')}" verify --help | head -1; echo "matmem exit \${PIPESTATUS[0]}" >&2`], { encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' } });
    expect(r.stdout).toBe('Usage: matmem verify [options]\n');
    expect(r.stderr).not.toMatch(/internal error/);
    expect(r.stderr).toMatch(/matmem exit 0/);
  });
});
