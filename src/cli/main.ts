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

export function buildProgram(): Command {
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
    .configureOutput(OUTPUT);
  registerCommands(program);
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
  const program = buildProgram();
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

// an error thrown later by a timer or promise (a --load unit's, or matmem's own) still ends with one line and its exit code
process.on('uncaughtException', (err) => endProcess(reportFailure(userCodeErrorFrom(err) ?? err)));

const code = await main(process.argv);
process.exitCode = code;
// a --load unit may leave timers behind that would keep the process alive: end it once stdout is written
if (userCodeLoaded()) process.stdout.write('', () => endProcess(code));
