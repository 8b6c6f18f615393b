// Mutation testing (npm run mutation → scripts/mutation.mjs; outside CI's time budget): StrykerJS with the vitest
// runner over the analytic core. Only the in-process unit tests run against mutants (vitest.mutation.config.ts):
// the CLI tests spawn fresh processes, which never see Stryker's active mutant.
// MATMEM_MUTATION_PART (set by scripts/mutation.mjs) narrows the mutated files to one part and gives the part its
// own report and incremental file, so that a stopped run keeps the parts it finished and a rerun reuses them.
import { mutationParts } from './scripts/mutation-parts.mjs';

const part = process.env.MATMEM_MUTATION_PART;
const selected = part === undefined ? undefined : mutationParts.find((p) => p.name === part);
if (part !== undefined && selected === undefined) throw new Error(`MATMEM_MUTATION_PART: no part "${part}" (parts: ${mutationParts.map((p) => p.name).join(', ')})`);
const stem = selected ? `reports/mutation/${selected.name}` : 'reports/mutation/all';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts' },
  mutate: selected ? selected.mutate : mutationParts.flatMap((p) => p.mutate),
  coverageAnalysis: 'perTest',
  ignoreStatic: true,
  // concurrency: Stryker's default, one test runner per core (cores − 1 above four)
  timeoutFactor: 3,
  reporters: ['clear-text', 'progress', 'json', 'html'],
  jsonReporter: { fileName: `${stem}.json` },
  htmlReporter: { fileName: `${stem}.html` },
  incremental: selected !== undefined,
  incrementalFile: `${stem}.incremental.json`,
  dryRunTimeoutMinutes: 30,
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
