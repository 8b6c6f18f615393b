/** sec6.copy-memory-helps (Fig. 5): external memory makes the matrix copy task learnable. */
import { MAKE_COPY, type Section6Input } from './common.ts';
import { memoryHelps } from './memory-helps.ts';
import type { Section6Claim } from './types.ts';

export const copyMemoryHelps: Section6Claim = {
  id: 'sec6.copy-memory-helps',
  source: 'Section 6.1, Fig. 5',
  statement:
    'On the matrix copy task the MatNTM learns (held-out error below 0.5 wrong bits per output matrix) and the Matrix RNN does not: the MatNTM ends below the Matrix RNN on every seed (paired by seed, exact one-sided sign test at 0.05).',
  evaluate: (input: Section6Input) => memoryHelps('sec6.copy-memory-helps', 'copy', input, MAKE_COPY),
};
