/**
 * Sections 3.2–4: adding the queue-like state memory of Eq. 34 with one slot increases the memory
 * capacity: J'_tot > J_tot of Eq. 5 for the same U, V, W (the paper's case is α₁ = 1; α₁ ∈ (0, 1)
 * is drawn as well, read in the paper model as the effective weight a = α₁, assumption A5 of
 * src/models/memory/paper.ts).
 * paper: J'_tot from the reconstructed Eq. 40 with the sums over m truncated at depth 10 (Figure 3's
 *        practice; the untruncated sums diverge), against J_tot of Eq. 16.
 * exact: the stationary J'_tot of the true law of Eq. 34 (undefined when the stacked system is
 *        unstable, which for α₁ = 1 is always), against the true J_tot of Eq. 5.
 */
import type { AnalyticModel as ModelName } from '../src/core/types.ts';
import { toMatrixCase } from '../src/arbitraries/cases.ts';
import { spdConditionNumber, symmetricEigenvalues } from '../src/linalg/dense.ts';
import type { MatrixCase } from '../src/models/case.ts';
import { memoryExactFisherMemory, paperMemoryModel, paperMemoryTotalCapacity } from '../src/models/memory/index.ts';
import { describeMemoryCase, MAX_N, memoryCases, type MemoryCase } from '../src/arbitraries/case-sets.ts';
import { ALL_INPUT_FAMILIES } from '../src/arbitraries/inputs.ts';
import { ALL_FAMILIES } from '../src/arbitraries/matrices.ts';
import { caseDimensions, distanceBuckets } from '../src/claims/checks/case-coverage.ts';
import { defaultCapacityKit, type CapacityKit } from '../src/claims/checks/property-kit.ts';
import { guarded, requireResolvable, ROUNDING_SAFETY, UNIT_ROUNDOFF } from '../src/claims/checks/property-kit.ts';
import type { PropertyClaim } from '../src/claims/checks/property-types.ts';
import { propertyClaim } from '../src/claims/checks/property.ts';
import { memorySystemCheck } from '../src/claims/checks/memory-system.ts';

/** Depth of the sums over m in the paper model (DEFAULT_PAPER_TRUNCATION_DEPTH of the memory module). */
export const PAPER_MEMORY_DEPTH = 10;

export interface MemoryKit extends CapacityKit {
  /** J'_tot of Eq. 34 with one slot of weight α, and its estimated relative error. */
  memory: (model: ModelName, c: MatrixCase, alpha: number) => { jtot: number; relativeError: number; numbers: Record<string, number> };
}

export const defaultMemoryKit: MemoryKit = {
  ...defaultCapacityKit,
  memory: (model, c, alpha) => {
    const n = c.U.rows ** 2;
    if (model === 'paper') {
      const m = paperMemoryModel(c, { weight: alpha, truncation: { depth: PAPER_MEMORY_DEPTH } });
      const { jtot, relativeResidual } = paperMemoryTotalCapacity(c, m);
      const maxEig = (x: typeof m.psi) => symmetricEigenvalues(x)[x.rows - 1];
      // as for J_tot (numerics.ts): κ(Σ')κ(Ψ') and the Stein amplifications of the summed covariances
      const kappa = spdConditionNumber(m.psi) * spdConditionNumber(m.sigma);
      const amp = maxEig(m.psi) / c.e1 + maxEig(m.sigma) / c.e2;
      const relativeError = ROUNDING_SAFETY * n * UNIT_ROUNDOFF * (kappa + amp) + relativeResidual;
      const numbers = { jtotMemory: jtot, conditionMemory: kappa, depth: PAPER_MEMORY_DEPTH };
      requireResolvable(relativeError, "paper memory model", numbers);
      return { jtot, relativeError, numbers };
    }
    const r = memoryExactFisherMemory(c, { alpha: [alpha], count: 1 });
    // the stacked system's solvers report residuals / unitarity defects; the stationary sums are
    // conditioned like C, so the floor uses the stacked spectral radius: 1/(1 − ρ(F)²) amplification
    const residual = Object.values(r.residuals).reduce((s, x) => s + Math.abs(x), 0);
    const amp = 1 / (1 - r.stability.spectralRadius ** 2);
    const relativeError = ROUNDING_SAFETY * 2 * n * UNIT_ROUNDOFF * amp * amp + 10 * residual;
    const numbers = { jtotMemory: r.jtot, stackedSpectralRadius: r.stability.spectralRadius, exactMethodNormal: r.method === 'normal' ? 1 : 0 };
    requireResolvable(relativeError, 'exact memory model', numbers);
    return { jtot: r.jtot, relativeError, numbers };
  },
};

