/**
 * A researcher's own units (`verify --load DIR`) run their own code, and a failure there is theirs,
 * not matmem's: it ends the run with a UserCodeError (exit 4) naming the file and the problem.
 *
 * - Importing: the folder's files are first imported in a separate Node process with a time limit
 *   (`--load-timeout`), so that an import that throws, never settles, loops, or calls process.exit is
 *   reported by name instead of hanging or ending matmem silently; then they are imported here. A
 *   unit's top-level code therefore runs twice.
 * - Shape: each default export is checked against schemas/load-unit.schema.json (a claim needs an
 *   id, an order, a statement and a list of checks; a derivation its steps and their witnesses).
 * - Running: a claim's checks run with process.exit disabled and a time limit (`--check-timeout`,
 *   enforced by V8 even on a loop); a check that throws, or returns
 *   anything but a list of results (schemas/report.schema.json's result: a verdict among holds,
 *   fails, inconclusive), is reported with the claim and the check. A numeric witness of a
 *   derivation step that throws is reported the same way.
 */
import { spawnSync } from 'node:child_process';
import vm from 'node:vm';
import { InputError, UserCodeError } from '../errors.ts';
import { schemaViolation } from '../io/schema.ts';
import type { ClaimResult } from '../core/types.ts';
import type { Derivation, NumericWitnessSpec } from '../proof/types.ts';
import type { ClaimCheck, ClaimDefinition } from './unit.ts';

/** How long a unit folder's imports may take (seconds), unless --load-timeout says otherwise. */
export const DEFAULT_LOAD_TIMEOUT_SECONDS = 30;
/** How long one call of a user's check (or numeric witness function) may run (seconds), unless --check-timeout says otherwise. */
export const DEFAULT_CHECK_TIMEOUT_SECONDS = 600;

/** The time limits on a researcher's code. */
export interface UserCodeLimits {
  loadTimeoutSeconds: number;
  checkTimeoutSeconds: number;
}

export const DEFAULT_USER_CODE_LIMITS: UserCodeLimits = { loadTimeoutSeconds: DEFAULT_LOAD_TIMEOUT_SECONDS, checkTimeoutSeconds: DEFAULT_CHECK_TIMEOUT_SECONDS };

/**
 * Calls a user's function with a time limit on its synchronous run: it is started from a script of a
 * vm context with `timeout`, so V8 stops even a function that loops for ever.
 */
const sandbox = vm.createContext({});
function callWithTimeLimit<T>(fn: () => T, seconds: number, who: string): T {
  sandbox.__matmemCall = fn;
  try {
    return vm.runInContext('__matmemCall()', sandbox, { timeout: Math.round(seconds * 1000) }) as T;
  } catch (err) {
    if ((err as NodeJS.ErrnoException)?.code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') {
      throw new UserCodeError(`${who} did not return within ${seconds} s (it loops, or needs more time: --check-timeout SECONDS)`);
    }
    throw err;
  } finally {
    sandbox.__matmemCall = undefined;
  }
}

const MARK = '@@matmem-load-probe';

const PROBE = `
import { pathToFileURL } from 'node:url';
const files = JSON.parse(process.env.MATMEM_PROBE_FILES);
const say = (what, data) => process.stdout.write('\\n${MARK} ' + what + ' ' + JSON.stringify(data) + '\\n');
for (const file of files) {
  say('start', file);
  try {
    await import(pathToFileURL(file).href);
  } catch (e) {
    say('failed', { file, message: String((e && e.message) || e).split('\\n').filter((l) => l.trim() !== '').slice(0, 2).join(' ').slice(0, 300) });
    process.exit(0);
  }
  say('loaded', file);
}
say('all', files.length);
process.exit(0);
`;

function lastMark(stdout: string, what: string): unknown {
  const lines = stdout.split('\n').filter((l) => l.startsWith(`${MARK} ${what} `));
  return lines.length ? JSON.parse(lines[lines.length - 1].slice(MARK.length + what.length + 2)) : undefined;
}

/**
 * Imports the files in a separate process first (with `loader`, tsx's --import entry, for TypeScript);
 * throws a UserCodeError naming the file whose import throws, does not finish in time or ends the process.
 */
