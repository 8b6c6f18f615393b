/**
 * The README's Section 6 table, computed: every Section 6 claim and its parts (text, the rule in one
 * line), with the verdicts decided from each set of committed experiment records.
 *   npx tsx scripts/section6-table.ts 'quick=docs/experiments/copy,docs/experiments/recall' 'paper sizes=docs/experiments/copy-paper-sizes'
 * Prints Markdown to stdout (a script, not a library module); test/docs/readme.test.ts recomputes the
 * verdicts the same way (section6Verdicts) and compares them with the README.
 */
import { section6Verdicts } from '../test/helpers/section6-verdicts.ts';

const sets = process.argv.slice(2).map((arg) => {
  const eq = arg.indexOf('=');
  if (eq <= 0) {
    process.stderr.write(`usage: npx tsx scripts/section6-table.ts 'NAME=DIR[,DIR]' … (got "${arg}")\n`);
    process.exit(2);
  }
  return { name: arg.slice(0, eq), dirs: arg.slice(eq + 1).split(',') };
});
const table = await section6Verdicts(sets.map((s) => s.dirs));
const lines = [`| claim | part | rule, in one line | ${sets.map((s) => s.name).join(' | ')} |`, `| --- | --- | --- | ${sets.map(() => '---').join(' | ')} |`];
for (const c of table) {
  lines.push(`| \`${c.id}\` (${c.source}) | | | ${c.verdicts.map((v) => `**${v}**`).join(' | ')} |`);
  for (const p of c.parts) lines.push(`| | (${p.id}) ${p.text} | ${p.brief} | ${p.verdicts.join(' | ')} |`);
}
process.stdout.write(`${lines.join('\n')}\n`);
