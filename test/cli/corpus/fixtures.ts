/**
 * The corpus's fixtures, made once in a temporary folder: case and matrix files (good and bad),
 * special files (a FIFO, a loop of symbolic links, files beyond the size caps, kept sparse), a tiny
 * experiment, a train run, experiment shards, verify shards and an earlier report. Records and
 * --load folders with defects are made in fixtures-records.ts and fixtures-units.ts.
 */
import { execFileSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, symlinkSync, writeFileSync, ftruncateSync, linkSync } from 'node:fs';
import { runCli } from '../../helpers/run-cli.ts';
import type { Fixtures } from './types.ts';

export const OK_CASE = { U: [[0.5, 0.1], [0, 0.3]], V: [[0.4, 0], [0.2, -0.3]], W: [[1, 0.5], [-0.2, 0.8]] };

export function writer(fx: Fixtures) {
  return (name: string, text: string | Buffer): string => {
    writeFileSync(fx.f(name), text);
    return fx.f(name);
  };
}

/** A .npy file with the given header fields and data bytes. */
export function npyBytes(descr: string, shape: string, data: Buffer, version = 1): Buffer {
  let header = `{'descr': '${descr}', 'fortran_order': False, 'shape': ${shape}, }`;
  header += ' '.repeat(64 - ((header.length + 11) % 64)) + '\n';
  const magic = Buffer.from([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, version, 0]);
  const len = Buffer.alloc(2);
  len.writeUInt16LE(header.length);
  return Buffer.concat([magic, len, Buffer.from(header, 'latin1'), data]);
}

/** A sparse file of `bytes` zero bytes (no disk used): beyond a size cap. */
export function sparse(path: string, bytes: number): string {
  const fd = openSync(path, 'w');
  ftruncateSync(fd, bytes);
  closeSync(fd);
  return path;
}

function cli(args: string[]): void {
  const r = runCli(args, { timeoutMs: 180_000 });
  if (r.code !== 0) throw new Error(`fixture failed: matmem ${args.join(' ')}\n${r.stderr}`);
}

const TINY = ['--iterations', '2', '--batch', '2', '--eval-batches', '1', '--eval-lengths', '1..2', '--threads', '1', '--no-progress'];

export function makeBasicFixtures(fx: Fixtures): void {
  const w = writer(fx);
  const ok = OK_CASE;
  w('ok.json', JSON.stringify(ok));
  w('u.csv', '0.5,0.1\n0,0.3\n');
  w('v.csv', '0.4,0\n0.2,-0.3\n');
  w('w.csv', '1,0.5\n-0.2,0.8\n');
  w('ragged.csv', '1,2\n3\n');
  w('word.csv', '1,x\n3,4\n');
  w('nan.csv', '1,NaN\n3,4\n');
  w('empty.json', '');
  w('array.json', '[1, 2, 3]');
  w('truncated.json', '{"U": [[0.5, 0], [0, 0.');
  w('strings.json', JSON.stringify({ ...ok, U: [['a', 'b'], ['c', 'd']] }));
  w('nonsquare.json', JSON.stringify({ ...ok, U: [[0.5, 0.1, 0], [0, 0.3, 0]] }));
  w('sizes.json', JSON.stringify({ ...ok, V: [[0.4]] }));
  w('ragged.json', JSON.stringify({ ...ok, W: [[1, 0.5], [0.8]] }));
  w('missingW.json', JSON.stringify({ U: ok.U, V: ok.V }));
  w('zeroW.json', JSON.stringify({ ...ok, W: [[0, 0], [0, 0]] }));
  w('zeroNoise.json', JSON.stringify({ ...ok, e1: 0 }));
  w('negNoise.json', JSON.stringify({ ...ok, e2: -1 }));
  w('strNoise.json', JSON.stringify({ ...ok, e1: 'one' }));
  w('unstable.json', JSON.stringify({ ...ok, U: [[1.5, 0], [0, 0.5]], V: [[0.9, 0], [0, 0.2]] }));
  w('bigW.json', JSON.stringify({ ...ok, W: [[1e200, 0], [0, 1]] }));
  const n = 200;
  const eye = (x: number) => Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? x : 0)));
  w('huge.json', JSON.stringify({ U: eye(0.5), V: eye(0.5), W: eye(1) }));
  mkdirSync(fx.f('adir'));
  w('afile', 'not a folder');
  w('baseline-array.json', '[1, 2]');
  w('baseline-maybe.json', JSON.stringify({ verdicts: { 'eq-13.fmm/paper': 'maybe' } }));
  w('baseline-format.json', JSON.stringify({ format: 'matmem-baseline/99', verdicts: {} }));
  w('baseline-noconfig.json', JSON.stringify({ format: 'matmem-baseline/2', tool: { version: 'x' }, verdicts: {}, tolerance: { relative: 1e-9, absolute: 1e-10 }, evidence: {} }));
  w('baseline-runs.json', JSON.stringify({ format: 'matmem-baseline/2', tool: { version: 'x' }, config: { seed: 1, runs: 7, claim: null, step: null, experiments: [] }, tolerance: { relative: 1e-9, absolute: 1e-10 }, verdicts: {}, evidence: {} }));
  w('baseline-badjson.json', '{"verdicts": ');
  w('notrecord.json', JSON.stringify({ hello: 'world' }));
  mkdirSync(fx.f('emptydir'));
  // special files: a FIFO, a loop of symbolic links, files beyond the caps (sparse)
  execFileSync('mkfifo', [fx.f('fifo'), fx.f('verify-shard-1-of-2.json'), fx.f('fifo.csv'), fx.f('fifo.npy')]);
  symlinkSync(fx.f('loop-b'), fx.f('loop-a'));
  symlinkSync(fx.f('loop-a'), fx.f('loop-b'));
  symlinkSync(fx.f('loop-a.json'), fx.f('loop-b.json'));
  symlinkSync(fx.f('loop-b.json'), fx.f('loop-a.json'));
  mkdirSync(fx.f('big'));
  sparse(fx.f('big/case.json'), 65 * 1024 * 1024);
  sparse(fx.f('big/u.csv'), 65 * 1024 * 1024);
  sparse(fx.f('big/baseline.json'), 65 * 1024 * 1024);
  sparse(fx.f('big/experiment.json'), 257 * 1024 * 1024);
  mkdirSync(fx.f('big/shards'));
  sparse(fx.f('big/shards/verify-shard-1-of-1.json'), 257 * 1024 * 1024);
  mkdirSync(fx.f('big/run'));
  sparse(fx.f('big/run/checkpoint.json'), 257 * 1024 * 1024);
  // a tiny experiment (copy), a Matrix RNN one, a recall one, a train folder, experiment shards, an earlier report
  cli(['experiment', 'copy', '--seeds', '1', ...TINY, '--out', fx.f('exp')]);
  cli(['experiment', 'copy', '--models', 'matrnn', '--seeds', '1', ...TINY, '--out', fx.f('exp-rnn')]);
  cli(['train', 'copy', '--iterations', '1', '--batch', '2', '--length', '2', '--backend', 'fused', '--threads', '1', '--no-progress', '--out', fx.f('run')]);
  for (const i of [1, 2]) cli(['experiment', 'copy', '--models', 'matntm', '--seeds', '1..2', ...TINY, '--shard', `${i}/2`, '--out', fx.f('exp-shards')]);
  cli(['verify', '--claim', 'eq-13.fmm', '--runs', '5', '--out', fx.f('earlier')]);
  symlinkSync(fx.f('exp'), fx.f('exp-link'));
  linkSync(fx.f('exp/experiment.json'), fx.f('exp-record-hardlink.json'));
}
