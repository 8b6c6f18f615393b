/**
 * A whole verify on two threads gives the one-thread report, byte for byte apart from `generated`:
 * the work list is shared out by a counter, every unit's result depends only on the seed, the runs
 * and the unit, and the report is assembled in the run's order whoever computed what.
 */
import { describe, expect, it } from 'vitest';
import { loadUnits } from '../../src/claims/registry.ts';
import { runVerifyParallel } from '../../src/claims/parallel-verify.ts';
import { checkDerivations, runVerifyWith } from '../../src/claims/verify.ts';
import { reportToJson } from '../../src/report/json.ts';
import type { Report } from '../../src/core/types.ts';

const withoutGenerated = (r: Report) => reportToJson({ ...r, generated: { at: '', seconds: 0 } });

describe('runVerifyParallel', () => {
  it('on 2 threads equals the one-thread run (seed 3, 12 runs), with figures 2–4 drawn by whichever thread took them', async () => {
    const units = await loadUnits();
    const serial = runVerifyWith(units, { seed: 3, runs: 12, experiments: [] }, { derivations: checkDerivations });
    const { reportFigures } = await import('../../src/cli/verify-hooks.ts');
    serial.figures = await reportFigures(3);
    const seen: string[] = [];
    const parallel = await runVerifyParallel(units, { seed: 3, runs: 12, experiments: [], threads: 2, figures: new URL('../../src/cli/verify-hooks.ts', import.meta.url).href, onItem: (label, done, total) => seen.push(`${done}/${total} ${label}`) });
    expect(withoutGenerated(parallel)).toBe(withoutGenerated(serial));
    // every item reported once, the last one as total/total
    const total = Number(seen[0].split(' ')[0].split('/')[1]);
    expect(seen).toHaveLength(total);
    expect(seen.at(-1)!.startsWith(`${total}/${total}`)).toBe(true);
    expect(parallel.figures!.map((f) => f.id)).toEqual(['figure-2', 'figure-3', 'figure-4']);
  }, 600_000);
});
