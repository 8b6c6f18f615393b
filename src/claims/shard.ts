/**
 * verify in shards (`verify --shard i/n`, then `matmem merge`): the work of a full run is a list of
 * units in a fixed order — each claim in each model (paper, exact, experiment), each derivation step,
 * each model check — and shard i of n takes the units whose position is i − 1 modulo n. A unit's
 * result depends only on the seed, the runs and the unit (every check draws from its own seed), so a
 * shard's output depends only on (seed, runs, i, n), and the merge rebuilds the report the
 * unsharded run gives, byte for byte apart from `generated`.
 */
import type { ClaimReport, ClaimResult, DerivationReport, DerivationStepReport, ModelCheckReport, ModelName, Report } from '../core/types.ts';
import { REPORT_FORMAT } from '../core/types.ts';
import { VERSION } from '../core/version.ts';
import { inShard, type ShardSpec } from '../core/shard.ts';
import { InputError } from '../errors.ts';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { writeFileAtomic } from '../io/atomic.ts';
import { readJsonInput } from '../io/json-input.ts';
import { assertSchema } from '../io/schema.ts';
import { checkStep } from '../proof/check.ts';
import { valueFromJson, valueToJson } from '../report/json.ts';
import { MODEL_CHECK_IDS, runModelCheck } from './model-checks/index.ts';
import { runClaim, type ClaimRunOptions, type Units } from './registry.ts';
import { attachDerivations, withLoadInReplays } from './verify.ts';
import { assembleSlicedClaims, runSlice, runSlicedClaim, slicedCheck, type SliceLedger, type SlicedClaim } from './case-slices.ts';
import { stepSelected } from '../proof/index.ts';

export const VERIFY_SHARD_FORMAT = 'matmem-verify-shard/1';
const MODELS: ModelName[] = ['paper', 'exact', 'experiment'];

export interface VerifyShardRecord {
  format: typeof VERIFY_SHARD_FORMAT;
  tool: { name: 'matmem'; version: string };
  shard: ShardSpec;
  /** What every shard of one run must share: seed, runs, the --load folders, the experiment records, and the units. */
  config: {
    seed: number;
    runs: number;
    load: string[];
    experiments: { task: string; digest: string }[];
    units: number;
    unitsDigest: string;
    /** A run of one claim (verify --claim ID --shard i/n): its cases and the steps that name it; absent for a whole run. */
    claim?: string;
    /** The time budget of one generated case (verify --case-timeout), when not the default. */
    caseTimeoutSeconds?: number;
  };
  /** The keys of this shard's units ("claim/model", "derivation#index", "check/id"), in the run's order. */
  unitKeys: string[];
  /** Every claim's id and statement (in report order), and every derivation's title: the merge needs no code. */
  claimMeta: Omit<ClaimReport, 'results'>[];
  derivationMeta: Omit<DerivationReport, 'steps'>[];
  claims: { id: string; model: ModelName; result: ClaimResult }[];
  steps: { derivation: string; step: DerivationStepReport }[];
  modelChecks: ModelCheckReport[];
  /** A sharded run's property claims: per claim and model, the other checks' results and the properties' declared data … */
  slicedClaims?: SlicedClaim[];
  /** … and this shard's slices of their cases (case-slices.ts). */
  caseSlices?: SliceLedger[];
  /** When the shard ran and for how long (kept apart: the merged report's `generated`). */
  generated: { at: string; seconds: number };
}

export type Unit =
  | { kind: 'claim'; id: string; model: ModelName; sliced?: boolean }
  | { kind: 'cases'; id: string; model: ModelName; check: number; slice: number; slices: number }
  | { kind: 'step'; derivation: string; index: number }
  | { kind: 'check'; id: string };

export interface WorkListOptions {
  /** Cut every property's cases into this many slices (a sharded run: the shard count). Default 1: one unit per claim and model. */
  slices?: number;
  /** A run of one claim: its units and the derivation steps that name it (no model checks). */
  claim?: string;
}

/** Every unit of a run, in the fixed order the shards share. */
export function workUnits(units: Units, o: WorkListOptions = {}): Unit[] {
  const slices = o.slices ?? 1;
  const claims = units.claims.filter((c) => o.claim === undefined || c.id === o.claim);
  return [
    ...claims.flatMap((c) =>
      MODELS.flatMap((model): Unit[] => {
        const sliced = slices > 1 ? c.checks.map((_, k) => k).filter((k) => slicedCheck(c, k, model)) : [];
        if (sliced.length === 0) return [{ kind: 'claim', id: c.id, model }];
        return [{ kind: 'claim', id: c.id, model, sliced: true }, ...sliced.flatMap((check) => Array.from({ length: slices }, (_, s): Unit => ({ kind: 'cases', id: c.id, model, check, slice: s + 1, slices })))];
      }),
    ),
    ...units.derivations.flatMap((d) => d.steps.flatMap((s, i) => (o.claim === undefined || stepSelected(d.id, s, i + 1, { claim: o.claim }) ? [{ kind: 'step' as const, derivation: d.id, index: i + 1 }] : []))),
    ...(o.claim === undefined ? MODEL_CHECK_IDS.map((id) => ({ kind: 'check' as const, id })) : []),
  ];
}

