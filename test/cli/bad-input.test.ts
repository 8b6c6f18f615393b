/**
 * The bad-input corpus: every command fed what a new user gets wrong. Each input must end with
 * exit 2 and one line on stderr naming the problem, nothing on stdout under --json, no file
 * written or changed (the command runs in an empty folder of its own; the fixtures are checked
 * unchanged at the end), and within 10 s — checks happen before any long work.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/run-cli.ts';

const root = join(import.meta.dirname, '..', '..');
const npy = (name: string) => join(root, 'test', 'io', 'fixtures', name);
const fx = mkdtempSync(join(tmpdir(), 'matmem-bad-fixtures-'));
const f = (name: string) => join(fx, name);
const ok = { U: [[0.5, 0.1], [0, 0.3]], V: [[0.4, 0], [0.2, -0.3]], W: [[1, 0.5], [-0.2, 0.8]] };

function write(name: string, text: string): string {
  writeFileSync(f(name), text);
  return f(name);
}

/** Every file under a folder with its size and modification time. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of readdirSync(d)) {
      const p = join(d, e);
      const st = statSync(p);
      if (st.isDirectory()) walk(p);
      else out[p] = `${st.size}:${st.mtimeMs}`;
    }
  };
  walk(dir);
  return out;
}

function setup(): void {
  write('ok.json', JSON.stringify(ok));
  write('u.csv', '0.5,0.1\n0,0.3\n');
  write('v.csv', '0.4,0\n0.2,-0.3\n');
  write('w.csv', '1,0.5\n-0.2,0.8\n');
  write('ragged.csv', '1,2\n3\n');
  write('word.csv', '1,x\n3,4\n');
  write('nan.csv', '1,NaN\n3,4\n');
  write('empty.json', '');
  write('array.json', '[1, 2, 3]');
  write('truncated.json', '{"U": [[0.5, 0], [0, 0.');
  write('strings.json', JSON.stringify({ ...ok, U: [['a', 'b'], ['c', 'd']] }));
  write('nonsquare.json', JSON.stringify({ ...ok, U: [[0.5, 0.1, 0], [0, 0.3, 0]] }));
  write('sizes.json', JSON.stringify({ ...ok, V: [[0.4]] }));
  write('ragged.json', JSON.stringify({ ...ok, W: [[1, 0.5], [0.8]] }));
  write('missingW.json', JSON.stringify({ U: ok.U, V: ok.V }));
  write('zeroW.json', JSON.stringify({ ...ok, W: [[0, 0], [0, 0]] }));
  write('zeroNoise.json', JSON.stringify({ ...ok, e1: 0 }));
  write('negNoise.json', JSON.stringify({ ...ok, e2: -1 }));
  write('strNoise.json', JSON.stringify({ ...ok, e1: 'one' }));
  write('unstable.json', JSON.stringify({ ...ok, U: [[1.5, 0], [0, 0.5]], V: [[0.9, 0], [0, 0.2]] }));
  write('bigW.json', JSON.stringify({ ...ok, W: [[1e200, 0], [0, 1]] }));
  const n = 200;
  const eye = (x: number) => Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? x : 0)));
  write('huge.json', JSON.stringify({ U: eye(0.5), V: eye(0.5), W: eye(1) }));
  mkdirSync(f('adir'));
  write('afile', 'not a folder');
  write('baseline-array.json', '[1, 2]');
  write('baseline-maybe.json', JSON.stringify({ verdicts: { 'eq-13.fmm/paper': 'maybe' } }));
  write('baseline-format.json', JSON.stringify({ format: 'matmem-baseline/99', verdicts: {} }));
  write('baseline-noconfig.json', JSON.stringify({ format: 'matmem-baseline/2', verdicts: {}, evidence: {} }));
  write('baseline-runs.json', JSON.stringify({ format: 'matmem-baseline/2', tool: { version: 'x' }, config: { seed: 1, runs: 7, claim: null, step: null, experiments: [] }, tolerance: {}, verdicts: {}, evidence: {} }));
  write('baseline-badjson.json', '{"verdicts": ');
  write('notrecord.json', JSON.stringify({ hello: 'world' }));
  mkdirSync(f('emptydir'));
  // a tiny experiment (copy) and a train folder, made once
  const exp = runCli(['experiment', 'copy', '--seeds', '1', '--iterations', '2', '--batch', '2', '--eval-batches', '1', '--eval-lengths', '1..2', '--threads', '1', '--no-progress', '--out', f('exp')], { timeoutMs: 120_000 });
  if (exp.code !== 0) throw new Error(`fixture experiment failed: ${exp.stderr}`);
  const expRnn = runCli(['experiment', 'copy', '--models', 'matrnn', '--seeds', '1', '--iterations', '2', '--batch', '2', '--eval-batches', '1', '--eval-lengths', '1..2', '--threads', '1', '--no-progress', '--out', f('exp-rnn')], { timeoutMs: 120_000 });
  if (expRnn.code !== 0) throw new Error(`fixture experiment failed: ${expRnn.stderr}`);
  const tr = runCli(['train', 'copy', '--iterations', '1', '--batch', '2', '--length', '2', '--backend', 'fused', '--threads', '1', '--no-progress', '--out', f('run')], { timeoutMs: 120_000 });
  if (tr.code !== 0) throw new Error(`fixture train failed: ${tr.stderr}`);
}

type Case = [what: string, args: string[], message: RegExp];

const C = () => f('ok.json');
const fmcCases = (): Case[] => [
  ['no case at all', ['fmc'], /no case given/],
  ['a missing case file', ['fmc', '--case', f('missing.json')], /no such file/],
  ['a folder as the case file', ['fmc', '--case', f('adir')], /directory|folder|EISDIR|is not a file/i],
  ['an empty case file', ['fmc', '--case', f('empty.json')], /not valid JSON|empty/],
  ['a JSON array as the case', ['fmc', '--case', f('array.json')], /object|must be/],
  ['a truncated JSON case', ['fmc', '--case', f('truncated.json')], /not valid JSON/],
  ['strings in U', ['fmc', '--case', f('strings.json')], /U/],
  ['a non-square U', ['fmc', '--case', f('nonsquare.json')], /must be square/],
  ['U, V of different sizes', ['fmc', '--case', f('sizes.json')], /same size/],
  ['ragged rows in W', ['fmc', '--case', f('ragged.json')], /W/],
  ['a missing W', ['fmc', '--case', f('missingW.json')], /missing key "W"/],
  ['a zero W', ['fmc', '--case', f('zeroW.json')], /W is zero: .*I\(W\) = 0/],
  ['zero noise in the file', ['fmc', '--case', f('zeroNoise.json')], /e1 .* must be positive/],
  ['negative noise in the file', ['fmc', '--case', f('negNoise.json')], /e2 .* must be positive/],
  ['a string noise level', ['fmc', '--case', f('strNoise.json')], /e1/],
  ['--e1 0', ['fmc', '--case', C(), '--e1', '0'], /--e1 must be > 0/],
  ['--e1 -1', ['fmc', '--case', C(), '--e1', '-1'], /--e1 must be > 0/],
  ['--e1 abc', ['fmc', '--case', C(), '--e1', 'abc'], /--e1 must be a finite number/],
  ['--e2 Infinity', ['fmc', '--case', C(), '--e2', 'Infinity'], /--e2 must be a finite number/],
  ['--e1 subnormal', ['fmc', '--case', C(), '--e1', '1e-320'], /e1 = 1e-320 is outside/],
  ['noise product beyond range', ['fmc', '--case', C(), '--e1', '1e100', '--e2', '1e100'], /e1·e2 = 1e\+200 is outside/],
  ['a W entry beyond range', ['fmc', '--case', f('bigW.json')], /W has an entry of size 1e\+200/],
  ['unstable for every model', ['fmc', '--case', f('unstable.json')], /no model is defined for this case/],
  ['unstable, paper asked for', ['fmc', '--case', f('unstable.json'), '--model', 'paper'], /ρ\(U\) = 1\.5/],
  ['--k 0', ['fmc', '--case', C(), '--k', '0'], /--k must be ≥ 1/],
  ['--k -3', ['fmc', '--case', C(), '--k', '-3'], /--k must be ≥ 1/],
  ['--k 1.5', ['fmc', '--case', C(), '--k', '1.5'], /--k must be an integer/],
  ['--k ten', ['fmc', '--case', C(), '--k', 'ten'], /--k must be a finite number/],
  ['--k 1e9', ['fmc', '--case', C(), '--k', '1e9'], /--k must be ≤ 100000/],
  ['an unknown model', ['fmc', '--case', C(), '--model', 'magic'], /--model must be/],
  ['an empty model', ['fmc', '--case', C(), '--model', ''], /--model must be/],
  ['an unknown option', ['fmc', '--case', C(), '--frobnicate'], /unknown option '--frobnicate'/],
  ['--u without --v, --w', ['fmc', '--u', f('u.csv')], /--v|--w|needs/],
  ['a ragged CSV', ['fmc', '--u', f('ragged.csv'), '--v', f('v.csv'), '--w', f('w.csv')], /ragged\.csv/],
  ['a word in a CSV', ['fmc', '--u', f('word.csv'), '--v', f('v.csv'), '--w', f('w.csv')], /word\.csv/],
  ['NaN in a CSV', ['fmc', '--u', f('nan.csv'), '--v', f('v.csv'), '--w', f('w.csv')], /nan\.csv/],
  ['a truncated .npy', ['fmc', '--u', npy('truncated.npy'), '--v', f('v.csv'), '--w', f('w.csv')], /truncated/],
  ['a 3-d .npy', ['fmc', '--u', npy('three-d.npy'), '--v', f('v.csv'), '--w', f('w.csv')], /three-d\.npy/],
  ['a case too large for memory', ['fmc', '--case', f('huge.json'), '--model', 'exact'], /needs about .* above the limit .* the largest N that fits is \d+/],
  ['--memory-slots 0', ['fmc', '--case', C(), '--memory-slots', '0'], /--memory-slots/],
  ['--memory-slots abc', ['fmc', '--case', C(), '--memory-slots', 'abc'], /--memory-slots/],
  ['--alpha without slots', ['fmc', '--case', C(), '--alpha', '0.5'], /--alpha/],
  ['--alpha of the wrong length', ['fmc', '--case', C(), '--memory-slots', '2', '--alpha', '0.5'], /--alpha/],
  ['--alpha not a number', ['fmc', '--case', C(), '--memory-slots', '1', '--alpha', 'x'], /--alpha/],
  ['--truncation -1', ['fmc', '--case', C(), '--memory-slots', '1', '--truncation', '-1'], /--truncation/],
  ['--horizon 0', ['fmc', '--case', C(), '--memory-slots', '1', '--horizon', '0'], /--horizon/],
  ['--horizon 1e9', ['fmc', '--case', C(), '--memory-slots', '1', '--horizon', '1e9'], /--horizon/],
  ['no stationary law with one slot', ['fmc', '--case', C(), '--memory-slots', '1', '--model', 'exact'], /no stationary law/],
  ['the vector model with memory', ['fmc', '--case', C(), '--memory-slots', '1', '--model', 'vector'], /vector model has no memory slots/],
];

const simulateCases = (): Case[] => [
  ['no case', ['simulate'], /no case given/],
  ['--samples 0', ['simulate', '--case', C(), '--samples', '0'], /--samples must be ≥ 1/],
  ['--samples -5', ['simulate', '--case', C(), '--samples', '-5'], /--samples must be ≥ 1/],
  ['--samples 1.5', ['simulate', '--case', C(), '--samples', '1.5'], /--samples must be an integer/],
  ['--samples abc', ['simulate', '--case', C(), '--samples', 'abc'], /--samples must be a finite number/],
  ['--samples 1e12', ['simulate', '--case', C(), '--samples', '1e12'], /would take about .* the largest --samples that fits is about \d+/],
  ['--steps 0', ['simulate', '--case', C(), '--steps', '0'], /--steps must be ≥ 1/],
  ['--steps 1e6', ['simulate', '--case', C(), '--steps', '1000000'], /--steps must be ≤ 100000/],
  ['--seed -1', ['simulate', '--case', C(), '--seed', '-1'], /--seed must be ≥ 0/],
  ['--seed 2^32', ['simulate', '--case', C(), '--seed', '4294967296'], /--seed must be ≤/],
  ['--batches 1', ['simulate', '--case', C(), '--batches', '1'], /--batches must be ≥ 2/],
  ['--batches abc', ['simulate', '--case', C(), '--batches', 'abc'], /--batches must be a finite number/],
  ['an unstable case', ['simulate', '--case', f('unstable.json')], /ρ\(U\)·ρ\(V\)/],
  ['a zero W', ['simulate', '--case', f('zeroW.json')], /W is zero/],
  ['an unknown option', ['simulate', '--case', C(), '--fast'], /unknown option '--fast'/],
  ['a missing case file', ['simulate', '--case', f('nope.json')], /no such file/],
  ['--memory-slots -1', ['simulate', '--case', C(), '--memory-slots', '-1'], /--memory-slots/],
  ['--alpha too long', ['simulate', '--case', C(), '--memory-slots', '1', '--alpha', '0.2,0.3'], /--alpha/],
  ['a huge case', ['simulate', '--case', f('huge.json')], /above the limit/],
  ['--e2 0', ['simulate', '--case', C(), '--e2', '0'], /--e2 must be > 0/],
];

const verifyCases = (): Case[] => [
  ['--runs 0', ['verify', '--runs', '0'], /--runs must be ≥ 1/],
  ['--runs -1', ['verify', '--runs', '-1'], /--runs must be ≥ 1/],
  ['--runs 1e9', ['verify', '--runs', '1e9'], /--runs must be ≤ 100000/],
  ['--runs abc', ['verify', '--runs', 'abc'], /--runs must be a finite number/],
  ['--seed -1', ['verify', '--seed', '-1'], /--seed must be ≥ 0/],
  ['--seed 1.5', ['verify', '--seed', '1.5'], /--seed must be an integer/],
  ['an unknown claim', ['verify', '--claim', 'no-such-claim'], /unknown claim "no-such-claim"/],
  ['an unknown step', ['verify', '--step', 'theorem-2#99'], /unknown step "theorem-2#99"/],
  ['a step without #', ['verify', '--step', 'theorem-2'], /unknown step/],
  ['--claim and --step', ['verify', '--claim', 'eq-13.fmm', '--step', 'theorem-2#6'], /give --claim or --step, not both/],
  ['--path without --claim', ['verify', '--path', '1:2'], /give --claim too/],
  ['--path x:y', ['verify', '--claim', 'corollary-2.1', '--path', 'x:y'], /--path must be a fast-check path/],
  ['--path with a space', ['verify', '--claim', 'corollary-2.1', '--path', '1 2'], /--path must be a fast-check path/],
  ['--model without --claim', ['verify', '--model', 'exact'], /give --claim too/],
  ['--model foo', ['verify', '--claim', 'eq-13.fmm', '--model', 'foo'], /--model must be paper, exact or experiment/],
  ['a missing baseline', ['verify', '--baseline', f('none.json')], /cannot read .*no such file/],
  ['a baseline that is not JSON', ['verify', '--baseline', f('baseline-badjson.json')], /not valid JSON/],
  ['a baseline array', ['verify', '--baseline', f('baseline-array.json')], /a baseline is/],
  ['a baseline verdict "maybe"', ['verify', '--baseline', f('baseline-maybe.json')], /the verdict of eq-13\.fmm\/paper is "maybe"/],
  ['a baseline of an unknown format', ['verify', '--baseline', f('baseline-format.json')], /unknown baseline format/],
  ['a baseline without config', ['verify', '--baseline', f('baseline-noconfig.json')], /needs seed, runs and experiments/],
  ['a baseline made with other runs', ['verify', '--baseline', f('baseline-runs.json')], /the baseline was made with --runs 7 \(this run: 200\)/],
  ['--out onto a file', ['verify', '--out', f('afile')], /a file is in the way/],
  ['--out under a file', ['verify', '--out', join(f('afile'), 'sub')], /is a file, not a folder/],
  ['--out under /proc', ['verify', '--out', '/proc/x'], /kernel file system/],
  ['--out under /sys', ['verify', '--out', '/sys/x'], /kernel file system/],
  ['--write-baseline under /proc', ['verify', '--write-baseline', '/proc/x/b.json'], /kernel file system/],
  ['--write-baseline under a file', ['verify', '--write-baseline', join(f('afile'), 'b.json')], /is a file, not a folder/],
  ['--write-baseline onto a folder', ['verify', '--write-baseline', f('adir')], /a folder is in the way/],
  ['--experiment missing', ['verify', '--experiment', f('nothing')], /no experiment record/],
  ['--experiment not a record', ['verify', '--experiment', f('notrecord.json')], /not a matmem experiment record/],
  ['--experiment empty folder', ['verify', '--experiment', f('emptydir')], /no experiment record/],
  ['--experiment twice the same task', ['verify', '--experiment', f('exp'), '--experiment', f('exp')], /at most one record per task/],
  ['an unknown option', ['verify', '--fast'], /unknown option '--fast'/],
  ['an extra argument', ['verify', 'all'], /too many arguments|unknown command|excess/i],
];

const trainCases = (): Case[] => [
  ['an unknown task', ['train', 'sort'], /task must be copy or recall/],
  ['no task', ['train'], /missing required argument 'task'/],
  ['--model lstm', ['train', 'copy', '--model', 'lstm'], /--model must be matntm or matrnn/],
  ['--preset fast', ['train', 'copy', '--preset', 'fast'], /--preset must be paper or quick/],
  ['--backend cuda', ['train', 'copy', '--backend', 'cuda'], /--backend must be one of/],
  ['--softmax hard', ['train', 'copy', '--softmax', 'hard'], /--softmax must be clamped or standard/],
  ['--iterations -1', ['train', 'copy', '--iterations', '-1'], /--iterations must be ≥ 0/],
  ['--iterations abc', ['train', 'copy', '--iterations', 'abc'], /--iterations must be a finite number/],
  ['--iterations 2.5', ['train', 'copy', '--iterations', '2.5'], /--iterations must be an integer/],
  ['--batch 0', ['train', 'copy', '--batch', '0'], /--batch must be ≥ 1/],
  ['--batch 1e6', ['train', 'copy', '--batch', '1000000'], /--batch must be ≤ 65536/],
  ['--length 0', ['train', 'copy', '--length', '0'], /--length must be ≥ 1/],
  ['--length 1e9', ['train', 'copy', '--length', '1000000000'], /--length must be ≤ 1000/],
  ['recall --length 1', ['train', 'recall', '--length', '1'], /--length must be ≥ 2/],
  ['--seed -1', ['train', 'copy', '--seed', '-1'], /--seed must be ≥ 0/],
  ['--threads 0', ['train', 'copy', '--threads', '0'], /--threads must be ≥ 1/],
  ['--checkpoint-every 0', ['train', 'copy', '--checkpoint-every', '0'], /--checkpoint-every must be ≥ 1/],
  ['--resume without --out', ['train', 'copy', '--resume'], /--resume needs --out DIR/],
  ['--resume with no checkpoint', ['train', 'copy', '--resume', '--out', f('emptydir')], /no checkpoint\.json/],
  ['--resume with other settings', ['train', 'copy', '--resume', '--out', f('run'), '--batch', '3', '--iterations', '3'], /other settings \(batch/],
  ['--out onto a file', ['train', 'copy', '--out', f('afile')], /a file is in the way/],
  ['--out under /proc', ['train', 'copy', '--out', '/proc/x'], /kernel file system/],
  ['--item-length for copy', ['train', 'copy', '--item-length', '3'], /--item-length is a recall option/],
  ['--item-length 0', ['train', 'recall', '--item-length', '0'], /--item-length must be ≥ 1/],
  ['an unknown option', ['train', 'copy', '--epochs', '3'], /unknown option '--epochs'/],
];

const figureCases = (): Case[] => [
  ['figure 1', ['figure', '1'], /figure must be 2, 3, 4, 5, 6, 7, 8 or 9/],
  ['figure abc', ['figure', 'abc'], /figure must be/],
  ['figure 11', ['figure', '11'], /figure must be/],
  ['no figure number', ['figure'], /missing required argument/],
  ['figure 2 --k 0', ['figure', '2', '--k', '0'], /--k must be ≥ 1/],
  ['figure 2 --seed -1', ['figure', '2', '--seed', '-1'], /--seed must be ≥ 0/],
  ['figure 2 --out onto a folder', ['figure', '2', '--out', f('adir')], /a folder is in the way/],
  ['figure 2 --out under /proc', ['figure', '2', '--out', '/proc/x.svg'], /kernel file system/],
  ['figure 3 --depth -1', ['figure', '3', '--depth', '-1'], /--depth must be ≥ 0/],
  ['figure 4 --horizon 0', ['figure', '4', '--horizon', '0'], /--horizon must be ≥ 1/],
  ['figure 3 --out under a file', ['figure', '3', '--out', join(f('afile'), 'x.svg')], /is a file, not a folder/],
  ['figure 5 without an experiment', ['figure', '5'], /give --experiment DIR/],
  ['figure 7 from a copy experiment', ['figure', '7', '--experiment', f('exp')], /figure 7 needs a recall experiment/],
  ['figure 5 from a missing experiment', ['figure', '5', '--experiment', f('nothing')], /no experiment record/],
  ['figure 9 --out under /proc', ['figure', '9', '--experiment', f('exp'), '--out', '/proc/x.svg'], /kernel file system/],
];

const experimentCases = (): Case[] => [
  ['an unknown task', ['experiment', 'sort', '--out', f('e1')], /task must be copy or recall/],
  ['no --out', ['experiment', 'copy'], /required option '--out <dir>' not specified/],
  ['--models lstm', ['experiment', 'copy', '--models', 'lstm', '--out', f('e2')], /--models must be matntm or matrnn/],
  ['--models empty', ['experiment', 'copy', '--models', '', '--out', f('e3')], /give at least one of matntm, matrnn/],
  ['--models twice', ['experiment', 'copy', '--models', 'matntm,matntm', '--out', f('e4')], /a model is listed twice/],
  ['--seeds 5..1', ['experiment', 'copy', '--seeds', '5..1', '--out', f('e5')], /the range 5\.\.1 is empty/],
  ['--seeds abc', ['experiment', 'copy', '--seeds', 'abc', '--out', f('e6')], /--seeds must be integers or ranges/],
  ['--seeds 1,1', ['experiment', 'copy', '--seeds', '1,1', '--out', f('e7')], /a seed is listed twice/],
  ['--seeds -1', ['experiment', 'copy', '--seeds', '-1', '--out', f('e8')], /--seeds must be integers/],
  ['--preset fast', ['experiment', 'copy', '--preset', 'fast', '--out', f('e9')], /--preset must be paper or quick/],
  ['--iterations -1', ['experiment', 'copy', '--iterations', '-1', '--out', f('e10')], /--iterations must be ≥ 0/],
  ['--batch 0', ['experiment', 'copy', '--batch', '0', '--out', f('e11')], /--batch must be ≥ 1/],
  ['--train-lengths 0..3', ['experiment', 'copy', '--train-lengths', '0..3', '--out', f('e12')], /--train-lengths: 0 is outside 1\.\.1000/],
  ['--train-lengths past the memory', ['experiment', 'copy', '--train-lengths', '1..50', '--out', f('e13')], /more than the 20 memory slots/],
  ['recall --train-lengths 1..3', ['experiment', 'recall', '--train-lengths', '1..3', '--out', f('e14')], /--train-lengths: 1 is outside 2\.\.1000/],
  ['--item-length for copy', ['experiment', 'copy', '--item-length', '3', '--out', f('e15')], /--item-length is a recall option/],
  ['--eval-every 0', ['experiment', 'copy', '--eval-every', '0', '--out', f('e16')], /--eval-every must be ≥ 1/],
  ['--eval-batches 0', ['experiment', 'copy', '--eval-batches', '0', '--out', f('e17')], /--eval-batches must be ≥ 1/],
  ['--eval-item-lengths for copy', ['experiment', 'copy', '--eval-item-lengths', '1..3', '--out', f('e18')], /--eval-item-lengths is a recall option/],
  ['--backend cuda', ['experiment', 'copy', '--backend', 'cuda', '--out', f('e19')], /--backend must be one of/],
  ['--threads 0', ['experiment', 'copy', '--threads', '0', '--out', f('e20')], /--threads must be ≥ 1/],
  ['--out onto a file', ['experiment', 'copy', '--out', f('afile')], /a file is in the way/],
  ['--out under /proc', ['experiment', 'copy', '--out', '/proc/x'], /kernel file system/],
  ['another experiment in --out', ['experiment', 'copy', '--iterations', '3', '--seeds', '1', '--batch', '2', '--eval-batches', '1', '--eval-lengths', '1..2', '--threads', '1', '--out', f('exp')], /holds an experiment with other settings \(iterations/],
];

const evalCases = (): Case[] => [
  ['a missing path', ['eval', f('nothing')], /no such file or folder/],
  ['an empty folder', ['eval', f('emptydir')], /neither an experiment folder/],
  ['a file that is not a checkpoint', ['eval', f('afile')], /give an experiment folder, a train --out folder or its checkpoint\.json/],
  ['--lengths 5..1', ['eval', f('exp'), '--lengths', '5..1'], /the range 5\.\.1 is empty/],
  ['--lengths abc', ['eval', f('exp'), '--lengths', 'abc'], /--lengths must be integers or ranges/],
  ['--lengths 0..3', ['eval', f('exp'), '--lengths', '0..3'], /--lengths: 0 is outside/],
  ['--item-length for copy', ['eval', f('exp'), '--item-length', '1..3'], /--item-length is a recall option/],
  ['--batches 0', ['eval', f('exp'), '--batches', '0'], /--batches must be ≥ 1/],
  ['--model lstm', ['eval', f('exp'), '--model', 'lstm'], /--model must be matntm or matrnn/],
  ['--model with no such runs', ['eval', f('exp-rnn'), '--model', 'matntm'], /no matntm network to evaluate/],
  ['--out under /proc', ['eval', f('exp'), '--out', '/proc/x'], /kernel file system/],
  ['--eval-seed -1', ['eval', f('exp'), '--eval-seed', '-1'], /--eval-seed must be ≥ 0/],
];

const traceCases = (): Case[] => [
  ['a missing path', ['trace', f('nothing')], /no such file or folder/],
  ['the wrong task', ['trace', f('exp'), '--task', 'recall'], /holds copy networks, not recall/],
  ['an unknown task', ['trace', f('exp'), '--task', 'sort'], /task must be copy or recall/],
  ['an unknown run', ['trace', f('exp'), '--run', 'matntm-seed9'], /--run matntm-seed9: no such MatNTM run/],
  ['a Matrix RNN only', ['trace', f('exp-rnn')], /no MatNTM network/],
  ['--length 0', ['trace', f('exp'), '--length', '0'], /--length must be ≥ 1/],
  ['--sequence past the batch', ['trace', f('exp'), '--sequence', '99'], /--sequence must be below the batch size 2/],
  ['--batches 0', ['trace', f('exp'), '--batches', '0'], /--batches must be ≥ 1/],
  ['--out under /proc', ['trace', f('exp'), '--out', '/proc/x.svg'], /kernel file system/],
  ['--out onto a folder', ['trace', f('exp'), '--out', f('adir')], /a folder is in the way/],
];

const topCases = (): Case[] => [
  ['an unknown command', ['frobnicate'], /unknown command 'frobnicate'/],
  ['an unknown global option', ['--frobnicate'], /unknown option '--frobnicate'/],
];

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
  ms: number;
}

function run(args: string[], cwd: string): Promise<Outcome> {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [join(root, 'bin', 'matmem.js'), ...args], { cwd, env: { ...process.env, FORCE_COLOR: '0' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? -1, stdout, stderr, ms: performance.now() - t0 });
    });
  });
}

const groups: [string, () => Case[]][] = [
  ['fmc', fmcCases],
  ['simulate', simulateCases],
  ['verify', verifyCases],
  ['train', trainCases],
  ['figure', figureCases],
  ['experiment', experimentCases],
  ['eval', evalCases],
  ['trace', traceCases],
  ['matmem', topCases],
];

let before: Record<string, string>;
const results = new Map<string, Outcome & { cwd: string }>();

beforeAll(async () => {
  setup();
  before = snapshot(fx);
  // run the whole corpus three at a time, each input in an empty folder of its own
  const all = groups.flatMap(([g, cases]) => cases().map((c) => ({ key: `${g}: ${c[0]}`, args: [...c[1], ...(c[1].includes('--help') ? [] : ['--json'])] })));
  let next = 0;
  await Promise.all(
    Array.from({ length: 3 }, async () => {
      while (next < all.length) {
        const item = all[next++];
        const cwd = mkdtempSync(join(tmpdir(), 'matmem-bad-cwd-'));
        results.set(item.key, { ...(await run(item.args, cwd)), cwd });
      }
    }),
  );
}, 600_000);

afterAll(() => {
  // the fixtures (inputs, the experiment and the train folder) were never touched
  const after = snapshot(fx);
  const changed = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => before[k] !== after[k]);
  expect(changed).toEqual([]);
});

describe('the bad-input corpus', () => {
  it('has more than 150 inputs across every command', () => {
    const n = groups.reduce((s, [, cases]) => s + cases().length, 0);
    expect(n).toBeGreaterThan(150);
    expect(groups.map(([g]) => g)).toEqual(['fmc', 'simulate', 'verify', 'train', 'figure', 'experiment', 'eval', 'trace', 'matmem']);
  });

  for (const [g, cases] of groups) {
    describe(g, () => {
      for (const [what, args, message] of cases()) {
        it(`${what}: exit 2, one line naming it, no stdout, nothing written, < 10 s`, () => {
          const r = results.get(`${g}: ${what}`)!;
          const cmd = `matmem ${args.join(' ')}`;
          expect(r.code, `${cmd}\n${r.stderr}`).toBe(2);
          const lines = r.stderr.trim().split('\n').filter((l) => !/^\(run with --help for usage\)$/.test(l));
          expect(lines, cmd).toHaveLength(1);
          expect(lines[0], cmd).toMatch(message);
          expect(r.stderr, cmd).not.toMatch(/\n\s+at .*\(.*:\d+:\d+\)/);
          expect(r.stdout, cmd).toBe('');
          expect(readdirSync(r.cwd), cmd).toEqual([]);
          expect(r.ms, cmd).toBeLessThan(10_000);
        });
      }
    });
  }
});
