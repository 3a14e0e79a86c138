/**
 * Placement rules, checked by an independent oracle over the trace: no server hosts more
 * copies than its capacity, a move never puts an instance in a fault domain its
 * siblings use while a server with room in another fault domain was known to be up, and a
 * role with a hard spread never has more than `maxSkew` instances in one fault domain above
 * the fault domain holding fewest (Kubernetes' skew, counted over every fault domain).
 * "Known": the controller had been told so (servers report to it one message at a time, so
 * two servers finishing their reboot in the same second are not known up at once).
 */
import type { Scenario } from '../../model/scenario.ts';
import { type HardSpread, faultDomainsOf, hardSpreadOf } from '../../model/topology.ts';
import type { Trace } from '../../model/simulator/trace.ts';
import { type PropertyDefinition, type Violation } from '../propertyDefinition.ts';
import { type EventEntry, eventsOfType } from '../traceQueries.ts';
import { mixedFaultScenarios } from './mixedFaults.ts';

const REPORTS_UP = new Set(['server.heartbeatRestored', 'server.upgraded', 'server.repaired', 'server.rejoined']);
const REPORTS_DOWN = new Set(['server.heartbeatLost', 'server.draining', 'server.upgradeFailed']);

function placementViolation(scenario: Scenario, trace: Trace): Violation | null {
  const spec = new Map(scenario.topology.servers.map((s) => [s.id, s]));
  const hardSpreads = hardSpreadOf(scenario.topology);
  const faultDomains = faultDomainsOf(scenario.topology);
  const load = new Map(scenario.topology.servers.map((s) => [s.id, 0]));
  for (const serverId of Object.values(trace.initialPlacement)) load.set(serverId, load.get(serverId)! + 1);
  const knownUp = new Set(scenario.topology.servers.map((s) => s.id));
  const placedOn = new Map<string, string | null>(Object.entries(trace.initialPlacement));
  const siblingsOf = (instanceId: string) => {
    const role = instanceId.slice(0, instanceId.lastIndexOf('/'));
    return [...placedOn].filter(([id, server]) => id !== instanceId && server !== null && id.startsWith(`${role}/`)).map(([, server]) => server!);
  };
  // The controller's decisions, judged at the delivery that caused them, with what it knew then.
  const decisionsBy = new Map<number, EventEntry[]>();
  for (const entry of trace.entries) {
    if (entry.kind !== 'event' || entry.from !== 'controller' || entry.cause === null) continue;
    const isMove = entry.event.type === 'controller.move' && entry.to?.startsWith('instance:');
    const isBookkeeping = entry.event.type === 'controller.declaredDead' && entry.to === 'monitoring';
    const changesPlacement = entry.event.type === 'controller.queued' || entry.event.type === 'controller.reclaimed';
    if (isMove || isBookkeeping || changesPlacement) decisionsBy.set(entry.cause, [...(decisionsBy.get(entry.cause) ?? []), entry]);
  }
  for (const [index, entry] of trace.entries.entries()) {
    if (entry.kind === 'load') {
      load.set(entry.serverId, entry.load);
      if (entry.load > spec.get(entry.serverId)!.capacity) {
        return { atS: entry.t, expected: `server ${entry.serverId} hosts at most ${spec.get(entry.serverId)!.capacity} copies`, seen: `${entry.load} copies` };
      }
    }
    if (entry.kind !== 'event' || entry.to !== 'controller') continue;
    if ('serverId' in entry.event && REPORTS_UP.has(entry.event.type)) knownUp.add(entry.event.serverId);
    if ('serverId' in entry.event && REPORTS_DOWN.has(entry.event.type)) knownUp.delete(entry.event.serverId);
    for (const decision of decisionsBy.get(index) ?? []) {
      // What the controller says it did to its placements: forgotten when queued, taken back when reclaimed.
      if (decision.event.type === 'controller.declaredDead') knownUp.delete(decision.event.serverId);
      if (decision.event.type === 'controller.queued') placedOn.set(decision.event.instanceId, null);
      if (decision.event.type === 'controller.reclaimed') for (const id of decision.event.instanceIds) placedOn.set(id, decision.event.serverId);
      if (decision.event.type !== 'controller.move') continue;
      const { instanceId, serverId } = decision.event;
      const siblingDomains = siblingsOf(instanceId).map((s) => spec.get(s)!.faultDomain);
      const clashes = (server: string) => siblingDomains.filter((d) => d === spec.get(server)!.faultDomain).length;
      const eligible = scenario.topology.servers.filter((s) => knownUp.has(s.id) && load.get(s.id)! < s.capacity);
      if (eligible.length > 0 && clashes(serverId) > Math.min(...eligible.map((s) => clashes(s.id)))) {
        return {
          atS: decision.t,
          expected: `${instanceId} placed in a fault domain its siblings do not use (one was free)`,
          seen: `placed on ${serverId} in fault domain ${spec.get(serverId)!.faultDomain}, shared with ${clashes(serverId)} sibling(s)`,
        };
      }
      const hardSpread = hardSpreads[instanceId];
      if (hardSpread !== undefined) {
        const broken = hardSpreadBroken(hardSpread, siblingDomains, spec.get(serverId)!.faultDomain, faultDomains);
        if (broken !== null) return { atS: decision.t, expected: `${instanceId} placed within its hard spread: ${broken.expected}`, seen: `placed on ${serverId} ${broken.seen}` };
      }
      placedOn.set(instanceId, serverId);
      load.set(serverId, load.get(serverId)! + 1);
    }
  }
  return null;
}

/** What a move into `faultDomain`, beside siblings in `siblingDomains`, breaks of a hard spread, or null. */
function hardSpreadBroken(hardSpread: HardSpread, siblingDomains: readonly number[], faultDomain: number, faultDomains: readonly number[]): { expected: string; seen: string } | null {
  const held = (d: number) => siblingDomains.filter((s) => s === d).length;
  const there = held(faultDomain) + 1;
  if (hardSpread.maxPerFaultDomain !== undefined && there > hardSpread.maxPerFaultDomain) {
    return { expected: `at most ${hardSpread.maxPerFaultDomain} of its role in a fault domain`, seen: `in fault domain ${faultDomain}, then holding ${there}` };
  }
  if (hardSpread.maxSkew === undefined) return null;
  const fewest = faultDomains.length >= (hardSpread.minDomains ?? 1) ? Math.min(...faultDomains.map(held)) : 0;
  if (there - fewest <= hardSpread.maxSkew) return null;
  return {
    expected: `at most ${hardSpread.maxSkew} more of its role in a fault domain than in the one holding fewest`,
    seen: `in fault domain ${faultDomain}: skew ${there - fewest} (the fewest, ${fewest}, in fault domain ${faultDomains.find((d) => held(d) === fewest) ?? '—'})`,
  };
}

export const capacityAndSpreadRespected: PropertyDefinition = {
  id: 'capacity-and-spread-respected',
  statement: 'No server exceeds its capacity; no two instances of a role share a fault domain when spread is possible; no hard spread is broken.',
  hypothesis: 'A broad fault mix (crashes, heartbeat losses, a rack failure, an upgrade with a slow deployment service, portal requests); any policy, fencing on or off.',
  expectation: 'holds',
  mustSee: [{ id: 'moves', description: 'the controller moved instances', minShare: 0.5, reached: (_s, t) => eventsOfType(t, 'controller.move').length > 0 }],
  scenarios: (policy) => mixedFaultScenarios({}, policy),
  check: placementViolation,
};