export function probeUnitImports(files: string[], timeoutSeconds: number, loader: string | null): void {
  if (files.length === 0) return;
  const args = [...(loader ? ['--import', loader] : []), '--input-type=module', '-e', PROBE];
  const r = spawnSync(process.execPath, args, {
    env: { ...process.env, MATMEM_PROBE_FILES: JSON.stringify(files) },
    timeout: timeoutSeconds * 1000,
    killSignal: 'SIGKILL',
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
    encoding: 'utf8',
  });
  const stdout = r.stdout ?? '';
  if (lastMark(stdout, 'all') !== undefined) return;
  const failed = lastMark(stdout, 'failed') as { file: string; message: string } | undefined;
  if (failed) throw new UserCodeError(`--load: ${failed.file} could not be imported: ${failed.message}`);
  const file = (lastMark(stdout, 'start') as string | undefined) ?? files[0];
  if (r.error && (r.error as NodeJS.ErrnoException).code === 'ETIMEDOUT') {
    throw new UserCodeError(`--load: ${file} did not finish loading within ${timeoutSeconds} s (its import loops or waits for something that never happens); fix it, or give it more time with --load-timeout SECONDS`);
  }
  if (r.status === 13) throw new UserCodeError(`--load: ${file} never finishes loading (its top-level await waits for a promise that never settles)`);
  if (r.status !== null) throw new UserCodeError(`--load: ${file} ended the process (process.exit(${r.status})) while being imported; a unit default-exports a claim or derivation and returns, it does not end matmem`);
  const why = (r.stderr ?? '').trim().split('\n').pop() ?? '';
  throw new UserCodeError(`--load: ${file} could not be imported (the process ended by ${r.signal ?? 'an error'}${why ? `: ${why.slice(0, 200)}` : ''})`);
}

