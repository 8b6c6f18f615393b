/** Writes report.json, report.md and report.html into a directory: all three or none. */
import { join } from 'node:path';
import { writeFilesAtomic } from '../io/atomic.ts';
import { reportToHtml } from './html.ts';
import { reportToJson } from './json.ts';
import { reportToMarkdown } from './markdown.ts';
import type { Report } from '../core/types.ts';

export const REPORT_FILES = ['report.json', 'report.md', 'report.html'] as const;

/** Renders the report three ways and writes the files atomically; returns their paths (json, md, html). */
export function writeReport(dir: string, report: Report): string[] {
  const data = [reportToJson(report), reportToMarkdown(report), reportToHtml(report)];
  const files = REPORT_FILES.map((name, i) => ({ path: join(dir, name), data: data[i] }));
  writeFilesAtomic(files);
  return files.map((f) => f.path);
}
