/**
 * The README's table of covered sizes ("Which sizes a step's verdict covers") against the committed baseline: per
 * derivation, the number of steps and of steps certified for every N (the baseline's `sizes.everyN`,
 * recorded by every verify --write-baseline). A changed certificate fails here, never silently on the page.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const page = readFileSync('README.md', 'utf8').split("### Which sizes a step's verdict covers")[1]?.split('\n## ')[0] ?? '';
const baseline = JSON.parse(readFileSync('verdicts.baseline.json', 'utf8')) as { evidence: Record<string, Record<string, number | string>> };

/** Rows of the table: derivation id, steps, every N, tested sizes only. */
function rows(): { id: string; steps: number; everyN: number; testedOnly: number }[] {
  return page
    .split('\n')
    .filter((l) => /^\| (`[^`]+`|all) \|/.test(l))
    .map((l) => {
      const c = l.split('|').map((x) => x.trim());
      return { id: c[1].replace(/`/g, ''), steps: Number(c[2]), everyN: Number(c[3]), testedOnly: Number(c[4]) };
    });
}

/** The same counts from the baseline's step fingerprints. */
function fromBaseline(id: string | null): { steps: number; everyN: number } {
  const keys = Object.keys(baseline.evidence).filter((k) => k.includes('#') && (id === null || k.slice(0, k.lastIndexOf('#')) === id));
  return { steps: keys.length, everyN: keys.reduce((n, k) => n + Number(baseline.evidence[k]['sizes.everyN']), 0) };
}

describe("the README's table of covered sizes", () => {
  it('has a row per derivation of the baseline and a total', () => {
    const ids = [...new Set(Object.keys(baseline.evidence).filter((k) => k.includes('#')).map((k) => k.slice(0, k.lastIndexOf('#'))))];
    expect(rows().map((r) => r.id).sort()).toEqual([...ids, 'all'].sort());
  });

  it('counts the steps, and those certified for every N, as the baseline records them', () => {
    for (const r of rows()) {
      const b = fromBaseline(r.id === 'all' ? null : r.id);
      expect({ id: r.id, steps: r.steps, everyN: r.everyN, testedOnly: r.testedOnly }).toEqual({ id: r.id, steps: b.steps, everyN: b.everyN, testedOnly: b.steps - b.everyN });
    }
  });
});
