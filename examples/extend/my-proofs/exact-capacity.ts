/**
 * A claim of my own: for normal U and V the exact model stores all of the input's Fisher
 * information, J_tot = I(W) = Tr(WᵀW)/(ε₁ε₂), checked on matmem's deterministic normal case families.
 */
import { claims, defineClaim, exactCovariance, exactTotalCapacity, inputFisherInformation } from 'matmem';

export default defineClaim({
  id: 'my.exact-capacity-is-input-fisher',
  order: 1000,
  source: 'my notes, p. 2',
  statement: 'For normal U, V (ρ < 1) the exact J_tot equals I(W).',
  statementTex: 'J_{tot} = I(W)',
  checks: [
    claims.identityCheck({
      families: ['normal-real', 'normal-complex'],
      models: { exact: (c) => [{ a: exactTotalCapacity(c, exactCovariance(c)).jtot, b: inputFisherInformation(c), what: 'J_tot against I(W)' }] },
    }),
  ],
});
