/**
 * Coverage tables (src/claims/checks/property-coverage.ts, case-coverage.ts): declared buckets with
 * their counts and statuses, a label outside the declared buckets refused, bucket edges.
 */
import { describe, expect, it } from 'vitest';
import { bucketOf, countCase, coverageReport, declareCoverage, emptyCoverageCounts, emptyRequiredBuckets, type CoverageDimension } from '../../../src/claims/checks/property-coverage.ts';
import { distanceBuckets } from '../../../src/claims/checks/case-coverage.ts';
import type { CaseEvaluation } from '../../../src/claims/checks/property-kit.ts';

const e = (margin: number, errorBound = 1e-12): CaseEvaluation => ({ value: 1 - margin, margin, errorBound, numbers: {} });

describe('coverage', () => {
  const dims: CoverageDimension<number>[] = [
    { name: 'size', buckets: ['small', 'large', 'huge'], outside: ['huge'], bucket: (x) => (x < 10 ? 'small' : x < 100 ? 'large' : 'huge') },
    { name: 'sign', buckets: ['+', '−'], outcomes: ['−'], unreachable: [{ bucket: '+', models: ['exact'], reason: 'never positive in the exact model' }], bucket: (_x, ev) => (ev.margin >= 0 ? '+' : '−') },
  ];

  it('counts each case once per dimension, per declared bucket, with its status', () => {
    const decl = declareCoverage(dims);
    const counts = emptyCoverageCounts(decl);
    for (const x of [1, 2, 50]) countCase(counts, dims, x, e(x - 2), 'paper');
    const paper = coverageReport(decl, counts, 'paper');
    expect(paper).toEqual([
      { dimension: 'size', buckets: [{ bucket: 'small', cases: 2, status: 'required' }, { bucket: 'large', cases: 1, status: 'required' }, { bucket: 'huge', cases: 0, status: 'outside' }] },
      { dimension: 'sign', buckets: [{ bucket: '+', cases: 2, status: 'required' }, { bucket: '−', cases: 1, status: 'outcome' }] },
    ]);
    expect(emptyRequiredBuckets(paper)).toEqual([]);
    const exact = coverageReport(decl, emptyCoverageCounts(decl), 'exact');
    expect(exact[1].buckets[0]).toEqual({ bucket: '+', cases: 0, status: 'unreachable', reason: 'never positive in the exact model' });
    expect(emptyRequiredBuckets(exact)).toEqual(['size: small', 'size: large']);
  });

  it('a label that is not a declared bucket is a bug of the property', () => {
    const bad: CoverageDimension<number>[] = [{ name: 'd', buckets: ['a'], bucket: () => 'b' }];
    expect(() => countCase(emptyCoverageCounts(declareCoverage(bad)), bad, 0, e(0), 'paper')).toThrow('coverage dimension "d" labelled a case "b", which is not one of its buckets (a)');
  });

  it('bucket edges: [e_i, e_{i+1}); below the first edge the first bucket; non-finite none', () => {
    const edges = [0, 0.5, 0.9];
    const labels = ['lo', 'mid', 'hi'];
    expect([-1, 0, 0.49, 0.5, 0.9, 2].map((x) => bucketOf(x, edges, labels))).toEqual(['lo', 'lo', 'lo', 'mid', 'hi', 'hi']);
    expect(bucketOf(NaN, edges, labels)).toBeUndefined();
  });

  it('distance buckets: a tie within the error bound, then the ranges, by |margin|', () => {
    const d = distanceBuckets([0, 1e-6, 1e-3], 1, '|m|');
    expect(d.buckets).toEqual(['tie (|m| ≤ error bound)', '(error bound, 1e-6]', '(1e-6, 1e-3]', '(1e-3, 1]']);
    expect([0, 5e-13, -5e-13, 2e-12, 1e-6, 2e-6, -0.5, 0.5].map((m) => d.of(m, 1e-12))).toEqual([d.tie, d.tie, d.tie, d.buckets[1], d.buckets[1], d.buckets[2], d.buckets[3], d.buckets[3]]);
  });
});
