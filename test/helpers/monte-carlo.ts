/**
 * Monte Carlo sample sizes of the simulation tests. Under the mutation profile (MATMEM_MUTATION_PROFILE=1, set by
 * vitest.mutation.config.ts) each draws a tenth of its samples: Stryker reruns a simulation test for every mutant
 * it covers, and its instrumented simulator is ~40× slower than the plain one. The tests state their tolerances in
 * standard errors of the sample actually drawn, so the tolerances widen with the smaller sample and keep their
 * false-alarm rates; what the profile loses is power against small biases, not honesty.
 */
export const MUTATION_PROFILE = process.env.MATMEM_MUTATION_PROFILE === '1';

export const monteCarloSamples = (full: number): number => (MUTATION_PROFILE ? Math.round(full / 10) : full);
