/** Theorem 4 (Eqs. 41–47): the FMC of the memory system, under the reconstructed Eq. 40 (paper) and against the system's law (exact). */
import { defineClaim } from '../src/claims/unit.ts';
import { memorySystemCheck } from '../src/claims/checks/memory-system.ts';

export default defineClaim({
  id: 'theorem-4.memory-fmc',
  order: 170,
  source: 'Theorem 4, Eqs. 41-47',
  statement: "The FMC of Eq. 34 with p = 1 is J(k)' of Eq. 46, obtained from Eq. 41 through Eqs. 43-45 and the Woodbury identity.",
  statementTex:
    "J(k)' = \\mathrm{Tr}\\big(\\Sigma_{MF}^{-1}\\Sigma_{STATE}^{-1}\\partial_{s_k}M_{MEM}^T\\Psi_{MF}^{-1}\\Psi_{STATE}^{-1}\\partial_{s_k}M + \\Sigma_{MF}^{-1}\\Sigma_{STATE}^{-1}\\partial_{s_k}M^T\\Psi_{MF}^{-1}\\Psi_{STATE}^{-1}\\partial_{s_k}M_{STATE}\\big)",
  checks: [memorySystemCheck('theorem-4')],
});
