/** sec6.copy-memory-helps (Fig. 5): external memory makes the matrix copy task learnable. */
import { MAKE_COPY, type Section6Input } from '../src/claims/section6/common.ts';
import { memoryHelps } from '../src/claims/section6/memory-helps.ts';
import { defineClaim } from '../src/claims/unit.ts';
import { section6Check } from '../src/claims/section6/common.ts';

export default defineClaim({
  id: 'sec6.copy-memory-helps',
  source: 'Section 6.1, Fig. 5',
  statement:
    'On the matrix copy task the MatNTM learns (held-out error below 0.5 wrong bits per output matrix) and the Matrix RNN does not: the MatNTM ends below the Matrix RNN on every seed (paired by seed, exact one-sided sign test at 0.05).',
  order: 190,
  checks: [section6Check((input: Section6Input) => memoryHelps('sec6.copy-memory-helps', 'copy', input, MAKE_COPY))],
});
