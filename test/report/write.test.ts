import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { reportToHtml } from '../../src/report/html.ts';
import { reportFromJson, reportToJson } from '../../src/report/json.ts';
import { reportToMarkdown } from '../../src/report/markdown.ts';
import { writeReport } from '../../src/report/write.ts';
import { sampleReport } from './sample-report.ts';

describe('writeReport', () => {
  it('writes report.json, report.md and report.html with the renderers\' text and leaves no temporary file', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'matmem-report-')), 'out', 'nested');
    const r = sampleReport();
    const paths = writeReport(dir, r);
    expect(paths).toEqual([join(dir, 'report.json'), join(dir, 'report.md'), join(dir, 'report.html')]);
    expect(readdirSync(dir).sort()).toEqual(['report.html', 'report.json', 'report.md']);
    expect(readFileSync(paths[0], 'utf8')).toBe(reportToJson(r));
    expect(readFileSync(paths[1], 'utf8')).toBe(reportToMarkdown(r));
    expect(readFileSync(paths[2], 'utf8')).toBe(reportToHtml(r));
    expect(reportFromJson(readFileSync(paths[0], 'utf8')).claims.map((c) => c.id)).toEqual(r.claims.map((c) => c.id));
  });

  it('replaces earlier files, and writes nothing when the directory cannot be made', () => {
    const base = mkdtempSync(join(tmpdir(), 'matmem-report-'));
    writeFileSync(join(base, 'report.json'), 'old');
    writeReport(base, sampleReport());
    expect(readFileSync(join(base, 'report.json'), 'utf8')).toBe(reportToJson(sampleReport()));
    const blocker = join(base, 'a-file');
    writeFileSync(blocker, 'x');
    expect(() => writeReport(join(blocker, 'sub'), sampleReport())).toThrow();
    expect(readdirSync(base).sort()).toEqual(['a-file', 'report.html', 'report.json', 'report.md']);
  });
});
