/**
 * The bad-input corpus: a researcher's own --load units that fail. Each ends with exit 4 (not 3,
 * which stays "a bug in matmem") and one line naming the file and the problem; a folder that cannot
 * be read at all is bad input (exit 2).
 */
import { bad, type BadInput, type Fixtures } from './types.ts';

export const userCodeInputs = (fx: Fixtures): BadInput[] => {
  const load = (folder: string, ...more: string[]) => ['verify', '--load', fx.f(folder), '--no-files', '--load-timeout', '2', ...more];
  const user = { code: 4 as const };
  return [
    bad('an import that throws', load('units-import-throws'), /--load: .*boom\.js could not be imported: my setup failed/, user),
    bad('a unit with a syntax error', load('units-syntax-error'), /--load: .*broken\.js could not be imported: Unexpected token/, user),
    bad('a CommonJS unit in an ES module folder', load('units-commonjs'), /old\.cjs\.js could not be imported: module is not defined/, user),
    bad('a unit importing a missing module', load('units-missing-module'), /--load: .*needs\.js could not be imported: Cannot find module/, user),
    bad('an import that never settles', load('units-never-settles'), /--load: .*waits\.js never finishes loading \(its top-level await waits for a promise that never settles\)/, user),
    bad('an import waiting on a long timer', load('units-never-settles-timer'), /--load: .*waits\.js did not finish loading within 2 s/, user),
    bad('an import that loops for ever', load('units-loops'), /--load: .*loops\.js did not finish loading within 2 s \(its import loops or waits/, user),
    bad('an import that calls process.exit(0)', load('units-exit-0'), /--load: .*quits\.js ended the process \(process\.exit\(0\)\) while being imported/, user),
    bad('an import that calls process.exit(3)', load('units-exit-3'), /--load: .*quits\.js ended the process \(process\.exit\(3\)\)/, user),
    bad('an import whose promise rejects', load('units-rejects'), /--load: .*rejects\.js could not be imported: no data/, user),
    bad('a default export that is not a unit', load('units-not-a-unit'), /--load: .*thing\.js's default export is neither a claim \(defineClaim\) nor a derivation/, user),
    bad('a claim without checks', load('units-no-checks'), /--load: .*nochecks\.js: its default export is not a valid claim: the field "checks" is missing/, user),
    bad('a claim id with spaces', load('units-bad-id'), /--load: .*badid\.js: its default export is not a valid claim: id is not in the expected form/, user),
    bad('a check whose run is not a function', load('units-check-not-function'), /--load: .*notfn\.js: its default export is not a valid claim: checks\[0\]\.run must be a function \(got 42\)/, user),
    bad('a claim order that is a word', load('units-order-string'), /--load: .*order\.js: its default export is not a valid claim: order must be a finite number \(got "first"\)/, user),
    bad('a check that throws', load('units-check-throws', '--claim', 'mine.throws'), /--load: .*throws\.js: claim mine\.throws, check "my check" threw TypeError: cannot read my data/, user),
    bad('a check that returns 42', load('units-check-returns-42', '--claim', 'mine.num'), /claim mine\.num, check "my check" returned 42, not an array of results/, user),
    bad('a check whose verdict is "maybe"', load('units-check-returns-maybe', '--claim', 'mine.maybe'), /claim mine\.maybe, check "my check": result 1: verdict must be one of "holds", "fails", "inconclusive" \(got "maybe"\)/, user),
    bad('a check that returns a promise', load('units-check-returns-promise', '--claim', 'mine.later'), /claim mine\.later, check "my check" returned a promise/, user),
    bad('a check with model "foo"', load('units-check-model-foo', '--claim', 'mine.foo'), /result 1: model must be one of "paper", "exact", "experiment" \(got "foo"\)/, user),
    bad('a check result without its fields', load('units-check-no-detail', '--claim', 'mine.nodetail'), /result 1: the field "cases" is missing/, user),
    bad('a check that calls process.exit', load('units-check-exits', '--claim', 'mine.exits'), /claim mine\.exits, check "my check" called process\.exit\(0\); a unit returns its results/, user),
    bad('a check that loops for ever, with --check-timeout 2', load('units-check-loops', '--claim', 'mine.loops', '--check-timeout', '2'), /--load: .*loops\.js: claim mine\.loops, check "my check" did not return within 2 s \(it loops, or needs more time: --check-timeout SECONDS\)/, user),
    bad('a check that calls process.exit from a timer', load('units-check-exits-later', '--claim', 'mine.later'), /a --load unit called process\.exit\(0\); a unit returns its results, it does not end matmem/, user),
    bad('a timer left by a unit that throws later', load('units-timer-throws', '--claim', 'mine.late'), /--load: .*late\.js: a timer or promise it left behind threw TypeError: my timer broke/, user),
    bad('a check that throws a string', load('units-check-throws-string', '--claim', 'mine.str'), /check "my check" threw the string "oops" \(not an Error\)/, user),
    bad('two units with one id', load('units-duplicate'), /claim mine\.twice is defined twice: .*a\.js and .*b\.js/, user),
    bad("a unit with one of matmem's ids", load('units-duplicate-builtin'), /claim eq-13\.fmm is defined twice: .*eq-13\.fmm\.(ts|js) and .*a\.js/, user),
    bad('a derivation without steps', load('units-derivation-no-steps'), /d\.js: its default export is not a valid derivation: steps must NOT have fewer than 1 items/, user),
    bad('a step without witnesses', load('units-step-no-witnesses'), /--load: .*d\.js: its default export is not a valid derivation: steps\[0\]\.witnesses must NOT have fewer than 1 items/, user),
    bad('a numeric witness that throws', load('units-derivation-witness-throws', '--step', 'mine.dw#1'), /derivation mine\.dw step 1, numeric witness: generate threw RangeError: my generator broke/, user),
    bad('--load a folder without unit files', ['verify', '--load', fx.f('emptydir'), '--claim', 'eq-13.fmm', '--no-files'], /--load .*emptydir: the folder holds no \.ts, \.mts, \.js or \.mjs file/),
    bad('--load a missing folder', ['verify', '--load', fx.f('no-such-units'), '--no-files'], /--load .*no-such-units: not a folder/),
    bad('--load a file', ['verify', '--load', fx.f('ok.json'), '--no-files'], /--load .*ok\.json: not a folder/),
  ];
};
