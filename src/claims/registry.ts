/**
 * The one list of claims and derivations: the files of properties/ (claims decided over generated
 * cases), claims/ (claims decided on fixed cases or experiment records) and proofs/ (one unit each,
 * default export), and of any folder given with `verify --load`. Nothing else names claim ids. A claim's
 * checks run per model, and a model's results combine by the one rule of core/verdict.ts.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { combineVerdicts } from '../core/verdict.ts';
import type { ClaimReport, ClaimResult, ModelName } from '../core/types.ts';
import { InputError, UserCodeError } from '../errors.ts';
import { pathNature } from '../io/read-input.ts';
import type { ExperimentRecord } from '../matntm/experiment/record.ts';
import { isDerivation, type Derivation } from '../proof/types.ts';
import { isClaimDefinition, type ClaimContext, type ClaimDefinition } from './unit.ts';
import { DEFAULT_USER_CODE_LIMITS, guardUserClaim, guardUserDerivation, importUnit, probeUnitImports, unitShapeProblem, type UserCodeLimits } from './user-units.ts';

export interface ClaimRunOptions {
  seed: number;
  runs: number;
  /** Only this claim. */
  claim?: string;
  /** fast-check path, for replaying one property counterexample. */
  path?: string;
  /** Only this derivation step ("derivation-id#index"); no registry claim runs. */
  step?: string;
  /** Experiment records (matmem experiment) for the Section 6 claims, with the paths they came from. */
  experiments?: { path: string; record: ExperimentRecord }[];
  /** The time budget of one generated case of a property (seconds; default 60). */
  caseTimeoutSeconds?: number;
}

export interface Units {
  claims: ClaimDefinition[];
  derivations: Derivation[];
}

/** Where matmem's own units are: properties/, claims/ and proofs/ beside src/ (in the sources and in dist/ alike). */
const BUILTIN = [new URL('../../properties/', import.meta.url), new URL('../../claims/', import.meta.url), new URL('../../proofs/', import.meta.url)].map((u) => fileURLToPath(u));
const RUNNING_FROM_SOURCE = import.meta.url.endsWith('.ts');

function unitFiles(dir: string, own: boolean): string[] {
  const exts = own ? [RUNNING_FROM_SOURCE ? '.ts' : '.js'] : ['.ts', '.mts', '.js', '.mjs'];
  return readdirSync(dir)
    .filter((f) => exts.includes(extname(f)) && !f.endsWith('.d.ts') && !f.startsWith('.'))
    .sort()
    .map((f) => join(dir, f));
}

let tsLoader: Promise<void> | null = null;

/** tsx's package.json, from the user's project or matmem's own, or null. */
function tsxPackage(dir: string): { path: string; exports?: Record<string, unknown> } | null {
  for (const base of [join(dir, 'package.json'), fileURLToPath(import.meta.url)]) {
    try {
      const path = createRequire(base).resolve('tsx/package.json');
      return { path, ...(JSON.parse(readFileSync(path, 'utf8')) as { exports?: Record<string, unknown> }) };
    } catch {
      // not installed there: try the next place
    }
  }
  return null;
}

/** tsx's --import entry (for the separate process that imports a user's units first), or null. */
function tsxImportEntry(dir: string): string | null {
  const pkg = tsxPackage(dir);
  const entry = pkg?.exports?.['.'];
  return pkg && typeof entry === 'string' ? pathToFileURL(join(dirname(pkg.path), entry)).href : null;
}

/**
 * A user's .ts units need a TypeScript loader: tsx, from their project (or matmem's, in development).
 * Its ESM API is located through tsx's own exports map ("./esm/api" → import), since require-style
 * resolution would pick the CommonJS build, which cannot register the ESM loader.
 */
