/**
 * --load folders with one defect each, in plain JavaScript (no loader needed): units whose import
 * throws, never settles, loops, ends the process, whose default export has the wrong shape, and
 * claims whose check throws, returns a non-verdict or ends the process.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import type { Fixtures } from './types.ts';

const claim = (id: string, checks: string) => `export default { kind: 'claim', id: '${id}', order: 5000, source: 'my notes', statement: 'a claim of mine', checks: ${checks} };\n`;
const check = (body: string) => `[{ source: 'my check', run: (ctx) => { ${body} } }]`;
const result = (fields: string) => `{ model: 'paper', verdict: 'holds', cases: 1, detail: 'ok', worst: null, counterexample: null, replay: 'x', ${fields} }`;

/** folder → file → content. */
export const UNIT_FOLDERS: Record<string, Record<string, string>> = {
  'units-ok': { 'mine.js': claim('mine.ok', check(`return [${result('')}];`)) },
  'units-import-throws': { 'boom.js': "throw new Error('my setup failed');\n" },
  'units-syntax-error': { 'broken.js': 'export default { kind: "claim", id: ;\n' },
  'units-commonjs': { 'old.cjs.js': "module.exports = { kind: 'claim' };\n" },
  'units-missing-module': { 'needs.js': "import { x } from './nowhere.js';\nexport default x;\n" },
  'units-never-settles': { 'waits.js': 'await new Promise(() => {});\nexport default null;\n' },
  'units-never-settles-timer': { 'waits.js': 'await new Promise((resolve) => setTimeout(resolve, 600000));\nexport default null;\n' },
  'units-loops': { 'loops.js': 'while (true) {}\n' },
  'units-exit-0': { 'quits.js': 'process.exit(0);\n' },
  'units-exit-3': { 'quits.js': 'process.exit(3);\n' },
  'units-rejects': { 'rejects.js': "await Promise.reject(new Error('no data'));\n" },
  'units-not-a-unit': { 'thing.js': 'export default { hello: 1 };\n' },
  'units-no-checks': { 'nochecks.js': "export default { kind: 'claim', id: 'mine.nochecks', order: 1, source: 's', statement: 't' };\n" },
  'units-bad-id': { 'badid.js': claim('my claim with spaces', '[]') },
  'units-check-not-function': { 'notfn.js': claim('mine.notfn', "[{ source: 'x', run: 42 }]") },
  'units-order-string': { 'order.js': "export default { kind: 'claim', id: 'mine.order', order: 'first', source: 's', statement: 't', checks: [] };\n" },
  'units-check-throws': { 'throws.js': claim('mine.throws', check("throw new TypeError('cannot read my data');")) },
  'units-check-returns-42': { 'num.js': claim('mine.num', check('return 42;')) },
  'units-check-returns-maybe': { 'maybe.js': claim('mine.maybe', check(`return [${result("verdict: 'maybe'")}];`)) },
  'units-check-returns-promise': { 'later.js': claim('mine.later', check(`return Promise.resolve([${result('')}]);`)) },
  'units-check-model-foo': { 'foo.js': claim('mine.foo', check(`return [${result("model: 'foo'")}];`)) },
  'units-check-no-detail': { 'nodetail.js': claim('mine.nodetail', check("return [{ model: 'paper', verdict: 'holds' }];")) },
  'units-check-exits': { 'exits.js': claim('mine.exits', check('process.exit(0);')) },
  'units-check-loops': { 'loops.js': claim('mine.loops', check('while (true) {}')) },
  'units-check-exits-later': { 'later.js': claim('mine.later', check('setTimeout(() => process.exit(0), 0); return [];')) },
  'units-timer-throws': { 'late.js': `setTimeout(() => { throw new TypeError('my timer broke'); }, 0);\n${claim('mine.late', '[]')}` },
  'units-check-throws-string': { 'str.js': claim('mine.str', check("throw 'oops';")) },
  'units-duplicate': { 'a.js': claim('mine.twice', '[]'), 'b.js': claim('mine.twice', '[]') },
  'units-duplicate-builtin': { 'a.js': claim('eq-13.fmm', '[]') },
  'units-derivation-no-steps': { 'd.js': "export default { id: 'mine.d', title: 't', source: 's', steps: [] };\n" },
  'units-derivation-witness-throws': {
    'd.js':
      "export default { id: 'mine.dw', title: 't', source: 's', steps: [{ from: 'a', to: 'b', justification: 'j', assumptions: [], source: 's', claims: [], witnesses: [{ type: 'numeric', inputs: 'x', generate: () => { throw new RangeError('my generator broke'); }, evaluate: () => ({}), describe: () => ({}) }] }] };\n",
  },
  'units-step-no-witnesses': { 'd.js': "export default { id: 'mine.nw', title: 't', source: 's', steps: [{ from: 'a', to: 'b', justification: 'j', assumptions: [], source: 's', claims: [], witnesses: [] }] };\n" },
};

export function makeUnitFixtures(fx: Fixtures): void {
  for (const [folder, files] of Object.entries(UNIT_FOLDERS)) {
    mkdirSync(fx.f(folder));
    // as in a researcher's project: ES modules
    writeFileSync(fx.f(`${folder}/package.json`), '{ "type": "module" }\n');
    for (const [name, text] of Object.entries(files)) writeFileSync(fx.f(`${folder}/${name}`), text);
  }
  // a unit file that is a FIFO: refused, not read (it would block the import)
  mkdirSync(fx.f('units-fifo'));
  execFileSync('mkfifo', [fx.f('units-fifo/unit.js')]);
}
