/**
 * The 2009-03-13 Windows Azure CTP incident (shared/seeds/000): during a routine OS upgrade
 * the deployment service slowed on a network fault, many servers timed out and failed, the
 * controller healed a few apps at a time, the portal starved behind that backlog, and after
 * some hours the operators switched to parallel healing. Figures from DOMAIN.md.
 */
import type { Fault } from '../faultSchedule.ts';
import type { HealingPolicyKind } from '../policy.ts';
import { healingPolicyNamed } from '../policy.ts';
import type { Scenario } from '../scenario.ts';
import { defaultTimings } from '../timings.ts';
import { type AppSpec, rackedServers } from '../topology.ts';

const HOUR_S = 3600;
export const INCIDENT_NAME = 'incident-2009-03-13';

/** Most CTP apps ran one instance; a few followed the advice and ran two per role. */
function ctpApps(singleInstance: number, multiInstance: number): AppSpec[] {
  const apps: AppSpec[] = [];
  for (let i = 0; i < singleInstance; i++) apps.push({ id: `solo${String(i).padStart(2, '0')}`, roles: [{ id: 'web', instances: 1 }] });
  for (let i = 0; i < multiInstance; i++) {
    apps.push({
      id: `pair${String(i).padStart(2, '0')}`,
      roles: [
        { id: 'web', instances: 2 },
        { id: 'worker', instances: 2 },
      ],
    });
  }
  return apps;
}

function every(fromS: number, toS: number, stepS: number, make: (atS: number, n: number) => Fault): Fault[] {
  const faults: Fault[] = [];
  for (let atS = fromS, n = 0; atS < toS; atS += stepS, n++) faults.push(make(atS, n));
  return faults;
}

/**
 * The incident. `healing` overrides the controller's policy for the whole run (and drops the
 * operator's switch); without it the run is as it happened: serial, then parallel.
 */
export function incidentScenario(healing?: HealingPolicyKind): Scenario {
  const upgradeStartS = 1 * HOUR_S;
  const faults: Fault[] = [
    { kind: 'upgrade-start', atS: upgradeStartS },
    // For 45 minutes the network fault slows every deployment call past the servers' 10-minute
    // timeout: the first two update domains walked in that window fail whole.
    { kind: 'network-degradation', atS: upgradeStartS, durationS: 2700, latencyS: 1200 },
    ...every(upgradeStartS, 9 * HOUR_S, 600, (atS, n) => ({ kind: 'management-request', atS, requestId: `portal-${n}` })),
    ...every(0, 12 * HOUR_S, 900, (atS, n) => ({ kind: 'storage-write', atS, writeId: `blob-${n}` })),
  ];
  if (healing === undefined) faults.push({ kind: 'operator-parallel', atS: upgradeStartS + 3 * HOUR_S });
  return {
    name: INCIDENT_NAME,
    topology: {
      servers: rackedServers(40, 2, 5, 6),
      apps: ctpApps(40, 10),
      quota: { instancesPerRole: 2, secondInstanceFree: false },
    },
    policy: {
      healing: healingPolicyNamed(healing ?? 'serial'),
      management: 'shared-queue',
      fencing: true,
      upgradeGate: 'continue-after-timeout',
      haltBudget: null,
      alertThreshold: 5,
    },
    timings: defaultTimings,
    faults,
    horizonS: 24 * HOUR_S,
  };
}
