/**
 * matmem as a newcomer gets it, end to end (issue 28, Deliver 1 and 2):
 *  1. a fresh `git clone` of this repository (its committed HEAD: in CI, the submitted commit) and
 *     `npm install --omit=optional`: no TF.js, no Dawn, and `prepare` still builds dist/;
 *  2. there, `npx matmem verify` gives the committed baseline's verdicts, the library import tests
 *     pass (docs/api.md's programs importing 'matmem' print what the page says; matmem/vitest loads),
 *     and a TF.js backend names what to install;
 *  3. `npm publish --dry-run` passes, and the packed tarball installs in an empty folder, where every
 *     example of every --help text that runs in minutes runs (input files such as
 *     examples/normal-real.json are read from the package).
 * The full install (`npm ci` with the optional packages) is the one .ci/run itself makes from a clean
 * clone. npm takes the registry's packages from its cache when it has them (--prefer-offline).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsExamplesWithOutput } from '../helpers/doc-examples.ts';
import { helpCommands, helpExamples, whyNotRunnable } from '../helpers/help-examples.ts';
import { npm, run, shell } from '../helpers/package-shell.ts';
import { docBlock, shellLines } from '../helpers/doc-blocks.ts';

const root = join(import.meta.dirname, '..', '..');
const work = mkdtempSync(join(tmpdir(), 'matmem-clean-clone-'));
const clone = join(work, 'matmem');
let installed = { code: -1, stdout: '', stderr: '' };
/** Each step runs whole installs or full verify runs: minutes on a loaded 2-core machine. */
const STEP_TIMEOUT_MS = 600_000;

