/**
 * A DoNotSchedule zone spread (or required anti-affinity over zones) through a zone outage,
 * end to end from manifests: the pod the dark zone loses waits, Pending, until a node of that
 * zone is back (placing it in another zone would break maxSkew 1, or put two pods in one
 * zone), where a ScheduleAnyway spread is re-placed in another zone at once;
 * the placement oracle judges both runs clean, and judges a hard spread broken when the
 * scenario's role is given one the run did not keep.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { Scenario } from '../model/scenario.ts';
import { simulate } from '../model/simulator/simulate.ts';
import type { Trace } from '../model/simulator/trace.ts';
import { capacityAndSpreadRespected } from '../properties/catalog/capacityAndSpreadRespected.ts';
import { readCluster } from './clusterModel.ts';
import { clusterDir, node, removeClusterDirs } from './clusterFixture.ts';

afterAll(removeClusterDirs);

const nodes = ['a', 'b', 'c'].flatMap((zone) => [node(`${zone}0`, zone), node(`${zone}1`, zone)]).join('---\n');
const outage = 'apiVersion: fabric-verify.io/v1\nkind: FaultSchedule\nmetadata: { name: zone-a-down }\nspec:\n  faults:\n    - { kind: zone-outage, atSeconds: 600, zone: a }\n';
const zoneSpread = (when: string) => `      topologySpreadConstraints:
        - { maxSkew: 1, topologyKey: topology.kubernetes.io/zone, whenUnsatisfiable: ${when}, labelSelector: { matchLabels: { app: db } } }
`;
const zoneAntiAffinity = `      affinity:
        podAntiAffinity:
          requiredDuringSchedulingIgnoredDuringExecution:
            - { topologyKey: topology.kubernetes.io/zone, labelSelector: { matchLabels: { app: db } } }
`;
const statefulSet = (placementRules: string) => `apiVersion: apps/v1
kind: StatefulSet
metadata: { name: db, namespace: prod }
spec:
  replicas: 3
  selector: { matchLabels: { app: db } }
  template:
    metadata: { labels: { app: db } }
    spec:
${placementRules}      containers:
        - name: db
          resources: { requests: { cpu: "1", memory: 1Gi } }
`;

function run(placementRules: string): { scenario: Scenario; trace: Trace; lostId: string; movedAtS: number; movedTo: string; zoneBackAtS: number } {
  const cluster = readCluster(clusterDir({ 'nodes.yaml': nodes, 'db.yaml': statefulSet(placementRules), 'faults.yaml': outage }));
  const { scenario } = cluster;
  const trace = simulate(scenario);
  const zoneA = new Set(scenario.topology.servers.filter((s) => s.faultDomain === 0).map((s) => s.id));
  const lostId = Object.entries(trace.initialPlacement).find(([, server]) => zoneA.has(server))![0];
  const events = trace.entries.flatMap((e) => (e.kind === 'event' ? [{ ...e.event, t: e.t, to: e.to }] : []));
  const move = events.find((e) => e.type === 'controller.move' && 'instanceId' in e && e.instanceId === lostId && e.to?.startsWith('instance:'));
  const back = events.find((e) => e.type === 'server.repaired' && 'serverId' in e && zoneA.has(e.serverId as string));
  expect(move, `${lostId} is moved some time`).toBeDefined();
  expect(back, 'a node of zone a comes back').toBeDefined();
  return { scenario, trace, lostId, movedAtS: move!.t, movedTo: (move as { serverId: string }).serverId, zoneBackAtS: back!.t };
}

describe('a hard zone spread through a zone outage', () => {
  const hard = run(zoneSpread('DoNotSchedule'));
  const soft = run(zoneSpread('ScheduleAnyway'));

  it('leaves the lost pod Pending until its zone is back, then places it there', () => {
    expect(hard.scenario.topology.apps[0]!.roles[0]!.hardSpread).toEqual({ maxSkew: 1 });
    expect(hard.movedAtS).toBeGreaterThanOrEqual(hard.zoneBackAtS);
    expect(hard.movedTo).toMatch(/^a[01]$/);
    expect(capacityAndSpreadRespected.check(hard.scenario, hard.trace)).toBeNull();
  });

  it('places it in another zone at once when the spread is ScheduleAnyway', () => {
    expect(soft.scenario.topology.apps[0]!.roles[0]!).not.toHaveProperty('hardSpread');
    expect(soft.movedAtS).toBeLessThan(soft.zoneBackAtS);
    expect(soft.movedTo).toMatch(/^[bc][01]$/);
    expect(capacityAndSpreadRespected.check(soft.scenario, soft.trace)).toBeNull();
  });

  it('does the same with required anti-affinity over zones (one pod a zone)', () => {
    const apart = run(zoneAntiAffinity);
    expect(apart.scenario.topology.apps[0]!.roles[0]!.hardSpread).toEqual({ maxPerFaultDomain: 1 });
    expect(apart.movedAtS).toBeGreaterThanOrEqual(apart.zoneBackAtS);
    expect(apart.movedTo).toMatch(/^a[01]$/);
    expect(capacityAndSpreadRespected.check(apart.scenario, apart.trace)).toBeNull();
  });

  it('is what the oracle checks: the soft run judged against a hard spread breaks it', () => {
    const roles = soft.scenario.topology.apps[0]!.roles.map((r) => ({ ...r, hardSpread: { maxSkew: 1 } }));
    const claimed: Scenario = { ...soft.scenario, topology: { ...soft.scenario.topology, apps: [{ ...soft.scenario.topology.apps[0]!, roles }] } };
    const violation = capacityAndSpreadRespected.check(claimed, soft.trace);
    expect(violation).toMatchObject({ atS: soft.movedAtS, expected: `${soft.lostId} placed within its hard spread: at most 1 more of its role in a fault domain than in the one holding fewest` });
    expect(violation!.seen).toMatch(/: skew 2 \(the fewest, 0, in fault domain 0\)$/);
  });
});
