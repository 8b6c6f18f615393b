/**
 * A hand-built report for the renderer tests: claims in both models covering holds, fails and
 * inconclusive (and one claim with no exact-model result), a counterexample with 2×2 matrices,
 * LaTeX statements, non-finite numbers in the evidence, and a derivation with a failing step.
 * Numbers are illustrative, not computed; a fresh object per call so tests may mutate it.
 */
import type { Report } from '../../src/core/types.ts';

export const SAMPLE_VERDICTS: Record<string, { paper: string; exact: string; experiment: string }> = {
  'corollary-2.1': { paper: 'holds', exact: 'fails', experiment: '' },
  'eq-18.normal-capacity': { paper: 'holds', exact: 'inconclusive', experiment: '' },
  'theorem-1.covariance': { paper: 'fails', exact: 'holds', experiment: '' },
  'eq-49.lyapunov': { paper: 'inconclusive', exact: '', experiment: '' },
};

/** LaTeX formulas in the sample (claims' statements and derivation steps). */
export const SAMPLE_TEX_COUNT = 3 + 4;

export function sampleReport(): Report {
  return {
    format: 'matmem-report/1',
    tool: { name: 'matmem', version: '0.1.0-test' },
    seed: 7,
    runs: 50,
    claims: [
      {
        id: 'corollary-2.1',
        source: 'Corollary 2.1, Eqs. 26-27',
        statement: 'With normal convergent U, V the capacity is strictly below the input Fisher information.',
        statementTex: 'J_{tot} < \\frac{1}{\\varepsilon_1\\varepsilon_2}\\operatorname{Tr}(W^T W)',
        results: [
          {
            model: 'paper',
            verdict: 'holds',
            cases: 50,
            worst: { case: 'normal #12 (N = 3)', jtot: 0.9871, inputFisher: 1, margin: 0.0129 },
            counterexample: null,
            replay: 'matmem verify --claim corollary-2.1 --seed 7',
            detail: 'J_tot < I(W) in all 50 cases; smallest margin 0.0129.',
            statistics: { quantity: 'J_tot,rel', min: 0.41, median: 0.83, max: 0.9871 },
            witnesses: [
              { witness: 'numeric', verdict: 'holds', detail: 'closed form Eq. 18 in 50 cases' },
              { witness: 'simulation', verdict: 'holds', detail: '2000 samples, within 3 standard errors' },
            ],
          },
          {
            model: 'exact',
            verdict: 'fails',
            cases: 50,
            worst: { case: 'normal #3 (N = 2)', jtot: 1, inputFisher: 1, margin: -2.220446049250313e-16 },
            counterexample: {
              case: 'normal (N = 2), shrunk',
              U: [[0.5, 0], [0, 0.25]],
              V: [[0.5, 0], [0, -0.125]],
              W: [[1, 0], [0, 0]],
              e1: 1,
              e2: 1,
              numbers: { jtot: 1, inputFisher: 1, gap: 0 },
            },
            replay: 'matmem verify --claim corollary-2.1 --seed 7 --path 3:0:0',
            detail: 'In the exact model J_tot = I(W) for normal U, V: the strict inequality fails.',
            statistics: { quantity: 'J_tot,rel', min: 0.9999999999999998, median: 1, max: 1.0000000000000002 },
            witnesses: [
              { witness: 'identity', verdict: 'fails', detail: 'Σ_k J(k) = Tr(WᵀW)/(ε₁ε₂) as an exact identity' },
              { witness: 'simulation', verdict: 'holds', detail: 'cannot separate 1 from 1 − 1e-3 at 2000 samples' },
            ],
          },
        ],
      },
      {
        id: 'eq-18.normal-capacity',
        source: 'Eq. 18',
        statement: 'Closed form of J_tot for normal connectivity.',
        statementTex: 'J_{tot} = \\sum_{i,j} \\frac{|w_{ij}|^2 (1-|\\lambda_i\\mu_j|^2)}{\\varepsilon_1\\varepsilon_2 \\ldots}',
        results: [
          {
            model: 'paper',
            verdict: 'holds',
            cases: 50,
            worst: { relativeGap: 3.1e-14 },
            counterexample: null,
            replay: 'matmem verify --claim eq-18.normal-capacity --seed 7',
            detail: 'Equal to the series to 3.1e-14 in all 50 cases.',
            statistics: { quantity: 'relative gap', min: 0, median: 2e-16, max: 3.1e-14 },
          },
          {
            model: 'exact',
            verdict: 'inconclusive',
            cases: 50,
            undefinedCases: 3,
            worst: { condition: Infinity, residual: NaN, smallest: -Infinity },
            counterexample: null,
            replay: 'matmem verify --claim eq-18.normal-capacity --seed 7',
            detail: 'Stein solve ill-conditioned in 3 of 50 cases (condition number 1e17 and beyond).',
          },
        ],
      },
      {
        id: 'theorem-1.covariance',
        source: 'Theorem 1, Eq. 9',
        statement: 'Eq. 9 is the covariance of X(n) when A < B & C > D.',
        statementTex: 'C_n = \\sum_{k\\ge 0} (U^T)^k W W^T U^k \\operatorname{Tr}\\big((V^k)^T V^k\\big)',
        results: [
          {
            model: 'paper',
            verdict: 'fails',
            cases: 20,
            worst: null,
            counterexample: { case: 'non-normal (N = 2)', U: [[0.5, 1], [0, 0.5]], numbers: { eq9: 1.25, simulated: [1.5, 0.011] } },
            replay: 'matmem verify --claim theorem-1.covariance --seed 7 --path 0',
            detail: 'Eq. 9 misses the cross terms for non-normal U.',
          },
          { model: 'exact', verdict: 'holds', cases: 20, worst: null, counterexample: null, replay: 'matmem verify --claim theorem-1.covariance --seed 7', detail: 'Stein residual below 1e-13.' },
        ],
      },
      {
        id: 'eq-49.lyapunov',
        source: 'Eq. 49 | Appendix',
        statement: 'A Lyapunov function for the memory system.',
        results: [
          { model: 'paper', verdict: 'inconclusive', cases: 0, worst: null, counterexample: null, replay: 'matmem verify --claim eq-49.lyapunov', detail: 'Budget exhausted before a decision.' },
        ],
      },
    ],
    derivations: [
      {
        id: 'theorem-2',
        title: 'Theorem 2: J_tot of normal networks',
        source: 'Section 3, Eqs. 19-25',
        steps: [
          { index: 1, from: 'J(k)', to: 'sum over eigenpairs', fromTex: 'J(k)', toTex: '\\sum_{i,j} |\\lambda_i|^{2k} |\\mu_j|^{2k} |w_{ij}|^2', justification: 'diagonalize U, V', method: 'symbolic', verdict: 'holds', detail: 'nerdamer simplifies the difference to 0', source: 'Eq. 19' },
          { index: 2, from: 'sum over k', to: 'geometric series', fromTex: '\\sum_k x^k', toTex: '\\frac{1}{1-x}', justification: 'geometric series', method: 'identity', verdict: 'holds', detail: 'exact on 30 random rationals', assumptions: ['|x| < 1'] },
          {
            index: 3,
            from: 'J_tot ≤ Tr(WᵀW)',
            to: 'J_tot < Tr(WᵀW)',
            justification: 'strictness',
            method: 'numeric',
            verdict: 'fails',
            detail: 'equality when W has one non-zero entry',
            counterexample: { W: [[1, 0], [0, 0]], jtot: 1 },
          },
        ],
      },
    ],
    generated: { at: '2024-01-02T03:04:05.000Z', seconds: 12.5 },
  };
}
