/**
 * What `observe` prints: each judged property's verdict and what the log showed, the events
 * behind each violation, and the properties a log cannot judge, with why.
 */
import { clockTime } from '../reports/clock.ts';
import type { ObservationSummary } from './observationSummary.ts';

/** The log's own clock: its start plus the violation's offset. */
export function wallTime(since: string, atS: number): string {
  return new Date(Date.parse(since) + atS * 1000).toISOString().replace('.000Z', 'Z');
}

export function observationText(summary: ObservationSummary, out: string): string {
  const o = summary.observation;
  const width = Math.max(...summary.properties.map((p) => p.id.length));
  const rows = summary.properties.map((p) => {
    const mark = p.verdict === 'fails' ? '✗' : p.verdict === 'holds' ? '✓' : '·';
    const detail = p.counterexample
      ? `at ${clockTime(p.counterexample.violation.atS)} (${wallTime(o.since, p.counterexample.violation.atS)}): expected ${p.counterexample.violation.expected}; saw ${p.counterexample.violation.seen}`
      : p.verdict === 'vacuous'
        ? `the log never showed ${p.mustSee.map((m) => m.description).join(', or ')}`
        : '';
    return `${p.id.padEnd(width)}  ${mark} ${p.verdict.padEnd(7)}  ${detail}`;
  });
  const evidence = summary.properties.flatMap((p) => (p.evidence.length > 0 ? ['', `${p.id}: the events that show it`, ...p.evidence.map((e) => `  ${e.at}  ${e.time}  ${e.reason}  ${e.object}  ${e.message}`)] : []));
  const failing = summary.properties.filter((p) => p.verdict === 'fails').length;
  return [
    `${o.events} events of ${o.log}, ${o.since} to ${o.until}, against cluster ${summary.cluster.name}: ${summary.properties.length} properties judged, ${failing} broken.`,
    '',
    ...rows,
    ...evidence,
    '',
    `Not judgeable from this log (${o.notJudgeable.length}):`,
    ...o.notJudgeable.map((n) => `  ${n.id}: ${n.reason}`),
    ...(o.ignored.length > 0 ? ['', `Events ignored (${o.ignored.length}):`, ...o.ignored.slice(0, 10).map((i) => `  ${i}`), ...(o.ignored.length > 10 ? [`  … and ${o.ignored.length - 10} more (summary.json lists them all)`] : [])] : []),
    '',
    `Reports written to ${out}/ (index.html, summary.json, summary.md, violations/).`,
  ].join('\n');
}
