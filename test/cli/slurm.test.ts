/**
 * On a real Slurm (a single-node cluster: .ci/install-slurm.sh): examples/slurm/verify.sbatch submits
 * verify as a 4-task array and the merge as a job that depends on it, waits (sbatch --wait), and the
 * merged report.json equals the unsharded run's apart from `generated`.
 * Under CI (CI set) a cluster that does not answer is a failure with the reason; elsewhere the test is
 * skipped with a message that names the install script.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.ts';
import { docBlock, shellLines } from '../helpers/doc-blocks.ts';

const root = join(import.meta.dirname, '..', '..');

/** Why Slurm cannot take a job here (null: it can). */
function slurmProblem(): string | null {
  const r = spawnSync('sinfo', ['-h', '-N', '-o', '%T'], { encoding: 'utf8', timeout: 15_000 });
  if (r.error) return `sinfo could not run (${(r.error as NodeJS.ErrnoException).code ?? r.error.message}): Slurm is not installed`;
  if (r.status !== 0) return `sinfo failed: ${(r.stderr || r.stdout).trim()}`;
  if (!/^(idle|mixed|allocated)/m.test(r.stdout)) return `no node takes jobs (sinfo: ${r.stdout.trim() || 'no nodes'})`;
  return null;
}

const problem = slurmProblem();
const underCi = process.env.CI !== undefined && !['', '0', 'false'].includes(process.env.CI.toLowerCase());
if (problem && !underCi) console.warn(`test/cli/slurm.test.ts skipped: ${problem}; start a single-node cluster with: bash .ci/install-slurm.sh`);

const dir = mkdtempSync(join(tmpdir(), 'matmem-slurm-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(problem !== null && !underCi)('verify on Slurm: a 4-task array and a dependent merge', () => {
  it('the cluster answers', () => {
    expect(problem, 'run bash .ci/install-slurm.sh before the tests').toBeNull();
  });

  it('examples/slurm/verify.sbatch: the merged report equals the unsharded one', () => {
    expect(problem).toBeNull();
    const out = join(dir, 'run');
    const env = { ...process.env, SHARDS: '4', RUNS: '20', OUT: out, WAIT: '1', MATMEM: `${process.execPath} ${join(root, 'bin', 'matmem.js')}` };
    const r = spawnSync('bash', [join(root, 'examples', 'slurm', 'verify.sbatch')], { cwd: dir, env, encoding: 'utf8', timeout: 900_000 });
    const logs = existsSync(join(out, 'logs')) ? ['merge.out', ...[1, 2, 3, 4].map((i) => `shard-${i}.out`)].map((f) => `${f}: ${existsSync(join(out, 'logs', f)) ? readFileSync(join(out, 'logs', f), 'utf8').slice(-600) : '(none)'}`).join('\n') : '';
    expect(r.status, `${r.stdout}${r.stderr}\n${logs}`).toBe(0);
    expect(r.stdout).toMatch(/submitted the shards: job \d+ \(array 1-4\)/);
    for (const i of [1, 2, 3, 4]) expect(existsSync(join(out, 'shards', `verify-shard-${i}-of-4.json`)), `shard ${i}\n${logs}`).toBe(true);
    expect(existsSync(join(out, 'report', 'report.json')), logs).toBe(true);
    const full = runCli(['verify', '--runs', '20', '--out', join(dir, 'full')], { timeoutMs: 600_000 });
    expect(full.code, full.stderr).toBe(0);
    const text = (p: string) => readFileSync(p, 'utf8').replace(/,\n {2}"generated": \{[^}]*\}/, '');
    expect(text(join(out, 'report', 'report.json'))).toBe(text(join(dir, 'full', 'report.json')));
  });
  it("the README's Slurm line: one property's cases cut into slices over the array, merged into the unsharded run", () => {
    expect(problem).toBeNull();
    const [line] = shellLines(docBlock('README.md', 'slurm'));
    const m = /^((?:[A-Z]+=\S+ )+)bash (examples\/slurm\/verify\.sbatch)$/.exec(line);
    expect(m, line).not.toBeNull();
    const given = Object.fromEntries(m![1].trim().split(' ').map((kv) => kv.split('=') as [string, string]));
    expect(Object.keys(given).sort()).toEqual(['CLAIM', 'RUNS', 'SHARDS', 'WAIT']);
    // the README's command with a size this machine runs in a minute: 2 shards of 2000 cases
    const out = join(dir, 'readme');
    const env = { ...process.env, ...given, SHARDS: '2', RUNS: '2000', OUT: out, MATMEM: `${process.execPath} ${join(root, 'bin', 'matmem.js')}` };
    const r = spawnSync('bash', [join(root, m![2])], { cwd: dir, env, encoding: 'utf8', timeout: 900_000 });
    expect(r.status, `${r.stdout}${r.stderr}`).toBe(0);
    const whole = runCli(['verify', '--claim', given.CLAIM, '--runs', '2000', '--out', join(dir, 'readme-whole')], { timeoutMs: 600_000 });
    expect(whole.code, whole.stderr).toBe(0);
    const text = (p: string) => readFileSync(p, 'utf8').replace(/,\n {2}"generated": \{[^}]*\}/, '');
    expect(text(join(out, 'report', 'report.json'))).toBe(text(join(dir, 'readme-whole', 'report.json')));
  });
});