/** The distance to J'_tot = J_tot: |J'_tot/J_tot − 1|, a tie, then decades (an increase or a decrease: the verdict says which). */
const increase = distanceBuckets([0, 1e-6, 1e-3, 0.1], Infinity, "|J'/J − 1|");

export function makeMemoryIncreaseProperty(kit: MemoryKit = defaultMemoryKit): PropertyClaim<MemoryCase> {
  return {
    id: 'memory.capacity-increase',
    source: 'Sections 3.2-4 (Eq. 34 against Eq. 5), Figures 3-4',
    statement: "Adding one memory slot (Eq. 34, p = 1) to Eq. 5 increases the memory capacity: J'_tot > J_tot for the same U, V, W.",
    statementTex: "J'_{tot} > J_{tot}",
    kind: 'strict',
    relaxed: { statement: "J'_tot ≥ J_tot" },
    quantity: { paper: "J'_tot / J_tot (depth-10 Eq. 40 / Eq. 16)", exact: "J'_tot / J_tot (true laws of Eq. 34 and Eq. 5)" },
    models: ['paper', 'exact'],
    notes: {
      paper: "Cases with α₁ < 1 leave the paper's constraint Σα = 1 (p = 1 means α₁ = 1); they are read as the effective weight a = α₁ (assumption A5) and counted with the α₁ = 1 cases.",
      exact: "For α₁ = 1 the stacked system of Eq. 34 has an eigenvalue of modulus ≥ 1 for every U, V (μ² − λμ − 1 = 0 has roots of product −1), so its stationary J'_tot does not exist; every defined case therefore has α₁ < 1, outside the paper's constraint Σα = 1: this verdict is about that generalisation, and the paper's own setting has no stationary capacity at all (memory.stability). For normal U, V and stable α₁ < 1, J'_tot = I(W) = J_tot exactly.",
    },
    arbitrary: memoryCases(),
    evaluate: (model, mc) =>
      guarded(() => {
        const c = toMatrixCase(mc.base);
        const base = kit[model](c);
        const mem = kit.memory(model, c, mc.alpha);
        const ratio = mem.jtot / base.jtot;
        return {
          value: ratio,
          margin: ratio - 1,
          bound: 1,
          errorBound: (base.relativeError + mem.relativeError) * Math.abs(ratio),
          numbers: { jtotWithoutMemory: base.jtot, ...mem.numbers, ratio, alpha: mc.alpha, N: mc.base.N },
        };
      }),
    describe: describeMemoryCase,
    size: (mc) => mc.base.N,
    coverage: [
      ...caseDimensions((mc: MemoryCase) => mc.base, { uFamilies: ALL_FAMILIES, vFamilies: ALL_FAMILIES, wFamilies: ALL_INPUT_FAMILIES, maxN: MAX_N, outsideRadii: ['≥ 1 (divergent)'] }),
      { name: 'α₁', buckets: ["1 (the paper's)", '(0, 1)'], bucket: (mc) => (mc.alpha === 1 ? "1 (the paper's)" : '(0, 1)') },
      { name: "|J'/J − 1|", buckets: increase.buckets, bucket: (_mc, e) => (e.undefinedReason === undefined ? increase.of(e.margin, e.errorBound) : undefined) },
    ],
  };
}

export const memoryIncreaseProperty = makeMemoryIncreaseProperty();

/** The property (first), and the memory system's own evaluation in both models. */
export default propertyClaim(memoryIncreaseProperty, 160, [memorySystemCheck('capacity-increase')]);
