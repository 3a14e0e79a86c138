/**
 * The `fabric-verify` command line (commander: subcommands, typed options, generated help).
 */
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { InputError } from '../model/inputError.ts';
import { EXIT_BAD_INPUT, EXIT_OK, EXIT_VERDICT_MISMATCH } from './exitCodes.ts';
import { replayCommand } from './replayCommand.ts';
import { checkCommand } from './checkCommand.ts';
import { sweepCommand } from './sweepCommand.ts';
import { exploreCommand } from './exploreCommand.ts';
import { mergeCommand } from './mergeCommand.ts';
import { listOf, oneOf, outputFile, outputFolder, propertyIdList, propertyIds, seedValue, shardValue, wholeNumber } from './options.ts';
import { commanderMessage, errorLine } from './errorStyle.ts';
import { packageVersion } from './version.ts';

/** Ctrl-C asks the campaign to stop after the check in progress; a second one quits at once. */
function interruptedFlag(): () => boolean {
  let interrupted = false;
  process.once('SIGINT', () => {
    interrupted = true;
    process.stderr.write('\nfabric-verify: interrupted; writing the report of what finished (Ctrl-C again to quit now)\n');
    process.once('SIGINT', () => process.exit(130));
  });
  return () => interrupted;
}
import { INCIDENT_NAME } from '../model/scenarios/incident20090313.ts';
import { simulateCommand } from './simulateCommand.ts';
import { type ObserveOptions, observeCommand } from './observeCommand.ts';

const HEALING_POLICIES = ['serial', 'parallel', 'adaptive', 'kubernetes'] as const;

/** The CI outputs every campaign command offers (cli/ciOutputs.ts). */
const junitOption = () => new Option('--junit <file>', 'also write JUnit XML (one testcase per property) to FILE').argParser(outputFile('--junit'));
const sarifOption = () => new Option('--sarif <file>', 'also write SARIF 2.1.0 (for code scanning) to FILE').argParser(outputFile('--sarif'));

