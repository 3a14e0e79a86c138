/**
 * A directory of Kubernetes manifests → the model's scenario: nodes as servers in zones,
 * workloads as apps, PodDisruptionBudgets as floors, the node lifecycle flags as the
 * `kubernetes` healing policy, a node pool upgrade as the upgrade walk, and a FaultSchedule
 * (fabric-verify's own kind) as the story `simulate` tells. Nothing here decides what the
 * machines decide; it only fills in the scenario they run.
 */
import { basename, resolve } from 'node:path';
import type { Fault } from '../model/faultSchedule.ts';
import { placeInitially } from '../model/initialPlacement.ts';
import type { ControllerPolicy } from '../model/policy.ts';
import type { Scenario } from '../model/scenario.ts';
import { parseScenario } from '../model/scenarioSchema.ts';
import { defaultTimings, type Timings } from '../model/timings.ts';
import { describeHardSpread } from '../model/topology.ts';
import { appSpecs, clusterApps, type ClusterApp } from './clusterApps.ts';
import { clusterNodes, type ClusterNode, type NodePoolBatches } from './clusterNodes.ts';
import { flagsFromFile, flagsFromPod, isControlPlanePod, type NodeLifecycleSettings, nodeLifecycleSettings } from './controllerFlags.ts';
import { readManifests } from './manifestDocuments.ts';
import { manifestError } from './manifestError.ts';
import { ofKind, validateObjects, type Validated } from './validatedObjects.ts';

export interface ClusterModel {
  readonly name: string;
  /** The cluster's fabric with the FaultSchedule's faults (or the node pool upgrade alone, or none). */
  readonly scenario: Scenario;
  readonly nodes: readonly ClusterNode[];
  /** Zone names; a server's fault domain is its zone's index here. */
  readonly zones: readonly string[];
  readonly apps: readonly ClusterApp[];
  readonly settings: NodeLifecycleSettings;
  /** Objects of kinds the model does not read (`file:line: Kind/namespace/name`). */
  readonly skipped: readonly string[];
  /** What was read but changes nothing, or is read with an assumption the user should know. */
  readonly warnings: readonly string[];
}

/** After the last fault: room for detection, a start and an hour to settle. */
const SETTLE_S = 3600;
/** A pod's start after it is scheduled (image pull, container start), before its readiness delay. */
const POD_START_S = 60;
/** A failed node replaced by the node pool's auto-repair. */
const NODE_REPAIR_S = 1800;
/** GKE's default: a node's drain waits this long for PodDisruptionBudgets before it goes on anyway. */
const DRAIN_TIMEOUT_S = 3600;
/** Booting a new node image and the kubelet registering. */
const NODE_UPGRADE_S = 300;

export function readCluster(dir: string): ClusterModel {
  const manifests = readManifests(dir);
  const set = validateObjects(manifests.objects);
  const pods = ofKind(set, 'Pod');
  const controlPlane = pods.filter(isControlPlanePod);
  const flags = [...manifests.flagFiles.flatMap(flagsFromFile), ...controlPlane.flatMap(flagsFromPod)];
  const settings = nodeLifecycleSettings(flags);
  const upgrade = single(ofKind(set, 'NodePoolUpgrade'));
  const workloads = ofKind(set, 'Deployment', 'StatefulSet', 'ReplicaSet', 'DaemonSet');
  const appLayout = clusterApps(workloads, ofKind(set, 'PodDisruptionBudget'));
  const nodeManifests = ofKind(set, 'Node');
  if (nodeManifests.length === 0) throw manifestError(dir, 0, '(cluster)', 'at least one Node (kubectl get nodes -o yaml)', 'none');
  const layout = clusterNodes(nodeManifests, appLayout.largestPod, appLayout.daemonPods, nodePoolBatches(upgrade));
  const timings: Timings = {
    ...defaultTimings,
    // The model's controller acts when a node is declared dead: in Kubernetes that is the grace period, then the taint's toleration.
    detectionTimeoutS: Math.max(1, Math.round(settings.nodeMonitorGracePeriodS + settings.tolerationS)),
    drainS: appLayout.maxGracePeriodS,
    instanceStartS: POD_START_S + appLayout.maxStartDelayS,
    rebootS: upgrade?.value.spec.nodeUpgradeSeconds ?? NODE_UPGRADE_S,
    upgradeStartTimeoutS: upgrade?.value.spec.drainTimeoutSeconds ?? DRAIN_TIMEOUT_S,
    repairS: NODE_REPAIR_S,
  };
  const policy: ControllerPolicy = {
    healing: {
      kind: 'kubernetes',
      evictionRatePerS: settings.evictionRatePerS,
      secondaryEvictionRatePerS: settings.secondaryEvictionRatePerS,
      largeClusterSizeThreshold: settings.largeClusterSizeThreshold,
      unhealthyZoneThreshold: settings.unhealthyZoneThreshold,
    },
    // The API server answers kubectl whatever the node controller is doing.
    management: 'own-lane',
    // An evicted pod is deleted; the kubelet of a node that comes back kills it, so no old copy serves on.
    fencing: true,
    upgradeGate: 'continue-after-timeout',
    // A node's drain evicts its pods and the scheduler places them on other nodes (surge nodes among them); the node comes back empty.
    upgradeDrain: 'reschedule',
    haltBudget: null,
    alertThreshold: 3,
  };
  const schedules = ofKind(set, 'FaultSchedule');
  const schedule = single(schedules);
  const faults = schedule ? faultsOf(schedule, layout.nodes, layout.zones) : upgrade ? [{ kind: 'upgrade-start' as const, atS: upgrade.value.spec.startAtSeconds ?? 0 }] : [];
  const name = basename(resolve(dir));
  const draft: Scenario = {
    name,
    topology: { servers: layout.nodes.map(({ zone: _zone, ...server }) => server), apps: appSpecs(appLayout.apps) },
    policy,
    timings,
    faults,
    horizonS: schedule?.value.spec.horizonSeconds ?? horizonFor(faults, timings, layout.nodes),
  };
  // What no single manifest can say: every pod placed at the start, then the scenario's own checks.
  mustPlaceEveryPod(draft, appLayout.apps, workloads);
  const scenario = parseScenario(draft, dir);
  return {
    name,
    scenario,
    nodes: layout.nodes,
    zones: layout.zones,
    apps: appLayout.apps,
    settings,
    skipped: set.skipped,
    warnings: [...layout.warnings, ...appLayout.warnings, ...pods.filter((p) => !isControlPlanePod(p)).map((p) => `${p.ref}: a bare Pod is not an app (only kube-controller-manager's flags are read from Pods)`)],
  };
}

