/**
 * A property's cases cut into slices, so that a sharded run shares out the cases of one property
 * (verify --claim ID --runs 1000000 --shard i/n): slice s of n holds cases ⌊runs·(s−1)/n⌋ up to
 * ⌊runs·s/n⌋ − 1 of each property check in each model (the same cases the uncut run draws: fast-check
 * starts its stream at the slice's first case). A slice's result is the ledger of its cases
 * (property-ledger.ts); the claim's other checks run once (a "sliced claim" unit). The merge joins
 * the ledgers in order and computes each result from the joined ledger and the property's declared
 * data, as the uncut run does, so the merged report is the uncut run's.
 */
import type { ClaimResult, ModelName } from '../core/types.ts';
import { isPropertyCheck, notDefinedResult, propertyLedger, propertyMeta } from './checks/property.ts';
import { joinLedgers, ledgerFromJson, ledgerToJson, type LedgerJson } from './checks/property-ledger.ts';
import { resultFromLedger, type PropertyMeta } from './checks/property-result.ts';
import { checkResults, combineCheckResults, type ClaimRunOptions } from './registry.ts';
import type { ClaimDefinition } from './unit.ts';

/** A slice's ledger: cases of one property check (the claim's check `check`) in one model. */
export interface SliceLedger {
  id: string;
  model: ModelName;
  check: number;
  slice: number;
  slices: number;
  ledger: LedgerJson;
}

/** A claim cut into slices, in one model: each check's results, or, for a property, its declared data (the result comes from the slices' ledgers). */
export interface SlicedClaim {
  id: string;
  model: ModelName;
  checks: ({ index: number; source: string; property: PropertyMeta } | { index: number; source: string; results: ClaimResult[] })[];
}

export type SliceRunOptions = Pick<ClaimRunOptions, 'seed' | 'runs' | 'experiments' | 'caseTimeoutSeconds'>;

/** The cases of slice s (1-based) of n. */
export function sliceRange(runs: number, slice: number, slices: number): { from: number; count: number } {
  const from = Math.floor((runs * (slice - 1)) / slices);
  return { from, count: Math.floor((runs * slice) / slices) - from };
}

/** Whether the claim's check `index` is a property decided case by case in this model (the checks that slices share out). */
export function slicedCheck(claim: ClaimDefinition, index: number, model: ModelName): boolean {
  const c = claim.checks[index];
  if (!isPropertyCheck(c) || claim.notDefinedIn?.[model] !== undefined) return false;
  const p = c.property;
  return (model === 'paper' || model === 'exact') && p.notDefinedIn?.[model] === undefined && p.models.includes(model);
}

/** The ledger of one slice (computed with the property's code). */
export function runSlice(claim: ClaimDefinition, model: ModelName, check: number, slice: number, slices: number, opts: SliceRunOptions): SliceLedger {
  const c = claim.checks[check];
  if (!isPropertyCheck(c)) throw new Error(`claim ${claim.id}: check ${check} is not a property`);
  if (model === 'experiment') throw new Error(`claim ${claim.id}: a property has no cases in the experiment model`);
  const range = sliceRange(opts.runs, slice, slices);
  const ledger = propertyLedger(c.property, { model, seed: opts.seed, runs: opts.runs, caseTimeoutSeconds: opts.caseTimeoutSeconds, ...range });
  return { id: claim.id, model, check, slice, slices, ledger: ledgerToJson(ledger) };
}

/** The claim in one model with its property checks left to the slices: the other checks' results, the properties' declared data. */
export function runSlicedClaim(claim: ClaimDefinition, model: ModelName, opts: SliceRunOptions): SlicedClaim {
  const ctx = { seed: opts.seed, runs: opts.runs, experiments: opts.experiments ?? [], models: [model], ...(opts.caseTimeoutSeconds !== undefined ? { caseTimeoutSeconds: opts.caseTimeoutSeconds } : {}) };
  return {
    id: claim.id,
    model,
    checks: claim.checks.map((check, index) => {
      if (isPropertyCheck(check) && slicedCheck(claim, index, model)) return { index, source: check.source, property: propertyMeta(check.property) };
      if (isPropertyCheck(check) && (model === 'paper' || model === 'exact') && check.property.notDefinedIn?.[model] === undefined && !check.property.models.includes(model)) {
        return { index, source: check.source, results: checkResults(claim, check.source, [notDefinedResult(check.property, { model, seed: opts.seed, runs: opts.runs })], [model]) };
      }
      return { index, source: check.source, results: checkResults(claim, check.source, check.run(ctx, claim), [model]) };
    }),
  };
}

/** The claim results of sliced claims, each from its checks' results and its properties' joined ledgers. */
export function assembleSlicedClaims(sliced: SlicedClaim[], slices: SliceLedger[], run: { seed: number; runs: number }): { id: string; model: ModelName; result: ClaimResult }[] {
  return sliced.flatMap((sc) => {
    const perCheck = sc.checks.map((c) => {
      if ('results' in c) return c.results;
      const mine = slices.filter((s) => s.id === sc.id && s.model === sc.model && s.check === c.index);
      const ledger = joinLedgers(mine.map((s) => ledgerFromJson(s.ledger)));
      if (ledger.from !== 0 || ledger.count !== run.runs) throw new Error(`${sc.id}/${sc.model}: the slices hold cases ${ledger.from}..${ledger.from + ledger.count - 1}, not 0..${run.runs - 1}`);
      if (sc.model === 'experiment') throw new Error(`${sc.id}: a property has no cases in the experiment model`);
      return checkResults({}, c.source, [resultFromLedger(c.property, ledger, { model: sc.model, seed: run.seed, runs: run.runs })], [sc.model]);
    });
    return combineCheckResults(perCheck).map((result) => ({ id: sc.id, model: sc.model, result }));
  });
}
