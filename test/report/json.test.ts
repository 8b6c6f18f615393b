import { describe, expect, it } from 'vitest';
import { reportFromJson, reportToJson } from '../../src/report/json.ts';
import type { Report } from '../../src/core/types.ts';
import { sampleReport } from './sample-report.ts';

/** The same object with its keys inserted in reverse order, at every level. */
function reversedKeys<T>(v: T): T {
  if (Array.isArray(v)) return v.map(reversedKeys) as T;
  if (v === null || typeof v !== 'object') return v;
  return Object.fromEntries(Object.entries(v).reverse().map(([k, x]) => [k, reversedKeys(x)])) as T;
}

describe('reportToJson', () => {
  it('gives the same bytes for the same report, however its objects were built', () => {
    const a = reportToJson(sampleReport());
    expect(reportToJson(sampleReport())).toBe(a);
    expect(reportToJson(reversedKeys(sampleReport()))).toBe(a);
    expect(a.endsWith('}\n')).toBe(true);
  });

  it('puts the model fields in the contract order, `generated` last, free-form records sorted', () => {
    const parsed = JSON.parse(reportToJson(reversedKeys(sampleReport())));
    expect(Object.keys(parsed)).toEqual(['format', 'tool', 'seed', 'runs', 'claims', 'derivations', 'generated']);
    expect(Object.keys(parsed.claims[0])).toEqual(['id', 'source', 'statement', 'statementTex', 'results']);
    expect(Object.keys(parsed.claims[0].results[1])).toEqual(['model', 'verdict', 'cases', 'detail', 'statistics', 'witnesses', 'worst', 'counterexample', 'replay']);
    expect(Object.keys(parsed.claims[0].results[1].statistics)).toEqual(['quantity', 'min', 'median', 'max']);
    expect(Object.keys(parsed.claims[0].results[1].counterexample)).toEqual(['U', 'V', 'W', 'case', 'e1', 'e2', 'numbers']);
    expect(Object.keys(parsed.derivations[0].steps[1])).toEqual(['index', 'from', 'fromTex', 'to', 'toTex', 'justification', 'assumptions', 'method', 'verdict', 'detail']);
  });

  it('differs only in the `generated` field when only the time differs', () => {
    const a = sampleReport();
    const b = sampleReport();
    b.generated = { at: '2030-12-31T23:59:59.999Z', seconds: 99 };
    const strip = (t: string) => {
      const o = JSON.parse(t);
      delete o.generated;
      return JSON.stringify(o);
    };
    expect(reportToJson(a)).not.toBe(reportToJson(b));
    expect(strip(reportToJson(a))).toBe(strip(reportToJson(b)));
  });

  it('writes non-finite numbers as strings (valid JSON) and reads them back as numbers', () => {
    const text = reportToJson(sampleReport());
    const parsed = JSON.parse(text);
    expect(parsed.claims[1].results[1].worst).toEqual({ condition: 'Infinity', residual: 'NaN', smallest: '-Infinity' });
    const back = reportFromJson(text);
    const worst = back.claims[1].results[1].worst as Record<string, number>;
    expect(worst.condition).toBe(Infinity);
    expect(worst.residual).toBeNaN();
    expect(worst.smallest).toBe(-Infinity);
  });

  it('round-trips: parse(serialize(r)) equals r, and serializing again gives the same bytes', () => {
    const r = sampleReport();
    const text = reportToJson(r);
    expect(reportFromJson(text)).toEqual(r);
    expect(reportToJson(reportFromJson(text))).toBe(text);
    // shortest round-trip digits: the doubles come back bit for bit
    expect(reportFromJson(text).claims[0].results[1].statistics!.max).toBe(1.0000000000000002);
  });

  it('drops figure SVG, converts typed arrays, -0 and undefined fields', () => {
    const r: Report = {
      ...sampleReport(),
      figures: [{ id: 'figure-2', title: 'Figure 2', caption: 'c', svg: '<svg/>' }],
    };
    r.claims[0].results[0].worst = { v: new Float64Array([0.5, -0]), z: -0, gone: undefined };
    const parsed = JSON.parse(reportToJson(r));
    expect(parsed.figures).toEqual([{ id: 'figure-2', title: 'Figure 2', caption: 'c' }]);
    expect(parsed.claims[0].results[0].worst).toEqual({ v: [0.5, 0], z: 0 });
    expect(Object.is(parsed.claims[0].results[0].worst.z, 0)).toBe(true);
    expect(Object.is(parsed.claims[0].results[0].worst.v[1], 0)).toBe(true);
  });
});
