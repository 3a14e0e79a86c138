/**
 * `fabric-verify merge DIR ...`: join the reports of shards run on several machines.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../model/inputError.ts';
import { readCounterexample } from '../properties/counterexampleFile.ts';
import { mergeSummaries } from '../reports/mergeSummaries.ts';
import { campaignTable } from '../reports/campaignTable.ts';
import { count } from '../reports/plural.ts';
import { colorsFor } from '../reports/terminalColors.ts';
import { type CiOptions, writeCiOutputs } from './ciOutputs.ts';
import type { CampaignSummary } from '../reports/summary.ts';
import { writeCampaignReports } from '../reports/writeCampaignReports.ts';
import { COUNTEREXAMPLE_FOLDER } from '../reports/summarize.ts';
import { EXIT_INTERRUPTED, EXIT_OK, EXIT_VERDICT_MISMATCH } from './exitCodes.ts';

function readSummary(dir: string): CampaignSummary {
  const file = join(dir, 'summary.json');
  if (!existsSync(file)) throw new InputError(dir, [{ path: 'summary.json', expected: 'a report folder written by `fabric-verify check`', received: 'no summary.json' }]);
  try {
    const summary = JSON.parse(readFileSync(file, 'utf8')) as CampaignSummary;
    if (summary.format !== 'fabric-verify/summary@1') throw new Error(`format ${JSON.stringify(summary.format)}`);
    return summary;
  } catch (error) {
    throw new InputError(file, [{ path: 'format', expected: 'a fabric-verify/summary@1 document', received: (error as Error).message }]);
  }
}

export function mergeCommand(dirs: readonly string[], out: string, json = false, ci: CiOptions = {}): { output: string; exitCode: number } {
  const summaries = dirs.map(readSummary);
  const merged = mergeSummaries(summaries);
  const counterexamples = dirs.flatMap((dir) => {
    const folder = join(dir, COUNTEREXAMPLE_FOLDER);
    if (!existsSync(folder)) return [];
    return readdirSync(folder)
      .filter((f) => f.endsWith('.json'))
      .sort()
      .map((f) => readCounterexample(join(folder, f)));
  });
  writeCampaignReports(out, merged, counterexamples);
  writeCiOutputs(merged, out, ci);
  const exitCode = !merged.complete ? EXIT_INTERRUPTED : merged.properties.every((p) => p.matches) ? EXIT_OK : EXIT_VERDICT_MISMATCH;
  return { output: json ? JSON.stringify(merged, null, 2) : `${campaignTable(merged, colorsFor(process.stdout))}\nMerged ${count(dirs.length, 'report')} into ${out}/.`, exitCode };
}
