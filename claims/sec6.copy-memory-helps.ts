/** sec6.copy-memory-helps (Section 6.1, Fig. 5): external memory makes the matrix copy task learnable. */
import { MAKE_COPY } from '../src/claims/section6/common.ts';
import { belowPerSeedPart, learnsWhereBaselineDoesNotPart } from '../src/claims/section6/memory-helps.ts';
import { section6Claim } from '../src/claims/section6/parts.ts';

export default section6Claim({
  id: 'sec6.copy-memory-helps',
  source: 'Section 6.1, Fig. 5',
  sentence: 'Figure 5 shows that Matrix RNN fails to learn the copy task, whereas MatNTM learns this task',
  order: 190,
  parts: [
    belowPerSeedPart('a', 'copy', 'the MatNTM ends with fewer wrong bits than the Matrix RNN', MAKE_COPY),
    learnsWhereBaselineDoesNotPart('b', 'copy', 'the MatNTM learns the task and the Matrix RNN does not', MAKE_COPY),
  ],
});
