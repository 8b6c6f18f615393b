/** `matmem simulate`: Monte Carlo estimates of the FMC and J_tot of Eq. 5, with standard errors. */
import { Command } from 'commander';
import cliProgress from 'cli-progress';
import { relativeDifference } from '../linalg/dense.ts';
import { spectralRadius } from '../linalg/eigen.ts';
import { caseSize, type MatrixCase } from '../models/case.ts';
import { assertExactModelDefined, exactCovariance, exactCovarianceMatrix, exactFisherMemoryCurve, exactTotalCapacity } from '../models/exact.ts';
import { paperCovariances, paperFisherMemoryCurve, paperTotalCapacity } from '../models/paper.ts';
import { paperStateCovariance } from '../models/summary.ts';
import { simulateFisherMemory } from '../models/simulate.ts';
import { InputError, ModelUndefinedError } from '../errors.ts';
import { addCaseOptions, caseFromOptions, checkModelBudget, computeOnCase } from './case-options.ts';
import { addMemoryOptions, memorySimulateJson, parseMemoryOptions } from './memory-options.ts';
import { note, parseNumberOption, printJson } from './common.ts';
import { formatBytes, formatDuration, memoryLimitBytes, simulationCost, TIME_LIMIT_SECONDS, WARN_SECONDS } from '../models/cost.ts';

/** Steps so that the state forgets its zero start: (ρ(U)ρ(V))^{2T} < 1e-12, within [10, 400]. */
export function defaultSteps(rhoProduct: number): number {
  if (rhoProduct <= 0) return 10;
  const t = Math.ceil(Math.log(1e-12) / (2 * Math.log(rhoProduct)));
  return Math.min(400, Math.max(10, t));
}

export function simulateCommand(): Command {
  const cmd = new Command('simulate').summary('Monte Carlo estimates of the FMC and J_tot with standard errors')
    .description(
    'Monte Carlo witness for Eq. 5: independent trajectories from a zero state with i.i.d. N(0,1) input\n' +
      'and matrix Gaussian noise; least squares of vec X(T) on all T inputs gives the mean responses and\n' +
      'the covariance, hence J(k) (debiased) and J_tot, with standard errors from independent batches.\n' +
      'No closed form of either model is used; the covariance is compared with both models afterwards.\n' +
      'The standard errors are honest for J_tot and the leading J(k); for J(k) near 0 (the far tail) the\n' +
      'estimate is quadratic in noise of size 1/√S, its batch errors overstate its spread by up to √B,\n' +
      'so there they are conservative.\n\n' +
      'Example:\n  npx matmem simulate --case examples/small-3x3.json --samples 200000 --seed 1 --json',
  );
  addMemoryOptions(addCaseOptions(cmd))
    .option('--samples <S>', 'number of independent trajectories (at least 1; refused when the run would exceed the time limit)', '200000')
    .option('--steps <T>', 'steps per trajectory, 1..100000 (default: enough for (ρ(U)ρ(V))^{2T} < 1e-12, at most 400)')
    .option('--seed <n>', 'random seed, 0..2147483647 (runs are deterministic for a given seed)', '1')
    .option('--batches <B>', 'independent batches for the standard errors (2..10000)', '20')
    .option('--json', 'print one JSON document on stdout (human text goes to stderr)')
    .action((opts) => {
      const samples = parseNumberOption('--samples', opts.samples, { integer: true, min: 1 });
      const seed = parseNumberOption('--seed', opts.seed, { integer: true, min: 0, max: 2 ** 31 - 1 });
      const batches = parseNumberOption('--batches', opts.batches, { integer: true, min: 2, max: 10000 });
      const memory = parseMemoryOptions(opts);
      const c = caseFromOptions(opts);
      if (memory) {
        const steps = opts.steps === undefined ? undefined : parseNumberOption('--steps', opts.steps, { integer: true, min: 1, max: 100000 });
        checkSimulationBudget(caseSize(c) * Math.max(1, Math.ceil(Math.sqrt(memory.slots + 1))), samples, steps ?? 400);
        const bar = progressBar(batches);
        let result;
        try {
          result = computeOnCase(c, () => memorySimulateJson(c, opts, { samples, steps, seed, batches, onProgress: (done) => bar.update(done) }), () => []);
        } finally {
          bar.stop();
        }
        if (opts.json) printJson(result);
        else process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
        return;
      }
      const rho = assertExactModelDefined(c);
      const steps = opts.steps === undefined ? defaultSteps(rho.product) : parseNumberOption('--steps', opts.steps, { integer: true, min: 1, max: 100000 });
      checkSimulationBudget(caseSize(c), samples, steps);
      checkModelBudget(caseSize(c), 'the exact model (beside the simulation)');
      const bar = progressBar(batches);
      let result;
      try {
        result = computeOnCase(c, () => simulateFisherMemory(c, { samples, steps, seed, batches, onProgress: (done) => bar.update(done) }), (r) => [r.jtot.estimate]);
      } finally {
        bar.stop();
      }
      // both models' values beside the estimates: what the simulation decides between
      const { exact, models, relDiffPaper } = computeOnCase(c, () => modelsBeside(c, result.covariance, steps), (r) => [...(r.models.exact as { fmc: number[] }).fmc]);
      const out = {
        jtot: result.jtot,
        fmc: result.fmc,
        models,
        covariance: { relDiffExact: relativeDifference(result.covariance, exact), relDiffPaper },
        samples: result.samples,
        steps: result.steps,
        batches: result.batches,
        seed: result.seed,
        N: caseSize(c),
        spectralRadius: { U: spectralRadius(c.U), V: spectralRadius(c.V) },
      };
      if (opts.json) {
        printJson(out);
        return;
      }
      const ex = models.exact as { fmc: number[]; jtot: number };
      const pa = 'fmc' in models.paper ? models.paper : null;
      const col = (x: number | undefined) => (x === undefined ? '—' : x.toPrecision(6)).padStart(14);
      const shown = Math.min(out.fmc.length, 20);
      const lines = [
        `Monte Carlo: ${out.samples} trajectories × ${out.steps} steps, ${out.batches} batches, seed ${out.seed}`,
        '',
        `${''.padStart(8)}${'estimate'.padStart(14)}${'± stderr'.padStart(11)}${'exact'.padStart(14)}${'paper'.padStart(14)}`,
        `${'J_tot'.padStart(8)}${col(out.jtot.estimate)}${out.jtot.stderr.toPrecision(2).padStart(11)}${col(ex.jtot)}${col(pa?.jtot)}`,
        ...out.fmc.slice(0, shown).map((f) => `${`J(${f.k})`.padStart(8)}${col(f.estimate)}${f.stderr.toPrecision(2).padStart(11)}${col(ex.fmc[f.k])}${col(pa?.fmc[f.k])}`),
        ...(out.fmc.length > shown ? [`${''.padStart(8)}… (${out.fmc.length - shown} more; --json prints all)`] : []),
        ...(pa ? [] : [`paper model: undefined here — ${(models.paper as { undefinedReason: string }).undefinedReason}`]),
        '',
        `covariance of vec X: relative difference ${out.covariance.relDiffExact.toPrecision(3)} from the exact model, ` +
          (relDiffPaper === null ? 'paper model undefined' : `${relDiffPaper.toPrecision(3)} from the paper's Σ ⊗ Ψ`),
      ];
      process.stdout.write(`${lines.join('\n')}\n`);
    });
  return cmd;
}

