/**
 * The list of commands. Each command file exports a function that builds its commander Command; a
 * file is imported only when its command is registered, and a run that names one command registers
 * that one alone (the others' modules never load: a quarter of `matmem fmc`'s start-up).
 */
import type { Command } from 'commander';

/** Every command, in the order `matmem --help` lists them. */
const COMMANDS: Record<string, () => Promise<Command>> = {
  fmc: async () => (await import('./fmc.ts')).fmcCommand(),
  simulate: async () => (await import('./simulate.ts')).simulateCommand(),
  verify: async () => (await import('./verify.ts')).verifyCommand(),
  figure: async () => (await import('./figure.ts')).figureCommand(),
  train: async () => (await import('./train.ts')).trainCommand(),
  experiment: async () => (await import('./experiment.ts')).experimentCommand(),
  eval: async () => (await import('./eval.ts')).evalCommand(),
  trace: async () => (await import('./trace.ts')).traceCommand(),
  merge: async () => (await import('./merge.ts')).mergeCommand(),
};

/** The command a command line names (its first word that is not an option), when it is one of matmem's. */
export function commandNamed(args: readonly string[]): string | undefined {
  const first = args.find((a) => !a.startsWith('-'));
  return first !== undefined && Object.hasOwn(COMMANDS, first) ? first : undefined;
}

/**
 * Adds the command `args` names, or every command when it names none of them (`--help`, `help fmc`,
 * a misspelt name, which commander answers with the nearest names).
 */
export async function registerCommands(program: Command, args: readonly string[] = []): Promise<void> {
  const named = commandNamed(args);
  for (const [name, build] of Object.entries(COMMANDS)) if (named === undefined || named === name) program.addCommand(await build());
}
