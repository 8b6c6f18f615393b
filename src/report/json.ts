/**
 * report.json: deterministic text. Keys keep the insertion order of the report model (which is
 * fixed by the code that builds it), numbers print as JavaScript's shortest round-trip form, and
 * non-finite numbers (invalid in JSON) are written as the strings "NaN", "Infinity", "-Infinity".
 */
import type { Report } from './model.ts';

export function reportToJson(report: Report): string {
  // figures keep their id, title and caption here; their SVG lives in report.html
  const slim = report.figures ? { ...report, figures: report.figures.map(({ svg: _svg, ...rest }) => rest) } : report;
  return `${JSON.stringify(slim, (_key, value) => (typeof value === 'number' && !Number.isFinite(value) ? String(value) : value), 2)}\n`;
}