function progressBar(batches: number): cliProgress.SingleBar {
  const bar = new cliProgress.SingleBar(
    { format: 'simulate [{bar}] {value}/{total} batches | {duration}s', stream: process.stderr, clearOnComplete: true, hideCursor: false },
    cliProgress.Presets.shades_classic,
  );
  bar.start(batches, 0);
  return bar;
}

/** Refuses a simulation that would run past the time limit or not fit in memory (naming the largest --samples that fits); announces one past a minute. */
function checkSimulationBudget(N: number, samples: number, steps: number): void {
  const cost = simulationCost(N, samples, steps);
  const limit = memoryLimitBytes();
  if (cost.bytes > limit) throw new InputError(`the simulation at N = ${N} with ${steps} steps needs about ${formatBytes(cost.bytes)}, above the limit of ${formatBytes(limit)} (MATMEM_MAX_MEMORY_MB); use fewer --steps`);
  if (cost.seconds > TIME_LIMIT_SECONDS) {
    const fits = Math.floor((samples * TIME_LIMIT_SECONDS) / cost.seconds);
    throw new InputError(`--samples ${samples} would take about ${formatDuration(cost.seconds)} at N = ${N} and ${steps} steps, above the limit of ${formatDuration(TIME_LIMIT_SECONDS)}; the largest --samples that fits is about ${fits}`);
  }
  if (cost.seconds > WARN_SECONDS) note(`matmem: note: the simulation takes about ${formatDuration(cost.seconds)} on a 2-core machine (progress on stderr)`);
}

/** The exact and paper models' FMC and J_tot beside a simulation, and how far its covariance is from each. */
function modelsBeside(c: MatrixCase, covariance: Parameters<typeof relativeDifference>[0], steps: number) {
  const exactCov = exactCovariance(c);
  const exact = exactCovarianceMatrix(exactCov);
  const models: Record<string, { fmc: number[]; jtot: number } | { undefinedReason: string }> = {
    exact: { fmc: exactFisherMemoryCurve(c, exactCov, steps), jtot: exactTotalCapacity(c, exactCov).jtot },
  };
  let relDiffPaper: number | null = null;
  try {
    relDiffPaper = relativeDifference(covariance, paperStateCovariance(c));
    const pc = paperCovariances(c);
    models.paper = { fmc: paperFisherMemoryCurve(c, pc, steps), jtot: paperTotalCapacity(c, pc).jtot };
  } catch (err) {
    if (!(err instanceof ModelUndefinedError)) throw err;
    models.paper = { undefinedReason: err.message };
  }
  return { exact, models, relDiffPaper };
}
