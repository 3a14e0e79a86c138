/**
 * The round trip, as a property over generated runs: simulate a cluster, write the run as
 * Kubernetes Events (`simulate --events-out`), read them back (`observe`), and every property
 * a log can judge gives the same verdict — the same violation, to the letter — as the
 * catalog's check gave on the simulated run; each app's availability story is the same too,
 * and so are the evictions (which node, when) the eviction rate property reads.
 * Clusters, policies and fault schedules come from the catalog's own generators; some clusters
 * upgrade with rescheduling drains, some with surge servers.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { healingPolicyNamed } from '../model/policy.ts';
import type { Scenario } from '../model/scenario.ts';
import { simulate } from '../model/simulator/simulate.ts';
import { defaultTimings } from '../model/timings.ts';
import type { HardSpread, Topology } from '../model/topology.ts';
import { placeInitially } from '../model/initialPlacement.ts';
import { appSpecs, type ClusterApp } from '../kubernetes/clusterApps.ts';
import type { ClusterModel } from '../kubernetes/clusterModel.ts';
import { NODE_LIFECYCLE_DEFAULTS } from '../kubernetes/controllerFlags.ts';
import { allOf, crashes, fixed, heartbeatLossFaults, singleDomainFailures } from '../properties/arbitraries/faultArbitraries.ts';
import { appsArbitrary } from '../properties/arbitraries/appsArbitrary.ts';
import { timingsArbitrary } from '../properties/arbitraries/timingsArbitrary.ts';
import { topologyArbitrary } from '../properties/arbitraries/topologyArbitrary.ts';
import { basePolicy } from '../properties/arbitraries/scenarioArbitrary.ts';
import { violationOf } from '../properties/checkProperty.ts';
import { chooseRuns, chooseSeed } from '../properties/seeds.ts';
import { parseEventLog } from './eventLog.ts';
import { SIMULATED_EPOCH } from './eventVocabulary.ts';
import { eventsToTrace } from './eventsToTrace.ts';
import { judgeTrace, judgedProperties } from './judgeLog.ts';
import { eventList, traceToEvents } from './traceToEvents.ts';
import { EVICTION_RATE_PROPERTY_ID, evictionHistory } from '../kubernetes/evictionRateLimited.ts';

// FV_SEED, FV_FRESH and FV_RUNS explore further, as for the catalog's tests.
const { seed: SEED } = chooseSeed();
const RUNS = chooseRuns(150);
const WINDOW = { fromS: 0, toS: 4 * 3600 };

/** `count` surge servers, each sized as a rack's first server, in an update domain before every other. */
function withSurge(topology: Topology, count: number): Topology {
  if (count === 0) return topology;
  const racks = [...new Set(topology.servers.map((s) => s.faultDomain))];
  const surge = Array.from({ length: count }, (_, k) => {
    const model = topology.servers.find((s) => s.faultDomain === racks[k % racks.length])!;
    return { id: `surge-${k}`, faultDomain: model.faultDomain, updateDomain: 0, capacity: model.capacity, surge: true };
  });
  return { ...topology, servers: [...topology.servers.map((s) => ({ ...s, updateDomain: s.updateDomain + 1 })), ...surge] };
}

/** A generated fabric as a cluster: racks are zones, each app a one-role workload in namespace `ns`, some with a budget, some with a hard zone spread. */
function asCluster(topology: Topology, floors: readonly number[], spreads: readonly (HardSpread | null)[]): { cluster: ClusterModel; topology: Topology } {
  const apps: ClusterApp[] = topology.apps.map((app, i) => {
    const replicas = app.roles[0]!.instances;
    const floor = floors[i % floors.length]! % (replicas + 1);
    return { appId: `ns/${app.id}`, ref: `Deployment/ns/${app.id}`, kind: 'Deployment', namespace: 'ns', name: app.id, replicas, pdb: floor > 0 ? { ref: `PodDisruptionBudget/ns/${app.id}`, minAvailable: floor } : null, rollout: null, hardSpread: spreads[i % spreads.length]! };
  });
  const clusterTopology: Topology = { servers: topology.servers, apps: appSpecs(apps) };
  const zones = [...new Set(topology.servers.map((s) => s.faultDomain))].sort((a, b) => a - b).map((d) => `zone-${d}`);
  const scenario: Scenario = { name: 'generated', topology: clusterTopology, policy: basePolicy, timings: defaultTimings, faults: [], horizonS: 1 };
  const cluster: ClusterModel = { name: 'generated', scenario, nodes: topology.servers.map((s) => ({ ...s, zone: `zone-${s.faultDomain}` })), zones, apps, settings: NODE_LIFECYCLE_DEFAULTS, skipped: [], warnings: [] };
  return { cluster, topology: clusterTopology };
}

