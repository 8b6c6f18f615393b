/**
 * Input files shipped with the package: a relative --case / --baseline path that is not in the
 * current folder is read from matmem's own folder (so the help's examples run after an install).
 */
import { Command } from 'commander';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PACKAGE_INPUTS_HELP, packageInputPath, resolvePackageInputs } from '../../src/cli/package-inputs.ts';

const dirs: string[] = [];
afterEach(() => {
  vi.restoreAllMocks();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A package folder with examples/a.json and a separate empty working folder. */
function folders(): { pkg: string; cwd: string } {
  const base = mkdtempSync(join(tmpdir(), 'matmem-package-inputs-'));
  dirs.push(base);
  const pkg = join(base, 'pkg');
  const cwd = join(base, 'work');
  mkdirSync(join(pkg, 'examples'), { recursive: true });
  mkdirSync(cwd);
  writeFileSync(join(pkg, 'examples', 'a.json'), '{}');
  writeFileSync(join(base, 'outside.json'), '{}');
  return { pkg, cwd };
}

describe('packageInputPath', () => {
  it("reads a path missing from the current folder from the package's", () => {
    const { pkg, cwd } = folders();
    expect(packageInputPath('examples/a.json', cwd, pkg)).toBe(join(pkg, 'examples', 'a.json'));
    expect(packageInputPath('./examples/a.json', cwd, pkg)).toBe(join(pkg, 'examples', 'a.json'));
  });

  it("keeps the user's own file, an absolute path, a file that is nowhere, and never leaves the package", () => {
    const { pkg, cwd } = folders();
    mkdirSync(join(cwd, 'examples'));
    writeFileSync(join(cwd, 'examples', 'a.json'), '{}');
    expect(packageInputPath('examples/a.json', cwd, pkg)).toBeNull();
    expect(packageInputPath(join(pkg, 'examples', 'a.json'), join(cwd, 'examples'), pkg)).toBeNull();
    expect(packageInputPath('examples/b.json', cwd, pkg)).toBeNull();
    expect(packageInputPath('../outside.json', join(cwd, 'examples'), pkg)).toBeNull();
    expect(packageInputPath('.', join(cwd, 'nowhere'), pkg)).toBeNull();
  });
});

describe('resolvePackageInputs', () => {
  function program(pkg: string, seen: Record<string, unknown>[]): Command {
    const p = new Command().exitOverride();
    p.command('fmc')
      .option('--case <file>')
      .option('--out <file>')
      .action((opts) => void seen.push(opts));
    p.command('plain').action(() => undefined);
    resolvePackageInputs(p, pkg);
    return p;
  }

  it('hands the command the package file, notes it on stderr, and leaves other options alone', async () => {
    const { pkg, cwd } = folders();
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    vi.spyOn(process, 'cwd').mockReturnValue(cwd);
    const seen: Record<string, unknown>[] = [];
    await program(pkg, seen).parseAsync(['node', 'matmem', 'fmc', '--case', 'examples/a.json', '--out', 'examples/a.json']);
    expect(seen).toEqual([{ case: join(pkg, 'examples', 'a.json'), out: 'examples/a.json' }]);
    expect(stderr.mock.calls.map((c) => String(c[0])).join('')).toContain(`examples/a.json is not in this folder; reading matmem's own examples/a.json (${join(pkg, 'examples', 'a.json')})`);
  });

  it('says so in the help of the commands that read input files only', () => {
    const { pkg } = folders();
    const p = program(pkg, []);
    const help = (name: string): string => {
      let text = '';
      p.commands.find((c) => c.name() === name)!.configureOutput({ writeOut: (s) => void (text += s) }).outputHelp();
      return text;
    };
    expect(help('fmc')).toContain(PACKAGE_INPUTS_HELP);
    expect(help('plain')).not.toContain('Input files');
  });
});
