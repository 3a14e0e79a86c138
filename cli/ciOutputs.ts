/**
 * The CI outputs of a campaign, all from its summary.json data: `--junit FILE` (JUnit XML),
 * `--sarif FILE` (SARIF 2.1.0), and under GitHub Actions its annotations on stderr and
 * summary.md appended to the job summary ($GITHUB_STEP_SUMMARY, appended as GitHub asks).
 */
import { appendFileSync } from 'node:fs';
import { githubAnnotations } from '../reports/githubAnnotations.ts';
import { junitXml } from '../reports/junitXml.ts';
import { sarifLog } from '../reports/sarif.ts';
import type { CampaignSummary } from '../reports/summary.ts';
import { summaryMarkdown } from '../reports/summaryMarkdown.ts';
import { writeFileAtomically } from '../reports/writeFileAtomically.ts';
import { packageVersion } from './version.ts';

export interface CiOptions {
  readonly junit?: string;
  readonly sarif?: string;
}

export function writeCiOutputs(summary: CampaignSummary, outDir: string, options: CiOptions, env: NodeJS.ProcessEnv = process.env, stderr: { write(text: string): unknown } = process.stderr): void {
  if (options.junit) writeFileAtomically(options.junit, junitXml(summary, outDir));
  if (options.sarif) writeFileAtomically(options.sarif, `${JSON.stringify(sarifLog(summary, { outDir, toolVersion: packageVersion() }), null, 2)}\n`);
  if (env['GITHUB_ACTIONS'] === 'true') for (const line of githubAnnotations(summary, outDir)) stderr.write(`${line}\n`);
  const stepSummary = env['GITHUB_STEP_SUMMARY'];
  if (stepSummary) appendStepSummary(stepSummary, summaryMarkdown(summary), stderr);
}


/** The job summary is GitHub's file, not our output: failing to add to it costs a warning, not the verdicts. */
function appendStepSummary(file: string, markdown: string, stderr: { write(text: string): unknown }): void {
  try {
    appendFileSync(file, `${markdown}\n`);
  } catch (error) {
    stderr.write(`fabric-verify: warning: GITHUB_STEP_SUMMARY: could not append to ${file} (${(error as NodeJS.ErrnoException).code ?? String(error)})\n`);
  }
}
