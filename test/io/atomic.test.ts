import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFilesAtomic } from '../../src/io/atomic.ts';

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
