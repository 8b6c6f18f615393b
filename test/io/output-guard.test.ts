/**
 * guardOutputs: an output never replaces an input (under any of its names), a file of an input
 * record, another output, or a file that is not matmem's earlier output of the same kind.
 */
import { linkSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalPath, experimentInput, guardOutputs, looksLike, markFigure, networksInput, recordOf } from '../../src/io/output-guard.ts';

const dir = () => mkdtempSync(join(tmpdir(), 'matmem-guard-'));
const svg = '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"></svg>';

/** An experiment folder as `experiment` leaves it. */
function experimentFolder(d: string): string {
  const e = join(d, 'exp');
  mkdirSync(join(e, 'runs', 'matntm-seed1'), { recursive: true });
  writeFileSync(join(e, 'experiment.json'), '{"format": "matmem-experiment/1"}');
  writeFileSync(join(e, 'config.json'), '{"task": "copy", "models": ["matntm"]}');
  writeFileSync(join(e, 'runs', 'matntm-seed1', 'checkpoint.json'), '{"format": "matmem-matntm-checkpoint/1"}');
  writeFileSync(join(e, 'figure-5.svg'), svg);
  return e;
}

describe('guardOutputs', () => {
  it('two outputs of one run that are one file are refused, naming both options', () => {
    const d = dir();
    expect(() => guardOutputs([{ option: '--junit', path: join(d, 'x.json'), kind: 'junit' }, { option: '--write-baseline', path: join(d, '.', 'x.json'), kind: 'baseline' }], [])).toThrow(
      `--write-baseline ${join(d, 'x.json')} is the same file as --junit's ${join(d, 'x.json')}; give each output its own path`,
    );
  });

  it('an output that is an input is refused, also through a symbolic link and a hard link', () => {
    const d = dir();
    const e = experimentFolder(d);
    symlinkSync(e, join(d, 'alias'));
    linkSync(join(e, 'experiment.json'), join(d, 'hard.json'));
    const input = [experimentInput(e)];
    for (const path of [join(e, 'experiment.json'), join(d, 'alias', 'experiment.json'), join(d, 'hard.json'), join(e, 'config.json')]) {
      expect(() => guardOutputs([{ option: '--out', path, kind: 'svg' }], input), path).toThrow(/is the experiment record .*an input of this run: writing it would destroy it/);
    }
  });

  it("an output over a file of an input record's tree is refused; a new file there, or a figure beside the record, is not", () => {
    const d = dir();
    const e = experimentFolder(d);
    const input = [experimentInput(e)];
    expect(() => guardOutputs([{ option: '--out', path: join(e, 'runs', 'matntm-seed1', 'checkpoint.json'), kind: 'svg' }], input)).toThrow(/would replace a file of the experiment record/);
    expect(() => guardOutputs([{ option: '--out', path: join(e, 'runs', 'matntm-seed1', 'trace.svg'), kind: 'svg' }], input)).not.toThrow();
    expect(() => guardOutputs([{ option: '--out', path: join(e, 'figure-5.svg'), kind: 'svg' }], input)).not.toThrow();
  });

  it('an existing file is replaced only when it is an earlier output of the same kind', () => {
    const d = dir();
    writeFileSync(join(d, 'notes.txt'), 'my notes');
    writeFileSync(join(d, 'fig.svg'), svg);
    writeFileSync(join(d, 'report.json'), '{\n  "format": "matmem-report/1",\n  "tool": {}}');
    expect(() => guardOutputs([{ option: '--out', path: join(d, 'notes.txt'), kind: 'svg' }], [])).toThrow(/notes\.txt already exists and is a file matmem did not write, not an SVG figure: matmem replaces only its own earlier output of the same kind/);
    expect(() => guardOutputs([{ option: '--junit', path: join(d, 'report.json'), kind: 'junit' }], [])).toThrow(/already exists and is a "matmem-report\/1" file, not matmem's JUnit XML/);
    expect(() => guardOutputs([{ option: '--out', path: join(d, 'fig.svg'), kind: 'svg' }], [])).not.toThrow();
    expect(() => guardOutputs([{ option: '--out', path: join(d, 'report.json'), kind: 'report-json' }], [])).not.toThrow();
    expect(() => guardOutputs([{ option: '--out', path: join(d, 'new.svg'), kind: 'svg' }], [])).not.toThrow();
  });

  it('a folder or a FIFO in the way is refused', () => {
    const d = dir();
    mkdirSync(join(d, 'sub'));
    execFileSync('mkfifo', [join(d, 'pipe')]);
    expect(() => guardOutputs([{ option: '--out', path: join(d, 'sub'), kind: 'svg' }], [])).toThrow(/a folder is in the way/);
    expect(() => guardOutputs([{ option: '--out', path: join(d, 'pipe'), kind: 'svg' }], [])).toThrow(/something that is not a regular file is in the way/);
  });

  it('the kinds are told apart by their first bytes', () => {
    expect(looksLike('svg', svg)).toBe(true);
    expect(looksLike('svg', '{"format": "matmem-experiment/1"}')).toBe(false);
    expect(looksLike('junit', '<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="matmem verify (seed 1, runs 200)">')).toBe(true);
    expect(looksLike('junit', '<?xml version="1.0"?><testsuites name="pytest">')).toBe(false);
    expect(looksLike('baseline', '{"format": "matmem-baseline/2"}')).toBe(true);
    expect(looksLike('baseline', '{"seed": 1, "verdicts": {}}')).toBe(true);
    expect(looksLike('baseline', '{"format": "matmem-report/1", "verdicts": {}}')).toBe(false);
    expect(looksLike('eval-json', '{"format": "matmem-eval/1"}')).toBe(true);
    expect(looksLike('report-md', '# matmem report — matmem 0.1.0')).toBe(true);
    expect(looksLike('report-html', '<!DOCTYPE html>\n<html><head><title>matmem report (seed 1)</title>')).toBe(true);
  });

  it('the input of a train folder is its checkpoint and curve; of an experiment also its record, configuration and runs', () => {
    const d = dir();
    const e = experimentFolder(d);
    expect(networksInput(join(d, 'run')).files).toEqual(['checkpoint.json', 'curve.json', 'curve.svg'].map((f) => join(d, 'run', f)));
    expect(networksInput(e).trees).toEqual([join(e, 'runs')]);
    expect(networksInput(e).files).toContain(join(e, 'experiment.json'));
    expect(canonicalPath(join(d, 'x', '..', 'y'))).toBe(join(canonicalPath(d), 'y'));
  });

  it('a figure replaces only the same figure drawn again; an SVG matmem did not draw is not replaced', () => {
    const d = dir();
    const vega = '<svg xmlns="http://www.w3.org/2000/svg" class="marks" width="10"></svg>';
    writeFileSync(join(d, 'f5.svg'), markFigure(vega, 'figure-5'));
    writeFileSync(join(d, 'old.svg'), vega);
    writeFileSync(join(d, 'mine.svg'), '<svg xmlns="http://www.w3.org/2000/svg"><circle r="1"/></svg>');
    expect(markFigure(vega, 'figure-5')).toBe('<svg data-matmem-figure="figure-5" xmlns="http://www.w3.org/2000/svg" class="marks" width="10"></svg>');
    expect(() => guardOutputs([{ option: '--out', path: join(d, 'f5.svg'), kind: 'svg', figure: 'figure-5' }], [])).not.toThrow();
    expect(() => guardOutputs([{ option: '--out', path: join(d, 'f5.svg'), kind: 'svg', figure: 'figure-9' }], [])).toThrow(/is matmem's figure-5, not figure-9/);
    expect(() => guardOutputs([{ option: '--out', path: join(d, 'old.svg'), kind: 'svg', figure: 'figure-9' }], []), 'a figure drawn before the mark').not.toThrow();
    expect(() => guardOutputs([{ option: '--out', path: join(d, 'mine.svg'), kind: 'svg', figure: 'figure-2' }], [])).toThrow(/is an SVG matmem did not draw/);
  });

  it("a run record's files are replaced only by the command that writes that record", () => {
    const d = dir();
    const e = experimentFolder(d);
    mkdirSync(join(d, 'run'));
    writeFileSync(join(d, 'run', 'checkpoint.json'), '{"format": "matmem-matntm-checkpoint/1"}');
    writeFileSync(join(d, 'run', 'curve.svg'), '<svg class="marks"></svg>');
    expect(recordOf(join(d, 'run', 'curve.svg'))).toEqual({ record: 'train', folder: canonicalPath(join(d, 'run')) });
    expect(recordOf(join(e, 'runs', 'matntm-seed1', 'checkpoint.json'))).toEqual({ record: 'experiment', folder: canonicalPath(e) });
    expect(recordOf(join(e, 'experiment.json'))?.record).toBe('experiment');
    expect(recordOf(join(e, 'figure-5.svg'))).toBeNull();
    expect(() => guardOutputs([{ option: '--out', path: join(d, 'run', 'curve.svg'), kind: 'svg', figure: 'figure-2' }], [])).toThrow(/would replace a file of the train run .*run \(an earlier result\)/);
    expect(() => guardOutputs([{ option: '--out', path: join(d, 'run', 'curve.svg'), kind: 'svg', figure: 'curve', record: 'train' }], [])).not.toThrow();
    expect(() => guardOutputs([{ option: '--out', path: join(e, 'experiment.json'), kind: 'experiment-record', record: 'experiment' }], [])).not.toThrow();
    expect(() => guardOutputs([{ option: '--junit', path: join(e, 'experiment.json'), kind: 'junit' }], [])).toThrow(/would replace a file of the experiment/);
  });
});

