/** The reason a step has no size certificate, in a few words (for the terminal's and the reports' summaries). */
const SHORT: [RegExp, string][] = [
  [/^complex values/, 'complex values'],
  [/logarithms/, 'logarithms'],
  [/an entry of a matrix/, 'entries used as scalars'],
  [/built entry by entry/, 'matrices built entry by entry'],
  [/diagonal matrix built from a list/, 'eigenvalue lists (diag)'],
  [/a determinant/, 'determinants'],
  [/Stein equation/, 'Stein equation solves'],
  [/linear solve/, 'linear solves'],
  [/inverse of a matrix expression/, 'inverses of expressions'],
  [/both .* occur/, 'both A and A⁻¹'],
  [/Hadamard/, 'Hadamard products'],
  [/does not evaluate at other sizes|a size written as a number|fixed factor|fixed in the step's code/, 'a size fixed in the code'],
  [/depends on the size|different expressions at two sizes|exponent depends on the size/, 'a size used as a number'],
  [/sizes .* whose normal forms differ|different sizes|grouped differently|Kronecker order/, 'matrices of several sizes'],
  [/diagonal variables/, 'diagonal variables'],
  [/beyond the exact test's budget|symbolic budget|more than \d+ terms|a product of normal forms/, 'beyond the budget'],
  [/division/, 'divisions by matrix expressions'],
  [/float64/, 'float64 witnesses only'],
  [/does not hold at the tested size/, 'fails at the tested size'],
  [/inconclusive at the tested size/, 'inconclusive at the tested size'],
];

export function shortReason(reason: string): string {
  return SHORT.find(([re]) => re.test(reason))?.[1] ?? reason.split(/[(:]/)[0].trim();
}
