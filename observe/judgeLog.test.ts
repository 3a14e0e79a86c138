/**
 * Judging logs: no catalog property is passed silently (each is judged or listed with its
 * reason), and the sample log shows what the README says — real violations, each pointing at
 * the events that show it, and clean properties.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../cli/cliProcess.ts';
import { readCluster } from '../kubernetes/clusterModel.ts';
import { catalog } from '../properties/catalog/index.ts';
import { readEventLog } from './eventLog.ts';
import { eventsToTrace } from './eventsToTrace.ts';
import { JUDGEABLE, judgeTrace, notJudgeable, observedScenario } from './judgeLog.ts';
import { evictionHistory } from '../kubernetes/evictionRateLimited.ts';
import { evidenceOf, verdictOf } from './observationSummary.ts';

describe('which properties a log can judge', () => {
  it('every catalog property is judged or listed with a reason of its own', () => {
    const listed = notJudgeable();
    for (const property of catalog) {
      const judged = (JUDGEABLE as readonly string[]).includes(property.id);
      const reason = listed.find((n) => n.id === property.id)?.reason;
      expect(judged !== (reason !== undefined), property.id).toBe(true);
      if (reason) expect(reason, property.id).not.toBe('not judged from logs');
    }
  });
});

describe('the sample log of the example cluster', () => {
  const cluster = readCluster(join(PROJECT_ROOT, 'examples', 'cluster'));
  const log = readEventLog(join(PROJECT_ROOT, 'examples', 'cluster-events.json'));
  const window = { sinceMs: log.events[0]!.timeMs, untilMs: log.events[log.events.length - 1]!.timeMs };
  const observed = eventsToTrace(cluster, log.events, window);
  const judgements = new Map(judgeTrace(cluster, observed.trace).map((j) => [j.id, j]));

  it('reads every event of it: no object unknown to the manifests', () => {
    expect(observed.ignored).toEqual([]);
    expect(log.warnings).toEqual([]);
  });

  it('breaks three properties: the single-replica webhook goes down, the StatefulSet pod waits for its node, the drain overrides storefront\'s budget', () => {
    expect(judgements.get('single-instance-never-down')!.violation).toEqual({ atS: 0, expected: 'single-instance app shop/payment-webhook never down', seen: 'shop/payment-webhook down (every instance of a role stopped)' });
    // Lost at 09:03:40, running again at 09:20:32 (1012 s), against 50 + 300 + 90 = 440 s.
    expect(judgements.get('parallel-recovery-bounded')!.violation).toEqual({ atS: 440, expected: 'every lost instance runs again within 440s (detection 350s + start 90s)', seen: 'shop/orders-db/pod/1 ran again after 1012s' });
    expect(judgements.get('pdb-respected')!.violation?.seen).toBe('a drain stopped shop/storefront/pod/0, leaving 1 serving');
  });

  it('holds the others that its events are about, and says which it saw nothing of', () => {
    for (const id of ['multi-instance-never-fully-down', 'upgrade-keeps-multi-instance-up', 'recovery-eventually-completes', 'eviction-rate-limited']) expect(verdictOf(judgements.get(id)!), id).toBe('holds');
    // Zone europe-west1-c's two nodes evicted at the end, 10 s apart (its replacements scheduled at 13:45:01 and 13:45:11): the rate, kept.
    expect(judgements.get('eviction-rate-limited')!.situations.map((s) => [s.id, s.seen])).toEqual([['eviction', true], ['zone-evicted-twice', true]]);
    const evictions = evictionHistory(observedScenario(cluster, observed.trace), observed.trace, cluster.settings).evictions;
    expect(evictions.map((e) => [e.serverId, new Date(window.sinceMs + e.atS * 1000).toISOString().slice(11, 19)])).toEqual([
      ['pool-1-c0', '09:08:41'],
      ['pool-1-c0', '13:45:01'],
      ['pool-1-c1', '13:45:11'],
    ]);
    expect(verdictOf(judgements.get('all-suspect-stops-healing')!)).toBe('vacuous');
  });

  it('points each violation at the events that show it', () => {
    const evidence = evidenceOf({ cluster, events: log.events, trace: observed.trace, sources: observed.sources, window }, judgements.get('parallel-recovery-bounded')!.violation!);
    expect(evidence.map((e) => [e.reason, e.object])).toEqual([
      ['NodeNotReady', 'Pod/shop/orders-db-1'],
      ['TaintManagerEviction', 'Pod/shop/orders-db-1'],
    ]);
    expect(evidence[0]!.at).toMatch(/cluster-events\.json:\d+$/);
  });
});
