/** `matmem` command line: wires the commands; each command lives in its own file. */
import { Command, CommanderError } from 'commander';
import { reportFailure, EXIT_OK } from './common.ts';
import { registerCommands } from './commands.ts';
import { resolvePackageInputs } from './package-inputs.ts';
import { VERSION } from '../core/version.ts';
import { endProcess, userCodeErrorFrom, userCodeLoaded } from '../claims/user-units.ts';


/**
 * Where commander writes. Its usage errors come as several lines (the error, "(Did you mean …?)",
 * "(run with --help for usage)"): they are joined into one, as every other matmem error.
 */
const OUTPUT = {
  writeOut: (s: string) => process.stdout.write(s),
  writeErr: (s: string) => process.stderr.write(s),
  outputError: (s: string, write: (t: string) => void) => write(`${s.trim().replace(/\s*\n\s*/g, ' ')} (run with --help for usage)\n`),
};

/** The program; `args` (the command line after node and the script) lets it load only the command they name. */
export async function buildProgram(args: readonly string[] = []): Promise<Command> {
  const program = new Command();
  program
    .name('matmem')
    .description(
      'Checks, claim by claim, the paper "Memory Capacity of Recurrent Neural Networks with Matrix Representation".\n' +
        'Two float64 models (paper: the formulas as printed; exact: the true law of the linear system),\n' +
        'Monte Carlo as the third witness, symbolic and exact checks of the derivations.',
    )
    .version(VERSION)
    .exitOverride()
    .configureOutput(OUTPUT)
    .addHelpText(
      'after',
      `
Start here:
  npx matmem verify                     every claim and derivation step in both models; then open
                                        matmem-report/report.html (counterexamples, replay commands, figures)

Then:
  npx matmem verify --claim corollary-2.1 --runs 2000     one claim, more generated cases
  npx matmem fmc --case examples/normal-complex.json      J(k) and J_tot of one case in every model
  npx matmem simulate --case examples/small-3x3.json --samples 200000 --seed 1
  npx matmem figure 2 --out fig2.svg                      Figures 2–4 in both models
  npx matmem experiment copy --out exp-copy               Section 6: train MatNTM and Matrix RNN (minutes)
  npx matmem verify --experiment exp-copy                 the Section 6 claims decided from that record
  npx matmem verify --load my-proofs --fail-on fails      your own claims and derivations beside matmem's

Every command's --help says what it reads, what it writes and what comes next.
Exit codes: 0 done; 1 a check failed or a verdict regressed; 2 bad input; 3 a bug in matmem; 4 your --load code failed.`,
    );
  await registerCommands(program, args);
  resolvePackageInputs(program);
  program.configureHelp({ helpWidth: 110 });
  for (const cmd of program.commands) {
    cmd.configureHelp({ helpWidth: 110 });
    cmd.exitOverride();
    cmd.configureOutput(OUTPUT);
  }
  return program;
}

async function main(argv: string[]): Promise<number> {
  const program = await buildProgram(argv.slice(2));
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT_OK;
  } catch (err) {
    if (err instanceof CommanderError && (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help')) {
      return EXIT_OK;
    }
    return reportFailure(err);
  }
}

// a reader that stops early (`matmem --help | head`) closes the pipe: that ends the output, not in an internal error
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') endProcess(typeof process.exitCode === 'number' ? process.exitCode : EXIT_OK);
  else throw err;
});

// an error thrown later by a timer or promise (a --load unit's, or matmem's own) still ends with one line and its exit code
process.on('uncaughtException', (err) => endProcess(reportFailure(userCodeErrorFrom(err) ?? err)));

const code = await main(process.argv);
process.exitCode = code;
// a --load unit may leave timers behind that would keep the process alive: end it once stdout is written
if (userCodeLoaded()) process.stdout.write('', () => endProcess(code));
