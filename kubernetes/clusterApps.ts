/**
 * Workloads → the model's apps: a Deployment, StatefulSet or bare ReplicaSet is an app with
 * one role of `replicas` instances (Kubernetes' default 1); a ReplicaSet a Deployment owns is
 * that Deployment's and not counted twice; a DaemonSet's pod lives and dies with its node (no
 * healing moves it), so it is not an app but takes its share of every node. A PodDisruptionBudget
 * gives the app it selects a floor: the fewest pods a voluntary disruption may leave running.
 */
import type { AppSpec, HardSpread } from '../model/topology.ts';
import type { PodSize } from './clusterNodes.ts';
import { scaledCount } from './intOrPercent.ts';
import { selects } from './labelSelector.ts';
import { manifestError } from './manifestError.ts';
import { parseQuantity } from './quantity.ts';
import { type RolloutBudget, rolloutBudget } from './rollingUpdate.ts';
import type { Validated } from './validatedObjects.ts';
import { zoneSpread } from './zoneSpread.ts';

export const POD_ROLE = 'pod';

export interface ClusterApp {
  /** `namespace/name`: the app's id in the model. */
  readonly appId: string;
  readonly ref: string;
  readonly kind: 'Deployment' | 'StatefulSet' | 'ReplicaSet';
  readonly namespace: string;
  readonly name: string;
  readonly replicas: number;
  /** The PodDisruptionBudget that selects this app's pods, and the floor it sets. */
  readonly pdb: { readonly ref: string; readonly minAvailable: number } | null;
  /** A Deployment's rolling update: pods it may take down and start extra (kubernetes/rollingUpdate.ts); null for other kinds. */
  readonly rollout: RolloutBudget | null;
  /** A DoNotSchedule spread or required anti-affinity over zones (kubernetes/zoneSpread.ts): the placement refuses to break it. */
  readonly hardSpread: HardSpread | null;
}

export interface AppLayout {
  readonly apps: readonly ClusterApp[];
  readonly largestPod: PodSize;
  readonly daemonPods: PodSize;
  readonly maxStartDelayS: number;
  readonly maxGracePeriodS: number;
  readonly warnings: readonly string[];
}

type Workload = Validated<'Deployment' | 'StatefulSet' | 'ReplicaSet' | 'DaemonSet'>;

export function clusterApps(workloads: readonly Workload[], budgets: readonly Validated<'PodDisruptionBudget'>[]): AppLayout {
  const warnings: string[] = [];
  const deployments = new Set(workloads.filter((w) => w.kind === 'Deployment').map((w) => `${namespaceOf(w)}/${w.value.metadata.name}`));
  const apps: (ClusterApp & { labels: Record<string, string> })[] = [];
  let largestPod: PodSize = { cpu: 0, memory: 0 };
  let daemonPods: PodSize = { cpu: 0, memory: 0 };
  let maxStartDelayS = 0;
  let maxGracePeriodS = 30;
  for (const workload of workloads) {
    const pod = podSize(workload);
    const spec = workload.value.spec;
    maxGracePeriodS = Math.max(maxGracePeriodS, spec.template.spec.terminationGracePeriodSeconds ?? 30);
    maxStartDelayS = Math.max(maxStartDelayS, ...spec.template.spec.containers.map((c) => c.readinessProbe?.initialDelaySeconds ?? 0));
    if (workload.kind === 'DaemonSet') {
      daemonPods = { cpu: daemonPods.cpu + pod.cpu, memory: daemonPods.memory + pod.memory };
      continue;
    }
    const owner = workload.value.metadata.ownerReferences?.find((o) => o.kind === 'Deployment');
    if (workload.kind === 'ReplicaSet' && owner && deployments.has(`${namespaceOf(workload)}/${owner.name}`)) continue;
    const replicas = spec.replicas ?? 1;
    if (replicas === 0) {
      warnings.push(`${workload.ref}: 0 replicas, nothing to keep available; left out`);
      continue;
    }
    largestPod = { cpu: Math.max(largestPod.cpu, pod.cpu), memory: Math.max(largestPod.memory, pod.memory) };
    const podLabels = spec.template.metadata?.labels ?? {};
    const spreadConstraints = spec.template.spec.topologySpreadConstraints ?? [];
    const spreads = spreadConstraints.length > 0 || spec.template.spec.affinity?.podAntiAffinity != null;
    if (replicas > 1 && !spreads) warnings.push(`${workload.ref}: no topologySpreadConstraints or pod anti-affinity; the model spreads its pods over zones anyway, the scheduler may not`);
    const { hardSpread, warnings: spreadWarnings } = zoneSpread(workload as Validated<'Deployment' | 'StatefulSet' | 'ReplicaSet'>, podLabels);
    warnings.push(...spreadWarnings);
    apps.push({
      appId: `${namespaceOf(workload)}/${workload.value.metadata.name}`,
      ref: workload.ref,
      kind: workload.kind,
      namespace: namespaceOf(workload),
      name: workload.value.metadata.name,
      replicas,
      pdb: null,
      rollout: workload.kind === 'Deployment' ? rolloutBudget(workload, replicas) : null,
      hardSpread,
      labels: podLabels,
    });
  }
  for (const budget of budgets) {
    const matched = apps.filter((app) => app.namespace === namespaceOf(budget) && selects(budget.value.spec.selector, app.labels));
    if (matched.length === 0) warnings.push(`${budget.ref}: its selector matches no workload's pods; it limits nothing`);
    for (const app of matched) apps[apps.indexOf(app)] = { ...app, pdb: { ref: budget.ref, minAvailable: floorOf(budget, app.replicas) } };
  }
  for (const app of apps) {
    // A rollout is the Deployment controller's, not an eviction: no budget holds it back.
    if (app.rollout && app.pdb && app.replicas - app.rollout.maxUnavailable < app.pdb.minAvailable) {
      warnings.push(`${app.ref}: a rollout may take ${app.rollout.maxUnavailable} of its ${app.replicas} pods down at once (spec.strategy.rollingUpdate.maxUnavailable), below the ${app.pdb.minAvailable} its ${app.pdb.ref} keeps for drains; budgets do not limit rollouts`);
    }
  }
  return { apps: apps.map(({ labels: _labels, ...app }) => app), largestPod, daemonPods, maxStartDelayS, maxGracePeriodS, warnings };
}

