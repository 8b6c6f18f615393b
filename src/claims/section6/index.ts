/** The Section 6 claims, in report order. */
import { copyMemoryHelps } from './copy-memory-helps.ts';
import { costGrowsWithLength } from './cost-grows-with-length.ts';
import { fluctuation } from './fluctuation.ts';
import { ntmAlgorithm } from './ntm-algorithm.ts';
import { recallMemoryHelps } from './recall-memory-helps.ts';
import { table1Parameters } from './table-1-parameters.ts';
import type { Section6Claim } from './types.ts';

export const section6Claims: Section6Claim[] = [copyMemoryHelps, recallMemoryHelps, ntmAlgorithm, costGrowsWithLength, fluctuation, table1Parameters];

export type { Section6Claim } from './types.ts';
export type { Section6Input } from './common.ts';
