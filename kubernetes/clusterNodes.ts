/**
 * Nodes → the model's servers: a zone (`topology.kubernetes.io/zone`) is a fault domain; a
 * node pool upgrade taking `maxSurge + maxUnavailable` nodes at a time makes update domains of
 * that many nodes (or a node's `fabric-verify.io/update-domain` label says which); capacity is
 * how many pods of the largest request fit in what the node can allocate, after its DaemonSet
 * pods. `maxSurge` adds that many surge servers, one zone after another, each the size of its
 * zone's first node: the walk brings them up first, empty, in an update domain of their own.
 */
import type { ServerSpec } from '../model/topology.ts';
import { manifestError } from './manifestError.ts';
import { parseQuantity } from './quantity.ts';
import type { Validated } from './validatedObjects.ts';

export const ZONE_LABEL = 'topology.kubernetes.io/zone';
export const LEGACY_ZONE_LABEL = 'failure-domain.beta.kubernetes.io/zone';
export const UPDATE_DOMAIN_LABEL = 'fabric-verify.io/update-domain';
/** The kubelet's default `maxPods`. */
const DEFAULT_MAX_PODS = 110;
const MAX_CAPACITY = 10_000;

export interface PodSize {
  readonly cpu: number;
  readonly memory: number;
}

export interface ClusterNode extends ServerSpec {
  readonly zone: string;
}

export interface NodeLayout {
  readonly nodes: readonly ClusterNode[];
  readonly zones: readonly string[];
  readonly warnings: readonly string[];
}

export interface NodePoolBatches {
  /** Nodes taken down at once, beyond the surge nodes (`maxUnavailable`). */
  readonly maxUnavailable: number;
  /** Surge nodes added for the upgrade (`maxSurge`). */
  readonly maxSurge: number;
}

export function clusterNodes(manifests: readonly Validated<'Node'>[], largestPod: PodSize, daemonPods: PodSize, pool: NodePoolBatches): NodeLayout {
  const warnings: string[] = [];
  const usable = manifests.filter((node) => {
    const cordoned = node.value.spec?.unschedulable === true || (node.value.spec?.taints ?? []).some((t) => t.effect === 'NoSchedule' || t.effect === 'NoExecute');
    if (cordoned) warnings.push(`${node.ref}: cordoned or tainted NoSchedule/NoExecute, so no pod of the apps is placed there; left out of the fabric`);
    return !cordoned;
  });
  const zoneOf = new Map(usable.map((node) => [node, zoneLabel(node)]));
  const zones = [...new Set(zoneOf.values())].sort();
  const ordered = [...usable].sort((a, b) => a.value.metadata.name.localeCompare(b.value.metadata.name));
  // With surge nodes, update domain 0 is theirs: every node's comes one later.
  const afterSurge = pool.maxSurge > 0 ? 1 : 0;
  const batch = pool.maxSurge + pool.maxUnavailable;
  const nodes = ordered.map((node, i): ClusterNode => ({
    id: node.value.metadata.name,
    zone: zoneOf.get(node)!,
    faultDomain: zones.indexOf(zoneOf.get(node)!),
    updateDomain: (updateDomainLabel(node) ?? Math.floor(i / batch)) + afterSurge,
    capacity: capacityOf(node, largestPod, daemonPods),
  }));
  return { nodes: [...nodes, ...surgeNodes(nodes, zones, pool.maxSurge)], zones, warnings };
}

/** `count` surge nodes, zone by zone in name order, each named after its zone and sized as the zone's first node. */
function surgeNodes(nodes: readonly ClusterNode[], zones: readonly string[], count: number): ClusterNode[] {
  // No schedulable node, no zone to add one to: the cluster is refused for its empty fabric.
  if (nodes.length === 0) return [];
  const taken = new Set(nodes.map((n) => n.id));
  const surge: ClusterNode[] = [];
  for (let k = 0; k < count; k++) {
    const zone = zones[k % zones.length]!;
    const model = nodes.find((n) => n.zone === zone)!;
    let id = `${zone}-surge-${k}`;
    while (taken.has(id)) id = `${id}-x`;
    taken.add(id);
    surge.push({ id, zone, faultDomain: model.faultDomain, updateDomain: 0, capacity: model.capacity, surge: true });
  }
  return surge;
}

function zoneLabel(node: Validated<'Node'>): string {
  const labels = node.value.metadata.labels ?? {};
  const zone = labels[ZONE_LABEL] ?? labels[LEGACY_ZONE_LABEL];
  if (zone === undefined || zone === '') {
    throw manifestError(node.source.file, node.source.lineOf(['metadata', 'labels']), `${node.ref} metadata.labels`, `a ${ZONE_LABEL} label (the zone is the fault domain)`, 'no zone label');
  }
  return zone;
}

function updateDomainLabel(node: Validated<'Node'>): number | null {
  const text = node.value.metadata.labels?.[UPDATE_DOMAIN_LABEL];
  if (text === undefined) return null;
  if (!/^\d{1,3}$/.test(text)) throw manifestError(node.source.file, node.source.lineOf(['metadata', 'labels', UPDATE_DOMAIN_LABEL]), `${node.ref} metadata.labels.${UPDATE_DOMAIN_LABEL}`, 'a whole number from 0 to 999', JSON.stringify(text));
  return Number(text);
}

function capacityOf(node: Validated<'Node'>, largestPod: PodSize, daemonPods: PodSize): number {
  const allocatable = node.value.status?.allocatable ?? {};
  const amount = (resource: string): number | null => {
    const raw = allocatable[resource];
    if (raw === undefined) return null;
    const value = parseQuantity(raw);
    if (value === null || value < 0) throw manifestError(node.source.file, node.source.lineOf(['status', 'allocatable', resource]), `${node.ref} status.allocatable.${resource}`, 'a resource quantity (such as 4, 3500m, 16Gi)', JSON.stringify(raw));
    return value;
  };
  const fits = (resource: 'cpu' | 'memory'): number => {
    const free = amount(resource);
    if (free === null || largestPod[resource] === 0) return MAX_CAPACITY;
    return Math.floor((free - daemonPods[resource]) / largestPod[resource]);
  };
  const capacity = Math.min(amount('pods') ?? DEFAULT_MAX_PODS, fits('cpu'), fits('memory'), MAX_CAPACITY);
  if (capacity < 1) {
    throw manifestError(node.source.file, node.source.lineOf(['status', 'allocatable']), `${node.ref} status.allocatable`, 'room for at least one pod of the largest request after the DaemonSet pods', `room for ${Math.max(capacity, 0)}`);
  }
  return capacity;
}
