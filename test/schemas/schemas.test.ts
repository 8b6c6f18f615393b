/**
 * The JSON Schemas of report.json and fmc --json describe what the commands write: real outputs
 * validate, and documents with a wrong verdict, a missing field, a fails without counterexample or
 * the wrong format version do not (so the schemas are not vacuous).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.ts';
import { schemaErrors } from '../helpers/schemas.ts';

const dir = mkdtempSync(join(tmpdir(), 'matmem-schema-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('fmc --json', () => {
  const fmc = (...args: string[]) => {
    const r = runCli(['fmc', ...args, '--k', '4', '--json']);
    expect(r.code, r.stderr).toBe(0);
    return JSON.parse(r.stdout) as Record<string, unknown>;
  };

  it('validates for every model, with an undefined model, and for the memory system', () => {
    const all = fmc('--case', 'examples/normal-complex.json');
    expect(all.format).toBe('matmem-fmc/1');
    expect(schemaErrors('fmc', all)).toEqual([]);
    // ρ(U) = 1.2: the paper model is undefined (its reason only), the exact one is defined
    const rows = (r: number) => JSON.stringify({ U: [[r, 0], [0, 0.1]], V: [[0.5, 0], [0, 0.2]], W: [[1, 0], [0, 1]] });
    const path = join(dir, 'rho12.json');
    writeFileSync(path, rows(1.2));
    const partial = fmc('--case', path);
    expect((partial.models as Record<string, { undefinedReason?: string }>).paper.undefinedReason).toMatch(/ρ\(U\)/);
    expect(schemaErrors('fmc', partial)).toEqual([]);
    const memory = fmc('--case', 'examples/normal-real.json', '--memory-slots', '1', '--alpha', '0.3', '--horizon', '20');
    expect(memory.stability).toBeDefined();
    expect(schemaErrors('fmc', memory)).toEqual([]);
  });

  it('rejects a document of another version, a model with neither numbers nor reason, and a negative N', () => {
    const good = fmc('--case', 'examples/normal-real.json', '--model', 'exact');
    expect(schemaErrors('fmc', { ...good, format: 'matmem-fmc/2' })).not.toEqual([]);
    expect(schemaErrors('fmc', { ...good, models: { exact: { jtot: 1 } } })).not.toEqual([]);
    expect(schemaErrors('fmc', { ...good, N: -1 })).not.toEqual([]);
  });
});

describe('report.json', () => {
  it('what verify writes validates; a wrong verdict, a missing field or a fails without counterexample do not', () => {
    const out = join(dir, 'report');
    const r = runCli(['verify', '--claim', 'corollary-2.1', '--runs', '20', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
    expect(report.format).toBe('matmem-report/1');
    expect(schemaErrors('report', report)).toEqual([]);
    const failing = report.claims[0].results.find((x: { verdict: string }) => x.verdict === 'fails');
    expect(failing).toBeDefined();
    const edit = (f: (c: typeof report) => void) => {
      const c = structuredClone(report);
      f(c);
      return schemaErrors('report', c);
    };
    expect(edit((c) => (c.claims[0].results[0].verdict = 'maybe'))).not.toEqual([]);
    expect(edit((c) => delete c.derivations)).not.toEqual([]);
    expect(edit((c) => (c.claims[0].results.find((x: { verdict: string }) => x.verdict === 'fails').counterexample = null))).not.toEqual([]);
  });
});

describe('experiment.schema.json', () => {
  it('the committed records validate under strict Ajv, and a record without runs, with a string metric or an unknown model does not', () => {
    for (const task of ['copy', 'recall']) {
      const rec = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'experiments', task, 'experiment.json'), 'utf8'));
      expect(schemaErrors('experiment', rec), task).toEqual([]);
      const noRuns = { ...rec };
      delete noRuns.runs;
      expect(schemaErrors('experiment', noRuns).join()).toContain("must have required property 'runs'");
      const text = JSON.parse(JSON.stringify(rec));
      text.runs[0].final.mean.loss = '0.1';
      expect(schemaErrors('experiment', text).join()).toContain('/runs/0/final/mean/loss: must be number');
      const model = JSON.parse(JSON.stringify(rec));
      model.runs[0].model = 'lstm';
      expect(schemaErrors('experiment', model).join()).toContain('/runs/0/model: must be equal to one of the allowed values');
    }
  });
});
