/**
 * A node pool upgrade, end to end from manifests: each node's drain evicts its pods and the
 * scheduler places them elsewhere. Two full nodes (one pod each) leave an evicted pod no
 * room, so it waits, Pending, for its own node to come back on the new image; a surge node
 * (`maxSurge: 1`) is brought up first and takes it at once, so the pod is down only for its
 * start.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { simulate } from '../model/simulator/simulate.ts';
import type { Trace } from '../model/simulator/trace.ts';
import { readCluster } from './clusterModel.ts';
import { clusterText } from './clusterSummary.ts';
import { clusterDir, deployment, node, removeClusterDirs } from './clusterFixture.ts';

afterAll(removeClusterDirs);

const nodes = [node('n1', 'a'), node('n2', 'b')].join('---\n');
const pool = (spec: string) => `apiVersion: fabric-verify.io/v1\nkind: NodePoolUpgrade\nmetadata: { name: pool }\nspec: { ${spec}, nodeUpgradeSeconds: 300 }\n`;
// A pod of 4 CPUs fills a node of 4.
const files = (spec: string) => ({ 'nodes.yaml': nodes, 'web.yaml': deployment('web', 2, '4'), 'pool.yaml': pool(spec) });

type EventEntry = Extract<Trace['entries'][number], { kind: 'event' }>;
const eventsOf = (trace: Trace, type: string) => trace.entries.filter((e): e is EventEntry => e.kind === 'event' && e.event.type === type);

/** The first pod the upgrade evicts: where it goes, and how long it is down. */
function firstEviction(spec: string) {
  const cluster = readCluster(clusterDir(files(spec)));
  const trace = simulate(cluster.scenario);
  const firstStop = eventsOf(trace, 'instance.stopped')[0]!;
  const stopped = firstStop.event as { instanceId: string; serverId: string };
  const stoppedAt = firstStop.t;
  const move = eventsOf(trace, 'controller.move').find((e) => e.to === `instance:${stopped.instanceId}`)!;
  const runningAgain = eventsOf(trace, 'instance.running').find((e) => e.t > stoppedAt && (e.event as { instanceId: string }).instanceId === stopped.instanceId)!;
  return { cluster, trace, from: stopped.serverId, to: (move.event as { serverId: string }).serverId, downS: runningAgain.t - stoppedAt };
}

describe('a node pool upgrade reschedules what its drains evict', () => {
  it('adds maxSurge surge nodes in an update domain before every node, and batches maxSurge + maxUnavailable nodes', () => {
    const cluster = readCluster(clusterDir(files('maxSurge: 1, maxUnavailable: 1')));
    expect(cluster.scenario.policy.upgradeDrain).toBe('reschedule');
    expect(cluster.nodes.map((n) => [n.id, n.zone, n.updateDomain, n.capacity, n.surge ?? false])).toEqual([
      ['n1', 'a', 1, 1, false],
      ['n2', 'b', 1, 1, false],
      ['a-surge-0', 'a', 0, 1, true],
    ]);
    expect(clusterText(cluster)).toContain('2 nodes (+1 surge for the upgrade) in 2 zones (a, b), 1 upgrade batches');
    // The story begins on the cluster's own nodes: nothing runs on the surge node.
    expect(Object.values(simulate(cluster.scenario).initialPlacement).sort()).toEqual(['n1', 'n2']);
  });

  it('without surge, an evicted pod finds no room and waits for its own node to come back', () => {
    const { trace, from, to, downS, cluster } = firstEviction('maxUnavailable: 1');
    expect(to).toBe(from);
    const back = eventsOf(trace, 'server.upgraded').find((e) => (e.event as { serverId: string }).serverId === from)!;
    const placed = eventsOf(trace, 'controller.move').find((e) => e.to === `server:${from}`)!;
    expect(placed.t).toBe(back.t);
    const t = cluster.scenario.timings;
    expect(downS).toBe(t.drainS + t.deploymentCallS + t.rebootS + t.instanceStartS);
  });

  it('with a surge node, the evicted pod moves there at once and is down only for its start', () => {
    const { from, to, downS, cluster } = firstEviction('maxSurge: 1, maxUnavailable: 0');
    expect(from).toBe('n1');
    expect(to).toBe('a-surge-0');
    expect(downS).toBe(cluster.scenario.timings.instanceStartS);
  });

  it('refuses an upgrade that could take no node (maxSurge 0 and maxUnavailable 0), naming the field', () => {
    expect(() => readCluster(clusterDir(files('maxUnavailable: 0')))).toThrow(/pool\.yaml:\d+: NodePoolUpgrade\/pool spec\.maxUnavailable: expected at least 1 when maxSurge is 0 \(else the upgrade could take no node\), found 0/);
  });
});