/** Imports a unit here, with the same time limit for its promise to settle. */
export async function importUnit(file: string, url: string, timeoutSeconds: number): Promise<{ default?: unknown }> {
  noteUserFile(file);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new UserCodeError(`--load: ${file} did not finish loading within ${timeoutSeconds} s; fix it, or give it more time with --load-timeout SECONDS`)), timeoutSeconds * 1000);
  });
  try {
    return await withExitDisabled(`--load: ${file}`, () => Promise.race([import(url) as Promise<{ default?: unknown }>, timeout]));
  } catch (err) {
    if (err instanceof UserCodeError || err instanceof InputError) throw err;
    throw new UserCodeError(`--load: ${file} could not be imported: ${firstLines((err as Error)?.message ?? String(err))}`);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Runs `fn` with process.exit replaced by a throw naming `who` (the user's code must return, not end
 * the process); process.exit stays replaced afterwards, so a timer the code left behind cannot end
 * matmem silently either.
 */
export function withExitDisabled<T>(who: string, fn: () => T): T {
  disableExit();
  const previous = current;
  current = who;
  try {
    return fn();
  } finally {
    current = previous;
  }
}

let current: string | null = null;
let disabled = false;
/** process.exit as it was before a user's code could replace or be stopped from calling it. */
const realExit = process.exit.bind(process);

const loadedFiles = new Set<string>();

/** Records a unit file imported into this process (for blaming its asynchronous errors on it). */
export function noteUserFile(file: string): void {
  loadedFiles.add(file);
}

/**
 * An error thrown outside any call matmem made (a timer or promise left behind) whose stack runs
 * through a user's unit file: a UserCodeError naming the file; null when no unit file is on the stack.
 */
export function userCodeErrorFrom(err: unknown): UserCodeError | null {
  if (err instanceof UserCodeError) return err;
  const stack = String((err as Error)?.stack ?? '');
  const file = [...loadedFiles].find((f) => stack.includes(f));
  return file ? new UserCodeError(`--load: ${file}: a timer or promise it left behind threw ${describeError(err)}`) : null;
}

/** Whether a user's unit has been imported into this process (its timers may keep it alive). */
export function userCodeLoaded(): boolean {
  return disabled;
}

/** Ends the process with `code` (matmem's own exit, which user code cannot reach). */
export function endProcess(code: number): never {
  return realExit(code);
}

function disableExit(): void {
  if (disabled) return;
  disabled = true;
  process.exit = ((code?: number | string | null) => {
    throw new UserCodeError(`${current ?? 'a --load unit'} called process.exit(${code ?? ''}); a unit returns its results, it does not end matmem`);
  }) as typeof process.exit;
}

/** The first problem of a default export's shape (schemas/load-unit.schema.json), or null. */
export function unitShapeProblem(kind: 'claim' | 'derivation', unit: unknown): string | null {
  const bad = schemaViolation(`load-unit.schema.json#/$defs/${kind}`, unit, { values: true });
  return bad ? bad.message : null;
}

/** The first two lines of an error message (a loader's "Transform failed with 1 error:" needs its second), on one line. */
function firstLines(message: string): string {
  return message.split('\n').filter((l) => l.trim() !== '').slice(0, 2).join(' ').slice(0, 300);
}

function describeError(err: unknown): string {
  return err instanceof Error ? `${err.name === 'Error' ? '' : `${err.name}: `}${err.message.split('\n')[0]}` : `the ${typeof err} ${(JSON.stringify(err) ?? String(err)).slice(0, 60)} (not an Error)`;
}

/** A check of a user's claim that reports its own failures by name. */
function guardedCheck(check: ClaimCheck, claim: ClaimDefinition, file: string, seconds: number): ClaimCheck {
  const who = `--load: ${file}: claim ${claim.id}, check "${check.source}"`;
  return {
    source: check.source,
    run: (ctx, meta) => {
      let results: unknown;
      try {
        results = withExitDisabled(who, () => callWithTimeLimit(() => check.run(ctx, meta), seconds, who));
      } catch (err) {
        if (err instanceof UserCodeError || err instanceof InputError) throw err;
        throw new UserCodeError(`${who} threw ${describeError(err)}`);
      }
      if (results instanceof Promise) throw new UserCodeError(`${who} returned a promise; a check returns its results (an array) synchronously`);
      if (!Array.isArray(results)) throw new UserCodeError(`${who} returned ${JSON.stringify(results)?.slice(0, 40) ?? String(results)}, not an array of results`);
      for (const [i, r] of results.entries()) {
        const bad = schemaViolation('report.schema.json#/$defs/result', r, { values: true });
        if (bad) throw new UserCodeError(`${who}: result ${i + 1}: ${bad.message}`);
      }
      return results as ClaimResult[];
    },
  };
}

/** A user's claim whose checks report their own failures (see guardedCheck). */
export function guardUserClaim(claim: ClaimDefinition, file: string, checkTimeoutSeconds = DEFAULT_CHECK_TIMEOUT_SECONDS): ClaimDefinition {
  return { ...claim, checks: claim.checks.map((c) => guardedCheck(c, claim, file, checkTimeoutSeconds)) };
}

/** A user's derivation whose numeric witnesses report their own failures (algebraic sides that throw are already an inconclusive witness). */
export function guardUserDerivation(d: Derivation, file: string, checkTimeoutSeconds = DEFAULT_CHECK_TIMEOUT_SECONDS): Derivation {
  return {
    ...d,
    steps: d.steps.map((step, i) => ({
      ...step,
      witnesses: step.witnesses.map((w) => {
        if (w.type !== 'numeric') return w;
        const who = `--load: ${file}: derivation ${d.id} step ${i + 1}, numeric witness`;
        const wrap =
          <A extends unknown[], R>(name: string, fn: (...a: A) => R) =>
          (...a: A): R => {
            try {
              return withExitDisabled(who, () => callWithTimeLimit(() => fn(...a), checkTimeoutSeconds, `${who}: ${name}`));
            } catch (err) {
              if (err instanceof UserCodeError || err instanceof InputError) throw err;
              throw new UserCodeError(`${who}: ${name} threw ${describeError(err)}`);
            }
          };
        const n = w as NumericWitnessSpec<unknown>;
        return { ...n, generate: wrap('generate', n.generate), evaluate: wrap('evaluate', n.evaluate), describe: wrap('describe', n.describe) };
      }),
    })),
  };
}
