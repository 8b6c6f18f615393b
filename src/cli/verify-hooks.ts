/** What `matmem verify` adds beyond the claim registry: derivation checks and figures. */
import type { VerifyHooks } from '../claims/verify.ts';

export const verifyHooks: VerifyHooks = {};
