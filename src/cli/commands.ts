/** The list of commands. Each command file exports a function that builds its commander Command. */
import type { Command } from 'commander';
import { fmcCommand } from './fmc.ts';
import { simulateCommand } from './simulate.ts';
import { verifyCommand } from './verify.ts';
import { figureCommand } from './figure.ts';
import { trainCommand } from './train.ts';
import { experimentCommand } from './experiment.ts';
import { evalCommand } from './eval.ts';
import { traceCommand } from './trace.ts';
import { mergeCommand } from './merge.ts';

export function registerCommands(program: Command): void {
  program.addCommand(fmcCommand());
  program.addCommand(simulateCommand());
  program.addCommand(verifyCommand());
  program.addCommand(figureCommand());
  program.addCommand(trainCommand());
  program.addCommand(experimentCommand());
  program.addCommand(evalCommand());
  program.addCommand(traceCommand());
  program.addCommand(mergeCommand());
}
