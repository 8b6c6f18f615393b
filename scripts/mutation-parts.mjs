// The parts `npm run mutation` runs one after another (scripts/mutation.mjs, stryker.config.mjs), small enough that
// a stopped run loses little: each part's results are saved when it ends. Together they are the analytic core:
// src/proof, the claims (properties/, claims/, src/claims/checks, the case families of src/cases), src/models, src/linalg.
export const mutationParts = [
  { name: 'proof', mutate: ['src/proof/*.ts'] },
  { name: 'witnesses', mutate: ['src/proof/witnesses/**/*.ts'] },
  { name: 'cases', mutate: ['src/cases/**/*.ts'] },
  { name: 'properties', mutate: ['properties/**/*.ts'] },
  { name: 'claims', mutate: ['claims/**/*.ts'] },
  { name: 'checks', mutate: ['src/claims/checks/**/*.ts'] },
  { name: 'models', mutate: ['src/models/*.ts', '!src/models/summary.ts'] },
  { name: 'memory', mutate: ['src/models/memory/**/*.ts'] },
  { name: 'linalg', mutate: ['src/linalg/**/*.ts', '!src/linalg/nonsymmetric-eigen.ts'] },
  { name: 'eigen', mutate: ['src/linalg/nonsymmetric-eigen.ts'] },
];
