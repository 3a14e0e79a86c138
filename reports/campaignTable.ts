/**
 * The table `fabric-verify check` prints: property, expectation, verdict, runs, time,
 * counterexample size; then the stored counterexamples it replayed first.
 */
import type { CampaignSummary, RegressionSummary } from './summary.ts';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "replayed N stored counterexamples: M still fail". */
export function replaySentence(regressions: Pick<RegressionSummary, 'replayed' | 'stillFailing'>): string {
  return `replayed ${plural(regressions.replayed, 'stored counterexample', 'stored counterexamples')}: ${regressions.stillFailing} still ${regressions.stillFailing === 1 ? 'fails' : 'fail'}`;
}

/** The regression database's lines: what was replayed, what still fails, what was skipped and why, what was stored. */
export function regressionLines(regressions: RegressionSummary): string[] {
  const label = (property: string, variant: string | null) => (variant ? `${property} (${variant})` : property);
  return [
    `Regressions (${regressions.folder}): ${replaySentence(regressions)}; ${plural(regressions.stored.length, 'counterexample', 'counterexamples')} of this campaign stored.`,
    ...regressions.entries.filter((e) => e.stillFails).map((e) => `  still fails: ${label(e.property, e.variant)}  ${e.file}`),
    ...regressions.skipped.map((s) => `  skipped ${s.file}: ${s.reason}`),
  ];
}

export function campaignTable(summary: CampaignSummary): string {
  const rows = summary.properties.map((p) => [
    p.variant ? `${p.id} (${p.variant})` : p.id,
    p.expected,
    `${p.matches ? '✓' : '✗'} ${p.verdict}`,
    String(p.runs),
    `${(p.durationMs / 1000).toFixed(1)}s`,
    p.counterexample ? `${p.counterexample.faults} faults, ${p.counterexample.failedServers} servers${p.counterexample.minimal === false ? ' (not minimal)' : ''}` : '',
  ]);
  const header = ['property', 'expected', 'verdict', 'runs', 'time', 'counterexample'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: readonly string[]) => cells.map((c, i) => (i === 3 || i === 4 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd();
  const mismatches = summary.properties.filter((p) => !p.matches).length;
  return [
    line(header),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map(line),
    '',
    `${summary.properties.length} checks, ${mismatches === 0 ? 'every verdict matches its expectation' : `${mismatches} differ from their expectation`}${summary.complete ? '' : ' (interrupted: incomplete)'}.`,
    ...determinismLine(summary),
    `Model coverage: ${summary.coverage.machines.map((m) => `${m.id} ${m.transitions.covered}/${m.transitions.total}`).join(', ')} transitions.`,
    ...(summary.regressions ? regressionLines(summary.regressions) : []),
  ].join('\n');
}

/** FoundationDB's check, told: how many runs were simulated twice and found identical. */
function determinismLine(summary: CampaignSummary): string[] {
  // A summary written before the re-checks existed (merged from an older shard) has none to count.
  const rechecks = summary.properties.reduce((sum, p) => sum + (p.determinismRechecks ?? 0), 0);
  return rechecks === 0 ? [] : [`Determinism: ${rechecks} runs simulated twice, each story identical.`];
}
