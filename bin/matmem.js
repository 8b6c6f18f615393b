#!/usr/bin/env node
// Entry point for `npx matmem`. It runs the compiled CLI (dist/, built by `npm install` or
// `npm run build`). In a checkout whose TypeScript sources are newer than that build (or with
// MATMEM_FROM_SOURCE=1) it runs the sources through tsx instead, so an edit is never hidden by a
// stale build.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const stamp = join(root, 'dist', 'BUILD.json');

/** Whether any .ts file under these folders changed after the build. */
function newerThan(time, dirs) {
  const stack = dirs.map((d) => join(root, d)).filter((d) => existsSync(d));
  while (stack.length > 0) {
    const dir = stack.pop();
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) stack.push(p);
      else if (e.name.endsWith('.ts') && statSync(p).mtimeMs > time) return true;
    }
  }
  return false;
}

function useSource() {
  if (process.env.MATMEM_FROM_SOURCE === '1') return true;
  if (!existsSync(stamp)) return existsSync(join(root, 'src', 'cli', 'main.ts'));
  return newerThan(statSync(stamp).mtimeMs, ['src', 'properties', 'claims', 'proofs']);
}

if (useSource()) {
  const { register } = await import('tsx/esm/api');
  register();
  await import(pathToFileURL(join(root, 'src', 'cli', 'main.ts')).href);
} else {
  await import(pathToFileURL(join(root, 'dist', 'src', 'cli', 'main.js')).href);
}
