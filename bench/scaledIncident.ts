/**
 * The 2009 incident at any size: the same fault pattern (upgrade start, 45 minutes of slow
 * deployment calls, portal requests every 10 minutes, storage writes every 15, the operator's
 * switch to parallel), servers racked as in the incident (2 fault domains, 5 update domains,
 * capacity 6), and apps in the incident's proportion: one single-instance app per server and
 * one two-role, two-instance app per four servers.
 */
import type { HealingPolicyKind } from '../model/policy.ts';
import type { Scenario } from '../model/scenario.ts';
import { incidentScenario } from '../model/scenarios/incident20090313.ts';
import { type AppSpec, rackedServers } from '../model/topology.ts';

export const INCIDENT_SERVERS = 40;
const FAULT_DOMAINS = 2;
const UPDATE_DOMAINS = 5;
const CAPACITY = 6;

function scaledApps(servers: number): AppSpec[] {
  const solo = servers;
  const pairs = Math.max(1, Math.round(servers / 4));
  const width = Math.max(2, String(Math.max(solo, pairs) - 1).length);
  const apps: AppSpec[] = [];
  for (let i = 0; i < solo; i++) apps.push({ id: `solo${String(i).padStart(width, '0')}`, roles: [{ id: 'web', instances: 1 }] });
  for (let i = 0; i < pairs; i++) {
    apps.push({
      id: `pair${String(i).padStart(width, '0')}`,
      roles: [
        { id: 'web', instances: 2 },
        { id: 'worker', instances: 2 },
      ],
    });
  }
  return apps;
}

/** The incident scenario with `servers` servers; at 40 it is the incident itself, app for app. */
export function scaledIncidentScenario(servers: number, healing?: HealingPolicyKind): Scenario {
  const incident = incidentScenario(healing);
  return {
    ...incident,
    name: `${incident.name}-x${servers}`,
    topology: {
      ...incident.topology,
      servers: rackedServers(servers, FAULT_DOMAINS, UPDATE_DOMAINS, CAPACITY),
      apps: scaledApps(servers),
    },
  };
}
