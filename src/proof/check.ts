/**
 * The step checker. An algebraic step has two independent witnesses, symbolic
 * (witnesses/symbolic.ts) and identity at random rational points (witnesses/identity.ts); a step that
 * only has floats has a numeric witness (witnesses/numeric.ts). The step verdict follows the
 * witnesses that finished (combine.ts); disagreement is reported. Those witnesses decide the step at
 * its tested size; a step that holds gets the sizes its verdict covers (sizes/step.ts), and one that
 * holds at its tested size only fails, with the counterexample at the larger size.
 */
import type { DerivationReport, DerivationStepReport, WitnessResult } from '../core/types.ts';
import { deriveSeed, makeRng } from '../core/random.ts';
import { combineWitnesses } from './combine.ts';
import { pinnedSides } from './pinned.ts';
import type { Derivation, ProofStep } from './types.ts';
import { runIdentity } from './witnesses/identity.ts';
import { runNumeric } from './witnesses/numeric.ts';
import { runSymbolic } from './witnesses/symbolic.ts';
import { stepSizes } from './sizes/step.ts';

export { domainSize, SAMPLE_DENOMINATOR } from './environment.ts';
export { combineWitnesses } from './combine.ts';
export { runIdentity, type IdentityOutcome } from './witnesses/identity.ts';
export { runNumeric } from './witnesses/numeric.ts';
export { runSymbolic, SYMBOLIC_MAX_TERMS, SYMBOLIC_MAX_WORK } from './witnesses/symbolic.ts';

export interface CheckOptions {
  seed: number;
  /** Scales the number of numeric cases (capped at 12 per witness) and identity points (capped at 6). */
  runs: number;
}

export function checkStep(step: ProofStep, index: number, derivationId: string, opts: CheckOptions): DerivationStepReport {
  const results: WitnessResult[] = [];
  const counterexamples: Record<string, unknown>[] = [];
  const points = Math.max(2, Math.min(6, Math.ceil(opts.runs / 40)));
  const cases = Math.max(3, Math.min(12, opts.runs));
  step.witnesses.forEach((w, wi) => {
    const rng = makeRng(deriveSeed(opts.seed, derivationId, index, wi));
    if (w.type === 'algebraic') {
      results.push(runSymbolic(w));
      const id = runIdentity(w, rng, points);
      results.push(id.result);
      if (id.counterexample) counterexamples.push(id.counterexample);
    } else {
      const nu = runNumeric(w, rng, cases);
      results.push(nu.result);
      if (nu.counterexample) counterexamples.push(nu.counterexample);
    }
  });
  const c = combineWitnesses(results);
  const pinned = pinnedSides(step, derivationId, index);
  let verdict = c.verdict;
  let detail = c.detail;
  if (verdict === 'fails' && counterexamples.length === 0) {
    verdict = 'inconclusive';
    detail = `only the symbolic witness found a non-zero difference and no witness produced a counterexample point; ${detail}`;
  }
  // the sizes the verdict covers: a step that holds at its tested size only fails, with the counterexample at the larger size
  const sizes = stepSizes(step, verdict, (wi) => makeRng(deriveSeed(opts.seed, derivationId, index, wi, 'sizes')), points);
  if (sizes.failure) {
    verdict = 'fails';
    detail = `${sizes.failure.detail}; at the tested size: ${detail}`;
    counterexamples.unshift(sizes.failure.counterexample);
  }
  const agreed = sizes.failure ? [] : results.filter((r) => r.verdict !== 'inconclusive' && r.verdict === verdict).map((r) => r.witness);
  return {
    index,
    from: step.from,
    to: step.to,
    ...(step.fromTex ? { fromTex: step.fromTex } : {}),
    ...(step.toTex ? { toTex: step.toTex } : {}),
    justification: step.justification,
    method: c.method,
    verdict,
    detail,
    source: step.source,
    assumptions: step.assumptions,
    witnesses: results,
    agreed,
    counterexample: verdict === 'fails' ? counterexamples[0] : null,
    ...(pinned.length ? { pinned } : {}),
    claims: step.claims,
    ...(step.supports?.length ? { supports: step.supports } : {}),
    ...(step.model ? { model: step.model } : {}),
    replay: stepReplay(derivationId, index, opts),
    sizes: sizes.sizes,
  };
}

/** The command that re-runs exactly one step (same seed and runs: same points and cases). */
export function stepReplay(derivationId: string, index: number, opts: CheckOptions): string {
  return `matmem verify --step ${derivationId}#${index} --seed ${opts.seed} --runs ${opts.runs}`;
}

/**
 * Checks the steps of a derivation (all, or those `select` keeps; indexes stay the paper order's).
 * `onStep` is called before each step (progress).
 */
export function checkDerivation(d: Derivation, opts: CheckOptions, select?: (step: ProofStep, index: number) => boolean, onStep?: (label: string) => void): DerivationReport {
  const steps: DerivationStepReport[] = [];
  d.steps.forEach((s, i) => {
    if (select && !select(s, i + 1)) return;
    onStep?.(`${d.id} #${i + 1}`);
    steps.push(checkStep(s, i + 1, d.id, opts));
  });
  return { id: d.id, title: d.title, source: d.source, ...(d.notes?.length ? { notes: d.notes } : {}), steps };
}