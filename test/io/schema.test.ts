/**
 * One validator for every file matmem reads back: each schema of schemas/ accepts what matmem writes
 * and names the field of the first problem; numbers read from files must be finite; schemas refer
 * to each other's definitions; objects made by a user's code may hold NaN and functions.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.ts';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { assertSchema, fieldName, makeAjv, schemaViolation, standaloneValidator } from '../../src/io/schema.ts';

const root = join(import.meta.dirname, '..', '..');
const committedBaseline = () => JSON.parse(readFileSync(join(root, 'verdicts.baseline.json'), 'utf8'));
const okCase = { U: [[0.5, 0.1], [0, 0.3]], V: [[0.4, 0], [0.2, -0.3]], W: [[1, 0.5], [-0.2, 0.8]] };

describe('schemas/', () => {
  it('the standalone validators a build writes agree with a runtime Ajv of the same options, answer and first error alike', async () => {
    // @ts-expect-error: a plain .mjs script without types
    const { writeValidators } = (await import('../../scripts/build-validators.mjs')) as { writeValidators: (dir: string) => string[] };
    // inside the checkout: the generated code requires Ajv's runtime helpers (ajv/dist/runtime/…), as dist/ does
    mkdirSync(join(root, 'node_modules', '.cache'), { recursive: true });
    const dir = mkdtempSync(join(root, 'node_modules', '.cache', 'matmem-validators-'));
    try {
      expect(writeValidators(dir)).toContain('case.schema.cjs');
      const ajv = makeAjv(true);
      for (const ref of ['case.schema.json', 'baseline.schema.json', 'checkpoint.schema.json', 'experiment.schema.json#/$defs/run', 'report.schema.json#/$defs/result']) {
        const standalone = standaloneValidator(ref, `${dir}/`);
        expect(standalone, ref).toBeTypeOf('function');
        const runtime = ajv.getSchema(`https://matmem.dev/schemas/${ref}`)!;
        // valid and invalid documents of several shapes, a non-finite number among them
        for (const doc of [okCase, { ...okCase, e1: 1e999 }, { ...okCase, e2: 0 }, { U: [[1]] }, committedBaseline(), { seed: 1 }, { cases: 'many' }, null, 3]) {
          expect(standalone!(doc), `${ref} on ${JSON.stringify(doc)?.slice(0, 40)}`).toBe(runtime(doc));
          expect(standalone!.errors?.[0]?.instancePath).toBe(runtime.errors?.[0]?.instancePath);
          expect(standalone!.errors?.[0]?.keyword).toBe(runtime.errors?.[0]?.keyword);
        }
      }
      // no module for a reference: the caller falls back to the runtime Ajv
      expect(standaloneValidator('case.schema.json', `${dir}/missing/`)).toBeUndefined();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('every schema is valid against the draft 2020-12 meta-schema (matmem does not check this at run time)', () => {
    // makeAjv with validateSchema: Ajv checks each schema as it is added, and throws on the first invalid one
    const ajv = makeAjv(true, true);
    expect(ajv.getSchema('https://matmem.dev/schemas/report.schema.json')).toBeTypeOf('function');
    const broken = makeAjv(true, true);
    expect(() => broken.addSchema({ $id: 'https://matmem.dev/schemas/broken.schema.json', type: 'no-such-type' })).toThrow(/schema is invalid/);
  });

  it('the committed baseline and a case file are valid', () => {
    expect(schemaViolation('baseline.schema.json', committedBaseline())).toBeNull();
    expect(schemaViolation('baseline.schema.json', { seed: 1, runs: 200, verdicts: { 'a/paper': 'holds' } })).toBeNull();
    expect(schemaViolation('case.schema.json', { ...okCase, e1: 0.5, e2: 2, note: 'other keys are ignored' })).toBeNull();
  });

  it('the first problem is named by its field, with the value found', () => {
    const b = committedBaseline();
    b.config.runs = 0;
    expect(schemaViolation('baseline.schema.json', b)).toEqual({ pointer: '/config/runs', message: 'config.runs must be >= 1 (got 0)' });
    expect(schemaViolation('case.schema.json', { ...okCase, W: undefined })?.message).toBe('the field "W" is missing');
    expect(schemaViolation('case.schema.json', { ...okCase, V: [[0.4, 'x'], [0, 1]] })?.message).toBe('V[0][1] must be a finite number (got "x")');
    expect(schemaViolation('case.schema.json', { ...okCase, e2: 0 })?.message).toBe('e2 must be > 0 (got 0)');
  });

  it('a number beyond float64 (JSON.parse gives Infinity) is not a number in a file', () => {
    const doc = JSON.parse('{"U": [[1e999]], "V": [[0.1]], "W": [[1]]}');
    expect(schemaViolation('case.schema.json', doc)?.message).toBe('U[0][0] must be a finite number (got Infinity)');
  });

  it('a schema refers to another: a verify shard result is a report result', () => {
    const bad = schemaViolation('report.schema.json#/$defs/result', { model: 'paper', verdict: 'maybe', cases: 1, detail: '', worst: null, counterexample: null, replay: '' });
    expect(bad?.message).toBe('verdict must be one of "holds", "fails", "inconclusive" (got "maybe")');
    expect(schemaViolation('experiment-shard.schema.json', { format: 'matmem-experiment-shard/1', tool: { name: 'm', version: '1' }, shard: { index: 1, count: 1 }, config: {}, grid: ['a'], runs: [] })?.message).toBe('config: the field "task" is missing');
  });

  it('objects made in memory may hold NaN; functions are checked with isFunction', () => {
    const result = { model: 'paper', verdict: 'holds', cases: 1, detail: '', worst: null, counterexample: null, replay: '', statistics: { quantity: 'q', min: NaN, median: 0, max: 1 } };
    expect(schemaViolation('report.schema.json#/$defs/result', result, { values: true })).toBeNull();
    const claim = { kind: 'claim', id: 'mine.x', order: 1, source: 's', statement: 't', checks: [{ source: 'c', run: () => [] }] };
    expect(schemaViolation('load-unit.schema.json#/$defs/claim', claim, { values: true })).toBeNull();
    expect(schemaViolation('load-unit.schema.json#/$defs/claim', { ...claim, checks: [{ source: 'c', run: 'go' }] }, { values: true })?.message).toBe('checks[0].run must be a function (got "go")');
  });

  it('assertSchema throws an InputError "where: problem"', () => {
    expect(() => assertSchema('case.schema.json', { U: [] }, 'my.json')).toThrow(InputError);
    expect(() => assertSchema('case.schema.json', { U: [], V: [[1]], W: [[1]] }, 'my.json')).toThrow('my.json: U must NOT have fewer than 1 items (got [])');
  });

  it('field names read like the document: keys with slashes, indices in brackets', () => {
    expect(fieldName('/verdicts/eq-13.fmm~1paper')).toBe('verdicts.eq-13.fmm/paper');
    expect(fieldName('/runs/3/final/mean')).toBe('runs[3].final.mean');
    expect(fieldName('')).toBe('');
  });
});
