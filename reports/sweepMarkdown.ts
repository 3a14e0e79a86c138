/**
 * `summary.md` of a sweep: the grid's answer, whether it finished (an interrupted sweep says
 * how many cells were checked), one row per grid point linking each failing cell's
 * counterexample, then downtime by grid point.
 */
import { duration } from './clock.ts';
import { sweepCounts } from './html/sweepHeader.ts';
import { count } from './plural.ts';
import type { CampaignSummary, SweepCell, SweepSummary } from './summary.ts';

function verdictCell(cell: SweepCell, property: string): string {
  const verdict = cell.verdicts[property];
  if (verdict === undefined) return '— not checked';
  const file = cell.counterexamples?.[property]?.file;
  return file ? `❌ [${verdict}](${file.split('/').map(encodeURIComponent).join('/')})` : verdict === 'holds' ? `✅ ${verdict}` : verdict;
}

export function sweepMarkdown(summary: CampaignSummary, sweep: SweepSummary): string {
  const counts = sweepCounts(sweep);
  const finished = summary.complete ? 'complete' : `**interrupted: incomplete, ${counts.checked} of ${count(counts.cells, 'cell')} checked**`;
  const lines = [
    `# fabric-verify: ${summary.campaign.name}`,
    '',
    `${count(sweep.cells.length, 'grid point')} × ${count(sweep.properties.length, 'property', 'properties')}, seed ${summary.campaign.seed}: ${count(counts.holds, 'cell')} hold, ${counts.fails} fail${counts.vacuous > 0 ? `, ${counts.vacuous} vacuous` : ''} — ${finished}, in ${duration(Math.round(summary.durationMs / 1000))}.`,
    '',
    `| ${[...sweep.parameters, ...sweep.properties].join(' | ')} |`,
    `|${[...sweep.parameters, ...sweep.properties].map(() => '---').join('|')}|`,
    ...sweep.cells.map((cell) => `| ${[...sweep.parameters.map((p) => String(cell.point[p] ?? '—')), ...sweep.properties.map((p) => verdictCell(cell, p))].join(' | ')} |`),
  ];
  if (summary.downtime.length > 0) {
    lines.push('', '## Downtime by grid point', '', 'The same generated runs at every grid point.', '', '| grid point | instances | app-runs | down |', '|---|---:|---:|---:|');
    for (const d of summary.downtime) lines.push(`| ${d.policy} | ${d.instances} | ${d.appRuns} | ${d.downAppRuns} (${(d.shareDown * 100).toFixed(1)}%) |`);
  }
  return `${lines.join('\n')}\n`;
}
