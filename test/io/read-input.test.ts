/**
 * readRegularFile: a FIFO, /dev/zero, /dev/urandom, a loop of symbolic links and a folder are
 * refused before anything is read, each within 1 s (a read of any of them would block or never
 * end); a file beyond its cap is refused with its size; a regular file comes back byte for byte.
 */
import { execFileSync } from 'node:child_process';
import { closeSync, ftruncateSync, mkdtempSync, openSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.ts';
import { INPUT_CAPS, formatSize, pathNature, readInput, readRegularFile } from '../../src/io/read-input.ts';

const dir = () => mkdtempSync(join(tmpdir(), 'matmem-read-'));

/** The refusal of reading `path`, and how long it took (ms). */
function refusal(path: string): { message: string; ms: number } {
  const t0 = performance.now();
  try {
    readRegularFile(path, INPUT_CAPS.caseFile, 'case file');
  } catch (err) {
    expect(err).toBeInstanceOf(InputError);
    return { message: (err as Error).message, ms: performance.now() - t0 };
  }
  throw new Error(`${path} was read`);
}

describe('readRegularFile refuses what is not a regular file, before reading it', () => {
  it('a FIFO with no writer: refused within 1 s, named as a FIFO', () => {
    const d = dir();
    execFileSync('mkfifo', [join(d, 'pipe')]);
    const r = refusal(join(d, 'pipe'));
    expect(r.message).toBe(`cannot read ${join(d, 'pipe')}: it is a named pipe (FIFO), not a regular file`);
    expect(r.ms).toBeLessThan(1000);
  });

  it('/dev/zero and /dev/urandom: refused within 1 s, named as devices', () => {
    for (const dev of ['/dev/zero', '/dev/urandom']) {
      const r = refusal(dev);
      expect(r.message).toBe(`cannot read ${dev}: it is a device, not a regular file`);
      expect(r.ms).toBeLessThan(1000);
    }
  });

  it('a loop of symbolic links: refused within 1 s, named as a loop', () => {
    const d = dir();
    symlinkSync(join(d, 'b'), join(d, 'a'));
    symlinkSync(join(d, 'a'), join(d, 'b'));
    const r = refusal(join(d, 'a'));
    expect(r.message).toBe(`cannot read ${join(d, 'a')}: a loop of symbolic links`);
    expect(r.ms).toBeLessThan(1000);
    expect(pathNature(join(d, 'a'))).toBe('loop');
  });

  it('a folder and a missing file, each named', () => {
    const d = dir();
    expect(refusal(d).message).toBe(`cannot read ${d}: it is a folder, not a case file`);
    expect(refusal(join(d, 'none.json')).message).toBe(`cannot read ${join(d, 'none.json')}: no such case file`);
    expect(refusal(join(d, 'none', 'x.json')).message).toMatch(/no such case file/);
  });

  it('a file beyond the cap of its kind is refused with its size, without reading it', () => {
    const d = dir();
    const fd = openSync(join(d, 'big.json'), 'w');
    ftruncateSync(fd, INPUT_CAPS.caseFile + 1);
    closeSync(fd);
    expect(() => readInput(join(d, 'big.json'), 'caseFile', 'case file')).toThrow(`cannot read ${join(d, 'big.json')}: its 64.0 MiB are more than the 64.0 MiB a case file may have`);
    expect(() => readInput(join(d, 'big.json'), 'experiment', 'experiment record')).not.toThrow();
  });

  it('a regular file is read byte for byte; with prefix only its first bytes', () => {
    const d = dir();
    const bytes = Buffer.from(Array.from({ length: 3000 }, (_, i) => i % 251));
    writeFileSync(join(d, 'f.bin'), bytes);
    expect(readRegularFile(join(d, 'f.bin'), 4096).equals(bytes)).toBe(true);
    expect(readRegularFile(join(d, 'f.bin'), 100, 'file', true).equals(bytes.subarray(0, 100))).toBe(true);
    expect(() => readRegularFile(join(d, 'f.bin'), 100, 'experiment record')).toThrow(/an experiment record may have/);
  });

  it('sizes are written in bytes, KiB or MiB', () => {
    expect(formatSize(512)).toBe('512 bytes');
    expect(formatSize(1536)).toBe('1.5 KiB');
    expect(formatSize(3 * 1024 * 1024)).toBe('3.0 MiB');
  });

  it('every kind has a cap, and those of what matmem writes large are larger', () => {
    expect(INPUT_CAPS.experiment).toBeGreaterThan(INPUT_CAPS.caseFile);
    expect(INPUT_CAPS.checkpoint).toBe(256 * 1024 * 1024);
    expect(INPUT_CAPS.experimentConfig).toBe(1024 * 1024);
  });
});
