/**
 * `summary.md`: the campaign in a few lines, fit for a CI job summary.
 */
import { replaySentence } from './campaignTable.ts';
import { duration } from './clock.ts';
import { agree, count } from './plural.ts';
import { sweepMarkdown } from './sweepMarkdown.ts';
import type { CampaignSummary, PropertySummary } from './summary.ts';

function name(p: PropertySummary): string {
  return p.variant ? `${p.id} (${p.variant})` : p.id;
}

function verdictCell(p: PropertySummary): string {
  return `${p.matches ? '✅' : '❌'} ${p.verdict}`;
}

export function summaryMarkdown(summary: CampaignSummary): string {
  // A sweep has no catalog checks: its answer is the grid.
  if (summary.sweep) return sweepMarkdown(summary, summary.sweep);
  const mismatches = summary.properties.filter((p) => !p.matches);
  const lines = [
    `# fabric-verify: ${summary.campaign.name}`,
    '',
    `${count(summary.properties.length, 'check')}, seed ${summary.campaign.seed}${summary.campaign.shard ? `, shard ${summary.campaign.shard.index}/${summary.campaign.shard.count}` : ''}: ` +
      (mismatches.length === 0 ? '**every verdict matches its expectation**' : `**${count(mismatches.length, 'verdict')} ${agree(mismatches.length, 'differs from its expectation', 'differ from their expectations')}**`) +
      (summary.complete ? '' : ' — **interrupted: incomplete**') +
      `, in ${duration(Math.round(summary.durationMs / 1000))}.`,
    '',
    '| property | expected | verdict | runs | counterexample |',
    '|---|---|---|---:|---|',
    ...summary.properties.map(
      (p) =>
        `| ${name(p)} | ${p.expected} | ${verdictCell(p)} | ${p.runs} | ${p.counterexample ? `${count(p.counterexample.faults, 'fault')}, ${count(p.counterexample.failedServers, 'failed server')}${p.counterexample.minimal === false ? ' — not minimal' : ''}` : ''} |`,
    ),
    '',
    '## Model coverage',
    '',
    '| machine | states | transitions |',
    '|---|---:|---:|',
    ...summary.coverage.machines.map((m) => `| ${m.id} | ${m.states.covered}/${m.states.total} | ${m.transitions.covered}/${m.transitions.total} |`),
  ];
  if (summary.regressions) {
    const r = summary.regressions;
    lines.push('', '## Regressions', '', `Before the runs, ${replaySentence(r)} (from \`${r.folder}\`); ${count(r.stored.length, 'counterexample')} of this campaign stored.`);
    if (r.entries.length > 0) {
      lines.push('', '| stored counterexample | property | still fails |', '|---|---|---|');
      for (const e of r.entries) lines.push(`| \`${e.file}\` | ${e.variant ? `${e.property} (${e.variant})` : e.property} | ${e.stillFails ? 'yes' : 'no'} |`);
    }
    if (r.skipped.length > 0) lines.push('', 'Skipped:', '', ...r.skipped.map((s) => `- \`${s.file}\`: ${s.reason}`));
  }
  if (summary.recovery.length > 0) {
    lines.push('', '## Recovery time', '', '| property | policy | p50 | p99 | max | bound | past own bound |', '|---|---|---:|---:|---:|---:|---:|');
    for (const r of summary.recovery) {
      lines.push(`| ${r.variant ? `${r.property} (${r.variant})` : r.property} | ${r.policy} | ${secondsOrDash(r.p50S)} | ${secondsOrDash(r.p99S)} | ${secondsOrDash(r.maxS)} | ${r.boundS}s | ${r.exceeding} |`);
    }
  }
  if (summary.downtime.length > 0) {
    lines.push('', '## Downtime by instance count', '', '| policy | instances | app-runs | down | p50 | p99 | max |', '|---|---:|---:|---:|---:|---:|---:|');
    for (const d of summary.downtime) {
      lines.push(`| ${d.policy} | ${d.instances} | ${d.appRuns} | ${d.downAppRuns} (${(d.shareDown * 100).toFixed(1)}%) | ${secondsOrDash(d.p50S)} | ${secondsOrDash(d.p99S)} | ${secondsOrDash(d.maxS)} |`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** A figure in seconds, or a dash where there is none. */
function secondsOrDash(seconds: number | null): string {
  return seconds === null ? '—' : `${seconds}s`;
}
