/**
 * The claim registry: every claim id with its evaluator. Claims from several sources (numeric
 * comparisons, property runs, the memory system) are merged per id and model: a model's verdict is
 * `fails` if any source found a counterexample, `inconclusive` if any could not decide, else `holds`.
 */
import type { AnalyticModel, ClaimReport, ClaimResult, ModelName } from '../report/model.ts';
import type { ExperimentRecord } from '../matntm/experiment/record.ts';
import { section6Claims } from './section6/index.ts';
import { evaluateLemmaClaims } from './lemma-claims.ts';
import { evaluateNumericClaims, NUMERIC_CLAIM_IDS } from './numeric-claims.ts';
import { combineVerdicts } from './verdict.ts';
import { evaluateMemoryClaims } from '../models/memory/claims.ts';
import { allProperties, propertyClaimIds } from '../../properties/index.ts';
import { evaluatePropertyClaims } from './property-runner.ts';

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
}

/** A source of claims: the ids it can evaluate and the evaluator. */
export interface ClaimSource {
  name: string;
  ids: string[];
  evaluate(opts: ClaimRunOptions): ClaimReport[];
}

const numericSource: ClaimSource = {
  name: 'numeric comparisons',
  ids: NUMERIC_CLAIM_IDS,
  evaluate: (o) => evaluateNumericClaims(o, o.claim),
};

const lemmaSource: ClaimSource = {
  name: 'Gaussian lemmas',
  ids: ['lemma-1.kl', 'lemma-2.input-fisher'],
  evaluate: (o) => evaluateLemmaClaims(o).filter((c) => o.claim === undefined || c.id === o.claim),
};

const memorySource: ClaimSource = {
  name: 'memory system (Eq. 34)',
  ids: ['theorem-4.memory-fmc', 'memory.stability', 'memory.capacity-increase'],
  evaluate: (o) => evaluateMemoryClaims({ seed: o.seed, runs: Math.min(o.runs, 40) }).filter((c) => o.claim === undefined || c.id === o.claim),
};

const propertySource: ClaimSource = {
  name: 'property runs (fast-check)',
  ids: propertyClaimIds,
  // a claim about quantities a model does not have (e.g. Σ and Ψ in the exact model) gets no result there
  evaluate: (o) =>
    evaluatePropertyClaims(allProperties, { runs: o.runs, seed: o.seed, claim: o.claim, path: o.path }).map((report) => {
      const prop = allProperties.find((p) => p.id === report.id);
      return { ...report, results: report.results.filter((r) => prop?.notDefinedIn?.[r.model as AnalyticModel] === undefined) };
    }),
};

const section6Source: ClaimSource = {
  name: 'experiments (Section 6)',
  ids: section6Claims.map((c) => c.id),
  evaluate: (o) =>
    section6Claims
      .filter((c) => o.claim === undefined || c.id === o.claim)
      .map((c) => ({ id: c.id, source: c.source, statement: c.statement, ...(c.statementTex ? { statementTex: c.statementTex } : {}), results: [c.evaluate({ records: o.experiments ?? [] })] })),
};

const sources: ClaimSource[] = [numericSource, lemmaSource, propertySource, memorySource, section6Source];

/** Adds a source (property runs, the memory system). */
export function registerClaimSource(source: ClaimSource): void {
  if (!sources.some((s) => s.name === source.name)) sources.push(source);
}

export function registeredClaimIds(): string[] {
  return [...new Set(sources.flatMap((s) => s.ids))];
}

export function evaluateClaims(opts: ClaimRunOptions, onClaim?: (id: string) => void): ClaimReport[] {
  const byId = new Map<string, ClaimReport[]>();
  if (opts.step !== undefined) return [];
  for (const source of sources) {
    if (opts.claim !== undefined && !source.ids.includes(opts.claim)) continue;
    for (const report of source.evaluate(opts)) {
      onClaim?.(report.id);
      const results = report.results.map((r) => ({ ...r, evidence: r.evidence ?? [{ source: `registry: ${source.name}`, verdict: r.verdict, detail: r.detail, replay: r.replay }] }));
      byId.set(report.id, [...(byId.get(report.id) ?? []), { ...report, results }]);
    }
  }
  const merged = [...byId.values()].map(mergeReports);
  const order = registeredClaimIds();
  return merged.sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id));
}

function mergeReports(reports: ClaimReport[]): ClaimReport {
  if (reports.length === 1) return reports[0];
  const first = reports[0];
  const models: ModelName[] = ['paper', 'exact', 'experiment'];
  const results: ClaimResult[] = [];
  for (const model of models) {
    const rs = reports.flatMap((r) => r.results.filter((x) => x.model === model));
    if (rs.length === 0) continue;
    if (rs.length === 1) {
      results.push(rs[0]);
      continue;
    }
    const verdict = combineVerdicts(rs.map((r) => r.verdict));
    const deciding = rs.find((r) => r.verdict === verdict) ?? rs[0];
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
    results.push({
      ...deciding,
      verdict,
      cases: rs.reduce((s, r) => s + r.cases, 0),
      undefinedCases: rs.reduce((s, r) => s + (r.undefinedCases ?? 0), 0),
      detail: rs.map((r) => r.detail).join(' | '),
      witnesses: rs.flatMap((r) => r.witnesses ?? [{ witness: 'numeric' as const, verdict: r.verdict, detail: r.detail }]),
      evidence: rs.flatMap((r) => r.evidence ?? []),
      parts,
    });
  }
  return { ...first, source: [...new Set(reports.map((r) => r.source))].join('; '), results };
}