export function buildProgram(write: (text: string) => void): Command {
  /** Every command ends the same way: its output on stdout, its exit code for the process. */
  const finish = (outcome: { readonly output: string; readonly exitCode: number }) => {
    write(`${outcome.output}\n`);
    process.exitCode = outcome.exitCode;
  };

  const program = new Command('fabric-verify')
    .description('Property-based availability verification of a cloud fabric controller.')
    .version(packageVersion(), '-V, --version', 'print the version')
    .exitOverride()
    // Every subcommand inherits these: commander's own errors come out in our one style, and a
    // mistyped command or flag gets a "did you mean".
    .showSuggestionAfterError(true)
    .configureOutput({
      writeOut: write,
      writeErr: (text) => process.stderr.write(text),
      outputError: (text) => process.stderr.write(errorLine(commanderMessage(text))),
    });

  program
    .command('simulate')
    .description('run one scenario and print its key events and figures')
    .option('--scenario <name|file>', `a built-in scenario (${INCIDENT_NAME}) or a JSON scenario file`, INCIDENT_NAME)
    .addOption(new Option('--policy <policy>', 'healing policy for the whole run (drops the operator switch)').choices(HEALING_POLICIES).argParser(oneOf('--policy', HEALING_POLICIES)))
    .option('--json', 'print the figures as one JSON object')
    .option('--cluster <dir>', 'simulate a Kubernetes cluster read from its manifests (its FaultSchedule, else its node pool upgrade)')
    .option('--events-out <file>', 'with --cluster: write the run as Kubernetes Events (kubectl get events -o json), for `observe`')
    .option('--compare <policies...>', `run once under each healing policy on the same faults, side by side (e.g. serial,parallel,adaptive; of ${HEALING_POLICIES.join(', ')})`, listOf('--compare', HEALING_POLICIES))
    .option('--html <file>', 'with --compare: also write the comparison as a self-contained HTML page', outputFile('--html'))
    .action((options) => write(`${simulateCommand(options)}\n`));

  program
    .command('check')
    .description('check the property catalog as a campaign and write the reports')
    .option('--config <file>', 'a campaign config (JSON or YAML)')
    .option('--property <ids...>', 'check only these properties (--property A B, A,B, or repeated)', propertyIdList)
    .option('--properties <module>', 'check properties of your own too: a .js/.ts module whose default export is a property definition or a list of them (run on the worker pool; --property may name them)')
    .option('--runs <n>', 'runs per property (default: each property\'s own)', wholeNumber('--runs', 1))
    .option('--seed <s>', 'the campaign seed', seedValue)
    .option('--coverage-cap <n>', 'most runs a clean holds may draw while its must-see situations are undecided (default 1000)', wholeNumber('--coverage-cap', 1))
    .option('--out <dir>', 'report folder', outputFolder('--out'), 'reports/out')
    .option('--json', 'print summary.json on stdout')
    .option('--shard <i/n>', 'run only shard i of n (merge the shards\' reports with `merge`)', shardValue)
    .option('--workers <n>', 'worker threads (default: every core)', wholeNumber('--workers', 1))
    .option('--swarm', 'swarm fault schedules: each run draws which fault kinds it may use (default: off, or FV_SWARM=1)')
    .option('--no-swarm', 'plain fault schedules: every run may use every fault kind')
    .option('--policy <module>', 'hold a healing policy of your own (a .js/.ts module) to the policy bar')
    .option('--cluster <dir>', 'check a Kubernetes cluster read from its manifests (kubectl get -o yaml), instead of generated fabrics')
    .addOption(junitOption())
    .addOption(sarifOption())
    .action(async (options) => {
      const outcome = await checkCommand(options, interruptedFlag());
      finish(outcome);
    });

  program
    .command('sweep')
    .description('the policy explorer: where each property holds over a grid of policies')
    .requiredOption('--config <file>', 'a campaign config with a sweep section')
    .option('--runs <n>', 'runs per property and grid point', wholeNumber('--runs', 1))
    .option('--seed <s>', 'the seed', seedValue)
    .option('--out <dir>', 'report folder', outputFolder('--out'), 'reports/out')
    .option('--json', 'print the summary on stdout')
    .option('--workers <n>', 'worker threads (default: every core)', wholeNumber('--workers', 1))
    .action(async (options) => {
      const outcome = await sweepCommand(options, interruptedFlag());
      finish(outcome);
    });

  program
    .command('explore')
    .description('check the catalog exhaustively on a small fabric: every fault schedule of a bound, the shortest counterexamples')
    .requiredOption('--config <file>', 'a config with an explore section (examples/small.json)')
    .option('--faults <k>', 'at most K faults per schedule (default: the config\'s maxFaults)', wholeNumber('--faults', 0))
    .option('--horizon <t>', 'faults at times up to T seconds (default: the config\'s horizonS)', wholeNumber('--horizon', 0))
    .option('--granularity <g>', 'on a grid of G seconds (default: the config\'s granularityS)', wholeNumber('--granularity', 1))
    .option('--property <ids...>', 'explore only these properties (--property A B, A,B, or repeated)', propertyIds)
    .option('--symmetry', 'merge states that differ only by interchangeable servers and apps (a heuristic reduction)')
    .option('--agreement', 'also run random testing of the same spaces and compare verdicts and counterexample sizes')
    .option('--runs <n>', 'random runs per property for --agreement', wholeNumber('--runs', 1))
    .option('--seed <s>', 'the seed of --agreement\'s random testing', seedValue)
    .option('--max-states <n>', 'stop a search after storing this many states (it is then reported incomplete)', wholeNumber('--max-states', 1))
    .option('--out <dir>', 'report folder', outputFolder('--out'), 'reports/out')
    .option('--json', 'print summary.json on stdout')
    .addOption(junitOption())
    .addOption(sarifOption())
    .action((options) => {
      const outcome = exploreCommand(options, interruptedFlag());
      finish(outcome);
    });

  program
    .command('merge')
    .description('join the reports of campaign shards into one report')
    .argument('<dirs...>', 'report folders written by `check --shard`')
    .option('--out <dir>', 'report folder', outputFolder('--out'), 'reports/out')
    .option('--json', 'print the merged summary on stdout')
    .addOption(junitOption())
    .addOption(sarifOption())
    .action((dirs: string[], options: { out: string; json?: boolean; junit?: string; sarif?: string }) => {
      const outcome = mergeCommand(dirs, options.out, options.json, options);
      finish(outcome);
    });

  program
    .command('observe')
    .description('judge a Kubernetes event log (kubectl get events -o json) against the property catalog')
    .argument('<log>', 'the event log: a List, or one Event after another (kubectl get events --watch -o json)')
    .requiredOption('--cluster <dir>', 'the cluster\'s manifests (kubectl get nodes,deployments,statefulsets,pdb -o yaml)')
    .option('--since <time>', 'when the log begins, RFC 3339 (default: its earliest event)')
    .option('--until <time>', 'when the log ends, RFC 3339 (default: its latest event)')
    .option('--out <dir>', 'report folder', 'reports/out')
    .option('--json', 'print summary.json on stdout')
    .action((log: string, options: ObserveOptions) => finish(observeCommand(log, options)));

  program
    .command('replay')
    .description('replay a saved counterexample and print its timeline')
    .argument('<file>', 'a counterexample JSON file (reports/out/counterexamples/*.json)')
    .option('--html', 'also write the timeline as one page, beside the file (FILE.html)')
    .action((file: string, options: { html?: boolean }) => {
      const result = replayCommand(file, options);
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
    // Bad input found by a command's own checks (InvalidArgumentError is a CommanderError, so
    // it is told apart first: commander has printed its own errors already, these not yet).
    if (error instanceof InputError || error instanceof InvalidArgumentError) {
      process.stderr.write(errorLine(error.message));
      return EXIT_BAD_INPUT;
    }
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? EXIT_OK : EXIT_BAD_INPUT;
    }
    throw error;
  }
}
