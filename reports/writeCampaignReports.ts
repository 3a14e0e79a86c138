/**
 * Everything a campaign writes to its report folder: summary.json, summary.md, one JSON file
 * per counterexample, and the self-contained index.html.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { type Counterexample, counterexampleFileName } from '../properties/counterexample.ts';
import { simulate } from '../model/simulator/simulate.ts';
import { replaceReportFolder } from './reportFolder.ts';
import type { CampaignSummary } from './summary.ts';
import { summaryMarkdown } from './summaryMarkdown.ts';
import { COUNTEREXAMPLE_FOLDER } from './summarize.ts';
import { htmlReport } from './html/htmlReport.ts';
import { SEED_ROBUSTNESS_FILE, readSeedRobustness } from '../bench/seedsFile.ts';

/** Other commands' outputs in the same folder, carried over when a campaign rewrites it. */
const KEPT = ['coverage', 'bench.json', 'mutation', 'swarm.json', SEED_ROBUSTNESS_FILE];

/** `extra`: more files by their path in the folder (a sweep's counterexamples, which have no story on the page). */
export function writeCampaignReports(out: string, summary: CampaignSummary, counterexamples: readonly Counterexample[], extra: ReadonlyMap<string, string> = new Map()): void {
  const files = new Map<string, string>(extra);
  const stories = [];
  for (const counterexample of counterexamples) {
    const file = `${COUNTEREXAMPLE_FOLDER}/${counterexampleFileName(counterexample)}`;
    files.set(file, `${JSON.stringify(counterexample, null, 2)}\n`);
    stories.push({ counterexample, trace: simulate(counterexample.scenario), file });
  }
  const withCoverageLink = { ...summary, codeCoverage: summary.codeCoverage ?? (existsSync(join(out, 'coverage', 'index.html')) ? 'coverage/index.html' : null) };
  files.set('summary.json', `${JSON.stringify(withCoverageLink, null, 2)}\n`);
  files.set('summary.md', summaryMarkdown(withCoverageLink));
  files.set('index.html', htmlReport(withCoverageLink, stories, readSeedRobustness(out)));
  replaceReportFolder(out, files, KEPT);
}
