/**
 * Every code block of README.md and docs/*.md runs in a test (test/helpers/doc-blocks.ts): a block is
 * named (`<!-- run: NAME -->` on the line before) and some test takes it with docBlock(FILE, NAME), or it
 * is one of docs/api.md's program/output pairs (test/docs/api.test.ts runs every one), or the expected
 * output of the block before it. This file checks that, and runs the README's blocks that take seconds:
 * a property run (counts, coverage, the shrunk counterexample; its printed replay command prints the
 * same case and numbers) and the fmc example (its output, exactly).
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsExamplesWithOutput } from '../helpers/doc-examples.ts';
import { docBlock, docBlocks, shellLines } from '../helpers/doc-blocks.ts';
import { runCli } from '../helpers/run-cli.ts';

const root = join(import.meta.dirname, '..', '..');
const pages = ['README.md', ...readdirSync(join(root, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];

/** Every test file's text (where docBlock calls are looked for). */
function testSources(dir = join(root, 'test')): string {
  return readdirSync(dir, { withFileTypes: true })
    .map((e) => (e.isDirectory() ? testSources(join(dir, e.name)) : e.name.endsWith('.ts') ? readFileSync(join(dir, e.name), 'utf8') : ''))
    .join('\n');
}

/** `npx matmem ARGS…` as the arguments of bin/matmem.js (quotes as a shell reads them). */
function matmemArgs(line: string): string[] {
  expect(line.startsWith('npx matmem ')).toBe(true);
  return [...line.slice('npx matmem '.length).matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3]);
}

describe('the code blocks of README.md and docs/', () => {
  it('each is named and taken by a test, or is a docs/api.md program with its output, or an output', () => {
    const sources = testSources();
    const apiPairs = new Set(jsExamplesWithOutput(readFileSync(join(root, 'docs', 'api.md'), 'utf8')).map((e) => e.line));
    const outputs = new Set<string>();
    const problems: string[] = [];
    for (const page of pages) {
      const blocks = docBlocks(page);
      blocks.forEach((b, i) => {
        if (b.output !== undefined) outputs.add(`${page}:${blocks[i + 1].line}`);
      });
      for (const b of blocks) {
        if (b.name !== undefined) {
          const call = new RegExp(`docBlock\\(\\s*['"]${page.replace(/[.]/g, '\\.')}['"],\\s*['"]${b.name.replace(/[.]/g, '\\.')}['"]`);
          if (!call.test(sources)) problems.push(`${page}:${b.line} block "${b.name}": no test calls docBlock('${page}', '${b.name}')`);
        } else if (!(page === 'docs/api.md' && (apiPairs.has(b.line) || b.lang === 'text')) && !outputs.has(`${page}:${b.line}`)) {
          problems.push(`${page}:${b.line} a \`\`\`${b.lang} block that no test runs: name it (<!-- run: NAME -->) and run it with docBlock`);
        }
      }
    }
    expect(problems).toEqual([]);
    // the check has something to check: the README's blocks are named
    expect(docBlocks('README.md').filter((b) => b.name).length).toBeGreaterThanOrEqual(5);
  });

  it("README: the property run prints counts, coverage and the shrunk counterexample; its replay prints the same case and numbers", () => {
    const [line] = shellLines(docBlock('README.md', 'property-run'));
    const cwd = mkdtempSync(join(tmpdir(), 'matmem-readme-'));
    const run = runCli(matmemArgs(line), { cwd });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/ {2}paper: fails — 2000 cases: \d+ held, \d+ failed \(\d+ ties within the error bound, \d+ violations\), \d+ undecided, \d+ undefined/);
    expect(run.stdout).toContain('coverage (cases per bucket)');
    expect(run.stdout).toContain('counterexample (equal within the error bound; shrunk in');
    const exact = run.stdout.slice(run.stdout.indexOf('  exact: '));
    const replay = /replay: (matmem verify --claim corollary-2\.1 --seed 1 --path \S+ --model exact)/.exec(exact)![1];
    const numbers = /numbers: (.*)/.exec(exact)![1];
    const caseLine = /counterexample \([^)]*\):\n\s+(N = .*)/.exec(exact)![1];
    const again = runCli(replay.split(' ').slice(1), { cwd });
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain('replay of the case at path');
    expect(again.stdout).toContain(caseLine);
    expect(again.stdout).toContain(`numbers: ${numbers}`);
  }, 120_000);

  it('README: the fmc example prints what the README shows', () => {
    const block = docBlock('README.md', 'fmc-example');
    const [line] = shellLines(block);
    const r = runCli(matmemArgs(line));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.trimEnd()).toBe(block.output!.trimEnd());
  });
});
