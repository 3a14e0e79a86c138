/**
 * The table `fabric-verify check` prints: property, expectation, verdict, runs, time,
 * counterexample size.
 */
import type { CampaignSummary } from './summary.ts';

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
    `Model coverage: ${summary.coverage.machines.map((m) => `${m.id} ${m.transitions.covered}/${m.transitions.total}`).join(', ')} transitions.`,
  ].join('\n');
}
