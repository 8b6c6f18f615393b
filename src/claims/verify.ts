/** `matmem verify` as a library call: every registered claim and derivation, as a Report. */
import { REPORT_FORMAT, type ClaimReport, type ClaimResult, type DerivationReport, type DerivationStepReport, type Disagreement, type EvidenceItem, type FigureReport, type ModelName, type Report, type Verdict } from '../core/types.ts';
import { evaluateClaims, loadUnits, type ClaimRunOptions, type Units } from './registry.ts';
import type { Derivation } from '../proof/types.ts';
import { combineVerdicts } from './verdict.ts';
import { disagreementFinding } from './disagreements.ts';
import { runModelChecks } from './model-checks/index.ts';
import { VERSION } from '../core/version.ts';
import { checkAllDerivations } from '../proof/index.ts';


export interface VerifyHooks {
  onClaim?: (id: string) => void;
  /** Checks the derivation steps selected by opts.claim / opts.step (all when neither is set). */
  derivations?: (derivations: Derivation[], opts: ClaimRunOptions, onStep?: (label: string) => void) => DerivationReport[];
  onStep?: (label: string) => void;
  figures?: (opts: ClaimRunOptions) => FigureReport[];
}

export interface VerifyOptions extends ClaimRunOptions {
  /** Folders of the user's own claims and derivations (verify --load). */
  load?: string[];
}

/** matmem's derivation checker as the verify hook: every step selected by claim / step, with the run's seed and runs. */
export const checkDerivations: NonNullable<VerifyHooks['derivations']> = (derivations, opts, onStep) =>
  checkAllDerivations({ seed: opts.seed, runs: opts.runs, claim: opts.claim, step: opts.step, onStep }, derivations);

export interface LibraryVerifyOptions {
  /** Seed of every random draw (default 1, as `matmem verify`). */
  seed?: number;
  /** Random cases per claim and model (default 200). */
  runs?: number;
  /** Only this claim (with the derivation steps that state it). */
  claim?: string;
  /** Only this derivation step, "derivation-id#index". */
  step?: string;
  /** Folders of your own claims and derivations (as `verify --load`). */
  load?: string[];
  /** Experiment records for the Section 6 claims (readExperimentRecord). */
  experiments?: ClaimRunOptions['experiments'];
  /** Called before each claim and each step, with its label (progress). */
  onProgress?: (label: string) => void;
}

/**
 * `matmem verify` as a function: every claim and derivation step (matmem's and those of `load`),
 * checked, as the Report that report.json holds (without figures).
 */
export async function verify(opts: LibraryVerifyOptions = {}): Promise<Report> {
  const { onProgress, load, ...rest } = opts;
  return runVerify({ seed: 1, runs: 200, ...rest, load }, { derivations: checkDerivations, onClaim: onProgress, onStep: onProgress });
}

/** Every registered claim and derivation (matmem's and the --load ones), as a Report. */
export async function runVerify(opts: VerifyOptions, hooks: VerifyHooks = {}): Promise<Report> {
  const units = await loadUnits(opts.load ?? []);
  const report = runVerifyWith(units, opts, hooks);
  return opts.load?.length ? withLoadInReplays(report, opts.load) : report;
}

/**
 * A run with `--load` is replayed with the same folders (the same claims and steps, so the same
 * verdicts): every replay command of the report gets them appended.
 */
export function withLoadInReplays(report: Report, dirs: string[]): Report {
  const suffix = dirs.map((d) => ` --load ${/^[\w./@+-]+$/.test(d) ? d : JSON.stringify(d)}`).join('');
  const fix = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(fix);
    if (value === null || typeof value !== 'object') return value;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = k === 'replay' && typeof v === 'string' && v.startsWith('matmem verify') ? v + suffix : fix(v);
    return out;
  };
  return fix(report) as Report;
}

