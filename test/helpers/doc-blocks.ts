/**
 * The code blocks of the Markdown pages (README.md, docs/*.md), so that tests run them as written.
 * A block that a test runs is named by an HTML comment on the line before it:
 *
 *   <!-- run: install -->
 *   ```sh
 *   npm install
 *   ```
 *
 * and the test takes it with docBlock('README.md', 'install') (test/docs/code-blocks.test.ts checks
 * that every named block is taken by some test, and that every block is named or is one of
 * docs/api.md's program/output pairs, which test/docs/api.test.ts runs). A ```text block right after a
 * named block is its expected output (docBlockOutput).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');

export interface DocBlock {
  lang: string;
  code: string;
  /** The name given by `<!-- run: NAME -->` on the line before, if any. */
  name?: string;
  /** 1-based line of the opening fence. */
  line: number;
  /** The ```text block that follows it directly (blank lines apart), if any. */
  output?: string;
}

export function docBlocks(file: string): DocBlock[] {
  const lines = readFileSync(join(root, file), 'utf8').split('\n');
  const blocks: DocBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(\w*)\s*$/.exec(lines[i]);
    if (!open) continue;
    let j = i + 1;
    while (j < lines.length && !/^```\s*$/.test(lines[j])) j++;
    let k = i - 1;
    while (k >= 0 && lines[k].trim() === '') k--;
    const named = k >= 0 ? /^<!-- run: ([\w.-]+) -->$/.exec(lines[k].trim()) : null;
    blocks.push({ lang: open[1], code: lines.slice(i + 1, j).join('\n') + '\n', line: i + 1, ...(named ? { name: named[1] } : {}) });
    i = j;
  }
  // a text block right after another block is that block's output
  for (let b = 1; b < blocks.length; b++) {
    if (blocks[b].lang !== 'text' || blocks[b - 1].lang === 'text' || blocks[b].name) continue;
    const between = readFileSync(join(root, file), 'utf8').split('\n').slice(blocks[b - 1].line + blocks[b - 1].code.split('\n').length, blocks[b].line - 1);
    if (between.every((l) => l.trim() === '')) blocks[b - 1].output = blocks[b].code;
  }
  return blocks;
}

/** The block named NAME in FILE (throws when there is none, or several). */
export function docBlock(file: string, name: string): DocBlock {
  const found = docBlocks(file).filter((b) => b.name === name);
  if (found.length !== 1) throw new Error(`${file}: ${found.length} blocks named "${name}" (want 1)`);
  return found[0];
}

/** The command lines of a shell block: comments after `#` and blank lines dropped, continuation lines joined. */
export function shellLines(block: DocBlock): string[] {
  return block.code
    .replace(/\\\n\s*/g, ' ')
    .split('\n')
    .map((l) => l.replace(/\s+#\s.*$/, '').trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
}
