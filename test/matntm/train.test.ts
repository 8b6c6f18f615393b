import { describe, expect, it, vi } from 'vitest';
import { mkdtempSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { FusedEngine } from '../../src/matntm/engines/fused.ts';
import { layoutOf } from '../../src/matntm/config.ts';
import { train, readCheckpoint, type TrainSpec } from '../../src/matntm/train.ts';
import { trainCommand } from '../../src/cli/train.ts';
import { reportFailure } from '../../src/cli/common.ts';
import { tinyConfig } from './helpers.ts';

const SEED = 4242;
const spec: TrainSpec = {
  task: 'copy',
  model: 'matntm',
  preset: 'quick',
  config: tinyConfig('matntm'),
  optimizer: { kind: 'adam', lr: 3e-3, momentum: 0, clip: 10 },
  batch: 2,
  minLength: 1,
  maxLength: 3,
  seed: SEED,
};
const engine = () => new FusedEngine(layoutOf(spec.config));
const tmp = () => mkdtempSync(join(tmpdir(), 'matntm-test-'));

describe(`training loop (seed ${SEED})`, () => {
  it('resumes bit for bit from the last checkpoint', async () => {
    const straight = await train(spec, engine(), { iterations: 8, checkpointEvery: 4, evalBatches: 1 });
    const dir = tmp();
    try {
      const first = await train(spec, engine(), { iterations: 4, outDir: dir, checkpointEvery: 4, evalBatches: 1 });
      expect(first.iterations).toBe(4);
      expect(readCheckpoint(dir).state.iteration).toBe(4);
      const resumed = await train(spec, engine(), { iterations: 8, outDir: dir, resume: true, checkpointEvery: 4, evalBatches: 1 });
      expect(resumed.iterationsRun).toBe(4);
      expect(Buffer.from(resumed.theta.buffer).equals(Buffer.from(straight.theta.buffer))).toBe(true);
      expect(resumed.curve.map((p) => p.loss)).toEqual(straight.curve.map((p) => p.loss));
      expect(resumed.final).toEqual(straight.final);
      // training moved the parameters (an engine returning zero gradients would pass the equalities above)
      expect(straight.curve[7].loss).not.toBe(straight.curve[0].loss);
      const curve = JSON.parse(readFileSync(join(dir, 'curve.json'), 'utf8'));
      expect(curve.points).toHaveLength(8);
      expect(readFileSync(join(dir, 'curve.svg'), 'utf8')).toMatch(/^<svg/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses to resume with other settings', async () => {
    const dir = tmp();
    try {
      await train(spec, engine(), { iterations: 2, outDir: dir, checkpointEvery: 2, evalBatches: 1 });
      await expect(train({ ...spec, batch: 3 }, engine(), { iterations: 4, outDir: dir, resume: true, evalBatches: 1 })).rejects.toThrow(/batch/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('rolls a NaN loss back to the last good checkpoint, reports it, and goes on with other data', async () => {
    const rollbacks: unknown[] = [];
    const r = await train(spec, engine(), { iterations: 8, checkpointEvery: 3, evalBatches: 1, injectNonFiniteAt: [5], onRollback: (x) => rollbacks.push(x) });
    expect(r.rollbacks).toEqual([{ iteration: 5, restoredTo: 3, reason: 'non-finite loss (NaN)' }]);
    expect(rollbacks).toHaveLength(1);
    expect(r.iterations).toBe(8);
    expect(r.curve).toHaveLength(8);
    expect(r.curve.every((p) => Number.isFinite(p.loss))).toBe(true);
    // iterations 1–3 are the same as an undisturbed run; 4 onwards saw different data
    const clean = await train(spec, engine(), { iterations: 8, checkpointEvery: 3, evalBatches: 1 });
    expect(r.curve.slice(0, 3)).toEqual(clean.curve.slice(0, 3));
    expect(r.curve[3].loss).not.toBe(clean.curve[3].loss);
  });

  it('gives up after repeated non-finite losses instead of looping', async () => {
    await expect(train(spec, engine(), { iterations: 5, checkpointEvery: 2, evalBatches: 1, injectNonFiniteAt: [3, 4, 5], maxConsecutiveRollbacks: 0 })).rejects.toThrow(/diverged/);
  });
});

async function runCli(args: string[]): Promise<{ code: number; stdout: string }> {
  let stdout = '';
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => {
    stdout += String(s);
    return true;
  });
  const errSpy = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  const before = process.exitCode;
  let code = 0;
  try {
    const p = new Command().exitOverride();
    const cmd = trainCommand().exitOverride();
    p.addCommand(cmd);
    await p.parseAsync(['node', 'matmem', 'train', ...args]);
    code = typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (err) {
    code = reportFailure(err);
  } finally {
    spy.mockRestore();
    errSpy.mockRestore();
    process.exitCode = before;
  }
  return { code, stdout };
}

describe('matmem train (command)', () => {
  it('--iterations 0 --json prints the summary with the parameter count, without training', async () => {
    const { code, stdout } = await runCli(['copy', '--preset', 'paper', '--iterations', '0', '--backend', 'fused', '--json', '--seed', String(SEED)]);
    expect(code).toBe(0);
    const s = JSON.parse(stdout);
    expect(Object.keys(s)).toEqual(expect.arrayContaining(['task', 'model', 'backend', 'parameters', 'iterations', 'secondsPerIteration', 'final']));
    expect(s).toMatchObject({ task: 'copy', model: 'matntm', backend: 'fused', parameters: 4121, iterations: 0, secondsPerIteration: null });
    expect(Object.keys(s.final).sort()).toEqual(['bitErrorPerMatrix', 'bitErrorPerSequence', 'loss']);
    // untrained outputs are near ½: about half of the 25 bits of a matrix are wrong
    expect(s.final.bitErrorPerMatrix).toBeGreaterThan(5);
    expect(s.final.bitErrorPerMatrix).toBeLessThan(20);
  });

  it('counts the recall baseline', async () => {
    const { stdout } = await runCli(['recall', '--model', 'matrnn', '--iterations', '0', '--backend', 'fused', '--json']);
    expect(JSON.parse(stdout).parameters).toBe(5825);
  });

  it('trains, writes the curve, and resumes from --out', async () => {
    const dir = tmp();
    try {
      const a = await runCli(['copy', '--iterations', '2', '--batch', '2', '--length', '2', '--backend', 'fused', '--out', dir, '--json', '--no-progress']);
      expect(a.code).toBe(0);
      expect(JSON.parse(a.stdout).iterations).toBe(2);
      expect(existsSync(join(dir, 'curve.svg'))).toBe(true);
      const b = await runCli(['copy', '--iterations', '3', '--batch', '2', '--length', '2', '--backend', 'fused', '--out', dir, '--resume', '--json', '--no-progress']);
      expect(JSON.parse(b.stdout).iterations).toBe(3);
      expect(JSON.parse(readFileSync(join(dir, 'curve.json'), 'utf8')).points).toHaveLength(3);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('exits 2 on bad input', async () => {
    expect((await runCli(['copy', '--iterations', '-1', '--json'])).code).toBe(2);
    expect((await runCli(['sort', '--json'])).code).toBe(2);
    expect((await runCli(['copy', '--resume', '--json'])).code).toBe(2);
  });
});
