/**
 * Runs the regression guard on seeded typos: each typo is applied to a sandbox copy of matmem's
 * source (src, claims, proofs), `matmem verify --baseline` runs there against a baseline made
 * from the clean copy, and the typo is caught when the guard exits 1. Typos run two at a time,
 * each sandbox taking its share in turn (apply, run, restore).
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Typo {
  id: string;
  file: string;
  find: string;
  replace: string;
  kind: string;
  what: string;
  inFailingClaimOrStep: boolean;
  /** Shown equivalent (the same function): the reason, and the guard is not expected to see it. */
  equivalent?: string;
}

export interface TypoOutcome {
  typo: Typo;
  code: number;
  caught: boolean;
  /** The first lines of what the guard said. */
  said: string;
  seconds: number;
}

const root = join(import.meta.dirname, '..', '..');

/** A copy of what `matmem verify` runs (with node_modules linked). */
export function makeSandbox(): string {
  const dir = mkdtempSync(join(tmpdir(), 'matmem-typo-'));
  for (const p of ['src', 'proofs', 'properties', 'claims', 'schemas', 'bin', 'package.json', 'tsconfig.json']) cpSync(join(root, p), join(dir, p), { recursive: true });
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
}

function run(dir: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(dir, 'bin', 'matmem.js'), ...args], { cwd: dir, env: { ...process.env, FORCE_COLOR: '0' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

/**
 * The guard's arguments: a small but complete run (every claim, step and model check), on one thread:
 * the typos already run two at a time, and a second verify thread in each would load every module
 * again through tsx (8.5 s of CPU per run on one thread, 11.2 s on two).
 */
export function guardArgs(runs: number, seed: number, baseline: string): string[] {
  return ['verify', '--runs', String(runs), '--seed', String(seed), '--threads', '1', '--no-files', '--baseline', baseline];
}

export async function runTypos(typos: Typo[], opts: { runs: number; seed: number; parallel?: number; onOutcome?: (o: TypoOutcome) => void }): Promise<{ outcomes: TypoOutcome[]; baselineSeconds: number }> {
  const parallel = opts.parallel ?? 2;
  // every typo must apply (its text once in its file) before minutes go into the runs
  const stale = typos
    .map((t) => ({ t, count: readFileSync(join(root, t.file), 'utf8').split(t.find).length - 1 }))
    .filter(({ count }) => count !== 1)
    .map(({ t, count }) => `${t.id} (${count} times in ${t.file})`);
  if (stale.length > 0) throw new Error(`typos whose text to replace does not occur exactly once: ${stale.join(', ')}`);
  const boxes = Array.from({ length: Math.min(parallel, typos.length) }, () => makeSandbox());
  try {
    const baseline = join(boxes[0], 'baseline.json');
    const t0 = performance.now();
    const clean = await run(boxes[0], ['verify', '--runs', String(opts.runs), '--seed', String(opts.seed), '--threads', '1', '--no-files', '--write-baseline', baseline]);
    if (clean.code !== 0) throw new Error(`the clean copy did not verify (exit ${clean.code}): ${clean.stderr.slice(-500)}`);
    const baselineSeconds = (performance.now() - t0) / 1000;
    for (const box of boxes.slice(1)) writeFileSync(join(box, 'baseline.json'), readFileSync(baseline));
    const outcomes: TypoOutcome[] = new Array(typos.length);
    let next = 0;
    await Promise.all(
      boxes.map(async (box) => {
        while (next < typos.length) {
          const i = next++;
          const t = typos[i];
          const path = join(box, t.file);
          const original = readFileSync(path, 'utf8');
          const count = original.split(t.find).length - 1;
          if (count !== 1) throw new Error(`typo ${t.id}: the text to replace occurs ${count} times in ${t.file}`);
          writeFileSync(path, original.replace(t.find, t.replace));
          const started = performance.now();
          try {
            const r = await run(box, guardArgs(opts.runs, opts.seed, join(box, 'baseline.json')));
            const said = r.stderr.split('\n').filter((l) => /→|regression|internal error|changed|equal the baseline/.test(l)).slice(0, 4).join('\n');
            outcomes[i] = { typo: t, code: r.code, caught: r.code === 1, said, seconds: (performance.now() - started) / 1000 };
            opts.onOutcome?.(outcomes[i]);
          } finally {
            writeFileSync(path, original);
          }
        }
      }),
    );
    return { outcomes, baselineSeconds };
  } finally {
    for (const b of boxes) rmSync(b, { recursive: true, force: true });
  }
}
