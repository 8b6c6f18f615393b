/** sec6.recall-memory-helps (Fig. 7): on associative recall the MatNTM does better than the Matrix RNN, solving 2 of 5 runs. */
import { MAKE_RECALL, type Section6Input } from '../src/claims/section6/common.ts';
import { memoryHelps } from '../src/claims/section6/memory-helps.ts';
import { defineClaim } from '../src/claims/unit.ts';
import { section6Check } from '../src/claims/section6/common.ts';

export default defineClaim({
  id: 'sec6.recall-memory-helps',
  source: 'Section 6.2, Fig. 7',
  statement:
    'On matrix associative recall the MatNTM does better than the Matrix RNN (lower final held-out error, paired by seed, exact one-sided sign test at 0.05); the paper reports 2 of 5 MatNTM runs and no Matrix RNN run solved.',
  order: 200,
  checks: [section6Check((input: Section6Input) => memoryHelps('sec6.recall-memory-helps', 'recall', input, MAKE_RECALL, { matntm: 2, matrnn: 0, of: 5 }))],
});