export function unitKey(u: Unit): string {
  if (u.kind === 'claim') return `${u.id}/${u.model}${u.sliced ? '+sliced' : ''}`;
  if (u.kind === 'cases') return `${u.id}/${u.model}@${u.check}:${u.slice}/${u.slices}`;
  return u.kind === 'step' ? `${u.derivation}#${u.index}` : `check/${u.id}`;
}

/** A short digest of the unit list (the same claims, steps and checks in every shard). */
export function unitsDigest(list: Unit[]): string {
  return unitKeysDigest(list.map(unitKey));
}

/** The digest of a list of unit keys ("claim/model", "derivation#index", "check/id"). */
export function unitKeysDigest(keys: string[]): string {
  let h = 0x811c9dc5;
  for (const ch of keys.join('\n')) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
  return h.toString(16).padStart(8, '0');
}

export function verifyShardFileName(s: ShardSpec): string {
  return `verify-shard-${s.index}-of-${s.count}.json`;
}

/** Writes a shard record (atomically; its folder created). */
export function writeShardFile(path: string, record: VerifyShardRecord): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileAtomic(path, valueToJson(record));
}

/**
 * Reads a shard record: a regular file under its cap, valid against schemas/verify-shard.schema.json
 * (its "NaN"/"Infinity" strings then read back as numbers), with its share and units consistent.
 */
export function readShardFile(path: string): VerifyShardRecord {
  const raw = readJsonInput(path, 'verifyShard', 'verify shard');
  const r = raw as Partial<VerifyShardRecord> | null;
  if (!r || typeof r !== 'object' || r.format !== VERIFY_SHARD_FORMAT) throw new InputError(`merge: ${path} is not a verify shard (format ${VERIFY_SHARD_FORMAT})`);
  assertSchema('verify-shard.schema.json', raw, `merge: ${path}`);
  const record = reviveNonFinite(raw) as VerifyShardRecord;
  const why = shardInconsistency(record);
  if (why) throw new InputError(`merge: ${path}: ${why}`);
  return record;
}

/** The record with the strings "NaN", "Infinity", "-Infinity" read back as numbers (as valueFromJson does). */
function reviveNonFinite(raw: unknown): unknown {
  return valueFromJson(JSON.stringify(raw));
}

/** What a shard's schema cannot say: its share, its unit keys and its results agree. */
function shardInconsistency(r: VerifyShardRecord): string | null {
  const { index, count } = r.shard;
  if (index > count) return `shard ${index} of ${count} does not exist`;
  const expected = Math.max(0, Math.ceil((r.config.units - (index - 1)) / count));
  if (r.unitKeys.length !== expected) return `it lists ${r.unitKeys.length} units, but shard ${index} of ${count} of ${r.config.units} units has ${expected}`;
  const keys = new Set(r.unitKeys);
  if (keys.size !== r.unitKeys.length) return 'a unit is listed twice';
  const outside = [
    ...r.claims.map((c) => `${c.id}/${c.model}`),
    ...(r.slicedClaims ?? []).map((c) => `${c.id}/${c.model}+sliced`),
    ...(r.caseSlices ?? []).map((c) => `${c.id}/${c.model}@${c.check}:${c.slice}/${c.slices}`),
    ...r.steps.map((s) => `${s.derivation}#${s.step.index}`),
    ...r.modelChecks.map((m) => `check/${m.id}`),
  ].find((k) => !keys.has(k));
  if (outside) return `it holds a result for ${outside}, which is not one of its units`;
  for (const c of r.claims) if (c.result.model !== c.model) return `the result of ${c.id}/${c.model} is for model ${c.result.model}`;
  return null;
}

