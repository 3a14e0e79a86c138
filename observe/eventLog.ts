/**
 * A Kubernetes event log → observed events in time order. Reads core `v1` Events
 * (`involvedObject`, `firstTimestamp` / `lastTimestamp` / `eventTime`, `count`) and
 * `events.k8s.io/v1` Events (`regarding`, `eventTime`, `series`), as a List, one after another,
 * or wrapped as watch events (`{type, object}`); validated with valibot. An event's time is
 * when it first happened (a repeated event's later occurrences are counted, not replayed).
 */
import * as v from 'valibot';
import { readInputText } from '../model/inputFile.ts';
import { manifestError } from '../kubernetes/manifestError.ts';
import { issueOf } from '../kubernetes/schemaIssue.ts';
import { jsonValues } from './jsonValues.ts';

export interface ObservedEvent {
  /** Where it is in the log: `file:line`. */
  readonly at: string;
  readonly line: number;
  /** Milliseconds since the Unix epoch. */
  readonly timeMs: number;
  readonly reason: string;
  readonly type: string;
  readonly kind: string;
  readonly namespace: string;
  readonly name: string;
  /** The object's uid when the event names it; else `namespace/name`, so a pod recreated under its old name is still told apart when uids are given. */
  readonly uid: string;
  readonly message: string;
  readonly count: number;
  /** The node that reported it (`source.host`; the kubelet's events name their node), or null. */
  readonly host: string | null;
}

const text = v.pipe(v.string(), v.maxLength(100_000));
const timestamp = v.optional(v.nullable(v.string()));
const objectRef = v.looseObject({ kind: v.pipe(v.string(), v.minLength(1)), name: v.pipe(v.string(), v.minLength(1)), namespace: v.optional(v.string()), uid: v.optional(v.string()) });

const coreEvent = v.looseObject({
  reason: v.pipe(v.string(), v.minLength(1)),
  involvedObject: objectRef,
  type: v.optional(v.string()),
  message: v.optional(text),
  firstTimestamp: timestamp,
  lastTimestamp: timestamp,
  eventTime: timestamp,
  count: v.optional(v.nullable(v.pipe(v.number(), v.integer(), v.minValue(0)))),
  source: v.optional(v.nullable(v.looseObject({ host: v.optional(v.nullable(v.string())) }))),
});

const eventsV1 = v.looseObject({
  reason: v.pipe(v.string(), v.minLength(1)),
  regarding: objectRef,
  type: v.optional(v.string()),
  note: v.optional(text),
  eventTime: timestamp,
  deprecatedFirstTimestamp: timestamp,
  series: v.optional(v.nullable(v.looseObject({ count: v.pipe(v.number(), v.integer(), v.minValue(0)) }))),
  deprecatedSource: v.optional(v.nullable(v.looseObject({ host: v.optional(v.nullable(v.string())) }))),
});

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

export function parseTimestampMs(value: string): number | null {
  if (!RFC3339.test(value)) return null;
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? ms : null;
}

export interface EventLog {
  readonly events: readonly ObservedEvent[];
  /** Said on stderr and in the report: events sorted into time order, events of other kinds skipped. */
  readonly warnings: readonly string[];
}

export function readEventLog(file: string): EventLog {
  return parseEventLog(file, readInputText(file, 'a readable event log (kubectl get events -o json)'));
}

