/** The exit-code contract: 1 is a verdict (a check failed or regressed), 2 bad input, 3 an internal error — never confused. */
import { describe, expect, it, vi } from 'vitest';
import { EXIT_BAD_INPUT, EXIT_INTERNAL, reportFailure } from '../../src/cli/common.ts';
import { InputError } from '../../src/errors.ts';
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
});
