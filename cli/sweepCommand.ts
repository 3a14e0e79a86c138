/**
 * `fabric-verify sweep --config FILE`: where each property holds over a grid of policies.
 */
import { InputError } from '../model/inputError.ts';
import { readCampaignConfig } from '../properties/campaignConfig.ts';
import { DEFAULT_SEED } from '../properties/seeds.ts';
import { runSweep } from '../properties/sweep.ts';
import { downtimeSummaries } from '../reports/summarize.ts';
import { SUMMARY_FORMAT, type CampaignSummary, type SweepSummary } from '../reports/summary.ts';
import { writeCampaignReports } from '../reports/writeCampaignReports.ts';
import { EXIT_INTERRUPTED, EXIT_OK } from './exitCodes.ts';

export interface SweepOptions {
  readonly config: string;
  readonly out: string;
  readonly seed?: number;
  readonly runs?: number;
  readonly json?: boolean;
}

export function sweepTable(sweep: SweepSummary): string {
  const header = [...sweep.parameters, ...sweep.properties];
  const rows = sweep.cells.map((cell) => [...sweep.parameters.map((p) => String(cell.point[p])), ...sweep.properties.map((id) => cell.verdicts[id] ?? '—')]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: readonly string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

export function sweepCommand(options: SweepOptions, interrupted: () => boolean = () => false): { output: string; exitCode: number } {
  const config = readCampaignConfig(options.config);
  if (!config.sweep) throw new InputError(options.config, [{ path: 'sweep', expected: 'a sweep section (properties and grid)', received: 'none' }]);
  const seed = options.seed ?? config.campaign.seed ?? DEFAULT_SEED;
  const started = performance.now();
  const { summary: sweep, downtime, complete } = runSweep(config.sweep, {
    seed,
    runs: options.runs ?? null,
    shouldStop: interrupted,
    onCell: (done, total) => process.stderr.write(`\rsweep: ${done}/${total} checks`),
  });
  process.stderr.write('\n');
  const summary: CampaignSummary = {
    format: SUMMARY_FORMAT,
    complete,
    campaign: { name: `${config.name} (sweep)`, seed, runs: options.runs ?? config.sweep.runs ?? null, shard: null },
    properties: [],
    coverage: { machines: [] },
    recovery: [],
    downtime: downtimeSummaries(downtime),
    sweep,
    codeCoverage: null,
    durationMs: Math.round(performance.now() - started),
  };
  writeCampaignReports(options.out, summary, []);
  const output = options.json ? JSON.stringify(summary, null, 2) : `${sweepTable(sweep)}\nReports written to ${options.out}/ (the heat map is in index.html).`;
  return { output, exitCode: complete ? EXIT_OK : EXIT_INTERRUPTED };
}
