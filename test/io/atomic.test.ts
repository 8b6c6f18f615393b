import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { removeStaleTemporaries, writeFilesAtomic } from '../../src/io/atomic.ts';

describe('writeFilesAtomic', () => {
  it('writes all files, replacing old ones, and leaves no temporary files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'matmem-atomic-'));
    writeFileSync(join(dir, 'a.txt'), 'old');
    writeFilesAtomic([{ path: join(dir, 'a.txt'), data: 'A' }, { path: join(dir, 'b.txt'), data: 'B' }]);
    expect(readdirSync(dir).sort()).toEqual(['a.txt', 'b.txt']);
    expect(readFileSync(join(dir, 'a.txt'), 'utf8')).toBe('A');
  });

  it('a directory in the way of one file: nothing is written and nothing is removed', () => {
    const dir = mkdtempSync(join(tmpdir(), 'matmem-atomic-'));
    writeFileSync(join(dir, 'a.txt'), 'old a');
    mkdirSync(join(dir, 'c.txt'));
    writeFileSync(join(dir, 'c.txt', 'inside'), 'x');
    expect(() => writeFilesAtomic([{ path: join(dir, 'a.txt'), data: 'new a' }, { path: join(dir, 'c.txt'), data: 'new c' }])).toThrow(/directory is in the way/);
    expect(readFileSync(join(dir, 'a.txt'), 'utf8')).toBe('old a');
    expect(readdirSync(dir).sort()).toEqual(['a.txt', 'c.txt']);
    expect(readFileSync(join(dir, 'c.txt', 'inside'), 'utf8')).toBe('x');
  });

  it('a write that fails part-way leaves no new file and no temporary file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'matmem-atomic-'));
    writeFileSync(join(dir, 'blocker'), 'a file where a directory is needed');
    expect(() => writeFilesAtomic([{ path: join(dir, 'a.txt'), data: 'A' }, { path: join(dir, 'blocker', 'b.txt'), data: 'B' }])).toThrow();
    expect(readdirSync(dir)).toEqual(['blocker']);
  });
});

describe('writes killed at random points', () => {
  const NAMES = ['report.json', 'report.md', 'report.html'];

  /** Starts the writer, waits for its first complete write, kills it (SIGKILL) after a random further delay. */
  function killWriterOnce(dir: string, delayMs: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'atomic-writer.ts'), dir], { stdio: ['ignore', 'pipe', 'pipe'] });
      let started = false;
      child.stdout.on('data', () => {
        if (started) return;
        started = true;
        setTimeout(() => child.kill('SIGKILL'), delayMs);
      });
      child.on('exit', (_code, signal) => (signal === 'SIGKILL' ? resolve() : reject(new Error(`writer exited by itself (${signal})`))));
    });
  }

  it('leaves every target whole (old or new, never missing, never partial); the next write removes the killed writer\'s temporaries', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'matmem-kill-'));
    // delays spread over several write cycles (one cycle of 3 × 400 kB with fsync takes a few ms to tens of ms)
    const seed = 20261202;
    let x = seed;
    const delays = Array.from({ length: 8 }, () => ((x = (x * 1103515245 + 12345) % 2 ** 31), 1 + (x % 120)));
    for (const delay of delays) {
      await killWriterOnce(dir, delay);
      for (const name of NAMES) {
        expect(existsSync(join(dir, name)), `${name} after a kill at +${delay} ms (seed ${seed})`).toBe(true);
        const doc = JSON.parse(readFileSync(join(dir, name), 'utf8'));
        expect(doc.name).toBe(name);
        expect(doc.payload).toHaveLength(400_000);
      }
      // anything else is a temporary of the killed writer, never a target
      for (const f of readdirSync(dir).filter((f) => !NAMES.includes(f))) expect(f, `seed ${seed}`).toMatch(/^\.report\.(json|md|html)\.\d+\.\d+\.tmp$/);
    }
    // the next writer clears what the killed ones left
    writeFilesAtomic(NAMES.map((name) => ({ path: join(dir, name), data: JSON.stringify({ name, version: 0, payload: '' }) })));
    expect(readdirSync(dir).sort()).toEqual([...NAMES].sort());
  }, 120_000);

  it('removes only temporaries of processes that are gone', () => {
    const dir = mkdtempSync(join(tmpdir(), 'matmem-stale-'));
    const target = join(dir, 'report.json');
    writeFileSync(join(dir, `.report.json.999999999.1.tmp`), 'stale');
    writeFileSync(join(dir, `.report.json.${process.pid}.1.tmp`), 'ours: in use');
    writeFileSync(join(dir, `.other.json.999999999.1.tmp`), 'another target');
    expect(removeStaleTemporaries(target)).toEqual([join(dir, '.report.json.999999999.1.tmp')]);
    expect(readdirSync(dir).sort()).toEqual([`.other.json.999999999.1.tmp`, `.report.json.${process.pid}.1.tmp`].sort());
  });
});
