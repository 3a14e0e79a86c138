/**
 * Portal requests and the healing queue. Sharing the queue (the 2009 design), a request waits
 * behind every move queued before it; with serial healing of one move at a time and a start
 * of S seconds, n moves ahead delay it n·S + its own service time.
 */
import fc from 'fast-check';
import type { ControllerPolicy } from '../../model/policy.ts';
import type { Scenario } from '../../model/scenario.ts';
import type { Trace } from '../../model/simulator/trace.ts';
import { defaultTimings } from '../../model/timings.ts';
import { rackedServers } from '../../model/topology.ts';
import { allOf, crashes, managementRequests } from '../arbitraries/faultArbitraries.ts';
import { swarm } from '../arbitraries/swarm.ts';
import { basePolicy, scenarioArbitrary } from '../arbitraries/scenarioArbitrary.ts';
import { type Violation, withPolicy } from '../propertyDefinition.ts';
import { managementWaits } from '../traceQueries.ts';

/** DESIGN.md: a portal request is answered within 30 minutes. */
export const MANAGEMENT_BOUND_S = 1800;
export const INSTANCE_START_S = 900;
export const SERVICE_S = 60;
/** The shortest backlog of moves (one at a time) that delays a request past its bound. */
export const SHORTEST_BLOCKING_BACKLOG = Math.floor((MANAGEMENT_BOUND_S - SERVICE_S) / INSTANCE_START_S) + 1;

const SERVERS = 8;

export function managementScenarios(policy: ControllerPolicy, override?: Partial<ControllerPolicy>): fc.Arbitrary<Scenario> {
  return scenarioArbitrary({
    name: 'crashes and portal requests',
    // One instance per server: each crash queues exactly one move.
    topology: fc.constant({
      servers: rackedServers(SERVERS, 2, 4, 4),
      apps: Array.from({ length: SERVERS }, (_, a) => ({ id: `app${a}`, roles: [{ id: 'role0', instances: 1 }] })),
    }),
    timings: fc.constant({ ...defaultTimings, instanceStartS: INSTANCE_START_S, managementServiceS: SERVICE_S }),
    policy,
    // At least one portal request is the hypothesis; crashes are the swarm's to add or leave out.
    faults: fc.tuple(swarm({ crashes: crashes({ fromS: 0, toS: 600 }, [0, 6]) }), managementRequests({ fromS: 0, toS: 1800 }, [1, 3])).map(([c, m]) => allOf(c, m)),
    horizonS: () => 12 * 3600,
  }).map((s) => withPolicy(s, override));
}

export function lateAnswer(_scenario: Scenario, trace: Trace): Violation | null {
  const late = managementWaits(trace).find((w) => w.waitS > MANAGEMENT_BOUND_S);
  if (!late) return null;
  return {
    atS: late.requestedAtS + MANAGEMENT_BOUND_S,
    expected: `portal request answered within ${MANAGEMENT_BOUND_S}s`,
    seen: `${late.requestId} ${late.answeredAtS === null ? 'never answered' : `answered after ${late.waitS}s`}`,
  };
}

/** Work ahead of the request when it arrived: queued before it, plus in flight. */
export function backlogAheadOf(trace: Trace, requestId: string): number | null {
  const arrival = trace.entries.findIndex((e) => e.kind === 'event' && e.event.type === 'portal.request' && e.event.requestId === requestId);
  if (arrival < 0) return null;
  for (let i = arrival + 1; i < trace.entries.length; i++) {
    const e = trace.entries[i]!;
    if (e.kind === 'queue') return e.length - 1 + e.inFlight;
    if (e.kind === 'event' && e.to === 'controller') break;
  }
  return null;
}

/** Some request arrived while healing had moves queued or in flight. */
export function requestWaitedBehindHealing(_scenario: Scenario, trace: Trace): boolean {
  let healingWork = 0;
  for (const entry of trace.entries) {
    if (entry.kind === 'queue') healingWork = entry.length + entry.inFlight;
    if (entry.kind === 'event' && entry.event.type === 'portal.request' && healingWork > 0) return true;
  }
  return false;
}

export const sharedQueuePolicy: ControllerPolicy = { ...basePolicy, healing: { kind: 'serial', concurrency: 1 }, management: 'shared-queue' };
