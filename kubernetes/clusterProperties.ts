/**
 * The catalog's properties asked of one real cluster: the topology, policy and timings are
 * the cluster's (fixed), and fast-check draws only the fault schedule, under each property's
 * own hypothesis, from the catalog's own fault generators. Statements, checks and must-see
 * situations are the catalog's, unchanged; each is expected to hold (a failure is a finding
 * about the cluster). The PodDisruptionBudgets add one property of their own, and the
 * node lifecycle flags another: the zone-aware eviction rate (kubernetes/evictionRateLimited.ts).
 */
import fc from 'fast-check';
import type { Fault } from '../model/faultSchedule.ts';
import type { Scenario } from '../model/scenario.ts';
import type { Trace } from '../model/simulator/trace.ts';
import type { Topology } from '../model/topology.ts';
import { type FaultPlan, allOf, crashes, fixed, heartbeatLossFaults, singleDomainFailures } from '../properties/arbitraries/faultArbitraries.ts';
import { propertyById } from '../properties/catalog/index.ts';
import type { PropertyDefinition, PropertyVariant } from '../properties/propertyDefinition.ts';
import type { ZoneRules } from '../model/zoneState.ts';
import type { ClusterModel } from './clusterModel.ts';
import { appOfInstance } from './servingPods.ts';
import { PDB_PROPERTY_ID, PDB_STATEMENT, type PodFloor, pdbViolation } from './pdbRespected.ts';
import { EVICTION_RATE_PROPERTY_ID, EVICTION_RATE_STATEMENT, evictionHistory, evictionRateViolation } from './evictionRateLimited.ts';

export const CLUSTER_VARIANT: PropertyVariant = { label: 'cluster', policy: {}, expectation: 'holds' };

const HOUR_S = 3600;

interface ClusterHypothesis {
  readonly id: string;
  readonly hypothesis: string;
  readonly faults: (scenario: Scenario) => fc.Arbitrary<FaultPlan>;
  /** Replaces the catalog's must-see situations where those name policy choices a cluster fixes (a gate, a halt budget). */
  readonly mustSee?: PropertyDefinition['mustSee'];
}

const upgradeAlone = () => fc.integer({ min: 0, max: 600 }).map((atS) => fixed([{ kind: 'upgrade-start', atS }]));

/** Every node loses its heartbeats within 30 s, each for longer than the time to evict (the controller cut off). */
const everyNodeCutOff = (scenario: Scenario) =>
  fc
    .record({ offsetsS: fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 12 }), extraS: fc.array(fc.integer({ min: 1, max: 1800 }), { minLength: 1, maxLength: 12 }) })
    .map(({ offsetsS, extraS }) => (topology: Topology) =>
      topology.servers.map((server, i): Fault => ({ kind: 'heartbeat-loss', atS: 600 + offsetsS[i % offsetsS.length]!, serverId: server.id, durationS: scenario.timings.detectionTimeoutS + 30 + extraS[i % extraS.length]! })),
    );

const HYPOTHESES: readonly ClusterHypothesis[] = [
  { id: 'single-instance-never-down', hypothesis: 'Any node may crash (one or two), at any time in the first hour.', faults: () => crashes({ fromS: 0, toS: HOUR_S }, [1, 2]) },
  { id: 'multi-instance-never-fully-down', hypothesis: 'Failures stay inside one zone: at most two node crashes, or the whole zone, in the first two hours.', faults: () => singleDomainFailures({ fromS: 0, toS: 2 * HOUR_S }, 2) },
  { id: 'upgrade-keeps-multi-instance-up', hypothesis: 'No faults; the node pool upgrade walks every node.', faults: upgradeAlone },
  { id: 'parallel-recovery-bounded', hypothesis: 'Failures inside one zone (the zone, or at most two node crashes), under the cluster\'s own eviction rates.', faults: () => singleDomainFailures({ fromS: 0, toS: 2 * HOUR_S }, 2) },
  {
    id: 'recovery-eventually-completes',
    hypothesis: 'Node crashes and nodes not ready for a while, during the first four hours, then none.',
    faults: () => fc.tuple(crashes({ fromS: 0, toS: 4 * HOUR_S }, [0, 2]), heartbeatLossFaults({ fromS: 0, toS: 4 * HOUR_S }, [0, 3], [30, 2 * HOUR_S])).map(([c, h]) => allOf(c, h)),
  },
  { id: 'all-suspect-stops-healing', hypothesis: 'Every node stops reporting within 30 s, each for longer than the time to evict (the control plane is cut off).', faults: everyNodeCutOff },
  {
    id: 'no-duplicate-running-instance',
    hypothesis: 'Nodes not ready for a while (their pods run on, unseen) and node crashes, in the first three hours.',
    faults: () => fc.tuple(heartbeatLossFaults({ fromS: 0, toS: 3 * HOUR_S }, [1, 3], [301, 4 * HOUR_S]), crashes({ fromS: 0, toS: 3 * HOUR_S }, [0, 2])).map(([h, c]) => allOf(h, c)),
  },
  {
    id: 'capacity-and-spread-respected',
    hypothesis: 'Node crashes, nodes not ready, and the node pool upgrade, in the first four hours.',
    faults: () => fc.tuple(crashes({ fromS: 0, toS: 4 * HOUR_S }, [0, 2]), heartbeatLossFaults({ fromS: 0, toS: 4 * HOUR_S }, [0, 2], [30, HOUR_S]), upgradeAlone()).map(([c, h, u]) => allOf(c, h, u)),
  },
  {
    id: 'upgrade-terminates',
    hypothesis: 'The node pool upgrade, with up to two node crashes in the first four hours.',
    faults: () => fc.tuple(upgradeAlone(), crashes({ fromS: 0, toS: 4 * HOUR_S }, [0, 2])).map(([u, c]) => allOf(u, c)),
    // The catalog's must-see situations are a gated walk and a halt, which this cluster's upgrade never is.
    mustSee: [{ id: 'node-crash', description: 'a node crashed while the upgrade could still be walking', minShare: 0.3, reached: (s) => s.faults.some((f) => f.kind === 'crash') }],
  },
];

