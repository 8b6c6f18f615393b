/**
 * docs/api.md runs: every ```js block is a whole program importing 'matmem' (the built package, as a
 * user gets it: dist/ through package.json's exports), and the ```text block under it is its exact
 * output. A changed API or a changed number fails here, never silently in the docs.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { jsExamplesWithOutput } from '../helpers/doc-examples.ts';

const root = join(import.meta.dirname, '..', '..');
const doc = readFileSync(join(root, 'docs', 'api.md'), 'utf8');

// inside the package folder, so that 'matmem' resolves to the package itself (self-reference through "exports")
const dir = mkdtempSync(join(root, '.docs-examples-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('docs/api.md', () => {
  const all = jsExamplesWithOutput(doc);
  it('has examples, and the build they import exists', () => {
    expect(all.length).toBeGreaterThanOrEqual(5);
    expect(existsSync(join(root, 'dist', 'src', 'index.js')), 'dist/ is missing: npm run build (npm test builds it)').toBe(true);
  });
  it.each(all.map((e, i) => [e.line, i, e] as const))('the example at line %i prints what the page says', (_line, i, e) => {
    const file = join(dir, `example-${i}.mjs`);
    writeFileSync(file, e.code);
    const r = spawnSync(process.execPath, [file], { encoding: 'utf8', timeout: 240_000, cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe(e.output.trim());
  });
});
