/**
 * `fabric-verify sweep --config FILE`: where each property holds over a grid of policies.
 * The cells run on the campaign's worker pool; Ctrl-C (main.ts's interruptedFlag, as for
 * `check`) stops dispatch and writes what finished, marked incomplete, with exit 130.
 */
import { availableParallelism } from 'node:os';
import { InputError } from '../model/inputError.ts';
import { readCampaignConfig } from '../properties/campaignConfig.ts';
import { DEFAULT_SEED, chooseSwarm } from '../properties/seeds.ts';
import { runSweep, sweepCellCount } from '../properties/sweepRun.ts';
import { sweepCounts } from '../reports/html/sweepHeader.ts';
import { downtimeSummaries } from '../reports/summarize.ts';
import { SUMMARY_FORMAT, type CampaignSummary, type SweepSummary } from '../reports/summary.ts';
import { textTable } from '../reports/textTable.ts';
import { writeCampaignReports } from '../reports/writeCampaignReports.ts';
import { EXIT_INTERRUPTED, EXIT_OK } from './exitCodes.ts';
import { progressBar } from './progress.ts';

export interface SweepOptions {
  readonly config: string;
  readonly out: string;
  readonly seed?: number;
  readonly runs?: number;
  readonly json?: boolean;
  /** Worker threads (default: every core). */
  readonly workers?: number;
}

/** One row per grid point, one column per property; `—` where an interrupted sweep left a cell unchecked. */
export function sweepTable(sweep: SweepSummary): string {
  const header = [...sweep.parameters, ...sweep.properties];
  const rows = sweep.cells.map((cell) => [...sweep.parameters.map((p) => String(cell.point[p])), ...sweep.properties.map((id) => cell.verdicts[id] ?? '—')]);
  return textTable(header, rows);
}

export async function sweepCommand(options: SweepOptions, interrupted: () => boolean = () => false): Promise<{ output: string; exitCode: number }> {
  const config = readCampaignConfig(options.config);
  if (!config.sweep) throw new InputError(options.config, [{ path: 'sweep', expected: 'a sweep section (properties and grid)', received: 'none' }]);
  const seed = options.seed ?? config.campaign.seed ?? DEFAULT_SEED;
  const swarm = chooseSwarm();
  const started = performance.now();
  // Counted as each cell finishes (a cell: one property at one grid point).
  const bar = progressBar(sweepCellCount(config.sweep), { unit: 'cells' });
  const run = await runSweep(config.sweep, {
    seed,
    runs: options.runs ?? null,
    swarm,
    workers: options.workers ?? availableParallelism(),
    shouldStop: interrupted,
    onCellDone: (result) => {
      const name = `${result.id} at ${result.variant ?? ''}`;
      bar.tick(name, `${name}: ${result.verdict} in ${(result.durationMs / 1000).toFixed(1)}s`);
    },
  });
  bar.stop();
  const summary: CampaignSummary = {
    format: SUMMARY_FORMAT,
    complete: run.complete,
    campaign: { name: `${config.name} (sweep)`, seed, runs: options.runs ?? config.sweep.runs ?? null, shard: null, swarm },
    properties: [],
    coverage: { machines: [] },
    recovery: [],
    downtime: downtimeSummaries(run.downtime),
    sweep: run.summary,
    codeCoverage: null,
    durationMs: Math.round(performance.now() - started),
  };
  const files = new Map([...run.counterexamples].map(([file, counterexample]) => [file, `${JSON.stringify(counterexample, null, 2)}\n`]));
  writeCampaignReports(options.out, summary, [], files);
  const counts = sweepCounts(run.summary);
  const finished = run.complete ? '' : `\nInterrupted: ${counts.checked} of ${counts.cells} cells checked; the report says so.`;
  const output = options.json ? JSON.stringify(summary, null, 2) : `${sweepTable(run.summary)}${finished}\nReports written to ${options.out}/ (the heat map is in index.html; each failing cell's counterexample in counterexamples/sweep/).`;
  return { output, exitCode: run.complete ? EXIT_OK : EXIT_INTERRUPTED };
}

