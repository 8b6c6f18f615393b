/** `matmem fmc`: the Fisher memory curve and capacity of a case in the paper, exact and vector models. */
import { Command } from 'commander';
import { InputError, ModelUndefinedError } from '../errors.ts';
import { spectralRadius } from '../linalg/eigen.ts';
import { caseSize } from '../models/case.ts';
import { assertExactModelDefined } from '../models/exact.ts';
import { assertPaperModelDefined } from '../models/paper.ts';
import { fisherMemorySummary, FMC_MODELS, VECTOR_MODEL_MAX_N, type FmcModel } from '../models/summary.ts';
import { addCaseOptions, caseFromOptions, checkModelBudget, computeOnCase } from './case-options.ts';
import { addMemoryOptions, memoryFmcJson, parseMemoryOptions } from './memory-options.ts';
import { note, parseNumberOption, printJson } from './common.ts';
import { FMC_FORMAT } from '../core/types.ts';

export function fmcCommand(): Command {
  const cmd = new Command('fmc')
    .summary('Fisher memory curve and capacity of a case, in the paper, exact and vector models')
    .description(
      'Fisher memory curve J(k) (Eq. 12) and memory capacity J_tot (Eq. 16) of the linear system of Eq. 5.\n\n' +
        'Models:\n' +
        '  paper   the paper\'s formulas as printed: covariance Σ ⊗ Ψ of Eq. 9 (needs ρ(U) < 1 and ρ(V) < 1)\n' +
        '  exact   the true law of the state, by vectorization (needs ρ(U)·ρ(V) < 1)\n' +
        '  vector  Eq. 5 vectorized as Ganguli\'s vector network (Eq. 14) with N² neurons: an independent,\n' +
        `          dense check of "exact" (N ≤ ${VECTOR_MODEL_MAX_N})\n` +
        '  all     every model above (the default)\n\n' +
        'jtot is the infinite sum (a Stein-equation solver), not the sum of the printed J(0..K−1).\n\n' +
        'Example:\n  npx matmem fmc --case examples/normal-real.json --model all --k 60 --json',
    );
  addMemoryOptions(addCaseOptions(cmd))
    .option('--model <model>', 'paper | exact | vector | all (with --memory-slots: paper | exact | all)', 'all')
    .option('--k <K>', 'number of points J(0..K−1) of the curve (1..100000)', '60')
    .option('--json', 'print one JSON document on stdout (human text goes to stderr)')
    .action((opts) => {
      const K = parseNumberOption('--k', opts.k, { integer: true, min: 1, max: 100000 });
      const models = parseModels(opts.model);
      const memory = parseMemoryOptions(opts);
      const c = caseFromOptions(opts);
      if (memory) {
        if (opts.model === 'vector') throw new InputError('the vector model has no memory slots; use --model paper, exact or all with --memory-slots');
        const memoryModels = models.filter((m): m is 'paper' | 'exact' => m !== 'vector');
        const result = computeOnCase(c, () => memoryFmcJson(c, opts, { models: memoryModels, K }), () => []);
        if (opts.json) printJson(result);
        else printHuman(result as unknown as HumanResult);
        return;
      }
      const N = caseSize(c);
      if (models.includes('vector') && N > VECTOR_MODEL_MAX_N) {
        if (opts.model === 'all') {
          note(`note: the vector model is dense O(N⁶); skipped for N = ${N} > ${VECTOR_MODEL_MAX_N} (its values equal the exact model's)`);
          models.splice(models.indexOf('vector'), 1);
        } else {
          throw new InputError(`the vector model is dense O(N⁶) and limited to N ≤ ${VECTOR_MODEL_MAX_N}; use --model exact for N = ${N}`);
        }
      }
      // existence conditions first, so that nothing is computed for a case a model cannot take; with
      // --model all an undefined model is reported with its reason and the others are computed
      const undefinedModels: Record<string, string> = {};
      const exists = (m: FmcModel): string | null => {
        try {
          if (m === 'paper') assertPaperModelDefined(c);
          else assertExactModelDefined(c);
          return null;
        } catch (err) {
          if (err instanceof ModelUndefinedError) return err.message;
          throw err;
        }
      };
      for (const m of [...models]) {
        const why = exists(m);
        if (why === null) continue;
        if (opts.model !== 'all') {
          const other = FMC_MODELS.filter((x) => x !== m && x !== 'vector' && exists(x) === null);
          throw new InputError(`${why}${other.length ? `; --model ${other[0]} is defined for this case` : ''}`);
        }
        undefinedModels[m] = why;
        models.splice(models.indexOf(m), 1);
      }
      if (models.length === 0) throw new InputError(`no model is defined for this case: ${Object.values(undefinedModels).join('; ')}`);
      checkModelBudget(N, `the ${models.filter((m) => m !== 'vector').join(' and ')} model${models.length > 1 ? 's' : ''}`);
      const out: Record<string, unknown> = {};
      for (const [m, why] of Object.entries(undefinedModels)) out[m] = { undefinedReason: why };
      for (const m of models) {
        const s = computeOnCase(c, () => fisherMemorySummary(c, m, K), (x) => [...x.fmc, x.jtot, x.inputFisher, x.jtotRel]);
        out[m] = { fmc: s.fmc, jtot: s.jtot, inputFisher: s.inputFisher, jtotRel: s.jtotRel, residuals: s.residuals };
      }
      const result = {
        format: FMC_FORMAT,
        models: out,
        spectralRadius: { U: spectralRadius(c.U), V: spectralRadius(c.V) },
        N,
        e1: c.e1,
        e2: c.e2,
        k: K,
      };
      if (opts.json) printJson(result);
      else printHuman(result as HumanResult);
    });
  return cmd;
}

