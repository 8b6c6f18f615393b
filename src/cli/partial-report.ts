/**
 * Where a partial run (`verify --claim`, `--step`, `--path`) writes its report: never silently over a
 * whole run's. Without --out it writes its own folder (matmem-report-<claim>, …-replay for a replayed
 * case, matmem-report-step-<derivation>-<index>); an --out that holds a whole run's report.json is
 * refused unless --force says to replace it.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ReportScope } from '../core/types.ts';
import { InputError } from '../errors.ts';
import { parseJsonBytes } from '../io/json-input.ts';
import { readRegularFile } from '../io/read-input.ts';

/** The default --out of a whole run. */
export const FULL_REPORT_DIR = 'matmem-report';

/** The cap for reading an earlier report.json back (a whole run's is a few MB). */
const REPORT_CAP = 256 * 1024 * 1024;

export interface RunSelection {
  claim?: string;
  step?: string;
  path?: string;
  model?: string;
}

/** What a report covers, as report.json's `scope` says it. */
export function reportScope(s: RunSelection): ReportScope {
  if (s.claim === undefined && s.step === undefined) return { kind: 'full' };
  return {
    kind: 'partial',
    ...(s.claim !== undefined ? { claim: s.claim } : {}),
    ...(s.step !== undefined ? { step: s.step } : {}),
    ...(s.path !== undefined ? { path: s.path } : {}),
    ...(s.model !== undefined ? { model: s.model as ReportScope['model'] } : {}),
  };
}

/** The folder a partial run writes to when no --out is given. */
export function defaultPartialOut(s: RunSelection): string {
  const slug = (x: string) => x.replace(/[^A-Za-z0-9._-]+/g, '-');
  if (s.step !== undefined) return `${FULL_REPORT_DIR}-step-${slug(s.step)}`;
  return `${FULL_REPORT_DIR}-${slug(s.claim!)}${s.path !== undefined ? '-replay' : ''}`;
}

/**
 * Whether DIR/report.json is a whole run's report: its `scope` says so, or (a report from before
 * `scope` existed) it has the model checks that only a whole run computes, or several claims.
 */
export function holdsFullReport(dir: string): boolean {
  const file = join(dir, 'report.json');
  if (!existsSync(file)) return false;
  let parsed: { scope?: ReportScope; modelChecks?: unknown[]; claims?: unknown[] };
  try {
    parsed = parseJsonBytes(file, readRegularFile(file, REPORT_CAP, 'report')) as typeof parsed;
  } catch {
    return false; // not a report matmem can read: the output guard decides what may replace it
  }
  if (parsed?.scope) return parsed.scope.kind === 'full';
  return Array.isArray(parsed?.modelChecks) || (Array.isArray(parsed?.claims) && parsed.claims.length > 1);
}

/**
 * The --out of this run, checked: a partial run without --out gets its own folder; a partial run may
 * replace a whole run's report only with --force.
 */
export function verifyOutDir(o: { out: string; outGiven: boolean; force: boolean; selection: RunSelection }): string {
  const partial = o.selection.claim !== undefined || o.selection.step !== undefined;
  if (!partial) return o.out;
  const out = o.outGiven ? o.out : defaultPartialOut(o.selection);
  if (!o.force && holdsFullReport(out)) {
    const what = o.selection.step !== undefined ? `step ${o.selection.step}` : `claim ${o.selection.claim}${o.selection.path !== undefined ? ' (one replayed case)' : ''}`;
    throw new InputError(`--out ${out} holds the report of a whole verify; this run checks only ${what} and would replace it: give another --out (without one, a partial run writes ${defaultPartialOut(o.selection)}), or --force to replace it`);
  }
  return out;
}
