/**
 * Output paths checked before any work: a folder that can be created and written, a file whose
 * folder can. Kernel pseudo file systems are refused outright (Node's recursive mkdir under /proc
 * never returns).
 */
import { accessSync, constants, existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, resolve, sep } from 'node:path';
import { InputError } from '../errors.ts';

const PSEUDO = ['/proc', '/sys', '/dev'];

function refusePseudo(option: string, path: string): void {
  if (path.trim() === '') throw new InputError(`${option}: the path is empty (an unset variable?)`);
  const abs = resolve(path);
  if (PSEUDO.some((p) => abs === p || abs.startsWith(p + sep))) throw new InputError(`${option} ${path}: cannot write under ${abs.split(sep).slice(0, 2).join(sep)} (a kernel file system)`);
}

/** The nearest existing ancestor of a path. */
function existingAncestor(abs: string): string {
  let p = abs;
  while (!existsSync(p)) {
    const up = dirname(p);
    if (up === p) break;
    p = up;
  }
  return p;
}

/** Make sure `dir` is (or can become) a writable folder; creates it unless `create` is false. */
export function prepareOutputDir(option: string, dir: string, create = true): string {
  refusePseudo(option, dir);
  const abs = resolve(dir);
  if (existsSync(abs) && !statSync(abs).isDirectory()) throw new InputError(`${option} ${dir}: a file is in the way (a folder is needed)`);
  const base = existingAncestor(abs);
  if (!statSync(base).isDirectory()) throw new InputError(`${option} ${dir}: ${base} is a file, not a folder`);
  try {
    accessSync(base, constants.W_OK);
  } catch {
    throw new InputError(`${option} ${dir}: ${base} is not writable`);
  }
  if (!create) return abs;
  try {
    mkdirSync(abs, { recursive: true });
  } catch (err) {
    throw new InputError(`${option} ${dir}: cannot create the folder (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  return abs;
}

/** Make sure `file` can be written (its folder exists or can be created, it is not a folder); creates nothing but the folder. */
export function checkOutputFile(option: string, file: string): string {
  refusePseudo(option, file);
  const abs = resolve(file);
  if (existsSync(abs) && statSync(abs).isDirectory()) throw new InputError(`${option} ${file}: a folder is in the way (a file is needed)`);
  const base = existingAncestor(dirname(abs));
  if (!statSync(base).isDirectory()) throw new InputError(`${option} ${file}: ${base} is a file, not a folder`);
  try {
    accessSync(base, constants.W_OK);
  } catch {
    throw new InputError(`${option} ${file}: ${base} is not writable`);
  }
  return abs;
}
