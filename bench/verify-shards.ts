/**
 * Benchmark: `matmem verify --runs R` unsharded against the same run as S shards (started together,
 * then `matmem merge`), on this machine, and through Slurm when a cluster answers (the shards as an
 * array job, the merge as a dependent job, examples/slurm/verify.sbatch with WAIT=1). Checks that each
 * merged report.json equals the unsharded one apart from "generated".
 *
 *   npx tsx bench/verify-shards.ts [--runs 2000] [--shards 2] [--no-slurm]
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { machineLoad } from './peer.ts';

const args = process.argv.slice(2);
const opt = (name: string, dflt: number) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : dflt);
const runs = opt('--runs', 2000);
const shards = opt('--shards', 2);
const root = join(import.meta.dirname, '..');
const bin = join(root, 'bin', 'matmem.js');
const dir = mkdtempSync(join(tmpdir(), 'matmem-shards-'));

function run(argv: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [bin, ...argv], { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    p.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    p.on('error', reject);
    p.on('exit', (code) => (code === 0 || code === 1 ? resolve(code) : reject(new Error(`matmem ${argv.join(' ')} exited ${code}: ${err.trim().split('\n').pop()}`))));
  });
}

function withoutGenerated(path: string): string {
  const r = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  delete r.generated;
  return JSON.stringify(r);
}

const seconds = (t: number) => ((performance.now() - t) / 1000).toFixed(1);
process.stdout.write(`verify --runs ${runs}, ${shards} shards; ${machineLoad().text}\n`);

let t = performance.now();
await run(['verify', '--runs', String(runs), '--out', join(dir, 'whole')]);
const whole = seconds(t);
process.stdout.write(`unsharded: ${whole} s\n`);

t = performance.now();
await Promise.all(Array.from({ length: shards }, (_, i) => run(['verify', '--runs', String(runs), '--shard', `${i + 1}/${shards}`, '--out', join(dir, 'shards')])));
const sharded = seconds(t);
t = performance.now();
await run(['merge', join(dir, 'shards'), '--out', join(dir, 'merged')]);
const merge = seconds(t);
const same = withoutGenerated(join(dir, 'whole', 'report.json')) === withoutGenerated(join(dir, 'merged', 'report.json'));
process.stdout.write(`${shards} shards at once: ${sharded} s, merge ${merge} s; merged report ${same ? 'equals' : 'DIFFERS FROM'} the unsharded one\n`);

const slurm = !args.includes('--no-slurm') && spawnSync('sinfo', ['-h'], { encoding: 'utf8' }).status === 0;
if (slurm) {
  t = performance.now();
  const out = join(dir, 'slurm');
  const r = spawnSync('bash', [join(root, 'examples', 'slurm', 'verify.sbatch')], {
    encoding: 'utf8',
    env: { ...process.env, SHARDS: String(shards), RUNS: String(runs), OUT: out, WAIT: '1', MATMEM: `${process.execPath} ${bin}` },
  });
  const slurmSeconds = seconds(t);
  const ok = r.status === 0 && withoutGenerated(join(out, 'report', 'report.json')) === withoutGenerated(join(dir, 'whole', 'report.json'));
  process.stdout.write(`Slurm array of ${shards} + merge job (sbatch --wait): ${slurmSeconds} s; merged report ${ok ? 'equals' : 'DIFFERS FROM'} the unsharded one\n`);
}
rmSync(dir, { recursive: true, force: true });