export function runVerifyWith(units: Units, opts: ClaimRunOptions, hooks: VerifyHooks = {}): Report {
  const started = Date.now();
  const registry = evaluateClaims(units, opts, hooks.onClaim);
  const derivations = hooks.derivations ? hooks.derivations(units.derivations, opts, hooks.onStep) : [];
  const { claims, disagreements } = attachDerivations(registry, derivations, opts);
  const full = opts.claim === undefined && opts.step === undefined;
  const figures = full && hooks.figures ? hooks.figures(opts) : [];
  // the model functions against independent computations on the pinned cases (every full run)
  const modelChecks = full ? runModelChecks(hooks.onStep) : [];
  return {
    format: REPORT_FORMAT,
    tool: { name: 'matmem', version: VERSION },
    seed: opts.seed,
    runs: opts.runs,
    claims,
    derivations,
    ...(modelChecks.length > 0 ? { modelChecks } : {}),
    ...(disagreements.length > 0 ? { disagreements } : {}),
    ...(figures.length > 0 ? { figures } : {}),
    generated: { at: new Date().toISOString(), seconds: (Date.now() - started) / 1000 },
  };
}

const MODELS: ModelName[] = ['paper', 'exact', 'experiment'];

function stepLabel(d: DerivationReport, s: DerivationStepReport): string {
  return `derivation ${d.id} #${s.index}`;
}

function stepEvidence(d: DerivationReport, s: DerivationStepReport): EvidenceItem {
  return { source: stepLabel(d, s), verdict: s.verdict, detail: `${s.source ? `${s.source}: ` : ''}from ${s.from} to ${s.to} — ${s.detail}`, ...(s.replay ? { replay: s.replay } : {}) };
}

/**
 * Adds the derivation steps to the claims, per model:
 *
 * - A step whose `claims` name the claim checks (part of) its statement: its verdict enters the
 *   claim's verdict in the step's `model`. A step without a model is an algebraic fact shared by
 *   the models; it counts in every model where the claim has a registry result, and in the paper
 *   model for a claim that only derivations check (the paper's derivations are about its own
 *   definitions).
 * - A step whose `supports` name the claim is an intermediate equation of its derivation: it is
 *   listed with the claim (`derivationSteps`) and never changes the verdict.
 * - The verdict combines the registry's verdict and the statement steps: any `fails` (each carries
 *   a counterexample) → fails; any inconclusive → inconclusive; all hold → holds.
 * - When the registry's verdict and the statement steps' combined verdict are holds and fails, the
 *   claim result says so (`disagreement`) and the report lists it (`Report.disagreements`) with
 *   what was found. (Steps that hold in a special case beside steps that fail agree with a
 *   registry `fails`: the claim fails, and the holding special case is part of the evidence.)
 */