beforeAll(() => {
  const cloned = run('git', ['clone', '--quiet', '--no-hardlinks', root, clone], work);
  expect(cloned.code, cloned.stderr).toBe(0);
  installed = npm(['install', '--omit=optional', '--foreground-scripts'], clone);
}, 900_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('a fresh clone, npm install --omit=optional', () => {
  it('installs without TF.js and Dawn, and prepare builds dist/ without their types', () => {
    expect(installed.code, installed.stdout + installed.stderr).toBe(0);
    expect(existsSync(join(clone, 'node_modules', '@tensorflow'))).toBe(false);
    expect(existsSync(join(clone, 'node_modules', 'webgpu'))).toBe(false);
    expect(existsSync(join(clone, 'dist', 'BUILD.json'))).toBe(true);
    expect(existsSync(join(clone, 'dist', 'src', 'cli', 'main.js'))).toBe(true);
    expect(installed.stderr).toContain('matmem build: built without the types of the optional @tensorflow/tfjs, @tensorflow/tfjs-backend-wasm, @tensorflow/tfjs-backend-webgpu, webgpu');
  }, STEP_TIMEOUT_MS);

  it("npx matmem verify runs and every verdict equals the committed baseline's", () => {
    const r = run('npx', ['matmem', 'verify'], clone);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(readFileSync(join(clone, 'matmem-report', 'report.json'), 'utf8')) as { claims: { id: string; results: { model: string; verdict: string }[] }[] };
    const baseline = JSON.parse(readFileSync(join(clone, 'verdicts.baseline.json'), 'utf8')) as { verdicts: Record<string, string> };
    const computed = Object.fromEntries(report.claims.flatMap((c) => c.results.map((res) => [`${c.id}/${res.model}`, res.verdict])));
    expect(Object.keys(computed).length).toBeGreaterThan(30);
    expect(computed).toEqual(Object.fromEntries(Object.keys(computed).map((key) => [key, baseline.verdicts[key]])));
    expect(existsSync(join(clone, 'matmem-report', 'report.html'))).toBe(true);
  }, STEP_TIMEOUT_MS);

  it("the library import tests pass in plain Node: docs/api.md's programs importing 'matmem', and matmem/vitest", () => {
    // (vitest itself cannot run here: --omit=optional also leaves out its bundler's native binding)
    const examples = jsExamplesWithOutput(readFileSync(join(clone, 'docs', 'api.md'), 'utf8'));
    expect(examples.length).toBeGreaterThanOrEqual(5);
    const dir = join(clone, '.api-examples');
    mkdirSync(dir);
    const differing = examples.flatMap((e, i) => {
      const file = join(dir, `example-${i}.mjs`);
      writeFileSync(file, e.code);
      const r = run(process.execPath, [file], dir);
      return r.code === 0 && r.stderr === '' && r.stdout.trim() === e.output.trim() ? [] : [`docs/api.md line ${e.line}: exit ${r.code}, ${r.stderr.trim() || r.stdout.trim()}`];
    });
    expect(differing).toEqual([]);
    const vitestEntry = run(process.execPath, ['--input-type=module', '-e', "const m = await import('matmem/vitest'); console.log(Object.keys(m).sort().join(' '))"], clone);
    expect(vitestEntry.code, vitestEntry.stderr).toBe(0);
    expect(vitestEntry.stdout.trim().split(' ')).toEqual(expect.arrayContaining(['judge', 'matchers', 'test']));
  }, STEP_TIMEOUT_MS);

  it('training on a TF.js backend says what to install; the fused engine needs nothing more', () => {
    const tf = run('npx', ['matmem', 'train', 'copy', '--backend', 'cpu', '--iterations', '1', '--out', join(work, 'tf-run')], clone);
    expect(tf.code).toBe(2);
    expect(tf.stderr).toMatch(/backend cpu needs TF\.js, an optional dependency that is not installed: npm install @tensorflow\/tfjs /);
    expect(existsSync(join(work, 'tf-run'))).toBe(false);
    const fused = run('npx', ['matmem', 'train', 'recall', '--model', 'matrnn', '--backend', 'fused', '--iterations', '0', '--json'], clone);
    expect(fused.code, fused.stderr).toBe(0);
    expect(JSON.parse(fused.stdout)).toMatchObject({ backend: 'fused' });
  }, STEP_TIMEOUT_MS);
});

describe('the package', () => {
  let tarball = '';

  it('npm publish --dry-run passes: not private, examples/ and the baseline shipped, no warning but the missing login', () => {
    const r = npm(['publish', '--dry-run'], clone);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^\+ matmem@\d+\.\d+\.\d+$/m);
    const files = [...r.stderr.matchAll(/^npm notice [\d.]+k?M?B (\S+)$/gm)].map((m) => m[1]);
    expect(files).toEqual(expect.arrayContaining(['examples/normal-real.json', 'examples/small-3x3.json', 'verdicts.baseline.json', 'scripts/build.mjs', 'dist/src/index.js', 'bin/matmem.js']));
    expect(files.filter((f) => f.startsWith('src/') || f.startsWith('test/'))).toEqual([]);
    // the one warning left is that nobody is logged in to the registry (a dry run needs no login)
    const warnings = r.stderr.split('\n').filter((l) => /^npm warn/.test(l));
    expect(warnings.filter((l) => !/requires you to be logged in/.test(l))).toEqual([]);
  }, STEP_TIMEOUT_MS);

  it('npm pack makes the tarball; it installs in an empty folder with dist/ built, where prepare has nothing to do', () => {
    // the dry run's prepare has just built dist/: no need to build it a third time
    const packed = npm(['pack', '--ignore-scripts', '--pack-destination', work], clone);
    expect(packed.code, packed.stderr).toBe(0);
    tarball = join(work, readdirSync(work).find((f) => f.endsWith('.tgz'))!);
    const user = join(work, 'user');
    mkdirSync(user);
    writeFileSync(join(user, 'package.json'), JSON.stringify({ name: 'user', private: true, type: 'module' }));
    const r = npm(['install', '--omit=optional', tarball], user);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    // npm 11 lists a tarball's prepare for review (it never runs it for a tarball); nothing else is said
    const warnings = r.stderr.split('\n').filter((l) => /^npm (warn|error)/.test(l) && !/^npm warn install-scripts/.test(l));
    expect(warnings).toEqual([]);
    const pkg = join(user, 'node_modules', 'matmem');
    expect(existsSync(join(pkg, 'examples', 'normal-real.json'))).toBe(true);
    const stamp = readFileSync(join(pkg, 'dist', 'BUILD.json'), 'utf8');
    const prepare = run(process.execPath, [join('scripts', 'build.mjs')], pkg);
    expect(prepare.code, prepare.stderr).toBe(0);
    expect(readFileSync(join(pkg, 'dist', 'BUILD.json'), 'utf8')).toBe(stamp);
  }, STEP_TIMEOUT_MS);

  it('every example of every --help text that runs in minutes runs from the empty folder', () => {
    const user = join(work, 'user');
    expect(tarball).not.toBe('');
    const main = shell('matmem --help', user);
    expect(main.code, main.stderr).toBe(0);
    const commands = helpCommands(main.stdout);
    expect(commands).toEqual(expect.arrayContaining(['fmc', 'simulate', 'verify', 'figure', 'train', 'experiment']));
    const examples = [...helpExamples(main.stdout)];
    for (const command of commands) {
      const help = shell(`matmem ${command} --help`, user);
      expect(help.code, help.stderr).toBe(0);
      examples.push(...helpExamples(help.stdout));
    }
    const runnable = examples.filter((e) => whyNotRunnable(e) === null);
    expect(runnable).toEqual(expect.arrayContaining(['npx matmem fmc --case examples/normal-real.json --model all --k 60 --json', 'npx matmem verify --baseline verdicts.baseline.json --json']));
    const failed = runnable.flatMap((example) => {
      const r = shell(example, user);
      return r.code === 0 ? [] : [`${example}: exit ${r.code}: ${r.stderr.trim().split('\n').slice(-3).join(' | ')}`];
    });
    expect(failed).toEqual([]);
    // the input files came from the package, the outputs went to the empty folder
    expect(readFileSync(join(user, 'fig2.svg'), 'utf8')).toMatch(/^<svg/);
    expect(JSON.parse(readFileSync(join(user, 'fig4.json'), 'utf8')).figure).toBe(4);
  }, STEP_TIMEOUT_MS);
});

describe("the README's first two commands, word for word, in another fresh clone", () => {
  it('npm install (the optional packages too), then npx matmem verify: exit 0 and the report to open', () => {
    const lines = shellLines(docBlock('README.md', 'start'));
    expect(lines).toEqual(['npm install', 'npx matmem verify']);
    const second = join(work, 'readme-start');
    const cloned = run('git', ['clone', '--quiet', '--no-hardlinks', root, second], work);
    expect(cloned.code, cloned.stderr).toBe(0);
    for (const line of lines) {
      // the registry's packages from npm's cache where it has them (those of the checkout's own install)
      const r = run('bash', ['-c', line], second, { extraEnv: { npm_config_prefer_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false' } });
      expect(r.code, `${line}: ${r.stdout.slice(-2000)}${r.stderr.slice(-2000)}`).toBe(0);
    }
    expect(existsSync(join(second, 'node_modules', '@tensorflow', 'tfjs'))).toBe(true);
    expect(existsSync(join(second, 'matmem-report', 'report.html'))).toBe(true);
  }, 900_000);
});
