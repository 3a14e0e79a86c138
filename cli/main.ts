/**
 * The `fabric-verify` command line (commander: subcommands, typed options, generated help).
 */
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { InputError } from '../model/inputError.ts';
import { EXIT_BAD_INPUT, EXIT_OK, EXIT_VERDICT_MISMATCH } from './exitCodes.ts';
import { replayCommand } from './replayCommand.ts';
import { INCIDENT_NAME } from '../model/scenarios/incident20090313.ts';
import { simulateCommand } from './simulateCommand.ts';

const HEALING_POLICIES = ['serial', 'parallel', 'adaptive', 'kubernetes'] as const;

export function buildProgram(write: (text: string) => void): Command {
  const program = new Command('fabric-verify')
    .description('Property-based availability verification of a cloud fabric controller.')
    .exitOverride()
    .configureOutput({ writeOut: write, writeErr: (text) => process.stderr.write(text) });

  program
    .command('simulate')
    .description('run one scenario and print its key events and figures')
    .option('--scenario <name|file>', `a built-in scenario (${INCIDENT_NAME}) or a JSON scenario file`, INCIDENT_NAME)
    .addOption(new Option('--policy <policy>', 'healing policy for the whole run (drops the operator switch)').choices(HEALING_POLICIES))
    .option('--json', 'print the figures as one JSON object')
    .action((options) => write(`${simulateCommand(options)}\n`));

  program
    .command('replay')
    .description('replay a saved counterexample and print its timeline')
    .argument('<file>', 'a counterexample JSON file (reports/out/counterexamples/*.json)')
    .action((file: string) => {
      const result = replayCommand(file);
      write(`${result.text}\n`);
      if (!result.reproduced) process.exitCode = EXIT_VERDICT_MISMATCH;
    });

  return program;
}

export async function main(argv: readonly string[]): Promise<number> {
  const program = buildProgram((text) => process.stdout.write(text));
  try {
    await program.parseAsync(argv as string[], { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT_OK;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? EXIT_OK : EXIT_BAD_INPUT;
    }
    if (error instanceof InputError || error instanceof InvalidArgumentError) {
      process.stderr.write(`fabric-verify: ${error.message}\n`);
      return EXIT_BAD_INPUT;
    }
    throw error;
  }
}
