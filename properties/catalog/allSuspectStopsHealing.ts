/**
 * Every server's heartbeats lost at once: the controller is far likelier cut off than the
 * whole fabric dead. Healing must move nothing in the blackout, nor in the detection timeout
 * after the first server answers again (Kubernetes' fresh grace period).
 */
import fc from 'fast-check';
import { healingPolicyNamed } from '../../model/policy.ts';
import type { Fault } from '../../model/faultSchedule.ts';
import type { Scenario } from '../../model/scenario.ts';
import type { Trace } from '../../model/simulator/trace.ts';
import type { Topology } from '../../model/topology.ts';
import { appsArbitrary } from '../arbitraries/appsArbitrary.ts';
import { basePolicy, scenarioArbitrary } from '../arbitraries/scenarioArbitrary.ts';
import { timingsArbitrary } from '../arbitraries/timingsArbitrary.ts';
import { topologyArbitrary } from '../arbitraries/topologyArbitrary.ts';
import { type PropertyDefinition, type Violation, withPolicy } from '../propertyDefinition.ts';

export interface Blackout {
  readonly fromS: number;
  /** When the first server answered again; null if none did. */
  readonly toS: number | null;
}

function isDark(state: string): boolean {
  return state.startsWith('unreachable') || state === 'failed' || state === 'repairing';
}

/** Every server out of reach, at least one of them; an absent surge server is in no one's reach and no one's count. */
function everyPresentServerDark(states: Iterable<string>): boolean {
  let dark = 0;
  for (const state of states) {
    if (state === 'absent') continue;
    if (!isDark(state)) return false;
    dark++;
  }
  return dark > 0;
}

/** The first interval in which every server was out of the controller's reach. */
export function firstBlackout(trace: Trace): Blackout | null {
  const state = new Map<string, string>();
  for (const [address, value] of Object.entries(trace.initialStates)) if (address.startsWith('server:')) state.set(address, value);
  let fromS: number | null = null;
  for (const entry of trace.entries) {
    if (entry.kind !== 'state' || !state.has(entry.actor)) continue;
    state.set(entry.actor, entry.to);
    const allDark = everyPresentServerDark(state.values());
    if (fromS === null && allDark) fromS = entry.t;
    else if (fromS !== null && !allDark) return { fromS, toS: entry.t };
  }
  return fromS === null ? null : { fromS, toS: null };
}

function movedDuringBlackout(scenario: Scenario, trace: Trace): Violation | null {
  const blackout = firstBlackout(trace);
  if (blackout === null) return null;
  const quietUntilS = blackout.toS === null ? Infinity : blackout.toS + scenario.timings.detectionTimeoutS;
  const move = trace.entries.find((e) => e.kind === 'event' && e.event.type === 'controller.move' && e.to?.startsWith('instance:') && e.t >= blackout.fromS && e.t < quietUntilS);
  if (!move || move.kind !== 'event' || move.event.type !== 'controller.move') return null;
  return {
    atS: move.t,
    expected: `no instance moved from the blackout at ${blackout.fromS}s until a fresh detection timeout after the first server answered${blackout.toS === null ? '' : ` (${blackout.toS}s + ${scenario.timings.detectionTimeoutS}s)`}`,
    seen: `${move.event.instanceId} moved to ${move.event.serverId}`,
  };
}

export const allSuspectStopsHealing: PropertyDefinition = {
  id: 'all-suspect-stops-healing',
  statement: 'When every fault domain looks dead at once, adaptive healing moves nothing, and grants a fresh detection timeout when the first server answers again.',
  hypothesis: 'Every server loses its heartbeats within 30 seconds (the controller is cut off), each for longer than the detection timeout; no server fails.',
  expectation: 'holds',
  mustSee: [
    { id: 'blackout', description: 'every server looked dead at once', minShare: 0.9, reached: (_s, t) => firstBlackout(t) !== null },
    { id: 'staggered-return', description: 'servers came back at different times', minShare: 0.5, reached: (s) => new Set(s.faults.map((f) => (f.kind === 'heartbeat-loss' ? f.atS + f.durationS : 0))).size > 1 },
  ],
  scenarios: (policy) =>
    scenarioArbitrary({
      name: 'the controller cut off from every server',
      topology: topologyArbitrary({ servers: [4, 12], faultDomains: [2, 3], updateDomains: [1, 5], capacity: [1, 3], spareServers: 'all-but-one' }, appsArbitrary({ apps: [2, 8], roles: [1, 2], instances: [1, 2] })),
      timings: timingsArbitrary(),
      policy: { ...basePolicy, healing: healingPolicyNamed('adaptive') },
      faults: fc
        .record({ offsetsS: fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 12 }), extraS: fc.array(fc.integer({ min: 1, max: 1800 }), { minLength: 1, maxLength: 12 }) })
        .map(({ offsetsS, extraS }) => (topology: Topology) =>
          topology.servers.map((server, i): Fault => ({ kind: 'heartbeat-loss', atS: 600 + offsetsS[i % offsetsS.length]!, serverId: server.id, durationS: 330 + extraS[i % extraS.length]! })),
        ),
      horizonS: (t) => 600 + 2 * 3600 + t.repairS,
    })
      // Detection must fire inside the blackout: at most 300 s, less than every loss (> 330 s).
      .map((s) => ({ ...s, timings: { ...s.timings, detectionTimeoutS: Math.min(s.timings.detectionTimeoutS, 300) } }))
      .map((s) => withPolicy(s, policy)),
  check: movedDuringBlackout,
  variants: [
    { label: 'kubernetes', policy: { healing: healingPolicyNamed('kubernetes') }, expectation: 'holds' },
    { label: 'serial', policy: { healing: healingPolicyNamed('serial') }, expectation: 'fails' },
    { label: 'parallel', policy: { healing: healingPolicyNamed('parallel') }, expectation: 'fails' },
  ],
};
