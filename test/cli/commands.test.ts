/** The command list: a command line that names one command registers (and loads) that one alone. */
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { commandNamed, registerCommands } from '../../src/cli/commands.ts';

const ALL = ['fmc', 'simulate', 'verify', 'figure', 'train', 'experiment', 'eval', 'trace', 'merge'];

async function registered(args: string[]): Promise<string[]> {
  const program = new Command();
  await registerCommands(program, args);
  return program.commands.map((c) => c.name());
}

describe('registerCommands', () => {
  it('registers only the command the line names', async () => {
    expect(await registered(['fmc', '--case', 'examples/normal-complex.json'])).toEqual(['fmc']);
    expect(await registered(['verify', '--json'])).toEqual(['verify']);
  });

  it('registers every command, in help order, when the line names none of them (help, a misspelt name, no command)', async () => {
    expect(await registered([])).toEqual(ALL);
    expect(await registered(['--help'])).toEqual(ALL);
    expect(await registered(['help', 'fmc'])).toEqual(ALL);
    expect(await registered(['fcm'])).toEqual(ALL);
  });

  it('the named command is the first word that is not an option', () => {
    expect(commandNamed(['-h'])).toBeUndefined();
    expect(commandNamed(['--version'])).toBeUndefined();
    expect(commandNamed(['merge', 'a', 'b'])).toBe('merge');
    expect(commandNamed(['toString'])).toBeUndefined();
  });
});
