/**
 * examples/extend as a researcher uses it: matmem installed from its `npm pack` tarball into the
 * example project, then both ways of checking their own derivation and claim:
 *  - vitest with matmem/vitest's matchers (and `tsc` over the project: the shipped types work);
 *  - the CLI: `verify --load my-proofs` gives the typo step `fails` and the claim `holds`, and the
 *    baseline guard, with a baseline made from the corrected derivation, exits 1 naming the step.
 * Also the small install: `npm install --omit=optional` (no TF.js, no Dawn) then `matmem verify`.
 * npm installs from its cache when it can (--prefer-offline): the packages are those matmem's own
 * install fetched.
 */
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docBlock, shellLines } from '../helpers/doc-blocks.ts';

const root = join(import.meta.dirname, '..', '..');
const work = mkdtempSync(join(tmpdir(), 'matmem-extend-'));
const project = join(work, 'extend');
let tarball = '';

function sh(cmd: string, args: string[], cwd: string, opts: SpawnSyncOptions = {}) {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', timeout: 600_000, maxBuffer: 1 << 28, env: { ...process.env, FORCE_COLOR: '0', MATMEM_FROM_SOURCE: '' }, ...opts });
  return { code: r.status ?? -1, stdout: String(r.stdout ?? ''), stderr: `${String(r.stderr ?? '')}${r.signal ? ` (killed by ${r.signal})` : ''}${r.error ? ` (${r.error.message})` : ''}` };
}
const npm = (args: string[], cwd: string) => sh('npm', ['--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error', ...args], cwd);

