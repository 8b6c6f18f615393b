/** The memory system the paper analyses (Eq. 34, p = 1, α₁ = 1) must be stable for its stationary capacity to exist. */
import { defineClaim } from '../src/claims/unit.ts';
import { memorySystemCheck } from '../src/claims/checks/memory-system.ts';

export default defineClaim({
  id: 'memory.stability',
  order: 180,
  source: 'Section 3.2, Eqs. 34-40; Figure 4 caption',
  statement: 'The system the paper analyses (Eq. 34, p = 1, α₁ = 1) is stable for convergent U, V, as its stationary capacity presumes.',
  statementTex: '\\rho(U) < 1,\\ \\rho(V) < 1 \\implies \\rho\\begin{pmatrix} V^T\\otimes U^T & I \\\\ I & 0 \\end{pmatrix} < 1',
  checks: [memorySystemCheck('stability')],
});
