/**
 * Lemma 1 (KL divergence of matrix normals) and Lemma 2 (input Fisher information): statements about
 * Gaussian matrices, independent of the dynamics, so they have one result (reported under "paper").
 * The truth they are compared with is the multivariate normal of vec X (models/gaussian.ts). Both
 * draw their cases from one stream per seed, Lemma 2's after Lemma 1's; they are computed together
 * and each claim takes its result.
 */
import { Matrix } from 'ml-matrix';
import type { ClaimResult } from '../../core/types.ts';
import { gaussianMatrix, randomSpd } from '../../cases/families.ts';
import { independentGaussianStreams } from '../../core/random.ts';
import { makeCase } from '../../models/case.ts';
import { inputFisherCheck, lemma1AppendixA, lemma1MainText, vectorizedKl } from '../../models/gaussian.ts';
import { verdictFromOutcomes, type CaseOutcome } from '../verdict.ts';
import { customCheck, type ClaimCheck } from '../unit.ts';

/** Relative error bound: log-determinants and traces of SPD matrices with κ < 1e3 at n·p ≤ 9: 1e-10. */
const RTOL = 1e-10;

const SHAPES: [number, number][] = [[1, 1], [2, 2], [3, 3], [2, 3], [3, 1], [1, 2]];

function evaluateLemmas(opts: { seed: number; runs: number }): { lemma1: ClaimResult; lemma2: ClaimResult } {
  const [g] = independentGaussianStreams((opts.seed * 7919 + 3) | 0, 1);
  const count = Math.max(SHAPES.length, Math.min(opts.runs, 60));
  const mainText: CaseOutcome[] = [];
  const appendix: CaseOutcome[] = [];
  for (let i = 0; i < count; i++) {
    const [n, p] = SHAPES[i % SHAPES.length];
    const a1 = randomSpd(n, g);
    const a2 = randomSpd(n, g);
    const b1 = randomSpd(p, g);
    const b2 = randomSpd(p, g);
    const m1 = gaussianMatrix(n, p, g);
    const m2 = gaussianMatrix(n, p, g);
    const truth = vectorizedKl(m1, a1, b1, m2, a2, b2);
    const data = { n, p, M1: m1.to2DArray(), M2: m2.to2DArray(), rowCov1: a1.to2DArray(), rowCov2: a2.to2DArray(), colCov1: b1.to2DArray(), colCov2: b2.to2DArray() };
    for (const [out, value] of [[mainText, lemma1MainText(m1, a1, b1, m2, a2, b2)], [appendix, lemma1AppendixA(m1, a1, b1, m2, a2, b2)]] as const) {
      const gap = Math.abs(value - truth) / Math.max(Math.abs(truth), 1e-300);
      out.push({ label: `n = ${n}, p = ${p} (#${i})`, size: n * p * 100 + i, data, value: gap, margin: -gap, errorBound: RTOL, numbers: { formula: value, vectorizedKl: truth, relativeGap: gap } });
    }
  }
  const replay = `matmem verify --claim lemma-1.kl --seed ${opts.seed} --runs ${opts.runs}`;
  const lemma1 = verdictFromOutcomes(mainText, { claimId: 'lemma-1.kl', model: 'paper', quantity: 'relative gap to the vectorized KL', kind: 'identity', replay });
  const appendixResult = verdictFromOutcomes(appendix, { claimId: 'lemma-1.kl', model: 'paper', quantity: 'relative gap to the vectorized KL', kind: 'identity', replay });
  lemma1.witnesses = [
    { witness: 'numeric', verdict: lemma1.verdict, detail: `main-text form (Ψ row n×n, Σ column p×p): ${lemma1.detail}` },
    { witness: 'numeric', verdict: appendixResult.verdict, detail: `Appendix A final form (A row, B column): ${appendixResult.detail}` },
  ];

  // Lemma 2: I(W) = ‖W‖²/(ε₁ε₂) against −E[∂² log p/∂s²] by a second difference (exact for a quadratic log-density up to rounding)
  const lemma2Outcomes: CaseOutcome[] = [];
  for (let i = 0; i < Math.min(opts.runs, 40); i++) {
    const N = 1 + (i % 4);
    const w = gaussianMatrix(N, N, g);
    const c = makeCase(Matrix.zeros(N, N).to2DArray(), Matrix.zeros(N, N).to2DArray(), w.to2DArray(), Math.exp(g.next()), Math.exp(g.next()));
    const { formula, secondDifference } = inputFisherCheck(c);
    const gap = Math.abs(formula - secondDifference) / Math.abs(formula);
    // the second difference of a quadratic is exact; rounding in it is ~1e-16·|log p|/h² ≈ 1e-11 relative
    lemma2Outcomes.push({ label: `N = ${N} (#${i})`, size: N * 100 + i, data: { W: w.to2DArray(), e1: c.e1, e2: c.e2 }, value: gap, margin: -gap, errorBound: 1e-7, numbers: { formula, secondDifference, relativeGap: gap } });
  }
  const lemma2 = verdictFromOutcomes(lemma2Outcomes, { claimId: 'lemma-2.input-fisher', model: 'paper', quantity: 'relative gap to −∂² log p', kind: 'identity', replay: `matmem verify --claim lemma-2.input-fisher --seed ${opts.seed}` });
  return { lemma1, lemma2 };
}

const cache = new Map<string, { lemma1: ClaimResult; lemma2: ClaimResult }>();

function lemmas(seed: number, runs: number): { lemma1: ClaimResult; lemma2: ClaimResult } {
  const key = `${seed}/${runs}`;
  let r = cache.get(key);
  if (!r) cache.set(key, (r = evaluateLemmas({ seed, runs })));
  return r;
}

/** Lemma 1 or Lemma 2 against the vectorized normal (a fresh copy of the result: the registry annotates it). */
export function gaussianLemmaCheck(which: 'lemma1' | 'lemma2'): ClaimCheck {
  return customCheck('Gaussian lemmas', (ctx) => [structuredClone(lemmas(ctx.seed, ctx.runs)[which])]);
}