/** The log's text, read as `readEventLog` reads its file (`file` names it in messages). */
export function parseEventLog(file: string, raw: string): EventLog {
  const events: ObservedEvent[] = [];
  const warnings: string[] = [];
  let skipped = 0;
  for (const { value, line, itemLines } of jsonValues(file, raw)) {
    const object = value as { kind?: unknown; items?: unknown; type?: unknown; object?: unknown };
    if (typeof object === 'object' && object !== null && Array.isArray(object.items)) {
      object.items.forEach((item, i) => {
        const event = eventOf(file, itemLines[i] ?? line, item);
        if (event) events.push(event);
        else skipped++;
      });
    } else {
      // `--output-watch-events` wraps each event as {type: ADDED|MODIFIED|DELETED, object}.
      const inner = typeof object.type === 'string' && typeof object.object === 'object' && object.object !== null ? object.object : object;
      const event = eventOf(file, line, inner);
      if (event) events.push(event);
      else skipped++;
    }
  }
  if (skipped > 0) warnings.push(`${file}: ${skipped} object(s) that are not Events skipped`);
  const outOfOrder = events.findIndex((e, i) => i > 0 && e.timeMs < events[i - 1]!.timeMs);
  if (outOfOrder > 0) warnings.push(`${events[outOfOrder]!.at}: events out of time order (a watch prints them as they arrive); sorted by time, ties kept in file order`);
  // Array.prototype.sort is stable: events of the same second keep the log's order.
  return { events: [...events].sort((a, b) => a.timeMs - b.timeMs), warnings };
}

function eventOf(file: string, line: number, value: unknown): ObservedEvent | null {
  const object = value as { kind?: unknown; apiVersion?: unknown; regarding?: unknown } | null;
  if (typeof object !== 'object' || object === null) throw manifestError(file, line, '(log)', 'an Event object', JSON.stringify(value));
  if (object.kind !== undefined && object.kind !== 'Event') return null;
  const modern = typeof object.apiVersion === 'string' ? object.apiVersion.startsWith('events.k8s.io/') : object.regarding !== undefined;
  const result = modern ? v.safeParse(eventsV1, object) : v.safeParse(coreEvent, object);
  const name = eventName(object);
  if (!result.success) {
    const issue = issueOf(result.issues[0]!);
    throw manifestError(file, line, `${name} ${issue!.path}`, issue!.expected, issue!.received);
  }
  const at = `${file}:${line}`;
  const stamp = (field: string, value: string | null | undefined): number | null => {
    if (value === undefined || value === null || value === '') return null;
    const ms = parseTimestampMs(value);
    if (ms === null) throw manifestError(file, line, `${name} ${field}`, 'an RFC 3339 time such as 2026-01-01T09:30:00Z', JSON.stringify(value));
    return ms;
  };
  if (modern) {
    const e = result.output as v.InferOutput<typeof eventsV1>;
    const timeMs = stamp('eventTime', e.eventTime) ?? stamp('deprecatedFirstTimestamp', e.deprecatedFirstTimestamp);
    if (timeMs === null) throw manifestError(file, line, `${name} eventTime`, 'a time (eventTime or deprecatedFirstTimestamp)', 'none');
    return { at, line, timeMs, reason: e.reason, type: e.type ?? 'Normal', kind: e.regarding.kind, namespace: e.regarding.namespace ?? '', name: e.regarding.name, uid: e.regarding.uid || `${e.regarding.namespace ?? ''}/${e.regarding.name}`, message: e.note ?? '', count: e.series?.count ?? 1, host: e.deprecatedSource?.host || null };
  }
  const e = result.output as v.InferOutput<typeof coreEvent>;
  const timeMs = stamp('firstTimestamp', e.firstTimestamp) ?? stamp('eventTime', e.eventTime) ?? stamp('lastTimestamp', e.lastTimestamp);
  if (timeMs === null) throw manifestError(file, line, `${name} firstTimestamp`, 'a time (firstTimestamp, eventTime or lastTimestamp)', 'none');
  const o = e.involvedObject;
  return { at, line, timeMs, reason: e.reason, type: e.type ?? 'Normal', kind: o.kind, namespace: o.namespace ?? '', name: o.name, uid: o.uid || `${o.namespace ?? ''}/${o.name}`, message: e.message ?? '', count: e.count ?? 1, host: e.source?.host || null };
}

function eventName(object: unknown): string {
  const name = (object as { metadata?: { name?: unknown } }).metadata?.name;
  return `Event/${typeof name === 'string' ? name : '(no name)'}`;
}