/** Runs this shard's units. `onUnit` is called before each (progress). */
export function runVerifyShard(
  units: Units,
  opts: Pick<ClaimRunOptions, 'seed' | 'runs' | 'experiments' | 'caseTimeoutSeconds'> & { load: string[]; experimentDigests: { task: string; digest: string }[]; claim?: string },
  shard: ShardSpec,
  onUnit?: (label: string, done: number, total: number) => void,
): VerifyShardRecord {
  const started = Date.now();
  const all = workUnits(units, { slices: shard.count, claim: opts.claim });
  const mine = all.filter((_, i) => inShard(i, shard));
  const ctx = { seed: opts.seed, runs: opts.runs, experiments: opts.experiments ?? [], ...(opts.caseTimeoutSeconds !== undefined ? { caseTimeoutSeconds: opts.caseTimeoutSeconds } : {}) };
  const record: VerifyShardRecord = {
    format: VERIFY_SHARD_FORMAT,
    tool: { name: 'matmem', version: VERSION },
    shard,
    config: {
      seed: opts.seed,
      runs: opts.runs,
      load: opts.load,
      experiments: opts.experimentDigests,
      units: all.length,
      unitsDigest: unitsDigest(all),
      ...(opts.claim !== undefined ? { claim: opts.claim } : {}),
      ...(opts.caseTimeoutSeconds !== undefined ? { caseTimeoutSeconds: opts.caseTimeoutSeconds } : {}),
    },
    unitKeys: mine.map(unitKey),
    ...unitMeta(units, opts.claim),
    claims: [],
    steps: [],
    modelChecks: [],
    slicedClaims: [],
    caseSlices: [],
    generated: { at: '', seconds: 0 },
  };
  mine.forEach((u, k) => {
    onUnit?.(unitKey(u), k, mine.length);
    const r = runUnit(units, u, ctx);
    record.claims.push(...r.claims);
    if (r.step) record.steps.push(r.step);
    if (r.check) record.modelChecks.push(r.check);
    if (r.sliced) record.slicedClaims!.push(r.sliced);
    if (r.slice) record.caseSlices!.push(r.slice);
  });
  record.generated = { at: new Date().toISOString(), seconds: (Date.now() - started) / 1000 };
  return record;
}

/** The report of the whole run from its shards; refuses missing, duplicated or mismatched shards. */
export function mergeVerifyShards(shards: { path: string; record: VerifyShardRecord }[]): Report {
  if (shards.length === 0) throw new InputError('merge: no verify shard files found (verify --shard i/n --out DIR writes DIR/verify-shard-i-of-n.json)');
  const first = shards[0].record;
  const n = first.shard.count;
  const seen = new Map<number, string>();
  for (const { path, record } of shards) {
    if (record.tool.version !== first.tool.version) throw new InputError(`merge: ${path} was made by matmem ${record.tool.version}, ${shards[0].path} by ${first.tool.version}`);
    if (JSON.stringify(record.config) !== JSON.stringify(first.config)) throw new InputError(`merge: ${path} comes from another run than ${shards[0].path} (${configDifference(first.config, record.config)})`);
    if (record.shard.count !== n) throw new InputError(`merge: ${path} is shard ${record.shard.index} of ${record.shard.count}, ${shards[0].path} one of ${n}`);
    const other = seen.get(record.shard.index);
    if (other) throw new InputError(`merge: shard ${record.shard.index}/${n} is there twice: ${other} and ${path}`);
    seen.set(record.shard.index, path);
  }
  const missing = Array.from({ length: n }, (_, i) => i + 1).filter((i) => !seen.has(i));
  if (missing.length) throw new InputError(`merge: shard${missing.length > 1 ? 's' : ''} ${missing.map((i) => `${i}/${n}`).join(', ')} missing (found ${[...seen.keys()].sort((a, b) => a - b).map((i) => `${i}/${n}`).join(', ')})`);
  // the shards' unit keys, interleaved, must be the whole run's list (a shard edited to "count: 1" is not the whole run)
  const byIndex = new Map(shards.map((s) => [s.record.shard.index, s.record.unitKeys]));
  const whole = Array.from({ length: first.config.units }, (_, k) => byIndex.get((k % n) + 1)![Math.floor(k / n)]);
  if (unitKeysDigest(whole) !== first.config.unitsDigest) throw new InputError(`merge: the shards' units are not the run's ${first.config.units} units (digest ${unitKeysDigest(whole)}, the run's ${first.config.unitsDigest}): a shard file was edited or comes from another run`);
  const records = shards.map((s) => s.record);
  // when the last shard finished, and the shards' time summed (the work, not the wall time)
  const generated = { at: records.map((r) => r.generated?.at ?? '').sort().pop() ?? '', seconds: records.reduce((s, r) => s + (r.generated?.seconds ?? 0), 0) };
  const run = { seed: first.config.seed, runs: first.config.runs };
  const sliced = assembleSlicedClaims(records.flatMap((r) => r.slicedClaims ?? []), records.flatMap((r) => r.caseSlices ?? []), run);
  const report = reportFromUnitResults(first.claimMeta, first.derivationMeta, [...records.flatMap((r) => r.claims), ...sliced], records.flatMap((r) => r.steps), records.flatMap((r) => r.modelChecks), { ...run, version: first.tool.version, claim: first.config.claim }, generated);
  return first.config.load.length > 0 ? withLoadInReplays(report, first.config.load) : report;
}