function ensureTypeScriptLoader(dir: string): Promise<void> {
  if (RUNNING_FROM_SOURCE) return Promise.resolve();
  tsLoader ??= (async () => {
    for (const base of [join(dir, 'package.json'), fileURLToPath(import.meta.url)]) {
      let api: string;
      try {
        const pkgPath = createRequire(base).resolve('tsx/package.json');
        const pkg = JSON.parse(readFileSync(pkgPath, 'utf8')) as { exports?: Record<string, { import?: string | { default?: string } }> };
        const entry = pkg.exports?.['./esm/api']?.import;
        const rel = typeof entry === 'string' ? entry : entry?.default;
        if (!rel) continue;
        api = join(dirname(pkgPath), rel);
      } catch {
        continue; // not installed there: try the next place
      }
      const { register } = (await import(pathToFileURL(api).href)) as { register: () => void };
      register();
      return;
    }
    throw new InputError(`--load ${dir}: TypeScript units need tsx (npm install --save-dev tsx in your project), or compile them to .js`);
  })();
  return tsLoader;
}

async function loadDir(dir: string, own: boolean, into: Units, seen: Map<string, string>, limits: UserCodeLimits): Promise<void> {
  const files = unitFiles(dir, own);
  if (!own) {
    // a user's units: regular files only, imported first in a separate process with a time limit (user-units.ts)
    if (files.length === 0) throw new InputError(`--load ${dir}: the folder holds no .ts, .mts, .js or .mjs file (give the folder of your claim and derivation files)`);
    for (const f of files) if (pathNature(f) !== 'file') throw new InputError(`--load: ${f} is not a regular file`);
    const typescript = files.some((f) => /\.m?ts$/.test(f));
    if (typescript) await ensureTypeScriptLoader(dir);
    probeUnitImports(files, limits.loadTimeoutSeconds, typescript || RUNNING_FROM_SOURCE ? tsxImportEntry(dir) : null);
  }
  for (const file of files) {
    const url = pathToFileURL(file).href;
    const mod = own ? ((await import(url)) as { default?: unknown }) : await importUnit(file, url, limits.loadTimeoutSeconds);
    const unit = mod.default;
    if (unit === undefined) continue; // a helper module
    const kind = isClaimDefinition(unit) ? 'claim' : isDerivation(unit) ? 'derivation' : null;
    if (!kind) {
      if (own) continue;
      throw new UserCodeError(`--load: ${file}'s default export is neither a claim (defineClaim) nor a derivation (defineDerivation)`);
    }
    if (!own) {
      const bad = unitShapeProblem(kind, unit);
      if (bad) throw new UserCodeError(`--load: ${file}: its default export is not a valid ${kind}: ${bad}`);
    }
    const key = `${kind}:${(unit as { id: string }).id}`;
    if (seen.has(key)) throw new (own ? InputError : UserCodeError)(`${kind} ${(unit as { id: string }).id} is defined twice: ${seen.get(key)} and ${file}`);
    seen.set(key, file);
    if (kind === 'claim') into.claims.push(own ? (unit as ClaimDefinition) : guardUserClaim(unit as ClaimDefinition, file, limits.checkTimeoutSeconds));
    else into.derivations.push(own ? (unit as Derivation) : guardUserDerivation(unit as Derivation, file, limits.checkTimeoutSeconds));
  }
}

const cache = new Map<string, Promise<Units>>();

/**
 * matmem's claims and derivations, then those of each extra folder, each list in report order. The
 * extra folders' code runs under `limits` (user-units.ts).
 */
export function loadUnits(extraDirs: string[] = [], limits: UserCodeLimits = DEFAULT_USER_CODE_LIMITS): Promise<Units> {
  const key = extraDirs.map((d) => resolve(d)).join('\n');
  let p = cache.get(key);
  if (!p) {
    p = (async () => {
      for (const d of extraDirs) {
        if (!existsSync(d) || !statSync(d).isDirectory()) throw new InputError(`--load ${d}: not a folder (give the folder that holds your claim and derivation files)`);
      }
      const units: Units = { claims: [], derivations: [] };
      const seen = new Map<string, string>();
      for (const d of BUILTIN) await loadDir(d, true, units, seen, limits);
      for (const d of extraDirs) await loadDir(resolve(d), false, units, seen, limits);
      // stable: equal orders keep the load order (matmem's first, then the user's)
      units.claims = units.claims.map((c, i) => ({ c, i })).sort((a, b) => a.c.order - b.c.order || a.i - b.i).map((x) => x.c);
      units.derivations = units.derivations.map((d, i) => ({ d, i })).sort((a, b) => (a.d.order ?? 1e9) - (b.d.order ?? 1e9) || a.i - b.i).map((x) => x.d);
      return units;
    })();
    cache.set(key, p);
    p.catch(() => cache.delete(key));
  }
  return p;
}

