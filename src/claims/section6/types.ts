/** A Section 6 claim: declared once, decided from experiment records. */
import type { ClaimResult } from '../../report/model.ts';
import type { Section6Input } from './common.ts';

export interface Section6Claim {
  id: string;
  source: string;
  statement: string;
  statementTex?: string;
  evaluate(input: Section6Input): ClaimResult;
}
