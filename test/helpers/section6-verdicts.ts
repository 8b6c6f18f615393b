/**
 * The Section 6 claims decided from sets of experiment records, part by part: what the README's
 * Section 6 table shows (scripts/section6-table.ts prints it, test/docs/readme.test.ts compares it).
 */
import { loadUnits, runClaim } from '../../src/claims/registry.ts';
import { readExperimentRecord } from '../../src/matntm/experiment/record.ts';
import type { Verdict } from '../../src/core/types.ts';

export interface Section6Row {
  id: string;
  source: string;
  /** One verdict per record set. */
  verdicts: Verdict[];
  parts: { id: string; text: string; brief: string; verdicts: Verdict[] }[];
}

export async function section6Verdicts(sets: string[][]): Promise<Section6Row[]> {
  const claims = (await loadUnits()).claims.filter((c) => c.declaredParts?.length);
  const records = sets.map((dirs) => dirs.map((path) => ({ path, record: readExperimentRecord(path) })));
  return claims.map((claim) => {
    const results = records.map((experiments) => runClaim(claim, { seed: 1, runs: 1, experiments }).results.find((r) => r.model === 'experiment')!);
    return {
      id: claim.id,
      source: claim.source,
      verdicts: results.map((r) => r.verdict),
      parts: claim.declaredParts!.map((p) => ({ id: p.id, text: p.text, brief: p.brief, verdicts: results.map((r) => r.statementParts!.find((x) => x.id === p.id)!.verdict) })),
    };
  });
}
