/**
 * The bad-input corpus: case files and matrix files as users write them wrong (schemas/case.schema.json,
 * then shapes and value ranges): numbers beyond float64, U and V entries beyond the bound W has, a W
 * so small or large for the noise that J_tot,rel would come out 0/0, JSON with comments, quotes,
 * trailing commas or in UTF-16, CSV cells in hexadecimal, .npy headers with impossible shapes.
 */
import { bad, type BadInput, type Fixtures } from './types.ts';

export const caseInputs = (fx: Fixtures): BadInput[] => {
  const f = fx.f;
  const fmc = (file: string) => ['fmc', '--case', f(file)];
  const matrices = (u: string) => ['fmc', '--u', f(u), '--v', f('v.csv'), '--w', f('w.csv')];
  return [
    bad('the key U twice (the last would win silently)', fmc('case-u-twice.json'), /case-u-twice\.json: the key "U" appears twice in one object/),
    bad('a U entry of 1e999 (Infinity)', fmc('case-u-inf.json'), /case-u-inf\.json: U\[0\]\[0\] must be a finite number \(got Infinity\)/),
    bad('a U entry above 1e100', fmc('case-u-big.json'), /U has an entry of size 1e\+101, above 1e\+100/),
    bad('a V entry of -1e200', fmc('case-v-big.json'), /V has an entry of size 1e\+200, above 1e\+100/),
    bad('W = 1e-200: J_tot,rel would be 0/0', fmc('case-w-tiny.json'), /‖W‖²\/\(ε₁ε₂\) = 1e-400 is outside \[1e-300, 1e\+300\]: I\(W\) and J_tot would underflow to 0/),
    bad('W = 1e-100 with noise 1e60', fmc('case-w-tiny-noise.json'), /‖W‖²\/\(ε₁ε₂\) = 1e-320 is outside/),
    bad('W = 1e99 with noise 1e-70', fmc('case-w-big-noise-small.json'), /‖W‖²\/\(ε₁ε₂\) = 1e\+?338 is outside .* overflow/),
    bad('W = 1e-200 from --w with --e1', ['fmc', '--case', f('case-w-tiny.json'), '--e1', '1e-50'], /is outside \[1e-300, 1e\+300\]/),
    bad('a nilpotent U of 1e60 with W 1e99', fmc('case-nilpotent-huge.json'), /float64 (cannot hold this case's covariances|over- or underflows on this case) .*the largest \|U\|, \|V\| entry is 1\.00e\+60, \|W\| 1\.00e\+99/),
    bad('simulate the nilpotent U of 1e60 with W 1e99', ['simulate', '--case', f('case-nilpotent-huge.json'), '--samples', '1000'], /float64 cannot hold this case's covariances|float64 over- or underflows on this case/),
    bad('e1 a string "1"', fmc('case-e1-string.json'), /e1 must be a finite number \(got "1"\)/),
    bad('U a number', fmc('case-u-number.json'), /U must be of type array \(got 0\.5\)/),
    bad('U an empty array', fmc('case-u-empty.json'), /U must NOT have fewer than 1 items/),
    bad('U an empty row', fmc('case-u-empty-row.json'), /U\[0\] must NOT have fewer than 1 items/),
    bad('U with null', fmc('case-u-null.json'), /U\[0\]\[0\] must be a finite number \(got null\)/),
    bad('a case with a comment', fmc('case-comments.json'), /case-comments\.json: not valid JSON at line 1, column 1: unexpected "\/" \(JSON has no comments\)/),
    bad('a case in UTF-16', fmc('case-utf16.json'), /case-utf16\.json: the file is UTF-16 text; matmem reads UTF-8/),
    bad('a case with a trailing comma', fmc('case-trailing-comma.json'), /not valid JSON at line 1, column \d+: expected double-quoted property name \(a trailing comma\)/),
    bad('a case in single quotes', fmc('case-single-quotes.json'), /not valid JSON at line 1, column 2: .*\(JSON strings take double quotes\)/),
    bad('a case with NaN', fmc('case-nan.json'), /not valid JSON at line 1, column \d+: unexpected "N" \(JSON has no NaN or Infinity\)/),
    bad('a case that is null', fmc('case-null.json'), /a case file must be a JSON object with keys U, V, W/),
    bad('a case that is a string', fmc('case-string.json'), /a case file must be a JSON object with keys U, V, W/),
    bad('a case with a hexadecimal entry', fmc('case-hex.json'), /not valid JSON at line 1, column \d+/),
    bad('W a word', fmc('case-w-matrix-of-strings.json'), /W must be of type array \(got "identity"\)/),
    bad('a CSV cell 0x1', matrices('hex.csv'), /hex\.csv: line 1, column 1 is not a decimal number \("0x1"\)/),
    bad('a CSV cell 1_000', matrices('underscore.csv'), /underscore\.csv: line 1, column 1 is not a decimal number \("1_000"\)/),
    bad('an empty CSV cell', matrices('empty-cell.csv'), /empty-cell\.csv: line 1, column 2 is not a decimal number \(""\)/),
    bad('a CSV cell inf', matrices('inf.csv'), /inf\.csv: U\[1\]\[2\] is not finite \(Infinity\)/),
    bad('a CSV with semicolons', matrices('semicolons.csv'), /semicolons\.csv: line 1, column 1 is not a decimal number \("1;2"\)/),
    bad('a CSV of comments only', matrices('only-comments.csv'), /only-comments\.csv: no numbers in the file/),
    bad('a CSV in UTF-16', matrices('utf16.csv'), /utf16\.csv: the file is UTF-16 text/),
    bad('an empty CSV', matrices('empty.csv'), /empty\.csv: no numbers in the file/),
    bad('an .npy of shape (2, 2.5)', matrices('shape-fraction.npy'), /shape-fraction\.npy: the shape \(2, 2\.5\) must be two non-negative integers/),
    bad('an .npy of shape (-2, -2)', matrices('shape-negative.npy'), /shape-negative\.npy: the shape \(-2, -2\) must be two non-negative integers/),
    bad('an .npy of shape 1e9 × 1e9', matrices('shape-huge.npy'), /shape-huge\.npy: truncated data/),
    bad('a 1-D .npy', matrices('shape-1d.npy'), /shape-1d\.npy: expected a 2-D array, got shape \(4\)/),
    bad('an .npy shape of words', matrices('shape-text.npy'), /shape-text\.npy: the shape \('a', 'b'\) must be two non-negative integers/),
    bad('a complex .npy', matrices('complex.npy'), /complex\.npy: unsupported dtype <c8/),
    bad('an .npy of format 9', matrices('version-9.npy'), /version-9\.npy: unsupported \.npy format version 9/),
    bad('an .npy with a bad magic', matrices('bad-magic.npy'), /bad-magic\.npy: not a numpy \.npy file \(bad magic\)/),
    bad('an .npy holding NaN', matrices('nan.npy'), /nan\.npy: U\[1\]\[2\] is not finite \(NaN\)/),
    bad('a 1-D JSON matrix', matrices('json-matrix-1d.json'), /json-matrix-1d\.json: U must be a 2-D array of numbers/),
    bad('a matrix file named .txt', matrices('matrix.txt'), /matrix\.txt: unknown matrix file type "\.txt"/),
  ];
};