export function appSpecs(apps: readonly ClusterApp[]): AppSpec[] {
  return apps.map((app) => ({ id: app.appId, roles: [{ id: POD_ROLE, instances: app.replicas, ...(app.hardSpread ? { hardSpread: app.hardSpread } : {}) }] }));
}

function namespaceOf(object: Validated): string {
  return (object.value as { metadata: { namespace?: string } }).metadata.namespace ?? 'default';
}

/** The fewest pods the budget lets a voluntary disruption leave running. */
function floorOf(budget: Validated<'PodDisruptionBudget'>, replicas: number): number {
  const { minAvailable, maxUnavailable } = budget.value.spec;
  const bad = (field: string, value: unknown) =>
    manifestError(budget.source.file, budget.source.lineOf(['spec', field]), `${budget.ref} spec.${field}`, 'a whole number or a percentage such as "50%"', JSON.stringify(value));
  if (minAvailable !== undefined && maxUnavailable !== undefined) {
    throw manifestError(budget.source.file, budget.source.lineOf(['spec', 'maxUnavailable']), `${budget.ref} spec`, 'one of minAvailable and maxUnavailable, not both', 'both');
  }
  if (minAvailable !== undefined) {
    const n = scaledCount(minAvailable, replicas, true);
    if (n === null) throw bad('minAvailable', minAvailable);
    return Math.min(n, replicas);
  }
  if (maxUnavailable !== undefined) {
    const n = scaledCount(maxUnavailable, replicas, true);
    if (n === null) throw bad('maxUnavailable', maxUnavailable);
    return Math.max(0, replicas - n);
  }
  // Neither field set: no floor is stated, so the model holds the app to none.
  return 0;
}

function podSize(workload: Workload): PodSize {
  let cpu = 0;
  let memory = 0;
  workload.value.spec.template.spec.containers.forEach((container, c) => {
    for (const [resource, raw] of Object.entries(container.resources?.requests ?? {})) {
      if (resource !== 'cpu' && resource !== 'memory') continue;
      const value = parseQuantity(raw);
      if (value === null || value < 0) {
        const path = ['spec', 'template', 'spec', 'containers', c, 'resources', 'requests', resource];
        throw manifestError(workload.source.file, workload.source.lineOf(path), `${workload.ref} ${path.join('.')}`, 'a resource quantity (such as 250m, 512Mi)', JSON.stringify(raw));
      }
      if (resource === 'cpu') cpu += value;
      else memory += value;
    }
  });
  return { cpu, memory };
}
