/**
 * The eviction rate judged on hand-made logs of the example cluster: a zone outage whose two
 * nodes are evicted a second apart breaks it, with the events that show it; the same log
 * spaced by the rate (less the log's one second) keeps it; an eviction while every zone is
 * dark breaks it; a replaced pod whose node no event names is said, not judged.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../cli/cliProcess.ts';
import { readCluster } from '../kubernetes/clusterModel.ts';
import { EVICTION_RATE_PROPERTY_ID } from '../kubernetes/evictionRateLimited.ts';
import { parseEventLog } from './eventLog.ts';
import { eventsToTrace } from './eventsToTrace.ts';
import { judgeTrace } from './judgeLog.ts';
import { evidenceOf, verdictOf } from './observationSummary.ts';

const cluster = readCluster(join(PROJECT_ROOT, 'examples', 'cluster'));
const FIXTURE = join('observe', 'fixtures', 'fast-zone-eviction-events.json');
const text = readFileSync(join(PROJECT_ROOT, FIXTURE), 'utf8');

function judged(logText: string) {
  const log = parseEventLog(FIXTURE, logText);
  const window = { sinceMs: log.events[0]!.timeMs, untilMs: log.events[log.events.length - 1]!.timeMs };
  const observed = eventsToTrace(cluster, log.events, window);
  const judgement = judgeTrace(cluster, observed.trace).find((j) => j.id === EVICTION_RATE_PROPERTY_ID)!;
  return { judgement, observed, evidence: judgement.violation ? evidenceOf({ cluster, events: log.events, trace: observed.trace, sources: observed.sources, window }, judgement.violation) : [] };
}

/** The storefront's replacement scheduled at another time (it is at 09:05:52 in the fixture, 1 s after the webhook's). */
// (The new pods' image pulls move to 09:06:05, after either time, so each new pod is first named by its Scheduled.)
const storefrontScheduledAt = (time: string) => text.replace(/"2026-04-02T09:05:52Z"/g, `"${time}"`).replace(/"2026-04-02T09:05:54Z"/g, '"2026-04-02T09:06:05Z"');

describe('eviction-rate-limited on a log', () => {
  it('breaks on the fixture: both nodes of europe-west1-c evicted a second apart, at 0.1 nodes/s', () => {
    const { judgement, observed, evidence } = judged(text);
    expect(observed.ignored).toEqual([]);
    expect(observed.trace.initialPlacement).toMatchObject({ 'shop/payment-webhook/pod/0': 'pool-1-c0', 'shop/storefront/pod/0': 'pool-1-c1', 'shop/orders-db/pod/1': 'pool-1-c0' });
    expect(judgement.violation).toEqual({
      atS: 352,
      expected: "in europe-west1-c, at most one node evicted per 10s (0.1 nodes/s, the zone's fastest rate since pool-1-c0 was evicted at 351s; 1s allowed for the log's timestamps)",
      seen: 'pool-1-c1 evicted 1s after pool-1-c0 (shop/storefront/pod/0 moved at 352s, shop/payment-webhook/pod/0 at 351s)',
    });
    // The events that show it: both nodes going NotReady, and both replacements scheduled.
    const shown = evidence.map((e) => `${e.reason} ${e.object}`);
    expect(shown).toEqual(expect.arrayContaining(['NodeNotReady Node/pool-1-c0', 'NodeNotReady Node/pool-1-c1', 'Scheduled Pod/shop/payment-webhook-5c8d7f9b6-q2x7z', 'Scheduled Pod/shop/storefront-6f9c7d8b54-pz5rt']));
    expect(evidence.every((e) => e.at.startsWith(`${FIXTURE}:`))).toBe(true);
  });

  it('holds when the second node goes 9 s after the first (10 s less the log\'s second), and breaks at 8 s', () => {
    const spaced = judged(storefrontScheduledAt('2026-04-02T09:06:00Z')).judgement;
    expect(spaced.violation).toBeNull();
    expect(verdictOf(spaced)).toBe('holds');
    expect(spaced.situations.map((s) => s.seen)).toEqual([true, true]);
    expect(judged(storefrontScheduledAt('2026-04-02T09:05:59Z')).judgement.violation?.seen).toBe('pool-1-c1 evicted 8s after pool-1-c0 (shop/storefront/pod/0 moved at 359s, shop/payment-webhook/pod/0 at 351s)');
  });

  it('breaks when a node is evicted while every zone is dark', () => {
    const others = ['pool-1-b0', 'pool-1-b1', 'pool-1-d0', 'pool-1-d1'].map((node, i) => ({
      apiVersion: 'v1',
      kind: 'Event',
      reason: 'NodeNotReady',
      involvedObject: { kind: 'Node', name: node },
      message: `Node ${node} status is now: NodeNotReady`,
      firstTimestamp: `2026-04-02T09:00:1${i}Z`,
    }));
    const list = JSON.parse(text) as { items: unknown[] };
    const { judgement } = judged(JSON.stringify({ ...list, items: [...list.items, ...others] }));
    expect(judgement.violation).toEqual({
      atS: 351,
      expected: 'no node evicted while every zone is dark (the controller is likelier cut off)',
      seen: 'pool-1-c0 evicted (shop/payment-webhook/pod/0 moved) while every zone was dark',
    });
  });

  it('says which replaced pod it could not place on a node, and judges no eviction of it', () => {
    // Both nodes NotReady in one second: the NodeNotReady of the storefront's pod names neither, and no other event does.
    const ambiguous = text.replace(/"2026-04-02T09:00:04Z"/g, '"2026-04-02T09:00:00Z"').replace(/,\s*"host": "pool-1-c1"/g, '');
    const { judgement, observed } = judged(ambiguous);
    expect(observed.ignored).toEqual([expect.stringMatching(/fast-zone-eviction-events\.json:\d+: Pod shop\/storefront-6f9c7d8b54-pz5rt replaces a lost pod, but no event says which node that one ran on: not judged as an eviction$/)]);
    expect(judgement.violation).toBeNull();
  });
});
