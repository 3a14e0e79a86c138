/**
 * The headline figures of one run, as `fabric-verify simulate` reports them.
 */
import type { Scenario } from '../model/scenario.ts';
import type { Trace } from '../model/simulator/trace.ts';
import { appsEver, failedServers, managementWaits, restoreTimeS, storageTally, timeIn } from './traceQueries.ts';

export interface SimulationFigures {
  readonly scenario: string;
  readonly policy: string;
  readonly serversFailed: number;
  readonly appsDown: number;
  readonly appsDegraded: number;
  readonly singleInstanceAppsDown: number;
  readonly multiInstanceAppsDown: number;
  readonly multiInstanceApps: number;
  /** Mean seconds down per app, for apps with one instance per role and for the rest. */
  readonly meanDowntimeSingleInstanceS: number;
  readonly meanDowntimeMultiInstanceS: number;
  /** From the first server failure until every lost instance runs again; null if never. */
  readonly restoreTimeS: number | null;
  readonly longestManagementWaitS: number;
  readonly managementRequests: number;
  readonly storageWritesLost: number;
  readonly upgrade: string;
  readonly endS: number;
  readonly end: Trace['end'];
  readonly events: number;
}

export function simulationFigures(scenario: Scenario, trace: Trace): SimulationFigures {
  const apps = scenario.topology.apps;
  const isMulti = (appId: string) => apps.find((a) => a.id === appId)!.roles.every((r) => r.instances >= 2);
  const down = appsEver(trace, 'down');
  const degraded = appsEver(trace, 'degraded');
  const appIds = apps.map((a) => a.id);
  const downtime = timeIn(trace, appIds, 'down');
  const mean = (ids: string[]) => (ids.length === 0 ? 0 : Math.round(ids.reduce((s, id) => s + downtime.get(id)!, 0) / ids.length));
  const waits = managementWaits(trace);
  return {
    scenario: scenario.name,
    policy: scenario.policy.healing.kind + (scenario.faults.some((f) => f.kind === 'operator-parallel') ? ' then parallel (operator)' : ''),
    serversFailed: failedServers(trace).size,
    appsDown: down.size,
    appsDegraded: degraded.size,
    singleInstanceAppsDown: [...down].filter((id) => !isMulti(id)).length,
    multiInstanceAppsDown: [...down].filter(isMulti).length,
    multiInstanceApps: appIds.filter(isMulti).length,
    meanDowntimeSingleInstanceS: mean(appIds.filter((id) => !isMulti(id))),
    meanDowntimeMultiInstanceS: mean(appIds.filter(isMulti)),
    restoreTimeS: restoreTimeS(trace),
    longestManagementWaitS: Math.max(0, ...waits.map((w) => w.waitS)),
    managementRequests: waits.length,
    storageWritesLost: storageTally(trace).lost,
    upgrade: trace.finalStates['upgrade'] ?? 'absent',
    endS: trace.endS,
    end: trace.end,
    events: trace.steps,
  };
}