/**
 * The report of a whole run from its units' results, in any order (a merge of shards, or the threads of
 * one verify): claims and models in the run's order, each derivation's steps by index, the model
 * checks in their order, the derivation steps attached to their claims, as the unsharded run does.
 */
export function reportFromUnitResults(
  claimMeta: Omit<ClaimReport, 'results'>[],
  derivationMeta: Omit<DerivationReport, 'steps'>[],
  results: { id: string; model: ModelName; result: ClaimResult }[],
  steps: { derivation: string; step: DerivationStepReport }[],
  checks: ModelCheckReport[],
  run: { seed: number; runs: number; version: string; claim?: string },
  generated: { at: string; seconds: number },
): Report {
  const registry: ClaimReport[] = claimMeta.map((meta) => ({
    ...meta,
    results: MODELS.flatMap((m) => results.filter((x) => x.id === meta.id && x.model === m).map((x) => x.result)),
  }));
  const derivations: DerivationReport[] = derivationMeta
    .map((meta) => ({ ...meta, steps: steps.filter((s) => s.derivation === meta.id).map((s) => s.step).sort((a, b) => a.index - b.index) }))
    .filter((d) => d.steps.length > 0);
  const opts = { seed: run.seed, runs: run.runs, ...(run.claim !== undefined ? { claim: run.claim } : {}) };
  const { claims, disagreements } = attachDerivations(registry, derivations, opts);
  const modelChecks = MODEL_CHECK_IDS.flatMap((id) => checks.filter((c) => c.id === id));
  return {
    format: REPORT_FORMAT,
    tool: { name: 'matmem', version: run.version },
    seed: opts.seed,
    runs: opts.runs,
    claims,
    derivations,
    ...(modelChecks.length > 0 ? { modelChecks } : {}),
    ...(disagreements.length > 0 ? { disagreements } : {}),
    generated,
  };
}

/** One unit of the work list computed: a claim in one model (whole, or without its properties' cases), a slice of a property's cases, a derivation step or a model check. */
export function runUnit(
  units: Units,
  u: Unit,
  opts: Pick<ClaimRunOptions, 'seed' | 'runs' | 'experiments' | 'caseTimeoutSeconds'>,
): { claims: { id: string; model: ModelName; result: ClaimResult }[]; step?: { derivation: string; step: DerivationStepReport }; check?: ModelCheckReport; sliced?: SlicedClaim; slice?: SliceLedger } {
  if (u.kind === 'claim' || u.kind === 'cases') {
    const claim = units.claims.find((c) => c.id === u.id)!;
    if (u.kind === 'cases') return { claims: [], slice: runSlice(claim, u.model, u.check, u.slice, u.slices, opts) };
    if (u.sliced) return { claims: [], sliced: runSlicedClaim(claim, u.model, opts) };
    const ctx = { seed: opts.seed, runs: opts.runs, experiments: opts.experiments ?? [], models: [u.model], ...(opts.caseTimeoutSeconds !== undefined ? { caseTimeoutSeconds: opts.caseTimeoutSeconds } : {}) };
    return { claims: runClaim(claim, ctx).results.map((result) => ({ id: u.id, model: u.model, result })) };
  }
  if (u.kind === 'step') {
    const d = units.derivations.find((x) => x.id === u.derivation)!;
    return { claims: [], step: { derivation: d.id, step: checkStep(d.steps[u.index - 1], u.index, d.id, { seed: opts.seed, runs: opts.runs }) } };
  }
  return { claims: [], check: runModelCheck(u.id) };
}

/** The claims' and derivations' report fields that need no computation (what a shard carries for the merge). */
export function unitMeta(units: Units, claim?: string): { claimMeta: Omit<ClaimReport, 'results'>[]; derivationMeta: Omit<DerivationReport, 'steps'>[] } {
  return {
    claimMeta: units.claims.filter((c) => claim === undefined || c.id === claim).map((c) => ({ id: c.id, source: c.source, statement: c.statement, ...(c.statementTex ? { statementTex: c.statementTex } : {}) })),
    derivationMeta: units.derivations.map((d) => ({ id: d.id, title: d.title, source: d.source, ...(d.notes?.length ? { notes: d.notes } : {}) })),
  };
}

function configDifference(a: VerifyShardRecord['config'], b: VerifyShardRecord['config']): string {
  for (const k of Object.keys(a) as (keyof typeof a)[]) if (JSON.stringify(a[k]) !== JSON.stringify(b[k])) return `${k}: ${JSON.stringify(a[k])} against ${JSON.stringify(b[k])}`;
  return 'the configurations differ';
}