function parseModels(raw: string): FmcModel[] {
  if (raw === 'all') return [...FMC_MODELS];
  if ((FMC_MODELS as string[]).includes(raw)) return [raw as FmcModel];
  throw new InputError(`--model must be paper, exact, vector or all, got "${raw}"`);
}

interface HumanResult {
  models: Record<string, { fmc: number[]; jtot: number; inputFisher: number; jtotRel: number; undefinedReason?: string }>;
  spectralRadius: { U: number; V: number };
  stability?: { spectralRadius: number; stable: boolean };
  N: number;
  e1: number;
  e2: number;
  k: number;
}

function printHuman(r: HumanResult): void {
  const names = Object.keys(r.models).filter((m) => r.models[m].undefinedReason === undefined);
  const lines: string[] = [];
  lines.push(`N = ${r.N}, ε₁ = ${r.e1}, ε₂ = ${r.e2}, ρ(U) = ${r.spectralRadius.U.toPrecision(6)}, ρ(V) = ${r.spectralRadius.V.toPrecision(6)}`);
  if (r.stability) lines.push(`memory system (Eq. 34): ρ(F) = ${r.stability.spectralRadius.toPrecision(6)} — ${r.stability.stable ? 'stable' : 'NOT stable (no stationary law)'}`);
  lines.push('');
  lines.push(['', ...names].map((s) => s.padStart(16)).join(''));
  const row = (label: string, f: (m: string) => number) => lines.push([label.padStart(16), ...names.map((m) => f(m).toPrecision(8).padStart(16))].join(''));
  row('J_tot', (m) => r.models[m].jtot);
  row('I(W)', (m) => r.models[m].inputFisher);
  row('J_tot,rel', (m) => r.models[m].jtotRel);
  lines.push('');
  const shown = Math.min(r.k, 10);
  for (let k = 0; k < shown; k++) row(`J(${k})`, (m) => r.models[m].fmc[k]);
  if (r.k > shown) lines.push(`${''.padStart(16)}… (${r.k - shown} more; --json prints all)`);
  for (const [m, v] of Object.entries(r.models)) if (v.undefinedReason) lines.push('', `${m} model: undefined here — ${v.undefinedReason}`);
  process.stdout.write(`${lines.join('\n')}\n`);
}