/**
 * The model starts from every pod running: a workload some of whose pods the scheduler would
 * leave Pending from the start (nodes too full, or a hard spread the zones cannot meet) is
 * refused, naming it, rather than checked as a different cluster.
 */
function mustPlaceEveryPod(scenario: Scenario, apps: readonly ClusterApp[], workloads: readonly Validated[]): void {
  const { unplaced } = placeInitially(scenario.topology);
  if (unplaced.length === 0) return;
  const app = apps.find((a) => unplaced[0]!.startsWith(`${a.appId}/`))!;
  const workload = workloads.find((w) => w.ref === app.ref)!;
  const pending = unplaced.filter((id) => id.startsWith(`${app.appId}/`)).length;
  const within = app.hardSpread ? ` within its hard spread (${describeHardSpread(app.hardSpread)}, over ${new Set(scenario.topology.servers.map((s) => s.faultDomain)).size} zones)` : '';
  throw manifestError(
    workload.source.file,
    workload.source.lineOf(['spec', 'replicas']),
    `${app.ref} spec.replicas`,
    `no more pods than the nodes can run at the start${within} (the model begins with every pod running)`,
    `${app.replicas}, of which ${pending} would stay Pending`,
  );
}

/** How the node pool walks: `maxUnavailable` (default 1) and `maxSurge` (default 0), not both 0. */
function nodePoolBatches(upgrade: Validated<'NodePoolUpgrade'> | null): NodePoolBatches {
  const batches = { maxUnavailable: upgrade?.value.spec.maxUnavailable ?? 1, maxSurge: upgrade?.value.spec.maxSurge ?? 0 };
  if (upgrade && batches.maxUnavailable === 0 && batches.maxSurge === 0) {
    throw manifestError(upgrade.source.file, upgrade.source.lineOf(['spec', 'maxUnavailable']), `${upgrade.ref} spec.maxUnavailable`, 'at least 1 when maxSurge is 0 (else the upgrade could take no node)', '0');
  }
  return batches;
}

function single<T extends Validated>(objects: readonly T[]): T | null {
  if (objects.length > 1) {
    const second = objects[1]!;
    throw manifestError(second.source.file, second.source.line, second.ref, `one ${second.kind} per cluster`, `${objects.length} (${objects.map((o) => o.ref).join(', ')})`);
  }
  return objects[0] ?? null;
}

function faultsOf(schedule: Validated<'FaultSchedule'>, nodes: readonly ClusterNode[], zones: readonly string[]): Fault[] {
  // A surge node does not exist before the upgrade: a story cannot name it.
  const names = new Set(nodes.filter((n) => !n.surge).map((n) => n.id));
  return schedule.value.spec.faults.map((fault, i): Fault => {
    const unknown = (field: string, expected: string, value: string) =>
      manifestError(schedule.source.file, schedule.source.lineOf(['spec', 'faults', i, field]), `${schedule.ref} spec.faults.${i}.${field}`, expected, JSON.stringify(value));
    switch (fault.kind) {
      case 'node-crash':
        if (!names.has(fault.node)) throw unknown('node', 'the name of a schedulable Node', fault.node);
        return { kind: 'crash', atS: fault.atSeconds, serverId: fault.node };
      case 'node-not-ready':
        if (!names.has(fault.node)) throw unknown('node', 'the name of a schedulable Node', fault.node);
        return { kind: 'heartbeat-loss', atS: fault.atSeconds, serverId: fault.node, durationS: fault.durationSeconds };
      case 'zone-outage':
        if (!zones.includes(fault.zone)) throw unknown('zone', `a zone of some Node (${zones.join(', ')})`, fault.zone);
        return { kind: 'rack-failure', atS: fault.atSeconds, faultDomain: zones.indexOf(fault.zone) };
      case 'node-pool-upgrade':
        return { kind: 'upgrade-start', atS: fault.atSeconds };
    }
  });
}

/** Long enough for the last fault to be detected and healed, and for the whole upgrade walk. */
function horizonFor(faults: readonly Fault[], timings: Timings, nodes: readonly ClusterNode[]): number {
  const lastS = Math.max(0, ...faults.map((f) => f.atS + ('durationS' in f ? f.durationS : 0)));
  const domains = new Set(nodes.map((n) => n.updateDomain)).size;
  const walkS = faults.some((f) => f.kind === 'upgrade-start') ? domains * (timings.drainS + timings.deploymentCallTimeoutS + timings.rebootS + timings.upgradeStartTimeoutS) : 0;
  return lastS + walkS + 2 * (timings.detectionTimeoutS + timings.instanceStartS) + timings.repairS + SETTLE_S;
}
