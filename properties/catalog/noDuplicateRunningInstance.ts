import fc from 'fast-check';
import type { Scenario } from '../../model/scenario.ts';
import type { Trace } from '../../model/simulator/trace.ts';
import { servingCopies } from '../../model/simulator/availability.ts';
import { appsArbitrary } from '../arbitraries/appsArbitrary.ts';
import { allOf, crashes, heartbeatLossFaults } from '../arbitraries/faultArbitraries.ts';
import { swarm } from '../arbitraries/swarm.ts';
import { basePolicy, scenarioArbitrary } from '../arbitraries/scenarioArbitrary.ts';
import { timingsArbitrary } from '../arbitraries/timingsArbitrary.ts';
import { topologyArbitrary } from '../arbitraries/topologyArbitrary.ts';
import { type PropertyDefinition, type Violation, withPolicy } from '../propertyDefinition.ts';
import { eventsOfType } from '../traceQueries.ts';

const WINDOW = { fromS: 0, toS: 3 * 3600 };

/** Copies serving per role over time, from each instance's placed and stray copies. */
function surplusCopies(scenario: Scenario, trace: Trace): Violation | null {
  const limit = new Map<string, number>();
  for (const app of scenario.topology.apps) for (const role of app.roles) limit.set(`${app.id}/${role.id}`, role.instances);
  const copiesOf = new Map<string, number>();
  const perRole = new Map<string, number>();
  const roleOf = (instanceId: string) => instanceId.slice(0, instanceId.lastIndexOf('/'));
  for (const [address, state] of Object.entries(trace.initialStates)) {
    if (!address.startsWith('instance:')) continue;
    const id = address.slice(9);
    const copies = servingCopies(parseState(state));
    copiesOf.set(id, copies);
    perRole.set(roleOf(id), (perRole.get(roleOf(id)) ?? 0) + copies);
  }
  for (const entry of trace.entries) {
    if (entry.kind !== 'state' || !entry.actor.startsWith('instance:')) continue;
    const id = entry.actor.slice(9);
    const role = roleOf(id);
    const copies = servingCopies(parseState(entry.to));
    perRole.set(role, perRole.get(role)! + copies - copiesOf.get(id)!);
    copiesOf.set(id, copies);
    if (perRole.get(role)! > limit.get(role)!) {
      return { atS: entry.t, expected: `role ${role} runs at most ${limit.get(role)} copies`, seen: `${perRole.get(role)} copies serving (${id} runs again while an older copy still serves)` };
    }
  }
  return null;
}

/** `lifecycle.running | stray.serving` back to the value shape `servingCopies` reads. */
function parseState(state: string): { lifecycle?: string; stray?: string } {
  const value: Record<string, string> = {};
  for (const part of state.split(' | ')) {
    const dot = part.indexOf('.');
    value[part.slice(0, dot)] = part.slice(dot + 1);
  }
  return value;
}

export const noDuplicateRunningInstance: PropertyDefinition = {
  id: 'no-duplicate-running-instance',
  statement: 'A role never runs more copies than its instance count, even when a server thought dead comes back (fencing on).',
  hypothesis: 'Heartbeat losses (the server and its copies run on) and crashes during the first three hours; parallel healing; fencing on.',
  expectation: 'holds',
  mustSee: [
    { id: 'back-after-declared-dead', description: 'a server declared dead answered again', minShare: 0.3, reached: (_s, t) => eventsOfType(t, 'controller.declaredDead').length > 0 && eventsOfType(t, 'controller.serverRestored').length > 0 },
    { id: 'moved-off-unreachable', description: 'an instance was moved off a server that was only unreachable', minShare: 0.3, reached: (_s, t) => t.entries.some((e) => e.kind === 'state' && e.to === 'unreachable.fenced') },
  ],
  scenarios: (policy) =>
    scenarioArbitrary({
      name: 'servers thought dead come back',
      topology: topologyArbitrary({ servers: [3, 10], faultDomains: [1, 3], updateDomains: [1, 5], capacity: [1, 3], spareServers: 'all-but-one' }, appsArbitrary({ apps: [1, 6], roles: [1, 2], instances: [1, 3] })),
      timings: timingsArbitrary(),
      policy: basePolicy,
      // At least one heartbeat loss is the hypothesis; crashes are the swarm's to add or leave out.
      faults: fc.tuple(heartbeatLossFaults(WINDOW, [1, 3], [301, 4 * 3600]), swarm({ crashes: crashes(WINDOW, [0, 2]) })).map(([h, c]) => allOf(h, c)),
      horizonS: (t) => WINDOW.toS + 4 * 3600 + t.repairS,
    }).map((s) => withPolicy(s, policy)),
  check: surplusCopies,
  variants: [
    {
      label: 'fencing off',
      policy: { fencing: false },
      expectation: 'fails',
      expectedCounterexample: {
        description: 'one heartbeat loss: the server is unreachable, its instance restarted elsewhere, the old copy still serving',
        notMinimal: (scenario) =>
          scenario.faults.length === 1 && scenario.faults[0]!.kind === 'heartbeat-loss' ? null : `${scenario.faults.length} faults (${scenario.faults.map((f) => f.kind).join(', ')}), expected one heartbeat loss`,
      },
    },
  ],
};
