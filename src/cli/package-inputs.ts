/**
 * Input files that ship with matmem (examples/, verdicts.baseline.json): a relative path given to an
 * input option that names no file in the current folder, but one in matmem's own folder, is read
 * from there, with a note on stderr. So every example of the help runs after an install, from any
 * folder (`--case examples/normal-real.json` finds node_modules/matmem/examples/normal-real.json).
 */
import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { PACKAGE_ROOT } from '../core/version.ts';
import { note } from './common.ts';

/** The options that read an input file (commander's attribute names: --case → case). */
export const PACKAGE_INPUT_OPTIONS = ['case', 'u', 'v', 'w', 'baseline'];

export const PACKAGE_INPUTS_HELP =
  "Input files (--case, --u, --v, --w, --baseline): a relative path not found in the current folder is read from\n" +
  "matmem's own folder, which ships examples/ and verdicts.baseline.json, so the examples above run from any folder.";

/**
 * The file a relative input path names inside the package when it names none under `cwd`; null when
 * the path is absolute, exists under `cwd`, leaves the package folder or is not in it either.
 */
export function packageInputPath(path: string, cwd: string, packageRoot: string): string | null {
  if (path === '' || isAbsolute(path) || existsSync(resolve(cwd, path))) return null;
  const inPackage = resolve(packageRoot, path);
  const rel = relative(packageRoot, inPackage);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return null;
  return existsSync(inPackage) ? inPackage : null;
}

/** Points the input options of every command at the package's file where the current folder has none, and says so in their help. */
export function resolvePackageInputs(program: Command, packageRoot: string = PACKAGE_ROOT): void {
  for (const cmd of program.commands) {
    if (cmd.options.some((o) => PACKAGE_INPUT_OPTIONS.includes(o.attributeName()))) cmd.addHelpText('after', `\n${PACKAGE_INPUTS_HELP}`);
  }
  program.hook('preAction', (_program, command) => {
    const opts = command.opts() as Record<string, unknown>;
    for (const name of PACKAGE_INPUT_OPTIONS) {
      const given = opts[name];
      if (typeof given !== 'string') continue;
      const found = packageInputPath(given, process.cwd(), packageRoot);
      if (found === null) continue;
      command.setOptionValueWithSource(name, found, command.getOptionValueSource(name) ?? 'cli');
      note(`matmem: ${given} is not in this folder; reading matmem's own ${relative(packageRoot, found)} (${found})`);
    }
  });
}
