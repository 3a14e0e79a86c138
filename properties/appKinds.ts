/**
 * The two kinds of app the incident report distinguishes: one instance per role (down with
 * its server) and at least two per role (covered by the SLA when spread over domains).
 */
import type { AppSpec, Topology } from '../model/topology.ts';

export function isSingleInstance(app: AppSpec): boolean {
  return app.roles.every((r) => r.instances === 1);
}

export function isMultiInstance(app: AppSpec): boolean {
  return app.roles.every((r) => r.instances >= 2);
}

export function appIdsWhere(topology: Topology, kind: (app: AppSpec) => boolean): Set<string> {
  return new Set(topology.apps.filter(kind).map((a) => a.id));
}
