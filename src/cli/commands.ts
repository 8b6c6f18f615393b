/** The list of commands. Each command file exports a function that adds itself to the program. */
import type { Command } from 'commander';

export function registerCommands(program: Command): void {
  void program;
}
