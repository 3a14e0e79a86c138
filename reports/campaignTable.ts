/**
 * The table `fabric-verify check` prints: property, expectation, verdict, runs, time,
 * counterexample size; then the stored counterexamples it replayed first.
 */
import { agree, count } from './plural.ts';
import type { CampaignSummary, PropertySummary, RegressionSummary } from './summary.ts';
import { PLAIN, type Colors } from './terminalColors.ts';
import { textTable } from './textTable.ts';

/** "replayed N stored counterexamples: M still fail". */
export function replaySentence(regressions: Pick<RegressionSummary, 'replayed' | 'stillFailing'>): string {
  return `replayed ${count(regressions.replayed, 'stored counterexample')}: ${regressions.stillFailing} still ${agree(regressions.stillFailing, 'fails', 'fail')}`;
}

/** The regression database's lines: what was replayed, what still fails, what was skipped and why, what was stored. */
export function regressionLines(regressions: RegressionSummary): string[] {
  const label = (property: string, variant: string | null) => (variant ? `${property} (${variant})` : property);
  return [
    `Regressions (${regressions.folder}): ${replaySentence(regressions)}; ${count(regressions.stored.length, 'counterexample')} of this campaign stored.`,
    ...regressions.entries.filter((e) => e.stillFails).map((e) => `  still fails: ${label(e.property, e.variant)}  ${e.file}`),
    ...regressions.skipped.map((s) => `  skipped ${s.file}: ${s.reason}`),
  ];
}

/**
 * The verdict against its expectation, in the report's colours: a property that fails as
 * expected is the suite working (blue), not a red line; one that holds as expected is green.
 */
function verdictCell(p: PropertySummary, colors: Colors): string {
  if (!p.matches) return colors.red(colors.bold(`✗ ${p.verdict}`));
  return p.expected === 'fails' ? colors.blue(`✓ ${p.verdict}`) : colors.green(`✓ ${p.verdict}`);
}

function counterexampleCell(p: PropertySummary, colors: Colors): string {
  const c = p.counterexample;
  if (!c) return '';
  const size = `${count(c.faults, 'fault')}, ${count(c.failedServers, 'failed server')}`;
  return c.minimal === false ? `${size} ${colors.yellow('(not minimal)')}` : size;
}

export function campaignTable(summary: CampaignSummary, colors: Colors = PLAIN): string {
  const rows = summary.properties.map((p) => [
    p.variant ? `${p.id} (${p.variant})` : p.id,
    p.expected,
    verdictCell(p, colors),
    String(p.runs),
    `${(p.durationMs / 1000).toFixed(1)}s`,
    counterexampleCell(p, colors),
  ]);
  const header = ['property', 'expected', 'verdict', 'runs', 'time', 'counterexample'].map((h) => colors.bold(h));
  const mismatches = summary.properties.filter((p) => !p.matches).length;
  const outcome = mismatches === 0 ? colors.green('every verdict matches its expectation') : colors.red(`${count(mismatches, 'verdict')} ${agree(mismatches, 'differs from its expectation', 'differ from their expectations')}`);
  return [
    textTable(header, rows, { rightAligned: [3, 4] }),
    '',
    `${count(summary.properties.length, 'check')}, ${outcome}${summary.complete ? '' : colors.yellow(' (interrupted: incomplete)')}.`,
    ...determinismLine(summary),
    `Model coverage: ${summary.coverage.machines.map((m) => `${m.id} ${m.transitions.covered}/${m.transitions.total}`).join(', ')} transitions.`,
    ...(summary.regressions ? regressionLines(summary.regressions) : []),
  ].join('\n');
}

/** FoundationDB's check, told: how many runs were simulated twice and found identical. */
function determinismLine(summary: CampaignSummary): string[] {
  // A summary written before the re-checks existed (merged from an older shard) has none to count.
  const rechecks = summary.properties.reduce((sum, p) => sum + (p.determinismRechecks ?? 0), 0);
  return rechecks === 0 ? [] : [`Determinism: ${count(rechecks, 'run')} simulated twice, each story identical.`];
}
