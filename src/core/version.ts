/** matmem's name and version, from its package.json (found upward from this file: the sources and dist/ alike). */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findPackageJson(): { name: string; version: string; root: string } {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const p = join(dir, 'package.json');
    if (existsSync(p)) {
      const pkg = JSON.parse(readFileSync(p, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'matmem' && pkg.version) return { name: pkg.name, version: pkg.version, root: dir };
    }
    const up = dirname(dir);
    if (up === dir) throw new Error('matmem: package.json not found above ' + fileURLToPath(import.meta.url));
    dir = up;
  }
}

export const PACKAGE = findPackageJson();
export const VERSION = PACKAGE.version;
/** The folder of matmem's package.json: the checkout, or node_modules/matmem in an install. */
export const PACKAGE_ROOT = PACKAGE.root;
