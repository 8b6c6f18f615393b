/** verify --junit: one test case per claim × model and per derivation step; fails → failure, inconclusive → skipped. */
import { describe, expect, it } from 'vitest';
import { reportToJunit } from '../../src/report/junit.ts';
import { sampleReport } from './sample-report.ts';

describe('reportToJunit', () => {
  it('has a test case for every claim result and step, with failures and skips where the verdicts say', () => {
    const report = sampleReport();
    const xml = reportToJunit(report);
    const results = report.claims.flatMap((c) => c.results);
    const steps = report.derivations.flatMap((d) => d.steps);
    const all = [...results.map((r) => r.verdict), ...steps.map((s) => s.verdict)];
    expect((xml.match(/<testcase /g) ?? []).length).toBe(all.length);
    expect((xml.match(/<failure /g) ?? []).length).toBe(all.filter((v) => v === 'fails').length);
    expect((xml.match(/<skipped /g) ?? []).length).toBe(all.filter((v) => v === 'inconclusive').length);
    expect(all.filter((v) => v === 'fails').length).toBeGreaterThan(0);
    expect(xml).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n<testsuites name="matmem verify \(seed 7, runs \d+\)" tests="\d+"/);
    // the counts in the header are the counts of the cases
    const head = /<testsuites [^>]*tests="(\d+)" failures="(\d+)" skipped="(\d+)"/.exec(xml)!;
    expect(head.slice(1).map(Number)).toEqual([all.length, all.filter((v) => v === 'fails').length, all.filter((v) => v === 'inconclusive').length]);
    // markup in details is escaped
    expect(xml).not.toMatch(/<(?!\/?(testsuites|testsuite|testcase|failure|skipped|\?xml))/);
  });
});
