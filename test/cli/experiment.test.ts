/**
 * `matmem experiment` end to end on a tiny grid (2 models × 2 seeds, 120 iterations): the record,
 * a SIGKILLed run resumed to the same record (timings apart), the Section 6 verdicts that
 * `verify --experiment` computes from it, `eval` and `trace` on the trained networks, and bad input
 * refused before any work.
 */
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/run-cli.ts';
import { withoutTiming, type ExperimentRecord } from '../../src/matntm/experiment/record.ts';
import { signTest } from '../../src/claims/exact-tests.ts';

const root = join(import.meta.dirname, '..', '..');
const GRID = ['copy', '--seeds', '1..2', '--iterations', '120', '--eval-every', '40', '--batch', '8', '--eval-batches', '1', '--eval-lengths', '1..7', '--threads', '1', '--no-progress'];
const tmp = () => mkdtempSync(join(tmpdir(), 'matmem-exp-'));
const read = (dir: string): ExperimentRecord => JSON.parse(readFileSync(join(dir, 'experiment.json'), 'utf8'));

const straight = tmp();

describe('matmem experiment (tiny grid, seeds 1..2)', () => {
  it('writes the record: config, version, every run with curves, final held-out metrics, parameters and time', () => {
    const r = runCli(['experiment', ...GRID, '--out', straight, '--json'], { timeoutMs: 300_000 });
    expect(r.code, r.stderr).toBe(0);
    const summary = JSON.parse(r.stdout);
    expect(summary.runs.map((x: { id: string }) => x.id)).toEqual(['matntm-seed1', 'matntm-seed2', 'matrnn-seed1', 'matrnn-seed2']);
    const rec = read(straight);
    expect(rec.format).toBe('matmem-experiment/1');
    expect(rec.tool.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(rec.config).toMatchObject({ task: 'copy', models: ['matntm', 'matrnn'], seeds: [1, 2], iterations: 120, evalEvery: 40 });
    for (const run of rec.runs) {
      // held-out at 40, 80, 120, at each training length 1..5, all on the same sequences for every run
      expect(run.heldOut.map((p) => p.iteration)).toEqual([40, 80, 120]);
      expect(run.heldOut[0].byLength.map((m) => m.length)).toEqual([1, 2, 3, 4, 5]);
      expect(run.training.iteration).toEqual([40, 80, 120]);
      expect(run.generalization.lengths.map((m) => m.length)).toEqual([1, 2, 3, 4, 5, 6, 7]);
      expect(run.parameters).toBe(run.model === 'matntm' ? 4121 : 2650);
      expect(run.timing.seconds).toBeGreaterThan(0);
      expect(Number.isFinite(run.final.mean.bitErrorPerMatrix)).toBe(true);
    }
    for (const run of rec.runs) {
      // final: the training lengths, every length weighted equally, and the same numbers as the generalization curve there
      expect(run.final.byLength.map((m) => m.length)).toEqual([1, 2, 3, 4, 5]);
      const mean = run.final.byLength.reduce((a, m) => a + m.bitErrorPerMatrix, 0) / 5;
      expect(run.final.mean.bitErrorPerMatrix).toBeCloseTo(mean, 12);
      expect(run.final.byLength).toEqual(run.generalization.lengths.slice(0, 5));
    }
    expect(rec.runs.filter((x) => x.algorithm).map((x) => x.model)).toEqual(['matntm', 'matntm']);
    expect(existsSync(join(straight, 'figure-5.svg')) && existsSync(join(straight, 'figure-9.svg'))).toBe(true);
  }, 300_000);

  it('a SIGKILLed experiment, started again, finishes with the same record (timings apart)', async () => {
    const dir = tmp();
    // kill once the second run has checkpointed part of its training
    const child = spawn(process.execPath, [join(root, 'bin', 'matmem.js'), 'experiment', ...GRID, '--out', dir], { stdio: 'ignore' });
    const killedAt = await new Promise<string>((resolve, reject) => {
      const timer = setInterval(() => {
        const runs = existsSync(join(dir, 'runs')) ? readdirSync(join(dir, 'runs')) : [];
        if (runs.includes('matntm-seed2') && existsSync(join(dir, 'runs', 'matntm-seed2', 'checkpoint.json'))) {
          clearInterval(timer);
          child.kill('SIGKILL');
          resolve('matntm-seed2');
        }
      }, 50);
      child.on('exit', () => {
        clearInterval(timer);
        reject(new Error('the experiment finished before it could be killed'));
      });
    });
    expect(killedAt).toBe('matntm-seed2');
    expect(existsSync(join(dir, 'experiment.json'))).toBe(false);
    const again = runCli(['experiment', ...GRID, '--out', dir], { timeoutMs: 300_000 });
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toMatch(/run 1\/4 matntm-seed1: finished earlier, reused/);
    expect(again.stderr).toMatch(/run 2\/4 matntm-seed2: resumed at iteration \d+/);
    expect(JSON.stringify(withoutTiming(read(dir)))).toBe(JSON.stringify(withoutTiming(read(straight))));
  }, 300_000);

  it('refuses a folder that holds an experiment with other settings, and bad input, before any work', () => {
    const other = runCli(['experiment', ...GRID.map((a) => (a === '120' ? '60' : a)), '--out', straight]);
    expect(other.code).toBe(2);
    expect(other.stderr).toMatch(/holds an experiment with other settings \(iterations/);
    const file = join(tmp(), 'f');
    writeFileSync(file, 'x');
    for (const [args, msg] of [
      [['copy', '--seeds', '5..1', '--out', tmp()], /--seeds: the range 5\.\.1 is empty/],
      [['copy', '--models', 'lstm', '--out', tmp()], /--models must be matntm or matrnn/],
      [['sort', '--out', tmp()], /task must be copy or recall/],
      [['copy', '--item-length', '3', '--out', tmp()], /--item-length is a recall option/],
      [['copy', '--out', file], /a file is in the way/],
      [['copy', '--out', '/proc/x'], /kernel file system/],
      [['copy', '--train-lengths', '1..50', '--out', tmp()], /more than the 20 memory slots/],
    ] as [string[], RegExp][]) {
      const r = runCli(['experiment', ...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(msg);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
  }, 120_000);
});

describe('verify --experiment, eval and trace on the tiny grid', () => {
  it('the Section 6 verdicts follow from the record', () => {
    const out = tmp();
    const r = runCli(['verify', '--experiment', straight, '--claim', 'sec6.copy-memory-helps', '--json', '--out', out], { timeoutMs: 120_000 });
    expect(r.code, r.stderr).toBe(0);
    const res = JSON.parse(r.stdout).claims[0].results[0];
    expect(res.model).toBe('experiment');
    // recomputed here from the record: 2 seeds can give at best p = 1/4, so the verdict cannot be holds or fails
    const rec = read(straight);
    const d = [1, 2].map((s) => rec.runs.find((x) => x.model === 'matrnn' && x.seed === s)!.final.mean.bitErrorPerMatrix - rec.runs.find((x) => x.model === 'matntm' && x.seed === s)!.final.mean.bitErrorPerMatrix);
    const t = signTest(d);
    // part (a), the sign test over seeds; part (b), learned runs of each model (2 + 2 runs)
    const [a, b] = res.statementParts;
    expect(a.verdict).toBe(t.p <= 0.05 ? 'holds' : t.pOpposite <= 0.05 ? 'fails' : 'inconclusive');
    expect(a.verdict).toBe('inconclusive');
    expect(a.detail).toContain(`below the Matrix RNN on ${t.agree} of 2 seeds`);
    expect(b.detail).toMatch(/Learned \(zero error\): MatNTM \d of 2, Matrix RNN \d of 2/);
    expect(res.verdict).toBe('inconclusive');
    expect(res.cases).toBe(4);
    expect(res.replay).toBe(`matmem verify --claim sec6.copy-memory-helps --experiment ${straight}`);
  }, 120_000);

  it('eval gives the cost per length for every run and writes eval.json and eval.svg', () => {
    const out = tmp();
    const r = runCli(['eval', straight, '--lengths', '4..6', '--batches', '2', '--model', 'matntm', '--out', out, '--json'], { timeoutMs: 120_000 });
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.networks.map((n: { id: string }) => n.id)).toEqual(['matntm-seed1', 'matntm-seed2']);
    expect(doc.networks[0].lengths.map((m: { length: number }) => m.length)).toEqual([4, 5, 6]);
    // the same held-out sequences as the experiment's final evaluation: at l = 5 the first 2 of its batches
    const rec = read(straight);
    expect(doc.evalSeed).toBe(rec.config.evalSeed);
    expect(readFileSync(join(out, 'eval.svg'), 'utf8')).toMatch(/^<svg/);
    expect(JSON.parse(readFileSync(join(out, 'eval.json'), 'utf8'))).toEqual(doc);
  }, 120_000);

  it('trace draws Fig. 6 and gives the statistic of the best MatNTM run', () => {
    const svg = join(tmp(), 'fig6.svg');
    const r = runCli(['trace', straight, '--task', 'copy', '--out', svg, '--json'], { timeoutMs: 120_000 });
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    const rec = read(straight);
    const best = rec.runs.filter((x) => x.model === 'matntm').sort((a, b) => a.final.mean.bitErrorPerMatrix - b.final.mean.bitErrorPerMatrix)[0];
    expect(doc.run).toBe(best.id);
    // the statistic is the one the experiment recorded for that run (same held-out sequences, same network)
    expect(doc.statistic.following).toBe(best.algorithm!.following);
    expect(doc.statistic.sequences).toBe(best.algorithm!.sequences);
    expect(doc.drawn.steps).toHaveLength(11);
    expect(readFileSync(svg, 'utf8')).toMatch(/^<svg/);
    expect(runCli(['trace', straight, '--task', 'recall']).code).toBe(2);
  }, 120_000);
});