/** One claim's checks, run and merged per model (what `verify` reports for it). */
export function runClaim(claim: ClaimDefinition, ctx: ClaimContext): ClaimReport {
  const perCheck = claim.checks.map((check) => checkResults(claim, check.source, check.run(ctx, claim), ctx.models));
  return { id: claim.id, source: claim.source, statement: claim.statement, ...(claim.statementTex ? { statementTex: claim.statementTex } : {}), results: combineCheckResults(perCheck) };
}

/** One check's results as the claim reports them: the models the claim speaks about (and the run asked for), each with its evidence. */
export function checkResults(claim: Pick<ClaimDefinition, 'notDefinedIn'>, source: string, results: ClaimResult[], models?: ModelName[]): ClaimResult[] {
  return results
    .filter((r) => claim.notDefinedIn?.[r.model] === undefined && (models === undefined || models.includes(r.model)))
    .map((r) => ({ ...r, evidence: r.evidence ?? [{ source: `registry: ${source}`, verdict: r.verdict, detail: r.detail, replay: r.replay }] }));
}

/** The claim's result per model from its checks' results (in the checks' order): one check's as it is, several merged. */
export function combineCheckResults(perCheck: ClaimResult[][]): ClaimResult[] {
  const results: ClaimResult[] = [];
  for (const model of ['paper', 'exact', 'experiment'] as ModelName[]) {
    const rs = perCheck.flat().filter((r) => r.model === model);
    if (rs.length > 0) results.push(mergeResults(rs));
  }
  return results;
}

/** Several checks' results for one model as one: the verdicts combined, each check's numbers kept (parts). */
function mergeResults(rs: ClaimResult[]): ClaimResult {
  if (rs.length === 1) return rs[0];
  const verdict = combineVerdicts(rs.map((r) => r.verdict));
  // a property's case counts and coverage stay the claim's, whichever check decided the verdict; when the
  // property is among the deciding checks, its shrunk counterexample is the claim's
  const property = rs.find((r) => r.coverage !== undefined);
  const deciding = (property?.verdict === verdict ? property : undefined) ?? rs.find((r) => r.verdict === verdict) ?? rs[0];
  const parts = rs.map((r) => ({
    source: r.evidence?.[0]?.source ?? 'registry',
    verdict: r.verdict,
    cases: r.cases,
    ...(r.undefinedCases !== undefined ? { undefinedCases: r.undefinedCases } : {}),
    ...(r.statistics ? { statistics: r.statistics } : {}),
    ...(r.errorBounds ? { errorBounds: r.errorBounds } : {}),
    ...(r.nearBound ? { nearBound: r.nearBound } : {}),
    worst: r.worst,
    counterexample: r.counterexample,
  }));
  return {
    ...deciding,
    ...(property ? { caseCounts: property.caseCounts, coverage: property.coverage, ...(property.smallestMargin ? { smallestMargin: property.smallestMargin } : {}) } : {}),
    verdict,
    cases: rs.reduce((s, r) => s + r.cases, 0),
    undefinedCases: rs.reduce((s, r) => s + (r.undefinedCases ?? 0), 0),
    detail: rs.map((r) => r.detail).join(' | '),
    witnesses: rs.flatMap((r) => r.witnesses ?? [{ witness: 'numeric' as const, verdict: r.verdict, detail: r.detail }]),
    evidence: rs.flatMap((r) => r.evidence ?? []),
    parts,
  };
}

/** Every selected claim, in report order. */
export function evaluateClaims(units: Units, opts: ClaimRunOptions, onClaim?: (id: string) => void): ClaimReport[] {
  if (opts.step !== undefined) return [];
  const ctx: ClaimContext = { seed: opts.seed, runs: opts.runs, path: opts.path, experiments: opts.experiments ?? [], ...(opts.caseTimeoutSeconds !== undefined ? { caseTimeoutSeconds: opts.caseTimeoutSeconds } : {}) };
  return units.claims
    .filter((c) => opts.claim === undefined || c.id === opts.claim)
    .map((c) => {
      onClaim?.(c.id);
      return runClaim(c, ctx);
    });
}
