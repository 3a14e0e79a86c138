/**
 * Judging a log with the catalog: every property whose check reads only what a log can show
 * (app availability, pods lost and back, drains, moves, nodes out of reach or cordoned) is
 * run, by the catalog's own check, on the trace the log was read into; every other one is
 * listed with the reason a log cannot judge it, never passed silently.
 */
import type { Scenario } from '../model/scenario.ts';
import type { Trace } from '../model/simulator/trace.ts';
import type { ClusterModel } from '../kubernetes/clusterModel.ts';
import { clusterProperties } from '../kubernetes/clusterProperties.ts';
import { PDB_PROPERTY_ID } from '../kubernetes/pdbRespected.ts';
import { EVICTION_RATE_PROPERTY_ID } from '../kubernetes/evictionRateLimited.ts';
import { catalog, propertyById } from '../properties/catalog/index.ts';
import type { MustSee, PropertyDefinition, Violation } from '../properties/propertyDefinition.ts';

/** Judged from a log: their checks read app, pod, move and node entries only. */
export const JUDGEABLE = [
  'single-instance-never-down',
  'multi-instance-never-fully-down',
  'upgrade-keeps-multi-instance-up',
  'parallel-recovery-bounded',
  'recovery-eventually-completes',
  'all-suspect-stops-healing',
  PDB_PROPERTY_ID,
  EVICTION_RATE_PROPERTY_ID,
] as const;

export const NOT_JUDGEABLE: Readonly<Record<string, string>> = {
  'multi-instance-correlated-failure': 'a statement about fault schedules outside the single-zone hypothesis; on a log it is the same check as multi-instance-never-fully-down',
  'upgrade-continue-anyway': 'needs the upgrade walk\'s gate decisions and the deployment service\'s latency, which no event records',
  'upgrade-gated-on-recovery': 'needs the upgrade walk\'s gate decisions, which no event records',
  'serial-recovery-bounded': 'the same check as parallel-recovery-bounded (judged); it differs only in the healing policy of generated runs',
  'backlog-drains-after-trigger': 'needs the healing queue\'s length, which no event records',
  'management-responsive-shared-queue': 'needs portal (API) requests and their answers, which events do not record',
  'management-responsive-own-lane': 'needs portal (API) requests and their answers, which events do not record',
  'false-positive-churn-bounded': 'needs to know which nodes were really healthy while they looked dead, which a log cannot tell',
  'no-duplicate-running-instance': 'a pod on an unreachable node may still serve, and no event says whether it does',
  'capacity-and-spread-respected': 'needs each node\'s load and what the scheduler knew at each decision, which events do not record',
  'upgrade-terminates': 'needs the upgrade\'s own state at the end, which no event records',
  'halt-bounds-upgrade-damage': 'needs the upgrade\'s halt budget and state, which no event records',
  'alert-raised-in-time': 'monitoring alerts are not Kubernetes events',
  'storage-unaffected': 'storage writes and acknowledgements are not Kubernetes events',
  'default-template-fits-quota': 'quota charges are not events',
};

export interface LogJudgement {
  readonly id: string;
  readonly statement: string;
  readonly violation: Violation | null;
  /** The property's must-see situations, and whether the log showed each. */
  readonly situations: readonly { readonly id: string; readonly description: string; readonly seen: boolean }[];
}

/** The properties judged on this cluster's log: the catalog's, the eviction rate, and the PDB property when a budget exists. */
export function judgedProperties(cluster: ClusterModel): PropertyDefinition[] {
  const own = new Map(clusterProperties(cluster).map((p) => [p.id, p]));
  return JUDGEABLE.flatMap((id) => (id === PDB_PROPERTY_ID || id === EVICTION_RATE_PROPERTY_ID ? (own.has(id) ? [own.get(id)!] : []) : [propertyById(id)!]));
}

/** The log's story as a scenario: the cluster's fabric, no fault schedule (the events are the story). */
export function observedScenario(cluster: ClusterModel, trace: Trace): Scenario {
  return { ...cluster.scenario, faults: [], horizonS: Math.max(1, trace.endS) };
}

export function judgeTrace(cluster: ClusterModel, trace: Trace): LogJudgement[] {
  const scenario = observedScenario(cluster, trace);
  return judgedProperties(cluster).map((property) => ({
    id: property.id,
    statement: property.statement,
    violation: property.check(scenario, trace),
    situations: property.mustSee.map((m: MustSee) => ({ id: m.id, description: m.description, seen: m.reached(scenario, trace) })),
  }));
}

/** Every catalog property not judged, with its reason. */
export function notJudgeable(): { readonly id: string; readonly reason: string }[] {
  return catalog.filter((p) => !(JUDGEABLE as readonly string[]).includes(p.id)).map((p) => ({ id: p.id, reason: NOT_JUDGEABLE[p.id] ?? 'not judged from logs' }));
}