/** The cluster's scenario with a drawn fault schedule, and a horizon that lets it settle. */
function onCluster(cluster: ClusterModel, faults: fc.Arbitrary<FaultPlan>): fc.Arbitrary<Scenario> {
  const base = cluster.scenario;
  return faults.map((plan) => {
    const drawn = plan(base.topology);
    const lastS = Math.max(0, ...drawn.map((f) => f.atS + ('durationS' in f ? f.durationS : 0)));
    const walkS = base.topology.servers.length * (base.timings.drainS + base.timings.deploymentCallTimeoutS + base.timings.rebootS + base.timings.upgradeStartTimeoutS);
    return { ...base, faults: drawn, horizonS: lastS + walkS + base.timings.repairS + 2 * (base.timings.detectionTimeoutS + base.timings.instanceStartS) + HOUR_S };
  });
}

export function clusterProperties(cluster: ClusterModel): PropertyDefinition[] {
  const properties = HYPOTHESES.map((h): PropertyDefinition => {
    const catalogProperty = propertyById(h.id)!;
    return {
      ...catalogProperty,
      hypothesis: `${h.hypothesis} (cluster ${cluster.name})`,
      expectation: 'holds',
      variants: [],
      mustSee: h.mustSee ?? catalogProperty.mustSee,
      scenarios: () => onCluster(cluster, h.faults(cluster.scenario)),
    };
  });
  const floors = new Map<string, PodFloor>(cluster.apps.flatMap((app) => (app.pdb ? [[app.appId, { pdb: app.pdb.ref, minAvailable: app.pdb.minAvailable }] as const] : [])));
  if (floors.size > 0) properties.push(pdbProperty(cluster, floors));
  properties.push(evictionRateProperty(cluster));
  return properties;
}

/** Two evictions in one zone: the first the rate spaces. */
function zoneEvictedTwice(scenario: Scenario, trace: Trace, cluster: ClusterModel): boolean {
  const zones = evictionHistory(scenario, trace, cluster.settings).evictions.map((e) => e.faultDomain);
  return zones.length > new Set(zones).size;
}

function zoneRulesOf(settings: ZoneRules): ZoneRules {
  const { evictionRatePerS, secondaryEvictionRatePerS, largeClusterSizeThreshold, unhealthyZoneThreshold } = settings;
  return { evictionRatePerS, secondaryEvictionRatePerS, largeClusterSizeThreshold, unhealthyZoneThreshold };
}

function evictionRateProperty(cluster: ClusterModel): PropertyDefinition {
  return {
    id: EVICTION_RATE_PROPERTY_ID,
    statement: EVICTION_RATE_STATEMENT,
    hypothesis: `Failures inside one zone (the zone, or node crashes), nodes not ready for a while, and more node crashes, in the first two hours, under the cluster's own eviction rates (cluster ${cluster.name}).`,
    expectation: 'holds',
    mustSee: [
      { id: 'eviction', description: 'a node out of reach was evicted', minShare: 0.5, reached: (s, t) => evictionHistory(s, t, cluster.settings).evictions.length > 0 },
      { id: 'zone-evicted-twice', description: 'two nodes of one zone were evicted', minShare: 0.05, reached: (s, t) => zoneEvictedTwice(s, t, cluster) },
    ],
    scenarios: () =>
      onCluster(
        cluster,
        fc
          .tuple(singleDomainFailures({ fromS: 0, toS: 2 * HOUR_S }, 2), heartbeatLossFaults({ fromS: 0, toS: 2 * HOUR_S }, [0, 3], [30, 2 * HOUR_S]), crashes({ fromS: 0, toS: 2 * HOUR_S }, [0, 2]))
          .map(([zone, losses, more]) => allOf(zone, losses, more)),
      ),
    check: evictionRateViolation(cluster.settings, cluster.zones),
    // The rules and zone names are the cluster's, not the scenario's: the counterexample file keeps them to replay alone.
    replayedWith: { zones: { rules: zoneRulesOf(cluster.settings), names: [...cluster.zones] } },
  };
}

function pdbProperty(cluster: ClusterModel, floors: ReadonlyMap<string, PodFloor>): PropertyDefinition {
  return {
    id: PDB_PROPERTY_ID,
    statement: PDB_STATEMENT,
    hypothesis: `No faults; the node pool upgrade drains every node (cluster ${cluster.name}).`,
    expectation: 'holds',
    mustSee: [{ id: 'drain', description: 'a drain stopped a pod an app\'s budget covers', minShare: 0.9, reached: (_s, t) => t.entries.some((e) => e.kind === 'state' && e.to.startsWith('lifecycle.stopped') && e.actor.startsWith('instance:') && floors.has(appOfInstance(e.actor.slice(9)))) }],
    scenarios: () => onCluster(cluster, upgradeAlone()),
    check: pdbViolation(floors),
    // The budgets are the cluster's, not the scenario's: the counterexample file keeps them to replay alone.
    replayedWith: { budgets: Object.fromEntries(floors) },
  };
}
