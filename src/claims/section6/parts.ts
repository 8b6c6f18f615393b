/**
 * A Section 6 claim as the paper's sentence split into parts, each with a rule in words and the
 * function that applies it. The parts and rules are constants of the claim's file, fixed before any
 * record is read; the claim's verdict combines the parts' by the one rule (every part holds →
 * holds; any fails → fails; otherwise inconclusive), and the report shows each part's rule beside
 * its verdict.
 */
import type { ClaimResult, EvidenceItem, QuantityStatistics, Verdict } from '../../core/types.ts';
import { combineVerdicts } from '../verdict.ts';
import { customCheck, defineClaim, type ClaimDefinition } from '../unit.ts';
import { replayCommand, type Section6Input } from './common.ts';

export interface PartOutcome {
  verdict: Verdict;
  /** What the records gave under the rule. */
  detail: string;
  /** Runs, pairs or curves the part used. */
  cases: number;
  evidence?: EvidenceItem[];
  worst?: Record<string, unknown> | null;
  counterexample?: Record<string, unknown> | null;
  statistics?: QuantityStatistics;
}

export interface PartRule {
  id: string;
  /** What this part of the sentence says. */
  text: string;
  /** The rule, in words (what the report shows). */
  rule: string;
  /** The rule in one line (tables). */
  brief: string;
  decide: (input: Section6Input) => PartOutcome;
}

export interface Section6ClaimSpec {
  id: string;
  source: string;
  /** The paper's own words. */
  sentence: string;
  /** How the sentence is read, when that needs saying (the paper shows one network, etc.). */
  reading?: string;
  order: number;
  parts: PartRule[];
}

/** The result of a Section 6 claim on the records given: every part decided, then combined. */
export function evaluateParts(spec: Section6ClaimSpec, input: Section6Input): ClaimResult {
  const outcomes = spec.parts.map((p) => ({ part: p, out: p.decide(input) }));
  const verdict = combineVerdicts(outcomes.map((o) => o.out.verdict));
  const failing = outcomes.find((o) => o.out.verdict === 'fails' && o.out.counterexample);
  const first = outcomes.find((o) => o.out.worst) ?? outcomes[0];
  const statistics = outcomes.find((o) => o.out.statistics)?.out.statistics;
  return {
    model: 'experiment',
    verdict,
    cases: Math.max(0, ...outcomes.map((o) => o.out.cases)),
    worst: first?.out.worst ? { part: first.part.id, ...first.out.worst } : null,
    counterexample: failing ? { part: failing.part.id, ...failing.out.counterexample } : null,
    replay: replayCommand(spec.id, input),
    detail: outcomes.map((o) => `(${o.part.id}) ${o.out.verdict}: ${o.out.detail}`).join(' '),
    ...(statistics ? { statistics } : {}),
    statementParts: outcomes.map((o) => ({ id: o.part.id, text: o.part.text, rule: o.part.rule, verdict: o.out.verdict, detail: o.out.detail })),
    evidence: outcomes.flatMap((o) => (o.out.evidence ?? []).map((e) => ({ ...e, source: `(${o.part.id}) ${e.source}` }))),
  };
}

/** The claim's statement: the paper's sentence, how it is read, and its parts. */
export function partsStatement(spec: Pick<Section6ClaimSpec, 'sentence' | 'reading' | 'parts'>): string {
  return `“${spec.sentence}”${spec.reading ? ` Read as: ${spec.reading}` : ''} Parts: ${spec.parts.map((p) => `(${p.id}) ${p.text}`).join('; ')}.`;
}

export function section6Claim(spec: Section6ClaimSpec): ClaimDefinition {
  return defineClaim({
    id: spec.id,
    source: spec.source,
    statement: partsStatement(spec),
    order: spec.order,
    checks: [customCheck('experiments (Section 6)', (ctx) => [evaluateParts(spec, { records: ctx.experiments })])],
    declaredParts: spec.parts.map((p) => ({ id: p.id, text: p.text, rule: p.rule, brief: p.brief })),
  });
}
