/**
 * The bad-input corpus (test/cli/corpus/, as data: input, exit code, message fragment, files that
 * must stay unchanged): every command fed what a new user gets wrong. Each input must end with its
 * exit code (2, or 4 when the user's own --load code failed) and one line on stderr naming the
 * problem, nothing on stdout under --json, no file written (the command runs in an empty folder of
 * its own, and the fixtures folder is compared before and after, content and modification time),
 * the files it names as unchanged byte-for-byte the same, and within 10 s: checks happen before any
 * long work.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { lstatSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeBasicFixtures } from './corpus/fixtures.ts';
import { makeRecordFixtures } from './corpus/fixtures-records.ts';
import { makeUnitFixtures } from './corpus/fixtures-units.ts';
import type { BadInput, Fixtures } from './corpus/types.ts';
import { fmcInputs } from './corpus/fmc.ts';
import { simulateInputs } from './corpus/simulate.ts';
import { verifyInputs } from './corpus/verify.ts';
import { trainInputs } from './corpus/train.ts';
import { figureInputs } from './corpus/figure.ts';
import { experimentInputs } from './corpus/experiment.ts';
import { evalInputs } from './corpus/eval.ts';
import { traceInputs } from './corpus/trace.ts';
import { topInputs } from './corpus/top.ts';
import { specialFileInputs } from './corpus/special-files.ts';
import { overwriteInputs } from './corpus/overwrite.ts';
import { recordInputs } from './corpus/records.ts';
import { caseInputs } from './corpus/cases.ts';
import { numberInputs } from './corpus/numbers.ts';
import { optionInputs } from './corpus/options.ts';
import { userCodeInputs } from './corpus/user-code.ts';

const root = join(import.meta.dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'matmem-bad-fixtures-'));
const fx: Fixtures = { dir, f: (name) => join(dir, name), npy: (name) => join(root, 'test', 'io', 'fixtures', name) };

const groups: [string, (fx: Fixtures) => BadInput[]][] = [
  ['fmc', fmcInputs],
  ['simulate', simulateInputs],
  ['verify', verifyInputs],
  ['train', trainInputs],
  ['figure', figureInputs],
  ['experiment', experimentInputs],
  ['eval', evalInputs],
  ['trace', traceInputs],
  ['matmem', topInputs],
  ['special files', specialFileInputs],
  ['outputs that would clobber', overwriteInputs],
  ['records read back', recordInputs],
  ['case and matrix files', caseInputs],
  ['numbers', numberInputs],
  ['options', optionInputs],
  ['--load units', userCodeInputs],
];

/** Every entry under a folder (not following links): a regular file's size, mtime and (below 1 MiB) content hash; others their kind. */
function snapshot(folder: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of readdirSync(d)) {
      const p = join(d, e);
      const st = lstatSync(p);
      if (st.isDirectory()) walk(p);
      else if (st.isFile()) out[p] = `${st.size}:${st.mtimeMs}:${st.size < 1 << 20 ? createHash('sha256').update(readFileSync(p)).digest('hex') : ''}`;
      else out[p] = st.isSymbolicLink() ? 'link' : st.isFIFO() ? 'fifo' : 'other';
    }
  };
  walk(folder);
  return out;
}

function fileState(path: string): string {
  const st = lstatSync(path);
  return `${st.size}:${st.mtimeMs}:${createHash('sha256').update(readFileSync(path)).digest('hex')}`;
}

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
  ms: number;
  cwd: string;
}

function run(input: BadInput, cwd: string): Promise<Outcome> {
  const args = [...input.args, ...(input.noJson || input.args.includes('--help') ? [] : ['--json'])];
  return new Promise((resolve) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [join(root, 'bin', 'matmem.js'), ...args], { cwd, env: { ...process.env, FORCE_COLOR: '0', ...input.env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? -1, stdout, stderr, ms: performance.now() - t0, cwd });
    });
  });
}

const key = (group: string, input: BadInput) => `${group}: ${input.what}`;
let before: Record<string, string>;
const unchangedBefore = new Map<string, string>();
const results = new Map<string, Outcome>();

beforeAll(async () => {
  makeBasicFixtures(fx);
  makeRecordFixtures(fx);
  makeUnitFixtures(fx);
  before = snapshot(dir);
  const all = groups.flatMap(([g, inputs]) => inputs(fx).map((input) => ({ key: key(g, input), input })));
  for (const { input } of all) for (const u of input.unchanged ?? []) unchangedBefore.set(u, fileState(fx.f(u)));
  // the whole corpus, three at a time, each input in an empty folder of its own
  let next = 0;
  await Promise.all(
    Array.from({ length: 3 }, async () => {
      while (next < all.length) {
        const item = all[next++];
        results.set(item.key, await run(item.input, mkdtempSync(join(tmpdir(), 'matmem-bad-cwd-'))));
      }
    }),
  );
}, 1_800_000);

afterAll(() => {
  // the fixtures (inputs, experiments, train folders, shards, units) were never touched, and nothing was added
  const after = snapshot(dir);
  const changed = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => before[k] !== after[k]);
  expect(changed).toEqual([]);
});

describe('the bad-input corpus', () => {
  it('has at least 400 inputs, in every category of issue 31', () => {
    const sizes = groups.map(([g, inputs]) => [g, inputs(fx).length] as const);
    expect(sizes.reduce((s, [, n]) => s + n, 0)).toBeGreaterThanOrEqual(400);
    for (const [g, n] of sizes) expect(n, g).toBeGreaterThan(0);
    const names = groups.flatMap(([g, inputs]) => inputs(fx).map((i) => key(g, i)));
    expect(new Set(names).size, 'every input has its own name').toBe(names.length);
  });

  for (const [g, inputs] of groups) {
    describe(g, () => {
      for (const input of inputs(fx)) {
        const code = input.code ?? 2;
        it(`${input.what}: exit ${code}, one line naming it, no stdout, nothing written${input.unchanged ? ', its target unchanged' : ''}, < 10 s`, () => {
          const r = results.get(key(g, input))!;
          const cmd = `matmem ${input.args.join(' ').slice(0, 300)}`;
          expect(r.code, `${cmd}\n${r.stderr}`).toBe(code);
          const lines = r.stderr.trim().split('\n');
          expect(lines, `${cmd}\n${r.stderr}`).toHaveLength(1);
          expect(lines[0], cmd).toMatch(input.message);
          expect(r.stderr, cmd).not.toMatch(/\n\s+at .*\(.*:\d+:\d+\)/);
          expect(r.stdout, cmd).toBe('');
          expect(readdirSync(r.cwd), cmd).toEqual([]);
          for (const u of input.unchanged ?? []) expect(fileState(fx.f(u)), `${cmd}: ${u}`).toBe(unchangedBefore.get(u));
          expect(r.ms, cmd).toBeLessThan(10_000);
        });
      }
    });
  }
});
