/**
 * The claim as a unit: one file per claim (claims/<id>.ts, or a user's own under `verify --load`)
 * default-exports `defineClaim({...})`: its id, place in the paper, statement (text and TeX),
 * assumptions and the checks that decide it, each in the models it speaks about. The registry
 * (registry.ts) finds the files; nothing else lists claim ids.
 */
import type { ClaimResult, ModelName } from '../core/types.ts';
import type { ExperimentRecord } from '../matntm/experiment/record.ts';

/** What a check is run with: the run's seed and size, a replay path, the experiment records. */
export interface ClaimContext {
  seed: number;
  runs: number;
  /** fast-check path of one counterexample to replay (property checks). */
  path?: string;
  experiments: { path: string; record: ExperimentRecord }[];
  /** Only these models (a shard of claim × model): a check may skip the others; the runner drops them. */
  models?: ModelName[];
  /** The time budget of one generated case of a property, in seconds (verify --case-timeout; default 60). */
  caseTimeoutSeconds?: number;
}

/** The claim's own fields, as checks see them (for replay commands and reports). */
export interface ClaimMeta {
  id: string;
  source: string;
  statement: string;
  statementTex?: string;
}

/** One way of deciding a claim: a result per model it covers. */
export interface ClaimCheck {
  /** What decides it, shown as the evidence's source ("numeric comparisons", "property runs (fast-check)", …). */
  source: string;
  run(ctx: ClaimContext, claim: ClaimMeta): ClaimResult[];
}

export interface ClaimDefinition extends ClaimMeta {
  kind: 'claim';
  /** Position in the report (the paper's order); ties keep the file order. */
  order: number;
  assumptions?: string[];
  /** The checks that decide it; none when only derivation steps state it. */
  checks: ClaimCheck[];
  /** Models where the claim has no meaning, with the reason (their results are dropped). */
  notDefinedIn?: Partial<Record<ModelName, string>>;
  /** A claim decided in parts (Section 6): the parts and their rules, declared with the claim, before any data. */
  declaredParts?: DeclaredPart[];
}

/** A part of a claim's sentence and the rule that decides it (full, and in one line for tables). */
export interface DeclaredPart {
  id: string;
  text: string;
  rule: string;
  brief: string;
}

export function defineClaim(c: Omit<ClaimDefinition, 'kind'>): ClaimDefinition {
  const claim: ClaimDefinition = { kind: 'claim', ...c };
  const file = callerFile();
  // where the claim was defined (not enumerable: not part of the claim's data), for replay commands
  if (file) Object.defineProperty(claim, 'definedIn', { value: file, enumerable: false });
  return claim;
}

/** The file of the first stack frame outside matmem's claim-definition helpers: the claim's own file. */
function callerFile(): string | null {
  const frames = (new Error().stack ?? '').split('\n').slice(1);
  for (const f of frames) {
    const m = /\(?((?:file:\/\/)?\/[^():]+):\d+:\d+\)?\s*$/.exec(f);
    if (!m) continue;
    const path = m[1].replace(/^file:\/\//, '');
    if (/[\\/]src[\\/]claims[\\/](unit|section6[\\/]parts|checks[\\/][^\\/]+)\.(ts|js)$/.test(path)) continue;
    return decodeURIComponent(path);
  }
  return null;
}

/** The file a claim was defined in, when known. */
export function claimFile(claim: ClaimDefinition): string | null {
  return (claim as ClaimDefinition & { definedIn?: string }).definedIn ?? null;
}

export function isClaimDefinition(x: unknown): x is ClaimDefinition {
  return typeof x === 'object' && x !== null && (x as { kind?: unknown }).kind === 'claim' && typeof (x as { id?: unknown }).id === 'string';
}

/** A check from a function (for claims decided by their own code: lemmas, the memory system, experiments). */
export function customCheck(source: string, run: (ctx: ClaimContext, claim: ClaimMeta) => ClaimResult[]): ClaimCheck {
  return { source, run };
}