beforeAll(() => {
  const packed = npm(['pack', '--pack-destination', work], root);
  expect(packed.code, packed.stderr).toBe(0);
  tarball = join(work, readdirSync(work).find((f) => f.endsWith('.tgz'))!);
  cpSync(join(root, 'examples', 'extend'), project, { recursive: true, filter: (p) => !p.includes('node_modules') });
  const installed = npm(['install', tarball], project);
  expect(installed.code, installed.stderr).toBe(0);
}, 600_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('examples/extend, installed from npm pack', () => {
  it("its vitest suite passes (docs/api.md's suite, word for word): step 1 holds, the typo in step 2 is caught, the claim holds", () => {
    expect(docBlock('docs/api.md', 'vitest-suite').code).toBe(readFileSync(join(project, 'test', 'my-proofs.test.ts'), 'utf8'));
    const r = sh(process.execPath, [join(project, 'node_modules', 'vitest', 'vitest.mjs'), 'run'], project);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/4 passed/);
  });

  it('its TypeScript compiles against the shipped types', () => {
    const r = sh(process.execPath, [join(project, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', '.'], project);
    expect(r.code, r.stdout + r.stderr).toBe(0);
  });

  it('import("matmem") lists the API in plain Node', () => {
    const r = sh(process.execPath, ['-e', "import('matmem').then(m => console.log(Object.keys(m).join(' ')))"], project);
    expect(r.code, r.stderr).toBe(0);
    for (const name of ['verify', 'claims', 'arbitraries', 'exactFisherMemoryCurve', 'paperFisherMemoryCurve', 'defineClaim', 'defineDerivation']) expect(r.stdout.trim().split(' ')).toContain(name);
  });

  it('verify --load gives the typo step fails and the claim holds, with replays that load the folder', () => {
    const r = sh(join(project, 'node_modules', '.bin', 'matmem'), ['verify', '--load', 'my-proofs', '--runs', '20', '--no-files', '--json'], project);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as { claims: { id: string; results: { model: string; verdict: string }[] }[]; derivations: { id: string; steps: { index: number; verdict: string; replay: string }[] }[] };
    const mine = report.derivations.find((d) => d.id === 'my.transpose-of-product')!;
    expect(mine.steps.map((s) => s.verdict)).toEqual(['holds', 'fails']);
    expect(mine.steps[1].replay).toBe('matmem verify --step my.transpose-of-product#2 --seed 1 --runs 20 --load my-proofs');
    expect(report.claims.find((c) => c.id === 'my.exact-capacity-is-input-fisher')!.results).toEqual([expect.objectContaining({ model: 'exact', verdict: 'holds' })]);
  });

  it('the guard: a baseline of the corrected derivation, then the typo: exit 1 naming the step', () => {
    const file = join(project, 'my-proofs', 'transpose-of-product.ts');
    const withTypo = readFileSync(file, 'utf8');
    const corrected = withTypo.replace("t(F, v.m('U')), t(F, v.m('V'))), // TYPO", "t(F, v.m('V')), t(F, v.m('U'))), // TYPO").replace("M.transpose(v.m('U')), M.transpose(v.m('V'))), // TYPO", "M.transpose(v.m('V')), M.transpose(v.m('U'))), // TYPO");
    expect(corrected).not.toBe(withTypo);
    const bin = join(project, 'node_modules', '.bin', 'matmem');
    const args = ['verify', '--load', 'my-proofs', '--runs', '20', '--no-files'];
    writeFileSync(file, corrected);
    const made = sh(bin, [...args, '--write-baseline', 'baseline.json'], project);
    writeFileSync(file, withTypo);
    expect(made.code, made.stderr).toBe(0);
    const guarded = sh(bin, [...args, '--baseline', 'baseline.json'], project);
    expect(guarded.code, guarded.stderr).toBe(1);
    expect(guarded.stderr).toMatch(/my\.transpose-of-product#2: holds → fails/);
  });
});

describe('the small install', () => {
  it('npm install --omit=optional brings no TF.js or Dawn, and matmem verify runs', () => {
    const bare = join(work, 'bare');
    mkdirSync(bare);
    writeFileSync(join(bare, 'package.json'), JSON.stringify({ name: 'bare', private: true, type: 'module' }));
    const installed = npm(['install', '--omit=optional', tarball], bare);
    expect(installed.code, installed.stderr).toBe(0);
    expect(existsSync(join(bare, 'node_modules', '@tensorflow'))).toBe(false);
    expect(existsSync(join(bare, 'node_modules', 'webgpu'))).toBe(false);
    const r = sh(join(bare, 'node_modules', '.bin', 'matmem'), ['verify', '--runs', '20', '--no-files'], bare);
    expect(r.code, r.stderr).toBe(0);
    // and training on a TF.js backend says what to install
    const t = sh(join(bare, 'node_modules', '.bin', 'matmem'), ['train', 'copy', '--backend', 'cpu', '--iterations', '1', '--out', join(bare, 't')], bare);
    expect(t.code).toBe(2);
    expect(t.stderr).toMatch(/npm install @tensorflow\/tfjs/);
  });
});

describe("the README's extension recipe, word for word", () => {
  it('in a new folder beside a clone of matmem: the install, the copied units, and verify --fail-on on the claim (exit 0: it holds)', () => {
    const lines = shellLines(docBlock('README.md', 'extend'));
    // the one value the reader supplies: where their clone of matmem is
    expect(lines[0]).toMatch(/^MATMEM=\S+$/);
    const script = ['set -euo pipefail', `MATMEM=${JSON.stringify(root)}`, ...lines.slice(1)].join('\n');
    const home = join(work, 'readme-recipe');
    mkdirSync(home);
    const r = sh('bash', ['-c', script], home, { env: { ...process.env, FORCE_COLOR: '0', MATMEM_FROM_SOURCE: '', npm_config_prefer_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false' } });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/my\.exact-capacity-is-input-fisher\s+—\s+holds/);
    // and the gate works: the same command exits 1 when the claim fails (its exact model's tolerance made impossible)
    const claimFile = join(home, 'my-study', 'my-proofs', 'exact-capacity.ts');
    const text = readFileSync(claimFile, 'utf8');
    const wrong = text.replace('b: inputFisherInformation(c), what', 'b: 2 * inputFisherInformation(c), what');
    expect(wrong).not.toBe(text);
    writeFileSync(claimFile, wrong);
    const gate = sh('bash', ['-c', lines[lines.length - 1]], join(home, 'my-study'));
    expect(gate.code, gate.stdout + gate.stderr).toBe(1);
    expect(gate.stdout).toMatch(/my\.exact-capacity-is-input-fisher\s+—\s+fails/);
  }, 600_000);
});
