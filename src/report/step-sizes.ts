/**
 * The sizes the derivation steps' verdicts cover (issue 29), summarized for the reports and the
 * terminal: per derivation, how many algebraic steps are certified for every N and why each other
 * one is not; per step, one line.
 */
import type { DerivationReport, DerivationStepReport } from '../core/types.ts';

export interface DerivationSizeCounts {
  steps: number;
  /** Steps with at least one algebraic witness. */
  algebraic: number;
  everyN: number;
  /** Steps that hold at their tested size only (they fail, with the counterexample at the larger size). */
  smallOnly: number;
  /** The other steps by the reason they cover the tested sizes only, with their indexes. */
  testedOnly: { short: string; steps: number[] }[];
}

const isAlgebraic = (s: DerivationStepReport) => (s.sizes?.witnesses.length ?? 0) > 0 || (s.witnesses ?? []).some((w) => w.witness === 'symbolic' || w.witness === 'identity');

export function derivationSizeCounts(d: DerivationReport): DerivationSizeCounts {
  const testedOnly = new Map<string, number[]>();
  let everyN = 0;
  let smallOnly = 0;
  for (const s of d.steps) {
    if (s.sizes?.covers === 'every N') everyN++;
    else if (s.sizes?.witnesses.some((w) => w.status === 'fails at a larger N')) smallOnly++;
    else {
      const short = s.sizes?.short ?? 'not checked';
      testedOnly.set(short, [...(testedOnly.get(short) ?? []), s.index]);
    }
  }
  return { steps: d.steps.length, algebraic: d.steps.filter(isAlgebraic).length, everyN, smallOnly, testedOnly: [...testedOnly].map(([short, steps]) => ({ short, steps })) };
}

/** "every N: 5 of 12 steps; holds at the tested size only: 1; tested sizes only: #2, #4 (Stein equation solves); #7 (float64 witnesses only)". */
export function derivationSizeLine(d: DerivationReport): string {
  const c = derivationSizeCounts(d);
  const parts = [`every N: ${c.everyN} of ${c.steps} step${c.steps === 1 ? '' : 's'}`];
  if (c.smallOnly) parts.push(`holds at the tested size only (fails for larger N): ${c.smallOnly}`);
  if (c.testedOnly.length) parts.push(`tested sizes only: ${c.testedOnly.map((t) => `${t.steps.map((i) => `#${i}`).join(', ')} (${t.short})`).join('; ')}`);
  return parts.join('; ');
}

/** One step's sizes in a line: "every N (normal form, degree 10)" or "tested sizes only (N = 2; N = 3 (exact, 2 points)): a Stein equation solve …". */
export function stepSizeLine(s: DerivationStepReport): string {
  const z = s.sizes;
  if (!z) return 'sizes: not checked';
  if (z.covers === 'every N') {
    const w = z.witnesses.find((x) => x.status === 'every N');
    const how = w?.method === 'exact test' ? `exact test at N = ${w.sizes?.join(', ')}, ${w.kind} identity of degree ${w.degree}, bound N ≥ ${w.minimumSize}` : w?.method === 'normal form' ? `normal form, degree ${w.degree}` : w?.method ?? '';
    return `every N (${how})${w?.covers ? `; covers the step as written: ${w.covers}` : ''}`;
  }
  if (z.witnesses.some((w) => w.status === 'fails at a larger N')) return z.summary;
  return `tested sizes only (${z.tested.join('; ')}): ${z.reason ?? ''}`;
}
