// The parts `npm run mutation` runs one after another (scripts/mutation.mjs, stryker.config.mjs): the folders of the
// analytic core. "properties" is the claims (claims/), their checks (src/claims/checks) and the case families.
export const mutationParts = [
  { name: 'proof', mutate: ['src/proof/**/*.ts'] },
  { name: 'properties', mutate: ['claims/**/*.ts', 'src/claims/checks/**/*.ts', 'src/cases/**/*.ts'] },
  { name: 'linalg', mutate: ['src/linalg/**/*.ts'] },
  { name: 'models', mutate: ['src/models/**/*.ts', '!src/models/summary.ts'] },
];
