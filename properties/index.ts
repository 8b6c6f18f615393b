/** Every property claim, in report order. */
import { corollary21Property } from './corollary-2.1.ts';
import { eq18Property } from './eq-18.ts';
import { traceIdentityProperty } from './eq-28-30-trace-identity.ts';
import { eq33Property } from './eq-33-dynamic-range.ts';
import { memoryIncreaseProperty } from './memory-capacity-increase.ts';
import { remark3Property } from './remark-3-weight.ts';
import { theorem3Property } from './theorem-3.ts';
import type { AnyPropertyClaim } from './types.ts';

export const allProperties: readonly AnyPropertyClaim[] = [
  eq18Property,
  remark3Property,
  corollary21Property,
  traceIdentityProperty,
  theorem3Property,
  eq33Property,
  memoryIncreaseProperty,
];

export const propertyClaimIds: string[] = allProperties.map((p) => p.id);

export { corollary21Property, eq18Property, traceIdentityProperty, eq33Property, memoryIncreaseProperty, remark3Property, theorem3Property };
export type { PropertyClaim, AnyPropertyClaim, ClaimKind } from './types.ts';
export type { CaseEvaluation } from './numerics.ts';
