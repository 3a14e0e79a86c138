/**
 * The tasks of `check --cluster DIR`: the cluster's properties (kubernetes/clusterProperties.ts),
 * each once, under the cluster variant, in their order. A worker thread cannot receive them
 * (they close over the cluster), so it reads the directory again and lists the same tasks;
 * reading is deterministic, so the same directory gives the same scenario and properties.
 */
import { resolve } from 'node:path';
import { type ClusterModel, readCluster } from '../kubernetes/clusterModel.ts';
import { CLUSTER_VARIANT, clusterProperties } from '../kubernetes/clusterProperties.ts';
import type { CampaignTask } from './campaign.ts';

/** Only the chosen property ids (all when none are chosen). */
export function clusterTasks(cluster: ClusterModel, chosen: readonly string[] | undefined): CampaignTask[] {
  return clusterProperties(cluster)
    .filter((property) => chosen === undefined || chosen.length === 0 || chosen.includes(property.id))
    .map((property) => ({ property, variant: CLUSTER_VARIANT }));
}

/** Read once per thread: a worker runs many tasks of one cluster. */
const read = new Map<string, ClusterModel>();

export function clusterTasksIn(dir: string, chosen: readonly string[] | undefined): CampaignTask[] {
  const at = resolve(dir);
  let cluster = read.get(at);
  if (cluster === undefined) {
    cluster = readCluster(at);
    read.set(at, cluster);
  }
  return clusterTasks(cluster, chosen);
}
