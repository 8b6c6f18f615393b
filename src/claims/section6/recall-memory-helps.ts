/** sec6.recall-memory-helps (Fig. 7): on associative recall the MatNTM does better than the Matrix RNN, solving 2 of 5 runs. */
import { MAKE_RECALL, type Section6Input } from './common.ts';
import { memoryHelps } from './memory-helps.ts';
import type { Section6Claim } from './types.ts';

export const recallMemoryHelps: Section6Claim = {
  id: 'sec6.recall-memory-helps',
  source: 'Section 6.2, Fig. 7',
  statement:
    'On matrix associative recall the MatNTM does better than the Matrix RNN (lower final held-out error, paired by seed, exact one-sided sign test at 0.05); the paper reports 2 of 5 MatNTM runs and no Matrix RNN run solved.',
  evaluate: (input: Section6Input) => memoryHelps('sec6.recall-memory-helps', 'recall', input, MAKE_RECALL, { matntm: 2, matrnn: 0, of: 5 }),
};