export function attachDerivations(registry: ClaimReport[], derivations: DerivationReport[], opts: ClaimRunOptions): { claims: ClaimReport[]; disagreements: Disagreement[] } {
  // one step (--step) is a replay of that step, not a verdict on any claim
  if (opts.step !== undefined) return { claims: [], disagreements: [] };
  const claims = registry.map((c) => ({ ...c, results: c.results.map((r) => ({ ...r })) }));
  const byId = new Map(claims.map((c) => [c.id, c]));
  const statements = new Map<string, { d: DerivationReport; s: DerivationStepReport }[]>();
  const supports = new Map<string, { d: DerivationReport; s: DerivationStepReport }[]>();
  const modelsFor = (id: string, s: DerivationStepReport): ModelName[] => {
    if (s.model) return [s.model];
    const reg = registry.find((c) => c.id === id);
    return reg && reg.results.length > 0 ? reg.results.map((r) => r.model) : ['paper'];
  };
  for (const d of derivations) {
    for (const s of d.steps) {
      for (const id of s.claims ?? []) for (const m of modelsFor(id, s)) statements.set(`${id}/${m}`, [...(statements.get(`${id}/${m}`) ?? []), { d, s }]);
      for (const id of s.supports ?? []) for (const m of s.model ? [s.model] : MODELS) supports.set(`${id}/${m}`, [...(supports.get(`${id}/${m}`) ?? []), { d, s }]);
    }
  }
  // claims that only derivations check
  // (a run of one claim reports that claim only: other claims its steps also name were not run, and a
  // derivation-only entry for them would stand in for their registered statement)
  const derivationOnly = [...new Set([...statements.keys()].map((k) => k.slice(0, k.lastIndexOf('/'))))].filter((id) => !byId.has(id) && (opts.claim === undefined || id === opts.claim));
  for (const id of derivationOnly) {
    const steps = MODELS.flatMap((m) => statements.get(`${id}/${m}`) ?? []);
    const c: ClaimReport = {
      id,
      source: [...new Set(steps.map((x) => x.s.source ?? x.d.source))].join('; '),
      statement: `Checked by derivation steps only: ${[...new Set(steps.map((x) => x.s.to))].join('; ')}`,
      results: [],
    };
    claims.push(c);
    byId.set(id, c);
  }
  const disagreements: Disagreement[] = [];
  for (const c of claims) {
    for (const m of MODELS) {
      const st = statements.get(`${c.id}/${m}`) ?? [];
      const sup = supports.get(`${c.id}/${m}`) ?? [];
      let r = c.results.find((x) => x.model === m);
      if (!r && st.length === 0) continue;
      if (!r) {
        r = {
          model: m,
          verdict: 'inconclusive',
          cases: 0,
          worst: null,
          counterexample: null,
          replay: `matmem verify --claim ${c.id} --seed ${opts.seed} --runs ${opts.runs}`,
          detail: '',
          evidence: [],
        };
        c.results.push(r);
      }
      if (sup.length > 0) r.derivationSteps = sup.map(({ d, s }) => stepEvidence(d, s));
      if (st.length === 0) continue;
      const registryEvidence = r.evidence ?? [];
      const stepItems = st.map(({ d, s }) => stepEvidence(d, s));
      const registryVerdict: Verdict | undefined = registryEvidence.length > 0 ? r.verdict : undefined;
      const verdict = combineVerdicts([...(registryVerdict ? [registryVerdict] : []), ...st.map((x) => x.s.verdict)]);
      const stepSummary = `derivation steps (statement): ${st.map(({ d, s }) => `${d.id} #${s.index} ${s.verdict}`).join(', ')}`;
      r.detail = r.detail ? `${r.detail} | ${stepSummary}` : stepSummary;
      r.statementSteps = st.length;
      r.evidence = [...registryEvidence, ...stepItems];
      if (verdict === 'fails' && r.verdict !== 'fails') {
        const failing = st.find((x) => x.s.verdict === 'fails')!;
        r.counterexample = { step: `${failing.d.id}#${failing.s.index}`, ...(failing.s.counterexample ?? {}) };
        r.replay = failing.s.replay ?? r.replay;
      }
      r.verdict = verdict;
      // Disagreement: the registry's verdict and the derivation's (its statement steps combined)
      // are holds and fails. Within the derivation, a step that holds in a special case (i = j, real
      // spectra) beside one that fails is not a disagreement: the claim fails, and both say so.
      const derivationVerdict = combineVerdicts(st.map((x) => x.s.verdict));
      if (registryVerdict && new Set([registryVerdict, derivationVerdict]).size === 2 && ![registryVerdict, derivationVerdict].includes('inconclusive')) {
        const regSide = registryEvidence.filter((e) => e.verdict === registryVerdict).map((e) => e.source);
        const derSide = stepItems.filter((e) => e.verdict === derivationVerdict).map((e) => e.source);
        const holds = registryVerdict === 'holds' ? regSide : derSide;
        const fails = registryVerdict === 'fails' ? regSide : derSide;
        const finding = disagreementFinding(c.id, m, holds, fails);
        r.disagreement = `${holds.join(', ')} say holds; ${fails.join(', ')} say fails. ${finding}`;
        disagreements.push({ claim: c.id, model: m, holds, fails, finding });
      }
    }
    c.results.sort((a, b) => MODELS.indexOf(a.model) - MODELS.indexOf(b.model));
  }
  return { claims, disagreements };
}

/** claim id → model → verdict, and derivation id#step → verdict: what the baseline guards. */
export function verdictMap(report: Report): Record<string, Verdict> {
  const out: Record<string, Verdict> = {};
  for (const c of report.claims) for (const r of c.results) out[`${c.id}/${r.model}`] = r.verdict;
  for (const d of report.derivations) for (const s of d.steps) out[`${d.id}#${s.index}`] = s.verdict;
  for (const m of report.modelChecks ?? []) out[`check/${m.id}`] = m.verdict;
  return out;
}

export interface VerdictChange {
  key: string;
  baseline: Verdict | 'missing';
  now: Verdict | 'missing';
}

export function compareVerdicts(baseline: Record<string, Verdict>, now: Record<string, Verdict>): VerdictChange[] {
  const keys = [...new Set([...Object.keys(baseline), ...Object.keys(now)])].sort();
  return keys.filter((k) => baseline[k] !== now[k]).map((k) => ({ key: k, baseline: baseline[k] ?? 'missing', now: now[k] ?? 'missing' }));
}

export type { ClaimResult };
