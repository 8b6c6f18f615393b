// Compiles matmem to dist/ (npm run build; also run by `prepare`, so `npm install` and `npm pack` build it):
// tsc emits JavaScript with .js import specifiers and .d.ts types for src/, properties/, claims/ and proofs/; the
// plain .mjs entries are copied beside them, and the schemas compiled into standalone validators
// (scripts/build-validators.mjs) are written into dist/src/io/validators/. It builds into a temporary folder and renames it into
// place, so an interrupted build never leaves a partial dist/.
//
// The optional dependencies (TF.js and Dawn's `webgpu`) may be absent (`npm install --omit=optional`):
// then tsc cannot find their types, and exactly those errors ("Cannot find module" of an optional
// package that is not installed) are accepted; the TF.js engine compiles against `any` and loads
// only when a TF.js backend is asked for (it then names the install command). Any other error fails.
// In an installed package (a tarball: dist/ shipped, no src/) there is nothing to build.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { missingOptionalTypeErrors } from './optional-types.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist');
const tmp = join(root, `.dist-building-${process.pid}`);
const require = createRequire(import.meta.url);

if (!existsSync(join(root, 'src', 'cli', 'main.ts'))) {
  // the packed package: dist/ is what it ships, and there are no sources to build from
  if (existsSync(join(out, 'BUILD.json'))) process.exit(0);
  console.error('matmem build: neither the sources (src/) nor a built dist/ are here');
  process.exit(1);
}

let tsc;
try {
  tsc = require.resolve('typescript/bin/tsc');
} catch {
  // an install without devDependencies (a packed matmem ships dist/ already built)
  if (existsSync(join(out, 'BUILD.json'))) process.exit(0);
  console.error('matmem build: typescript is not installed (npm install --include=dev), and there is no dist/ to use');
  process.exit(1);
}

rmSync(tmp, { recursive: true, force: true });
const r = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json'), '--outDir', tmp, '--pretty', 'false'], { encoding: 'utf8', maxBuffer: 1 << 26 });
if (r.status !== 0) {
  const packageJson = require(join(root, 'package.json'));
  const optional = Object.keys(packageJson.optionalDependencies ?? {});
  const isInstalled = (name) => existsSync(join(root, 'node_modules', ...name.split('/'), 'package.json'));
  const accepted = missingOptionalTypeErrors(r.stdout, optional, isInstalled);
  // tsc's status 2: errors, but every file emitted
  if (r.status !== 2 || accepted === null) {
    process.stdout.write(r.stdout);
    process.stderr.write(r.stderr);
    rmSync(tmp, { recursive: true, force: true });
    console.error('matmem build: tsc failed');
    process.exit(r.status ?? 1);
  }
  console.error(`matmem build: built without the types of the optional ${accepted.join(', ')} (not installed); the TF.js backends need them: npm install --include=optional`);
} else {
  process.stdout.write(r.stdout);
}

/** The .mjs files of src/ that run as they are (the WebGPU probe). */
function copyMjs(dir) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) copyMjs(p);
    else if (e.name.endsWith('.mjs') && !e.name.endsWith('-worker.mjs')) {
      const to = join(tmp, relative(root, p));
      mkdirSync(dirname(to), { recursive: true });
      cpSync(p, to);
    }
  }
}
copyMjs(join(root, 'src'));
// imported here, not at the top: an installed package (no src/) has left above without it
const { writeValidators } = await import('./build-validators.mjs');
writeValidators(join(tmp, 'src', 'io', 'validators'));
writeFileSync(join(tmp, 'BUILD.json'), `${JSON.stringify({ version: require(join(root, 'package.json')).version, built: new Date().toISOString() })}\n`);

rmSync(out, { recursive: true, force: true });
renameSync(tmp, out);
