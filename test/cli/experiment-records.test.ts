/**
 * Experiment records are validated before use (schemas/experiment.schema.json and the consistency
 * checks of readExperimentRecord): every invalid record below exits 2 with one line naming the field
 * and the run, prints nothing on stdout and writes nothing; the committed records stay readable.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.ts';

const committed = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'experiments', 'copy', 'experiment.json'), 'utf8'));
const clone = () => JSON.parse(JSON.stringify(committed));

const cases: [string, (r: any) => void, RegExp][] = [
  ['a duplicated run', (r) => r.runs.push(r.runs[0]), /run matntm-seed1: a second run of matntm seed 1/],
  ['a run with a seed outside the configuration', (r) => (r.runs[2].seed = 99), /run matntm-seed3: seed 99 is not among the configuration's seeds/],
  ['a metric "NaN"', (r) => (r.runs[3].final.mean.bitErrorPerMatrix = 'NaN'), /run matntm-seed4: runs\[3\]\.final\.mean\.bitErrorPerMatrix must be a finite number \(got "NaN"\)/],
  ['a metric null', (r) => (r.runs[3].final.mean.bitErrorPerMatrix = null), /run matntm-seed4: runs\[3\]\.final\.mean\.bitErrorPerMatrix must be a finite number/],
  ['a negative metric', (r) => (r.runs[1].final.mean.bitErrorPerMatrix = -100), /run matntm-seed2: runs\[1\]\.final\.mean\.bitErrorPerMatrix must be >= 0/],
  ['more wrong bits than an output matrix has', (r) => (r.runs[1].final.mean.bitErrorPerMatrix = 26), /run matntm-seed2: final\.mean\.bitErrorPerMatrix is 26, more than the 25 bits/],
  ['an unknown task', (r) => (r.config.task = 'sort'), /config\.task must be one of "copy", "recall"/],
  ['an empty final', (r) => (r.runs[0].final = {}), /run matntm-seed1: runs\[0\]\.final: the field "byLength" is missing/],
  ['final lengths outside the configuration', (r) => (r.runs[0].final.byLength[4].length = 9), /run matntm-seed1: final\.byLength has lengths 1, 2, 3, 4, 9, the training lengths are 1\.\.5/],
  ['a generalization length outside the configuration', (r) => (r.runs[0].generalization.lengths[0].length = 77), /run matntm-seed1: generalization\.lengths\[0\] is at length 77/],
  ['a traced run following more sequences than it traced', (r) => (r.runs[2].algorithm.following = 500), /run matntm-seed3: algorithm\.following \(500\) is more than algorithm\.sequences/],
  ['another format', (r) => (r.format = 'matmem-experiment/9'), /not a matmem experiment record/],
];

describe('invalid experiment records exit 2 with one line and write nothing', () => {
  for (const [what, edit, message] of cases) {
    it(what, () => {
      const dir = mkdtempSync(join(tmpdir(), 'matmem-rec-'));
      const rec = clone();
      edit(rec);
      writeFileSync(join(dir, 'experiment.json'), JSON.stringify(rec));
      const out = join(dir, 'out');
      const r = runCli(['verify', '--experiment', dir, '--claim', 'sec6.copy-memory-helps', '--out', out], { timeoutMs: 60_000 });
      expect(r.code, r.stderr).toBe(2);
      expect(r.stdout).toBe('');
      const lines = r.stderr.trim().split('\n');
      expect(lines, r.stderr).toHaveLength(1);
      expect(lines[0]).toMatch(message);
      expect(readdirSync(dir)).toEqual(['experiment.json']);
    });
  }

  it('two records of one task are refused', () => {
    const r = runCli(['verify', '--experiment', 'docs/experiments/copy', '--experiment', 'docs/experiments/copy', '--claim', 'sec6.copy-memory-helps', '--no-files'], { timeoutMs: 60_000 });
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toMatch(/at most one record per task/);
  });

  it('a record made by another tool that follows the schema is read', () => {
    const dir = mkdtempSync(join(tmpdir(), 'matmem-rec-'));
    const rec = clone();
    rec.tool = { name: 'someone-elses-trainer', version: '3.1' };
    for (const run of rec.runs) delete run.timing;
    writeFileSync(join(dir, 'experiment.json'), JSON.stringify(rec));
    const r = runCli(['verify', '--experiment', dir, '--claim', 'sec6.copy-memory-helps', '--no-files', '--json'], { timeoutMs: 60_000 });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).claims[0].results[0].statementParts).toHaveLength(2);
  });
});
