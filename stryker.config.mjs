// Mutation testing (npm run mutation; outside CI's time budget): StrykerJS with the vitest runner over
// the analytic core. Only the in-process unit tests run against mutants (vitest.mutation.config.ts):
// the CLI tests spawn fresh processes, which never see Stryker's active mutant.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts' },
  mutate: ['src/models/**/*.ts', 'src/linalg/**/*.ts', 'src/proof/**/*.ts', 'claims/**/*.ts', 'src/claims/checks/**/*.ts', 'src/cases/**/*.ts', '!src/figures/**', '!src/models/summary.ts'],
  coverageAnalysis: 'perTest',
  ignoreStatic: true,
  concurrency: 2,
  timeoutFactor: 3,
  reporters: ['clear-text', 'progress', 'json', 'html'],
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  dryRunTimeoutMinutes: 30,
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
