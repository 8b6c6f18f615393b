/** Writes report.json, report.md and report.html into a directory: all three or none. */
import { join } from 'node:path';
import { writeFilesAtomic } from '../io/atomic.ts';
import { reportToHtml } from './html.ts';
import { reportToJson } from './json.ts';
import { reportToMarkdown } from './markdown.ts';
import type { Report } from './model.ts';

export function writeReport(dir: string, report: Report): string[] {
  const files = [
    { path: join(dir, 'report.json'), data: reportToJson(report) },
    { path: join(dir, 'report.md'), data: reportToMarkdown(report) },
    { path: join(dir, 'report.html'), data: reportToHtml(report) },
  ];
  writeFilesAtomic(files);
  return files.map((f) => f.path);
}