const runs = fc
  .record({
    topology: topologyArbitrary({ servers: [3, 9], faultDomains: [1, 3], updateDomains: [1, 4], capacity: [1, 3], spareServers: 'all-but-one' }, appsArbitrary({ apps: [1, 5], roles: [1, 1], instances: [1, 3] })),
    floors: fc.array(fc.nat(3), { minLength: 1, maxLength: 5 }),
    spreads: fc.array(fc.constantFrom(null, null, { maxSkew: 1 }, { maxPerFaultDomain: 1 }), { minLength: 1, maxLength: 5 }),
    timings: timingsArbitrary({ repairS: [1800, 7200] }),
    healing: fc.constantFrom('kubernetes', 'parallel', 'serial', 'adaptive' as const),
    fencing: fc.boolean(),
    crashes: crashes(WINDOW, [0, 2]),
    losses: heartbeatLossFaults(WINDOW, [0, 3], [30, 2 * 3600]),
    zone: fc.option(singleDomainFailures(WINDOW, 2), { freq: 3 }),
    upgradeAtS: fc.option(fc.integer({ min: 0, max: 3600 }), { freq: 2 }),
    // A node pool upgrade's drains reschedule, some onto surge nodes; the fabric's restart in place.
    upgradeDrain: fc.constantFrom('reschedule' as const, 'restart-in-place' as const),
    surge: fc.nat(2),
  })
  .map((r) => {
    const { cluster, topology } = asCluster(withSurge(r.topology, r.upgradeDrain === 'reschedule' ? r.surge : 0), r.floors, r.spreads);
    const plan = allOf(r.crashes, r.losses, r.zone ?? fixed([]), r.upgradeAtS === null ? fixed([]) : fixed([{ kind: 'upgrade-start', atS: r.upgradeAtS }]));
    const scenario: Scenario = {
      ...cluster.scenario,
      policy: { ...basePolicy, healing: healingPolicyNamed(r.healing), fencing: r.fencing, upgradeDrain: r.upgradeDrain },
      timings: r.timings,
      faults: plan(topology),
      horizonS: WINDOW.toS + 2 * 3600 + r.timings.repairS + 5 * 3 * 3600,
    };
    return { cluster: { ...cluster, scenario }, scenario };
  });

describe('simulate --events-out, then observe', () => {
  it(`gives every judged property the verdict the catalog's check gave the run (seed ${SEED}, ${RUNS} runs)`, () => {
    const sinceMs = Date.parse(SIMULATED_EPOCH);
    let violations = 0;
    let pods = 0;
    let evictions = 0;
    let evictionViolations = 0;
    let hardSpreadRuns = 0;
    let surgeUpgrades = 0;
    fc.assert(
      fc.property(runs, ({ cluster, scenario }) => {
        // A hard spread the generated racks cannot meet at the start is a cluster readCluster refuses.
        fc.pre(placeInitially(scenario.topology).unplaced.length === 0);
        if (scenario.topology.apps.some((a) => a.roles[0]!.hardSpread)) hardSpreadRuns++;
        if (scenario.topology.servers.some((s) => s.surge) && scenario.faults.some((f) => f.kind === 'upgrade-start')) surgeUpgrades++;
        const trace = simulate(scenario);
        const text = JSON.stringify(eventList(traceToEvents(cluster, trace)), null, 4);
        const log = parseEventLog('simulated.json', text);
        const observed = eventsToTrace(cluster, log.events, { sinceMs, untilMs: sinceMs + trace.endS * 1000 });
        const checked = judgedProperties(cluster).map((p) => ({ id: p.id, violation: violationOf(p, scenario, trace) }));
        const judged = judgeTrace(cluster, observed.trace).map((j) => ({ id: j.id, violation: j.violation }));
        expect(judged).toEqual(checked);
        expect(observed.ignored).toEqual([]);
        expect(observed.trace.entries.filter((e) => e.kind === 'app')).toEqual(trace.entries.filter((e) => e.kind === 'app'));
        violations += checked.filter((c) => c.violation !== null).length;
        pods += log.events.filter((e) => e.kind === 'Pod').length;
        // The log must show the evictions the run made: the same nodes at the same times.
        const evicted = (t: typeof trace) => evictionHistory(scenario, t, cluster.settings).evictions.map((e) => `${e.serverId}@${e.atS}`);
        expect(evicted(observed.trace)).toEqual(evicted(trace));
        evictions += evicted(trace).length;
        if (checked.find((c) => c.id === EVICTION_RATE_PROPERTY_ID)!.violation !== null) evictionViolations++;
      }),
      { seed: SEED, numRuns: RUNS },
    );
    // Not a vacuous agreement: the runs broke properties and moved pods.
    expect(violations).toBeGreaterThan(RUNS / 2);
    expect(pods).toBeGreaterThan(RUNS * 5);
    // Evictions were read back, and some runs (the non-kubernetes policies) evicted too fast.
    expect(evictions).toBeGreaterThan(RUNS);
    expect(evictionViolations).toBeGreaterThan(0);
    // A good share of the runs placed some app by a hard zone spread.
    expect(hardSpreadRuns).toBeGreaterThan(RUNS / 4);
    // And some upgraded with surge servers, their drains rescheduling.
    expect(surgeUpgrades).toBeGreaterThan(RUNS / 10);
  });
});
