/**
 * The seed-robustness figures beside a campaign report: `seed-robustness.json` in the report
 * folder is kept when `check` rewrites the folder and drawn as a section of its index.html;
 * the benchmark re-renders the page of a folder that already holds a campaign report.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readCounterexample } from '../properties/counterexampleFile.ts';
import type { CampaignSummary } from '../reports/summary.ts';
import { writeCampaignReports } from '../reports/writeCampaignReports.ts';
import type { SeedRobustness } from './seedsSummary.ts';

/** Re-renders the folder's campaign report (if any) so its page shows the figures just written beside it. */
export function addSeedRobustnessToReport(folder: string, _summary: SeedRobustness): boolean {
  const summaryFile = join(folder, 'summary.json');
  if (!existsSync(summaryFile)) return false;
  const summary = JSON.parse(readFileSync(summaryFile, 'utf8')) as CampaignSummary;
  const counterexamples = summary.properties.flatMap((p) => (p.counterexample && existsSync(join(folder, p.counterexample.file)) ? [readCounterexample(join(folder, p.counterexample.file))] : []));
  writeCampaignReports(folder, summary, counterexamples);
  return true;
}
