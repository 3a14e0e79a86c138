/**
 * What summary.json says of the cluster a check or an observation read: its fabric as the
 * model sees it, the objects skipped, and what was assumed.
 */
import type { ClusterModel } from './clusterModel.ts';

export interface ClusterSummary {
  readonly name: string;
  readonly zones: readonly string[];
  readonly nodes: readonly { readonly name: string; readonly zone: string; readonly updateDomain: number; readonly capacity: number; readonly surge?: true }[];
  readonly apps: readonly {
    readonly app: string;
    readonly workload: string;
    readonly replicas: number;
    readonly pdb: string | null;
    readonly minAvailable: number | null;
    /** A Deployment's rolling update, in pods (null for other kinds). */
    readonly rollout: { readonly maxUnavailable: number; readonly maxSurge: number } | null;
  }[];
  readonly policy: ClusterModel['scenario']['policy']['healing'];
  readonly detectionTimeoutS: number;
  readonly instanceStartS: number;
  readonly skipped: readonly string[];
  readonly warnings: readonly string[];
}

export function clusterSummary(cluster: ClusterModel): ClusterSummary {
  return {
    name: cluster.name,
    zones: cluster.zones,
    nodes: cluster.nodes.map((n) => ({ name: n.id, zone: n.zone, updateDomain: n.updateDomain, capacity: n.capacity, ...(n.surge ? { surge: true } : {}) })),
    apps: cluster.apps.map((a) => ({ app: a.appId, workload: a.ref, replicas: a.replicas, pdb: a.pdb?.ref ?? null, minAvailable: a.pdb?.minAvailable ?? null, rollout: a.rollout })),
    policy: cluster.scenario.policy.healing,
    detectionTimeoutS: cluster.scenario.timings.detectionTimeoutS,
    instanceStartS: cluster.scenario.timings.instanceStartS,
    skipped: cluster.skipped,
    warnings: cluster.warnings,
  };
}

/** The lines a command prints before its output: what was skipped and assumed, on stderr. */
export function clusterNotices(cluster: ClusterModel): string[] {
  return [...cluster.skipped.map((s) => `fabric-verify: warning: ${s}: a kind the model does not read; skipped`), ...cluster.warnings.map((w) => `fabric-verify: warning: ${w}`)];
}

/** One paragraph for the terminal: the fabric the manifests gave. */
export function clusterText(cluster: ClusterModel): string {
  const apps = cluster.apps.map((a) => `${a.appId} ×${a.replicas}${a.pdb ? ` (PDB min ${a.pdb.minAvailable})` : ''}`).join(', ');
  const policy = cluster.scenario.policy.healing as { evictionRatePerS?: number; secondaryEvictionRatePerS?: number };
  const surge = cluster.nodes.filter((n) => n.surge).length;
  const nodes = `${cluster.nodes.length - surge} nodes${surge > 0 ? ` (+${surge} surge for the upgrade)` : ''}`;
  const batches = new Set(cluster.nodes.filter((n) => !n.surge).map((n) => n.updateDomain)).size;
  return [
    `Cluster ${cluster.name}: ${nodes} in ${cluster.zones.length} zones (${cluster.zones.join(', ')}), ${batches} upgrade batches, drained pods rescheduled; apps: ${apps || 'none'}.`,
    `Node lifecycle: pods evicted ${cluster.scenario.timings.detectionTimeoutS}s after a node stops reporting (grace ${cluster.settings.nodeMonitorGracePeriodS}s + toleration ${cluster.settings.tolerationS}s), ${policy.evictionRatePerS} nodes/s (${policy.secondaryEvictionRatePerS} in a large disrupted zone); a pod starts in ${cluster.scenario.timings.instanceStartS}s.`,
  ].join('\n');
}
