/**
 * Reading event logs: every form kubectl writes them in, both Event APIs, and each bad log
 * named by file and line.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../model/inputError.ts';
import { readEventLog } from './eventLog.ts';

const dir = mkdtempSync(join(tmpdir(), 'fabric-verify-events-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
function logFile(text: string): string {
  const file = join(dir, `log${n++}.json`);
  writeFileSync(file, text);
  return file;
}

const core = (reason: string, name: string, time: string | null, extra: Record<string, unknown> = {}) => ({
  apiVersion: 'v1',
  kind: 'Event',
  metadata: { name: `${name}.1`, namespace: 'shop' },
  involvedObject: { kind: 'Pod', name, namespace: 'shop', uid: `uid-${name}` },
  reason,
  message: 'm',
  type: 'Normal',
  firstTimestamp: time,
  lastTimestamp: time,
  count: 1,
  ...extra,
});

describe('readEventLog', () => {
  it('reads a List (kubectl get events -o json), one event per line, pretty events one after another, and watch events alike', () => {
    const events = [core('Killing', 'a', '2026-03-13T09:00:00Z'), core('Started', 'b', '2026-03-13T09:00:05Z')];
    const forms = [
      JSON.stringify({ apiVersion: 'v1', kind: 'List', items: events, metadata: { resourceVersion: '' } }, null, 4),
      events.map((e) => JSON.stringify(e)).join('\n'),
      events.map((e) => JSON.stringify(e, null, 2)).join('\n'),
      events.map((e) => JSON.stringify({ type: 'ADDED', object: e })).join('\n'),
    ];
    for (const form of forms) expect(readEventLog(logFile(form)).events.map((e) => [e.reason, e.name, e.timeMs])).toEqual([['Killing', 'a', Date.parse('2026-03-13T09:00:00Z')], ['Started', 'b', Date.parse('2026-03-13T09:00:05Z')]]);
  });

  it('reads the node that reported an event: source.host (core), deprecatedSource.host (events.k8s.io/v1), else none', () => {
    const kubelet = core('Started', 'a', '2026-03-13T09:00:00Z', { source: { component: 'kubelet', host: 'pool-1-b0' } });
    const modern = { apiVersion: 'events.k8s.io/v1', kind: 'Event', regarding: { kind: 'Pod', name: 'b', namespace: 'shop' }, reason: 'Killing', eventTime: '2026-03-13T09:00:01Z', deprecatedSource: { component: 'kubelet', host: 'pool-1-c0' } };
    const scheduler = core('Scheduled', 'c', '2026-03-13T09:00:02Z', { source: { component: 'default-scheduler' } });
    expect(readEventLog(logFile([kubelet, modern, scheduler].map((e) => JSON.stringify(e)).join('\n'))).events.map((e) => e.host)).toEqual(['pool-1-b0', 'pool-1-c0', null]);
  });

  it('names each item of a List by its own line', () => {
    const file = logFile(JSON.stringify({ kind: 'List', items: [core('Killing', 'a', '2026-03-13T09:00:00Z'), core('Started', 'b', '2026-03-13T09:00:05Z')] }, null, 2));
    const lines = readEventLog(file).events.map((e) => e.line);
    expect(lines[0]).toBe(4);
    expect(lines[1]).toBeGreaterThan(lines[0]!);
  });

  it('reads events.k8s.io/v1 Events (regarding, eventTime, series) and core Events timed only by eventTime (the scheduler\'s)', () => {
    const modern = { apiVersion: 'events.k8s.io/v1', kind: 'Event', metadata: { name: 'x' }, regarding: { kind: 'Node', name: 'n1' }, reason: 'NodeNotReady', note: 'down', eventTime: '2026-03-13T09:00:01.123456Z', series: { count: 4, lastObservedTime: '2026-03-13T09:01:00Z' } };
    const scheduled = core('Scheduled', 'c', null, { eventTime: '2026-03-13T09:00:02.000001Z' });
    const [a, b] = readEventLog(logFile([modern, scheduled].map((e) => JSON.stringify(e)).join('\n'))).events;
    expect(a).toMatchObject({ kind: 'Node', name: 'n1', reason: 'NodeNotReady', message: 'down', count: 4, uid: '/n1' });
    expect(b).toMatchObject({ reason: 'Scheduled', timeMs: Date.parse('2026-03-13T09:00:02.000001Z') });
  });

  it('sorts events out of time order, keeps ties in file order, and says so', () => {
    const log = readEventLog(logFile([core('Started', 'late', '2026-03-13T09:00:09Z'), core('Killing', 'first', '2026-03-13T09:00:01Z'), core('Started', 'second', '2026-03-13T09:00:01Z')].map((e) => JSON.stringify(e)).join('\n')));
    expect(log.events.map((e) => e.name)).toEqual(['first', 'second', 'late']);
    expect(log.warnings).toEqual([expect.stringMatching(/log\d+\.json:2: events out of time order/)]);
  });

  it('skips objects that are not Events, and says how many', () => {
    const log = readEventLog(logFile([JSON.stringify({ kind: 'Pod', metadata: { name: 'p' } }), JSON.stringify(core('Started', 'b', '2026-03-13T09:00:05Z'))].join('\n')));
    expect(log.events).toHaveLength(1);
    expect(log.warnings[0]).toMatch(/1 object\(s\) that are not Events skipped/);
  });
});

describe('bad event logs', () => {
  const errorOf = (text: string) => {
    const file = logFile(text);
    try {
      readEventLog(file);
    } catch (error) {
      expect(error).toBeInstanceOf(InputError);
      return (error as Error).message.replace(file, 'LOG');
    }
    throw new Error('the log was read without complaint');
  };

  it('a truncated file', () => {
    const text = JSON.stringify({ kind: 'List', items: [core('Killing', 'a', '2026-03-13T09:00:00Z')] }, null, 2);
    expect(errorOf(text.slice(0, text.length / 2))).toBe('LOG:1: (log): expected a complete JSON value (the file ends inside it: truncated?), found 4 unclosed bracket(s) at the end of the file');
  });

  it('a malformed line, named by its line', () => {
    expect(errorOf(`${JSON.stringify(core('Killing', 'a', '2026-03-13T09:00:00Z'))}\n{"reason": "Started", oops}\n`)).toMatch(/^LOG:2: \(log\): expected valid JSON, found /);
  });

  it('a malformed timestamp, and none at all', () => {
    expect(errorOf(JSON.stringify(core('Killing', 'a', '13/03/2026 09:00')))).toBe('LOG:1: Event/a.1 firstTimestamp: expected an RFC 3339 time such as 2026-01-01T09:30:00Z, found "13/03/2026 09:00"');
    expect(errorOf(JSON.stringify(core('Killing', 'a', null)))).toBe('LOG:1: Event/a.1 firstTimestamp: expected a time (firstTimestamp, eventTime or lastTimestamp), found none');
  });

  it('an Event without its reason or object', () => {
    const { reason: _reason, ...noReason } = core('Killing', 'a', '2026-03-13T09:00:00Z');
    expect(errorOf(JSON.stringify(noReason))).toBe('LOG:1: Event/a.1 reason: expected a value (the field is required), found undefined');
    const { involvedObject: _object, ...noObject } = core('Killing', 'a', '2026-03-13T09:00:00Z');
    expect(errorOf(JSON.stringify(noObject))).toMatch(/^LOG:1: Event\/a\.1 involvedObject: expected /);
  });

  it('text that is not JSON, and an empty file', () => {
    expect(errorOf('LAST SEEN   TYPE     REASON\n5m   Normal   Killing\n')).toMatch(/^LOG:1: \(log\): expected a JSON object \(an Event, a List of Events, or one Event after another\), found /);
    expect(errorOf('\n\n')).toBe('LOG:1: (log): expected at least one event, found an empty file');
  });
});
