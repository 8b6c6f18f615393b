/** What `matmem verify` adds beyond the claim registry: derivation checks and figures. */
import { checkDerivations, type VerifyHooks } from '../claims/verify.ts';
import type { Derivation } from '../proof/types.ts';
import type { FigureReport } from '../core/types.ts';
import { derivationClaimIds, selectedStepCount, stepIds } from '../proof/index.ts';

/** Every derivation step selected by --claim / --step (all by default), checked with the run's seed and runs. */
export const verifyHooks: VerifyHooks = { derivations: checkDerivations };

/** Claim ids that only derivation steps name (a user's derivation may name a claim no file declares): --claim accepts them too. */
export function derivationOnlyClaimIds(registered: string[], derivations: Derivation[]): string[] {
  return derivationClaimIds(derivations).filter((id) => !registered.includes(id));
}

export { selectedStepCount, stepIds };

/** Figures 2, 3 and 4 in both models, for report.html. */
export async function reportFigures(seed: number): Promise<FigureReport[]> {
  // the renderers (vega) load only when figures are drawn
  const { figure2Numbers } = await import('../figures/figure2.ts');
  const { FIGURE2_CAPTION, figure2Svg } = await import('./figure2.ts');
  const { buildMemoryFigure } = await import('./figure-memory.ts');
  const { memoryFigureData } = await import('../figures/memory-figures.ts');
  const fig2 = await figure2Svg(figure2Numbers({ seed }));
  const out: FigureReport[] = [{ id: 'figure-2', title: 'Figure 2: Fisher memory of vector and matrix networks', caption: FIGURE2_CAPTION, svg: fig2 }];
  // Figures 3 and 4 show the same computation (the curve and its running sum)
  const memory = memoryFigureData({ seed });
  for (const which of [3, 4] as const) {
    const f = await buildMemoryFigure(which, { seed }, memory);
    out.push({ id: `figure-${which}`, title: `Figure ${which}: the memory system of Eq. 34`, caption: f.caption, svg: f.svg });
  }
  return out;
}
