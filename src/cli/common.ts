/**
 * Shared plumbing for the command-line commands: exit codes, output discipline, error handling.
 * Contract (docs/architecture.md): with --json, stdout carries exactly one JSON document and human
 * text goes to stderr; exit 0 done, 1 a check failed / a verdict regressed, 2 bad input or usage,
 * 3 internal error (a bug in matmem: never a verdict), 4 a researcher's own --load unit failed.
 */
import { InputError, ModelUndefinedError, UserCodeError } from '../errors.ts';
import { isDecimalNumber } from '../io/decimal.ts';
import { NonConvergenceError } from '../linalg/nonsymmetric-eigen.ts';

export const EXIT_OK = 0;
export const EXIT_CHECK_FAILED = 1;
export const EXIT_BAD_INPUT = 2;
export const EXIT_INTERNAL = 3;
/** The user's own code under `verify --load` failed (named in the message); not a bug in matmem. */
export const EXIT_USER_CODE = 4;

/** Thrown inside a command to end it with a given exit code after printing nothing more. */
export class ExitRequest extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}

/** Human-readable progress and notes always go to stderr, so stdout stays machine-readable. */
export function note(message: string): void {
  process.stderr.write(message.endsWith('\n') ? message : `${message}\n`);
}

/** Print the command's single JSON document on stdout. */
export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** Map a thrown value to an exit code and a one-line message on stderr (never a stack trace). */
export function reportFailure(err: unknown): number {
  if (err instanceof ExitRequest) return err.code;
  if (err instanceof UserCodeError) {
    note(`matmem: ${oneLine(err.message)}`);
    if (process.env.MATMEM_DEBUG) note(String(err.stack ?? ''));
    return EXIT_USER_CODE;
  }
  if (err instanceof InputError || err instanceof ModelUndefinedError || err instanceof NonConvergenceError) {
    // non-convergence is a property of the input matrix (eigenvalues the QR iteration cannot separate), not a bug
    const hint = err instanceof NonConvergenceError ? '; the model is undefined for this case (perturb U or V slightly to compute it)' : '';
    note(`matmem: ${oneLine(err.message)}${hint}`);
    if (process.env.MATMEM_DEBUG) note(String(err.stack ?? ''));
    return EXIT_BAD_INPUT;
  }
  const e = err as { code?: string; message?: string };
  if (e && typeof e.code === 'string' && e.code.startsWith('commander.')) {
    // commander has already printed its own message (unknown option, missing argument, ...)
    return e.code === 'commander.helpDisplayed' || e.code === 'commander.version' ? EXIT_OK : EXIT_BAD_INPUT;
  }
  note(`matmem: internal error (exit 3; please report it, with MATMEM_DEBUG=1 for the stack): ${oneLine(e?.message ?? String(err))}`);
  if (process.env.MATMEM_DEBUG) note(String((err as Error)?.stack ?? ''));
  return EXIT_INTERNAL;
}

/** A message on one line (a thrown message may hold line breaks; the contract is one line). */
export function oneLine(message: string): string {
  return message.replace(/\s*\n\s*/g, ' ').trim();
}

/**
 * Parse an option value as a decimal number within bounds, or throw an InputError naming the option.
 * Only decimal notation (digits, a point, an exponent): "0x10", "0b1", "Infinity" and "" are refused.
 */
export function parseNumberOption(
  name: string,
  raw: string,
  opts: { integer?: boolean; min?: number; max?: number; exclusiveMin?: boolean } = {},
): number {
  const trimmed = String(raw).trim();
  const value = isDecimalNumber(trimmed) ? Number(trimmed) : NaN;
  if (!Number.isFinite(value)) {
    const how = /^[+-]?0[xob]/i.test(trimmed) ? ' written in decimal' : '';
    throw new InputError(`${name} must be a finite number${how}, got "${String(raw).slice(0, 40)}"`);
  }
  if (opts.integer && !Number.isInteger(value)) throw new InputError(`${name} must be an integer, got "${raw}"`);
  if (opts.min !== undefined) {
    if (opts.exclusiveMin ? value <= opts.min : value < opts.min) {
      throw new InputError(`${name} must be ${opts.exclusiveMin ? '>' : '≥'} ${opts.min}, got ${raw}`);
    }
  }
  if (opts.max !== undefined && value > opts.max) throw new InputError(`${name} must be ≤ ${opts.max}, got ${raw}`);
  return value;
}
