// The unit tests Stryker runs against mutants (stryker.config.mjs): in-process tests of the layers it
// mutates; no CLI (child process) tests, no training, no seeded-typo suite, and not the two whole-run
// tests (a full verify twice, all properties at 200 runs), which would cover every mutant and cost
// a minute each.
// MATMEM_MUTATION_TESTS=glob,glob narrows the tests (a quicker, partial score: `npm run mutation:linalg`).
import { defineConfig } from 'vitest/config';

// MATMEM_MUTATION_PROFILE=1: the Monte Carlo tests draw a tenth of their samples (test/helpers/monte-carlo.ts).
const narrowed = process.env.MATMEM_MUTATION_TESTS?.split(',').filter(Boolean);

export default defineConfig({
  test: {
    include: narrowed ?? ['test/linalg/**/*.test.ts', 'test/models/**/*.test.ts', 'test/proof/**/*.test.ts', 'test/properties/**/*.test.ts', 'test/symbolic/**/*.test.ts', 'test/claims/**/*.test.ts', 'test/arbitraries/**/*.test.ts', 'test/claim-units/**/*.test.ts', 'test/core/**/*.test.ts', 'test/cases/**/*.test.ts'],
    exclude: ['test/claims/verify.test.ts', 'test/claims/checks/property-all.test.ts'],
    testTimeout: 900_000,
    hookTimeout: 900_000,
    pool: 'threads',
    env: { MATMEM_MUTATION_PROFILE: '1' },
  },
});
