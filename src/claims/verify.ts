/** `matmem verify` as a library call: every registered claim and derivation, as a Report. */
import { readFileSync } from 'node:fs';
import type { DerivationReport, FigureReport, Report, Verdict } from '../report/model.ts';
import { evaluateClaims, type ClaimRunOptions } from './registry.ts';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

export interface VerifyHooks {
  onClaim?: (id: string) => void;
  derivations?: (opts: ClaimRunOptions) => DerivationReport[];
  figures?: (opts: ClaimRunOptions) => FigureReport[];
}

export function runVerify(opts: ClaimRunOptions, hooks: VerifyHooks = {}): Report {
  const started = Date.now();
  const claims = evaluateClaims(opts, hooks.onClaim);
  const derivations = opts.claim === undefined && hooks.derivations ? hooks.derivations(opts) : [];
  const figures = opts.claim === undefined && hooks.figures ? hooks.figures(opts) : [];
  return {
    tool: { name: 'matmem', version: pkg.version },
    seed: opts.seed,
    runs: opts.runs,
    claims,
    derivations,
    ...(figures.length > 0 ? { figures } : {}),
    generated: { at: new Date().toISOString(), seconds: (Date.now() - started) / 1000 },
  };
}

/** claim id → model → verdict, and derivation id#step → verdict: what the baseline guards. */
export function verdictMap(report: Report): Record<string, Verdict> {
  const out: Record<string, Verdict> = {};
  for (const c of report.claims) for (const r of c.results) out[`${c.id}/${r.model}`] = r.verdict;
  for (const d of report.derivations) for (const s of d.steps) out[`${d.id}#${s.index}`] = s.verdict;
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
