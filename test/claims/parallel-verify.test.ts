/**
 * A whole verify on two threads gives the one-thread report, byte for byte apart from `generated`:
 * the work list is shared out by marks, every unit's result depends only on the seed, the runs
 * and the unit, and the report is assembled in the run's order whoever computed what.
 */
import { describe, expect, it } from 'vitest';
import { loadUnits } from '../../src/claims/registry.ts';
import { runVerifyParallel, takeItem, walkOf } from '../../src/claims/parallel-verify.ts';
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

describe('sharing out the work list', () => {
  const marks = (n: number) => new Int32Array(new SharedArrayBuffer(4 * n));

  it('this thread walks from the start, the last thread from the end backwards, others from evenly spaced points', () => {
    expect(walkOf(0, 2, 10)).toEqual({ start: 0, step: 1 });
    expect(walkOf(1, 2, 10)).toEqual({ start: 9, step: -1 });
    expect(walkOf(1, 3, 10)).toEqual({ start: 3, step: 1 });
    expect(walkOf(2, 3, 10)).toEqual({ start: 9, step: -1 });
  });

  it('two walks take every item exactly once, meeting where they cross', () => {
    const taken = marks(7);
    const order: string[] = [];
    let a = takeItem(taken, 0, 1);
    let b = takeItem(taken, 6, -1);
    // alternate, as two threads might
    while (a >= 0 || b >= 0) {
      if (a >= 0) {
        order.push(`a${a}`);
        a = takeItem(taken, a + 1, 1);
      }
      if (b >= 0) {
        order.push(`b${b}`);
        b = takeItem(taken, b - 1, -1);
      }
    }
    expect(order).toEqual(['a0', 'b6', 'a1', 'b5', 'a2', 'b4', 'a3']);
    expect(Array.from(taken)).toEqual([1, 1, 1, 1, 1, 1, 1]);
  });

  it('a thread whose own stretch is done takes what is left nearest behind it', () => {
    const taken = marks(5);
    for (const i of [2, 3, 4]) Atomics.store(taken, i, 1);
    // from 3 forwards nothing is left: the nearest unmarked item behind 3 is 1
    expect(takeItem(taken, 3, 1)).toBe(1);
    expect(takeItem(taken, 3, 1)).toBe(0);
    expect(takeItem(taken, 3, 1)).toBe(-1);
    expect(takeItem(marks(0), 0, 1)).toBe(-1);
  });

  it('on 3 threads equals the one-thread run (seed 3, 12 runs, no figures)', async () => {
    const units = await loadUnits();
    const serial = runVerifyWith(units, { seed: 3, runs: 12, experiments: [] }, { derivations: checkDerivations });
    const parallel = await runVerifyParallel(units, { seed: 3, runs: 12, experiments: [], threads: 3, figures: null });
    expect(withoutGenerated(parallel)).toBe(withoutGenerated(serial));
  }, 600_000);
});

describe('workers started before the run', () => {
  it('a worker that never gets its job does not keep the process alive (a run that stops on bad input just ends)', async () => {
    const { spawnSync } = await import('node:child_process');
    const { join } = await import('node:path');
    const root = join(import.meta.dirname, '..', '..');
    const script = "const m = await import('./src/claims/parallel-verify.ts'); m.startVerifyWorkers(1); console.log('started');";
    // a hang would run into the 60 s kill (SIGTERM, status null); the process ends as soon as this script does
    const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: root, encoding: 'utf8', timeout: 60_000 });
    expect(r.signal).toBeNull();
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('started\n');
  }, 90_000);

  it('workers started early run the job they are given: the one-thread report (seed 3, 12 runs, no figures)', async () => {
    const { startVerifyWorkers } = await import('../../src/claims/parallel-verify.ts');
    const workers = startVerifyWorkers(1);
    const units = await loadUnits();
    const serial = runVerifyWith(units, { seed: 3, runs: 12, experiments: [] }, { derivations: checkDerivations });
    const parallel = await runVerifyParallel(units, { seed: 3, runs: 12, experiments: [], threads: 2, figures: null, workers });
    expect(withoutGenerated(parallel)).toBe(withoutGenerated(serial));
  }, 600_000);
});
