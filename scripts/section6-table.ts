/**
 * The Section 6 tables, computed: every Section 6 claim and its parts, with the verdicts decided from
 * each set of committed experiment records.
 *   npx tsx scripts/section6-table.ts 'quick=docs/experiments/copy,docs/experiments/recall' 'paper sizes=docs/experiments/copy-paper-sizes'
 *       the README's table: one row per claim, its verdict per set, its parts' verdicts in one cell
 *   npx tsx scripts/section6-table.ts --full 'quick=…' …
 *       docs/section6.md's table: one row per part, with the part's rule in one line
 * Prints Markdown to stdout (a script, not a library module); test/docs/readme.test.ts recomputes the
 * verdicts the same way (section6Verdicts) and compares them with the README.
 */
import { section6Verdicts } from '../test/helpers/section6-verdicts.ts';

const args = process.argv.slice(2);
const full = args.includes('--full');
const sets = args
  .filter((a) => a !== '--full')
  .map((arg) => {
    const eq = arg.indexOf('=');
    if (eq <= 0) {
      process.stderr.write(`usage: npx tsx scripts/section6-table.ts [--full] 'NAME=DIR[,DIR]' … (got "${arg}")\n`);
      process.exit(2);
    }
    return { name: arg.slice(0, eq), dirs: arg.slice(eq + 1).split(',') };
  });
const table = await section6Verdicts(sets.map((s) => s.dirs));
const names = sets.map((s) => s.name);
const lines: string[] = [];
if (full) {
  lines.push(`| claim | part | rule, in one line | ${names.join(' | ')} |`, `| --- | --- | --- | ${names.map(() => '---').join(' | ')} |`);
  for (const c of table) {
    lines.push(`| \`${c.id}\` (${c.source}) | | | ${c.verdicts.map((v) => `**${v}**`).join(' | ')} |`);
    for (const p of c.parts) lines.push(`| | (${p.id}) ${p.text} | ${p.brief} | ${p.verdicts.join(' | ')} |`);
  }
} else {
  lines.push(`| claim | ${names.join(' | ')} | its parts (verdicts: ${names.join(', ')}) |`, `| --- | ${names.map(() => '---').join(' | ')} | --- |`);
  for (const c of table) {
    const parts = c.parts.map((p) => `(${p.id}) ${p.text}: ${p.verdicts.join(', ')}`).join('; ');
    lines.push(`| \`${c.id}\` (${c.source}) | ${c.verdicts.map((v) => `**${v}**`).join(' | ')} | ${parts} |`);
  }
}
process.stdout.write(`${lines.join('\n')}\n`);
