/** Reading vega's SVG output back in tests: line marks, points, rules, legend labels, titles. */

export interface LineMark {
  /** vega-lite's mark name, e.g. "concat_0_concat_1_marks". */
  name: string;
  /** The series, from the first point's aria-label ("…; series: vector 16"). */
  series: string;
  /** Vertices of the drawn path. */
  points: number;
}

export function lineMarks(svg: string): LineMark[] {
  return [...svg.matchAll(/<g class="mark-line role-mark ([^"]*)"[^>]*><path ([^>]*)>/g)].map(([, name, attrs]) => ({
    name,
    series: /series: ([^"]*)"/.exec(attrs)?.[1] ?? '',
    points: (/ d="([^"]*)"/.exec(attrs)?.[1].match(/[ML]/g) ?? []).length,
  }));
}

/** aria-labels of the plotted points (symbol marks), e.g. "neurons: 4; J_tot: 1; series: vector". */
export function pointLabels(svg: string): string[] {
  return [...svg.matchAll(/<path aria-label="([^"]*)" role="graphics-symbol" aria-roledescription="point"/g)].map((m) => m[1]);
}

export function ruleMarkCount(svg: string): number {
  return (svg.match(/class="mark-rule role-mark /g) ?? []).length;
}

function texts(svg: string, role: string): string[] {
  return [...svg.matchAll(new RegExp(`<g class="mark-text role-${role}"[^>]*>((?:<text[^>]*>[^<]*</text>)+)`, 'g'))].flatMap((m) =>
    [...m[1].matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((t) => t[1]),
  );
}

export const legendLabels = (svg: string): string[] => texts(svg, 'legend-label');
export const titleTexts = (svg: string): string[] => texts(svg, 'title-text');
export const axisTitles = (svg: string): string[] => texts(svg, 'axis-title');
