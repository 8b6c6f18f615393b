/** The list of commands. Each command file exports a function that builds its commander Command. */
import type { Command } from 'commander';
import { fmcCommand } from './fmc.ts';
import { simulateCommand } from './simulate.ts';
import { verifyCommand } from './verify.ts';
import { figureCommand } from './figure.ts';
import { trainCommand } from './train.ts';

export function registerCommands(program: Command): void {
  program.addCommand(fmcCommand());
  program.addCommand(simulateCommand());
  program.addCommand(verifyCommand());
  program.addCommand(figureCommand());
  program.addCommand(trainCommand());
}
