/**
 * The claims toolkit (`import { claims } from 'matmem'`): define a claim with the checks matmem's
 * own claims use, load matmem's and your own, and run one as verify does.
 */
export { defineClaim, customCheck, isClaimDefinition, type ClaimDefinition, type ClaimCheck, type ClaimContext, type ClaimMeta } from './unit.ts';
export { loadUnits as load, runClaim as run, type Units } from './registry.ts';
export { identityCheck, type IdentitySpec, type SidePair } from './checks/identity.ts';
export { propertyCheck, propertyClaim, propertiesOf, runPropertyClaim, replayPropertyCase } from './checks/property.ts';
export type { PropertyClaim, AnyPropertyClaim, ClaimKind } from './checks/property-types.ts';
export type { CaseEvaluation } from './checks/property-kit.ts';
export { guarded, defaultCapacityKit, type CapacityKit } from './checks/property-kit.ts';
export { bucketOf, emptyRequiredBuckets, type CoverageDimension } from './checks/property-coverage.ts';
export { caseDimensions, distanceBuckets, errorBoundDimension, identityGapDimension } from './checks/case-coverage.ts';
