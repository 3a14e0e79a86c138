/**
 * `fabric-verify observe LOG --cluster DIR`: judge a real Kubernetes event log with the
 * property catalog, and write the same report folder a campaign writes (summary.json,
 * summary.md, index.html, one file per violation with the events that show it).
 */
import { InputError } from '../model/inputError.ts';
import { readCluster } from '../kubernetes/clusterModel.ts';
import { clusterNotices } from '../kubernetes/clusterSummary.ts';
import { readEventLog, parseTimestampMs } from '../observe/eventLog.ts';
import { eventsToTrace } from '../observe/eventsToTrace.ts';
import { judgeTrace, notJudgeable, observedScenario } from '../observe/judgeLog.ts';
import { observationHtml } from '../observe/observationHtml.ts';
import { VIOLATION_FOLDER, type ObservationSummary, observationSummary } from '../observe/observationSummary.ts';
import { observationText } from '../observe/observationText.ts';
import { replaceReportFolder } from '../reports/reportFolder.ts';
import { summaryMarkdown } from '../reports/summaryMarkdown.ts';
import { EXIT_OK, EXIT_VERDICT_MISMATCH } from './exitCodes.ts';

export interface ObserveOptions {
  readonly cluster: string;
  /** When the log's second 0 is (RFC 3339); default: its earliest event. */
  readonly since?: string;
  /** When the log ends (RFC 3339); default: its latest event. */
  readonly until?: string;
  readonly out: string;
  readonly json?: boolean;
}

export interface ObserveOutcome {
  readonly summary: ObservationSummary;
  readonly output: string;
  readonly exitCode: number;
}

function instant(flag: string, value: string | undefined): number | null {
  if (value === undefined) return null;
  const ms = parseTimestampMs(value);
  if (ms === null) throw new InputError(flag, [{ path: flag, expected: 'an RFC 3339 time such as 2026-01-01T09:30:00Z', received: JSON.stringify(value) }]);
  return ms;
}

export function observeCommand(log: string, options: ObserveOptions): ObserveOutcome {
  const startedMs = performance.now();
  const sinceFlag = instant('--since', options.since);
  const untilFlag = instant('--until', options.until);
  // Everything is read and checked before anything is written: bad input leaves the report folder as it was.
  const cluster = readCluster(options.cluster);
  const { events, warnings } = readEventLog(log);
  if (events.length === 0) throw new InputError(log, [{ path: '(log)', expected: 'at least one Event', received: 'none' }]);
  const window = { sinceMs: sinceFlag ?? events[0]!.timeMs, untilMs: untilFlag ?? events[events.length - 1]!.timeMs };
  if (window.untilMs < window.sinceMs) throw new InputError('--until', [{ path: '--until', expected: `a time after --since (${new Date(window.sinceMs).toISOString()})`, received: options.until ?? '' }]);
  for (const line of [...clusterNotices(cluster), ...warnings.map((w) => `fabric-verify: warning: ${w}`)]) process.stderr.write(`${line}\n`);
  const { trace, sources, ignored } = eventsToTrace(cluster, events, window);
  const judgements = judgeTrace(cluster, trace);
  const summary = observationSummary({ log, cluster, events, trace, sources, judgements, notJudgeable: notJudgeable(), window, ignored, warnings, durationMs: Math.round(performance.now() - startedMs) });
  const files = new Map<string, string>();
  for (const p of summary.properties) {
    if (p.counterexample) files.set(`${VIOLATION_FOLDER}/${p.id}.json`, `${JSON.stringify({ property: p.id, log, violation: p.counterexample.violation, evidence: p.evidence }, null, 2)}\n`);
  }
  files.set('summary.json', `${JSON.stringify(summary, null, 2)}\n`);
  files.set('summary.md', summaryMarkdown(summary));
  files.set('index.html', observationHtml(summary, observedScenario(cluster, trace), trace));
  replaceReportFolder(options.out, files);
  const exitCode = summary.properties.every((p) => p.matches) ? EXIT_OK : EXIT_VERDICT_MISMATCH;
  if (options.json) return { summary, output: JSON.stringify(summary, null, 2), exitCode };
  return { summary, exitCode, output: observationText(summary, options.out) };
}
