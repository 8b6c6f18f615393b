/** Eq. 19's Hadamard identity, as printed and as corrected: decided by the derivation steps of Theorem 2 that state it. */
import { defineClaim } from '../src/claims/unit.ts';

export default defineClaim({
  id: 'eq-19.hadamard',
  order: 250,
  source: 'Eq. 19 (Hadamard identity)',
  statement: 'Checked by derivation steps only: Σ_j y_j (x zᴴ) ⊙ (b_jᴴ b_j) (as printed under Eq. 19)',
  checks: [],
});
