/**
 * The sizes a step's verdict covers (issue 29). A step that holds at its tested size gets a size
 * certificate from each of its algebraic witnesses (certify.ts): it covers every N when one of them
 * is certified; it FAILS when one of them holds at the tested size only — with the counterexample
 * at the larger size, never a plain `holds`; otherwise it covers the sizes tested, with the reason.
 */
import type { StepSizes, Verdict, WitnessSizes } from '../../core/types.ts';
import type { Rng } from '../../core/random.ts';
import type { ProofStep } from '../types.ts';
import { certifyWitness, testedSizes } from './certify.ts';
import { sizeClasses } from './record.ts';
import { shortReason } from './reasons.ts';

export interface StepSizesOutcome {
  sizes: StepSizes;
  /** Set when the step holds at its tested size only: the detail and the counterexample at the larger size. */
  failure?: { detail: string; counterexample: Record<string, unknown> };
}

function testedOf(step: ProofStep): string[] {
  const out: string[] = [];
  for (const w of step.witnesses) {
    if (w.type === 'numeric') out.push(`float64: ${w.inputs}`);
    else {
      try {
        out.push(testedSizes(sizeClasses(w.identity?.skip && w.symbolic?.variables ? w.symbolic.variables : w.variables)));
      } catch (e) {
        out.push((e as Error).message);
      }
    }
  }
  return [...new Set(out)];
}

/** The sizes of a step whose witnesses gave `verdict` at the tested sizes; `rng(i)` draws for witness i. */
export function stepSizes(step: ProofStep, verdict: Verdict, rng: (witness: number) => Rng, points: number): StepSizesOutcome {
  const tested = testedOf(step);
  const algebraic = step.witnesses.map((w, i) => [w, i] as const).filter((x): x is [Extract<ProofStep['witnesses'][number], { type: 'algebraic' }>, number] => x[0].type === 'algebraic');
  if (verdict !== 'holds') {
    const reason = verdict === 'fails' ? 'the step does not hold at the tested size (its counterexample refutes it for every N it is claimed for)' : 'the step is inconclusive at the tested size';
    return { sizes: { covers: 'tested sizes', tested, reason, short: shortReason(reason), summary: `tested sizes only (${tested.join('; ')}): ${reason}`, witnesses: [] } };
  }
  if (algebraic.length === 0) {
    const reason = 'float64 witnesses only: numbers of random cases of the sizes generated, no exact expression to certify';
    return { sizes: { covers: 'tested sizes', tested, reason, short: shortReason(reason), summary: `tested sizes only (${tested.join('; ')}): ${reason}`, witnesses: [] } };
  }
  const results = algebraic.map(([w, i]) => certifyWitness(w, i, rng(i), points));
  const witnesses: WitnessSizes[] = results.map((r) => r.sizes);
  const failed = results.find((r) => r.sizes.status === 'fails at a larger N');
  const extra = [...new Set(witnesses.flatMap((w) => (w.testedAlso ? [w.testedAlso] : [])))];
  if (failed) {
    const w = failed.sizes;
    const reason = `holds at the tested size only: ${w.detail}`;
    return {
      sizes: { covers: 'tested sizes', tested: [...tested, ...extra], reason, short: 'holds at the tested size only', summary: `FAILS at a larger N: ${w.detail}`, witnesses },
      failure: { detail: `holds at the tested size only (${tested.join('; ')}), fails at a larger size — witness ${w.witness + 1}: ${w.detail}`, counterexample: failed.counterexample! },
    };
  }
  const certified = witnesses.find((w) => w.status === 'every N');
  if (certified) return { sizes: { covers: 'every N', tested, summary: certified.detail, witnesses } };
  const reasons = [...new Set(witnesses.map((w) => w.reason!))];
  const reason = reasons.join('; ');
  return { sizes: { covers: 'tested sizes', tested: [...tested, ...extra], reason, short: [...new Set(witnesses.map((w) => w.short!))].join(', '), summary: `tested sizes only (${[...tested, ...extra].join('; ')}): no certificate — ${reason}`, witnesses } };
}
